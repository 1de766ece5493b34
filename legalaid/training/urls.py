from django.urls import path

from legalaid.training import views
from legalaid.training import views_duty as duty

app_name = "training"

urlpatterns = [
    path("", views.event_list, name="event_list"),
    path("moi/", views.event_create, name="event_create"),
    path("<id:pk>/", views.event_detail, name="event_detail"),
    path("<id:pk>/sua/", views.event_edit, name="event_edit"),
    path("<id:pk>/nguoi-tham-du/", views.participant_add, name="participant_add"),
    path("tham-du/<id:pk>/", views.participant_edit, name="participant_edit"),
    path("tham-du/<id:pk>/xoa/", views.participant_remove, name="participant_remove"),
    path("tham-du/<id:pk>/chung-nhan/", views.certificate_download, name="certificate_download"),
    path("gio-boi-duong/", views.hours_table, name="hours_table"),
    path("truc-toa/", duty.duty_list, name="duty_list"),
    path("truc-toa/moi/", duty.duty_create, name="duty_create"),
    path("truc-toa/<id:pk>/", duty.duty_detail, name="duty_detail"),
    path("truc-toa/<id:pk>/tra-loi/", duty.duty_help_matter, name="duty_help_matter"),
    path("truc-toa/<id:pk>/yeu-cau/", duty.duty_help_request, name="duty_help_request"),
    path("truc-toa/<id:pk>/huy/", duty.duty_cancel, name="duty_cancel"),
]
