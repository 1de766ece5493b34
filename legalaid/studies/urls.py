from django.urls import path

from legalaid.studies import views

app_name = "studies"

urlpatterns = [
    path("", views.study_list, name="study_list"),
    path("moi/", views.study_create, name="study_create"),
    path("<id:pk>/", views.study_detail, name="study_detail"),
    path("<id:pk>/sua/", views.study_update, name="study_update"),
    path("<id:pk>/phien-ban/", views.version_upload, name="version_upload"),
    path("<id:pk>/buoc/<str:kind>/", views.step_complete, name="step_complete"),
    path("phien-ban/<id:pk>/tai-ve/", views.version_download, name="version_download"),
    path("phien-ban/<id:pk>/gop-y/", views.comment_add, name="comment_add"),
]
