from django.urls import path

from legalaid.quality import views

app_name = "quality"

urlpatterns = [
    path("tham-dinh/", views.appraisal_list, name="appraisal_list"),
    path("tham-dinh/cho-phan-cong/", views.appraisal_queue, name="appraisal_queue"),
    path("tham-dinh/ty-le/", views.coverage, name="coverage"),
    path("tham-dinh/vu-viec/<int:case_pk>/phan-cong/", views.appraisal_assign, name="appraisal_assign"),
    path("tham-dinh/<int:pk>/", views.appraisal_detail, name="appraisal_detail"),
    path("tham-dinh/<int:pk>/cham-diem/", views.appraisal_complete, name="appraisal_complete"),
    path("tham-dinh/<int:pk>/bao-cao/", views.appraisal_report, name="appraisal_report"),
]
