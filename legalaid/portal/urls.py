from django.urls import path

from legalaid.portal import views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("toi-co-duoc-tro-giup-khong/", views.self_check, name="check"),
    path("van-phong/", views.offices, name="offices"),
    path("van-phong/xa/", views.communes, name="communes"),
    path("gui-yeu-cau/", views.request_form, name="request"),
    path("gui-yeu-cau/da-nhan/", views.request_done, name="request_done"),
    path("tra-cuu/", views.lookup, name="lookup"),
    path("tra-cuu/ket-qua/", views.status, name="status"),
    path("gop-y/", views.feedback, name="feedback"),
    path("giay-to/<id:pk>/tai-ve/", views.paper_download, name="paper_download"),
]
