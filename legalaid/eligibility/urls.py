from django.urls import path  # noqa: F401

app_name = "eligibility"

urlpatterns: list = []
