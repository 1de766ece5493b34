from django.urls import path

from legalaid.cases import views

app_name = "cases"

urlpatterns = [
    path("", views.case_list, name="case_list"),
    path("<id:pk>/", views.case_detail, name="case_detail"),
    path("<id:pk>/chuyen/<str:to>/", views.case_move, name="case_move"),
    path("<id:pk>/thong-tin/", views.details_edit, name="details_edit"),
    path("<id:pk>/phien-toa/", views.hearing_add, name="hearing_add"),
    path("<id:pk>/giay-to/", views.papers_received, name="papers_received"),
    path("<id:pk>/cong-viec/", views.worklog_add, name="worklog_add"),
    path("<id:pk>/tai-lieu/", views.attachment_add, name="attachment_add"),
    path("tai-lieu/<id:pk>/", views.attachment_download, name="attachment_download"),
    path("<id:pk>/ket-thuc/", views.case_complete, name="case_complete"),
    path("<id:pk>/ban-giao/", views.archive_handover, name="archive_handover"),
    path("<id:pk>/luu-tru/", views.case_archive, name="case_archive"),
]
