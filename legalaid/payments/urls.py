from django.urls import path

from legalaid.payments import views

app_name = "payments"

urlpatterns = [
    path("", views.payment_list, name="payment_list"),
    path("can-thanh-toan/", views.owed, name="owed"),
    path("tong-hop/", views.totals, name="totals"),
    path("muc-thu-lao/", views.rates, name="rates"),
    path("vu-viec/<id:case_pk>/de-nghi/", views.payment_propose, name="payment_propose"),
    path("vu-viec/<id:case_pk>/quyet-dinh/", views.decision_create, name="decision_create"),
    path("<id:pk>/", views.payment_detail, name="payment_detail"),
    path("<id:pk>/<str:action>/", views.payment_action, name="payment_action"),
    path("<id:pk>/tai-ve/<str:kind>/", views.payment_file, name="payment_file"),
]
