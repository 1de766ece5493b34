from django.urls import path

from legalaid.core import otp_views, views

app_name = "core"

urlpatterns = [
    path("viec-can-lam/so-luong/", views.work_count, name="work_count"),
    path("don-vi/", views.organisation_list, name="organisation_list"),
    path("don-vi/them/", views.organisation_edit, name="organisation_create"),
    path("don-vi/<int:pk>/", views.organisation_detail, name="organisation_detail"),
    path("don-vi/<int:pk>/sua/", views.organisation_edit, name="organisation_edit"),
    path("don-vi/<int:pk>/dia-ban/", views.branch_commune_add, name="branch_commune_add"),
    path("dia-ban/<int:pk>/ket-thuc/", views.branch_commune_end, name="branch_commune_end"),
    path("nguoi-dung/", views.user_list, name="user_list"),
    path("nguoi-dung/them/", views.user_edit, name="user_create"),
    path("nguoi-dung/<int:pk>/", views.user_detail, name="user_detail"),
    path("nguoi-dung/<int:pk>/sua/", views.user_edit, name="user_edit"),
    path("nguoi-dung/<int:pk>/dat-lai-xac-thuc/", otp_views.reset, name="user_otp_reset"),
    path("don-vi-hanh-chinh/", views.commune_list, name="commune_list"),
    path("don-vi-hanh-chinh/xa-theo-tinh/", views.commune_options, name="commune_options"),
    path("don-vi-hanh-chinh/<int:pk>/", views.commune_detail, name="commune_detail"),
    path("dac-diem-xa/<int:pk>/xoa/", views.commune_flag_delete, name="commune_flag_delete"),
    path("lich/", views.calendar_year, name="calendar"),
    path("lich/<int:year>/", views.calendar_year, name="calendar_year"),
    path("lich/<int:year>/nap-ngay-le/", views.calendar_load_year, name="calendar_load_year"),
    path("lich/dieu-chinh/<int:pk>/xoa/", views.calendar_override_delete, name="calendar_override_delete"),
    path("lich/tinh-ngay-lam-viec/", views.working_days, name="working_days"),
    path("nhat-ky/", views.audit_list, name="audit_list"),
    path("nhat-ky/<int:pk>/", views.audit_detail, name="audit_detail"),
    path("nhat-ky-truy-cap/", views.access_log_list, name="access_log_list"),
]
