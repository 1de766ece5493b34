from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.i18n import set_language

from legalaid.core import health, otp_views
from legalaid.core import views as core_views
from legalaid.core.auth_views import LoginView, PasswordChangeView, PasswordResetConfirmView, PasswordResetView
from legalaid.feedback.urls import public_urlpatterns as feedback_public

urlpatterns = [
    path("", core_views.home, name="home"),
    path("dang-nhap/", LoginView.as_view(), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "doi-mat-khau/",
        PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "doi-mat-khau/xong/",
        auth_views.PasswordChangeDoneView.as_view(template_name="registration/password_change_done.html"),
        name="password_change_done",
    ),
    # The second step of the login and enrolment (legalaid.core.otp), the user's own security page.
    path("xac-thuc/", otp_views.verify, name="otp_verify"),
    path("xac-thuc/dang-ky/", otp_views.enrol, name="otp_enrol"),
    path("tai-khoan/bao-mat/", otp_views.security, name="account_security"),
    # Self-service password reset by e-mail.
    path("quen-mat-khau/", PasswordResetView.as_view(), name="password_reset"),
    path(
        "quen-mat-khau/da-gui/",
        auth_views.PasswordResetDoneView.as_view(template_name="registration/password_reset_done.html"),
        name="password_reset_done",
    ),
    path("dat-lai-mat-khau/<uidb64>/<token>/", PasswordResetConfirmView.as_view(), name="password_reset_confirm"),
    path(
        "dat-lai-mat-khau/xong/",
        auth_views.PasswordResetCompleteView.as_view(template_name="registration/password_reset_complete.html"),
        name="password_reset_complete",
    ),
    path("ngon-ngu/", set_language, name="set_language"),
    path("suc-khoe/", health.health, name="health"),
    path("quan-tri/", include("legalaid.core.urls")),
    path("nguoi/", include("legalaid.people.urls")),
    path("dien-tro-giup/", include("legalaid.eligibility.urls")),
    path("tiep-nhan/", include("legalaid.intake.urls")),
    path("thi-dua/", include("legalaid.commendations.urls")),
    path("chuyen-de/", include("legalaid.studies.urls")),
    path("ke-hoach/", include("legalaid.plans.urls")),
    path("vu-viec/", include("legalaid.cases.urls")),
    path("nguoi-thuc-hien/", include("legalaid.providers.urls")),
    path("thanh-toan/", include("legalaid.payments.urls")),
    path("phan-hoi/", include("legalaid.feedback.urls")),
    *feedback_public,
    path("chat-luong/", include("legalaid.quality.urls")),
    # The public portal, no login (issue 12; docs/portal.md).
    path("cong-dich-vu/", include("legalaid.portal.urls")),
    # The REST API (legalaid.api, docs/api.md) and the page of its keys.
    path("api/v1/", include("legalaid.api.urls")),
    path("khoa-api/", include("legalaid.api.page_urls")),
    path("bao-cao/", include("legalaid.reports.urls")),
    path("nhap-so/", include("legalaid.imports.urls")),
    path("tap-huan/", include("legalaid.training.urls")),
    path("truyen-thong/", include("legalaid.outreach.urls")),
    path("django-admin/", admin.site.urls),
]

# Error pages in Vietnamese in the site's layout, revealing nothing (legalaid/core/errors.py).
handler400 = "legalaid.core.errors.bad_request"
handler403 = "legalaid.core.errors.permission_denied"
handler404 = "legalaid.core.errors.page_not_found"
handler500 = "legalaid.core.errors.server_error"

# No URL serves MEDIA_ROOT, not even with DEBUG on: uploaded files leave the server only through the download view of
# their record, after its access check (legalaid/lib/downloads.py, docs/security.md).
