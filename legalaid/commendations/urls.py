from django.urls import path

from legalaid.commendations import views

app_name = "commendations"

urlpatterns = [
    path("", views.campaign_list, name="campaign_list"),
    path("moi/", views.campaign_create, name="campaign_create"),
    path("<id:pk>/", views.campaign_detail, name="campaign_detail"),
    path("<id:pk>/sua/", views.campaign_update, name="campaign_update"),
    path("<id:pk>/trang-thai/", views.campaign_transition, name="campaign_transition"),
    path("<id:pk>/de-nghi/", views.nomination_create, name="nomination_create"),
    path("<id:pk>/quyet-dinh/", views.decision_create, name="decision_create"),
    path("de-nghi/<id:pk>/xet/", views.nomination_decide, name="nomination_decide"),
    path("de-nghi/<id:pk>/so-lieu/", views.nomination_refresh, name="nomination_refresh"),
    path("quyet-dinh/<id:pk>/tai-ve/", views.decision_download, name="decision_download"),
]
