from django.urls import path

from legalaid.intake import views

app_name = "intake"

urlpatterns = [
    path("", views.request_list, name="request_list"),
    path("yeu-cau/moi/", views.request_create, name="request_create"),
    path("yeu-cau/tim-nguoi/", views.person_search, name="person_search"),
    path("yeu-cau/van-ban-chuyen/", views.referral_fields, name="referral_fields"),
    path("yeu-cau/xet-dien/", views.eligibility_preview, name="eligibility_preview"),
    path("yeu-cau/<id:pk>/", views.request_detail, name="request_detail"),
    path("yeu-cau/<id:pk>/thu-ly/", views.request_accept, name="request_accept"),
    path("yeu-cau/<id:pk>/bo-sung/", views.request_ask_papers, name="request_ask_papers"),
    path("yeu-cau/<id:pk>/tu-choi/", views.request_refuse, name="request_refuse"),
    path("yeu-cau/<id:pk>/chuyen/", views.request_transfer, name="request_transfer"),
    path("vu-viec/", views.case_list, name="case_list"),
    path("vu-viec/<id:pk>/", views.case_detail, name="case_detail"),
    path("viec-tgpl/", views.simple_matter_list, name="simple_matter_list"),
    path("viec-tgpl/moi/", views.simple_matter_create, name="simple_matter_create"),
]

# Official papers and register prints (legalaid/intake/views_documents.py).
from legalaid.intake import views_documents  # noqa: E402

urlpatterns += [
    path("yeu-cau/<id:pk>/don.docx", views_documents.request_form_docx, name="request_form_docx"),
    path(
        "vu-viec/<id:pk>/thong-bao-thu-ly.docx", views_documents.acceptance_notice_docx, name="acceptance_notice_docx"
    ),
    path("quyet-dinh/<id:pk>.docx", views_documents.decision_docx, name="decision_docx"),
    path("so/", views_documents.registers, name="registers"),
    path("so/<id:org_pk>/<year:year>/<str:kind>.xlsx", views_documents.register_xlsx, name="register_xlsx"),
    path("so/<id:org_pk>/<year:year>/<str:kind>.docx", views_documents.register_docx, name="register_docx"),
]
