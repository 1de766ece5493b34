from django.urls import path

from legalaid.quality import views
from legalaid.quality import views_evaluation as ev

app_name = "quality"

urlpatterns = [
    path("tham-dinh/", views.appraisal_list, name="appraisal_list"),
    path("tham-dinh/cho-phan-cong/", views.appraisal_queue, name="appraisal_queue"),
    path("tham-dinh/ty-le/", views.coverage, name="coverage"),
    path("tham-dinh/vu-viec/<id:case_pk>/phan-cong/", views.appraisal_assign, name="appraisal_assign"),
    path("tham-dinh/uy-quyen/", views.delegation_list, name="delegation_list"),
    path("tham-dinh/uy-quyen/<id:pk>/cham-dut/", views.delegation_end, name="delegation_end"),
    path("tham-dinh/<id:pk>/", views.appraisal_detail, name="appraisal_detail"),
    path("tham-dinh/<id:pk>/cham-diem/", views.appraisal_complete, name="appraisal_complete"),
    path("tham-dinh/<id:pk>/bao-cao/", views.appraisal_report, name="appraisal_report"),
    path("danh-gia/", ev.evaluation_list, name="evaluation_list"),
    path("danh-gia/moi/", ev.evaluation_start, name="evaluation_start"),
    path("danh-gia/<id:pk>/", ev.evaluation_detail, name="evaluation_detail"),
    path("danh-gia/<id:pk>/doan/", ev.team_add, name="team_add"),
    path("danh-gia/<id:pk>/y-kien/<id:member_pk>/", ev.opinion_record, name="opinion_record"),
    path("danh-gia/<id:pk>/ket-luan/", ev.evaluation_conclude, name="evaluation_conclude"),
    path("danh-gia/ke-hoach/", ev.plan_list, name="plan_list"),
    path("danh-gia/ke-hoach/moi/", ev.plan_create, name="plan_create"),
    path("danh-gia/ke-hoach/<id:pk>/", ev.plan_detail, name="plan_detail"),
    path("danh-gia/ke-hoach/<id:pk>/phe-duyet/", ev.plan_approve, name="plan_approve"),
    path("danh-gia/khac-phuc/", ev.follow_up_list, name="follow_up_list"),
    path("danh-gia/khac-phuc/<id:pk>/", ev.follow_up_done, name="follow_up_done"),
]
