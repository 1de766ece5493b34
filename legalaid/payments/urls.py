from django.urls import path

from legalaid.payments import views

app_name = "payments"

urlpatterns = [
    path("muc-thu-lao/", views.rates, name="rates"),
]
