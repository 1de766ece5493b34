from django.urls import path

from legalaid.plans import views

app_name = "plans"

urlpatterns = [
    path("", views.plan_list, name="plan_list"),
    path("nhap/", views.plan_import, name="plan_import"),
    path("nhap/<id:pk>/", views.draft_review, name="draft_review"),
    path("nhap/<id:pk>/bo/", views.draft_discard, name="draft_discard"),
    path("<id:pk>/", views.plan_detail, name="plan_detail"),
    path("<id:pk>/sua/", views.plan_edit, name="plan_edit"),
    path("<id:pk>/van-ban-goc/", views.plan_source, name="plan_source"),
    path("<id:pk>/bao-cao/", views.plan_report, name="plan_report"),
    path("<id:pk>/bao-cao.docx", views.plan_report_docx_view, name="plan_report_docx"),
    path("<id:pk>/bao-cao.xlsx", views.plan_report_xlsx_view, name="plan_report_xlsx"),
    path("<id:plan_pk>/nhiem-vu/them/", views.task_add, name="task_add"),
    path("nhiem-vu/<id:pk>/", views.task_detail, name="task_detail"),
    path("nhiem-vu/<id:pk>/sua/", views.task_edit, name="task_edit"),
    path("nhiem-vu/<id:pk>/xoa/", views.task_remove, name="task_remove"),
    path("nhiem-vu/<id:pk>/tien-do/", views.task_progress, name="task_progress"),
    path("chi-tieu/<id:pk>/", views.target_edit, name="target_edit"),
    path("minh-chung/<id:pk>/", views.evidence_download, name="evidence_download"),
]
