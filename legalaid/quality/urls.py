from django.urls import path

from legalaid.quality import views
from legalaid.quality import views_evaluation as ev

app_name = "quality"

urlpatterns = [
    path("tham-dinh/", views.appraisal_list, name="appraisal_list"),
    path("tham-dinh/cho-phan-cong/", views.appraisal_queue, name="appraisal_queue"),
    path("tham-dinh/ty-le/", views.coverage, name="coverage"),
    path("tham-dinh/vu-viec/<int:case_pk>/phan-cong/", views.appraisal_assign, name="appraisal_assign"),
    path("tham-dinh/<int:pk>/", views.appraisal_detail, name="appraisal_detail"),
    path("tham-dinh/<int:pk>/cham-diem/", views.appraisal_complete, name="appraisal_complete"),
    path("tham-dinh/<int:pk>/bao-cao/", views.appraisal_report, name="appraisal_report"),
    path("danh-gia/", ev.evaluation_list, name="evaluation_list"),
    path("danh-gia/moi/", ev.evaluation_start, name="evaluation_start"),
    path("danh-gia/<int:pk>/", ev.evaluation_detail, name="evaluation_detail"),
    path("danh-gia/<int:pk>/doan/", ev.team_add, name="team_add"),
    path("danh-gia/<int:pk>/y-kien/<int:member_pk>/", ev.opinion_record, name="opinion_record"),
    path("danh-gia/<int:pk>/ket-luan/", ev.evaluation_conclude, name="evaluation_conclude"),
    path("danh-gia/ke-hoach/", ev.plan_list, name="plan_list"),
    path("danh-gia/ke-hoach/moi/", ev.plan_create, name="plan_create"),
    path("danh-gia/ke-hoach/<int:pk>/", ev.plan_detail, name="plan_detail"),
    path("danh-gia/ke-hoach/<int:pk>/phe-duyet/", ev.plan_approve, name="plan_approve"),
    path("danh-gia/khac-phuc/", ev.follow_up_list, name="follow_up_list"),
    path("danh-gia/khac-phuc/<int:pk>/", ev.follow_up_done, name="follow_up_done"),
]
