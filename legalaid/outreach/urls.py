from django.urls import path

from legalaid.outreach import views, views_mobile

app_name = "outreach"

urlpatterns = [
    path("", views.session_list, name="session_list"),
    path("xa-dac-biet-kho-khan/", views.session_list_difficult, name="session_list_difficult"),
    path("buoi-luu-dong/", views.session_list_mobile, name="session_list_mobile"),
    path("moi/", views.session_create, name="session_create"),
    path("<id:pk>/", views.session_detail, name="session_detail"),
    path("<id:pk>/sua/", views.session_edit, name="session_edit"),
    path("<id:pk>/anh/", views.photo_add, name="photo_add"),
    path("anh/<id:pk>/", views.photo_download, name="photo_download"),
    path("chi-tieu/", views.target_list, name="target_list"),
    path("chi-tieu/<id:pk>/", views.target_edit, name="target_edit"),
    path("luu-dong/", views_mobile.mobile_page, name="mobile"),
    path("luu-dong/sw.js", views_mobile.service_worker, name="mobile_worker"),
    path("luu-dong/ma/", views_mobile.mobile_token, name="mobile_token"),
    path("luu-dong/gui/", views_mobile.mobile_sync, name="mobile_sync"),
    path("yeu-cau-luu-dong/", views.entry_list, name="entry_list"),
    path("yeu-cau-luu-dong/<id:pk>/", views.entry_decide, name="entry_decide"),
    path("duong-day-nong/", views.call_list, name="call_list"),
    path("duong-day-nong/moi/", views.call_create, name="call_create"),
    path("duong-day-nong/<id:pk>/", views.call_detail, name="call_detail"),
]
