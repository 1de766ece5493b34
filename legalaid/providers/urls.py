from django.urls import path

from legalaid.providers import views, views_quota

app_name = "providers"

urlpatterns = [
    path("", views.provider_list, name="provider_list"),
    path("moi/", views.provider_edit, name="provider_create"),
    path("khoi-luong/", views.workload, name="workload"),
    path("<id:pk>/", views.provider_detail, name="provider_detail"),
    path("<id:pk>/sua/", views.provider_edit, name="provider_edit"),
    path("<id:pk>/hop-dong/", views.contract_add, name="contract_add"),
    path("<id:pk>/dinh-muc/", views.quota_set, name="quota_set"),
    path("vu-viec/<id:pk>/cu-nguoi-thuc-hien/", views.case_assign, name="case_assign"),
    path("vu-viec/<id:pk>/thay-doi-nguoi-thuc-hien/", views.case_change, name="case_change"),
    path("vu-viec/<id:pk>/de-nghi-thay-doi/", views.change_application_create, name="change_application_create"),
    path("de-nghi-thay-doi/<id:pk>/tu-choi/", views.change_application_reject, name="change_application_reject"),
    path("quyet-dinh/<id:pk>.docx", views.decision_docx, name="decision_docx"),
    path("chi-tieu/", views_quota.quota_table, name="quota_table"),
]
