from django.urls import path

from legalaid.cases import views

app_name = "cases"

urlpatterns = [
    path("", views.case_list, name="case_list"),
    path("<int:pk>/", views.case_detail, name="case_detail"),
    path("<int:pk>/chuyen/<str:to>/", views.case_move, name="case_move"),
    path("<int:pk>/thong-tin/", views.details_edit, name="details_edit"),
    path("<int:pk>/phien-toa/", views.hearing_add, name="hearing_add"),
    path("<int:pk>/giay-to/", views.papers_received, name="papers_received"),
    path("<int:pk>/cong-viec/", views.worklog_add, name="worklog_add"),
    path("<int:pk>/tai-lieu/", views.attachment_add, name="attachment_add"),
    path("tai-lieu/<int:pk>/", views.attachment_download, name="attachment_download"),
    path("<int:pk>/ket-thuc/", views.case_complete, name="case_complete"),
    path("<int:pk>/ban-giao/", views.archive_handover, name="archive_handover"),
    path("<int:pk>/luu-tru/", views.case_archive, name="case_archive"),
]
