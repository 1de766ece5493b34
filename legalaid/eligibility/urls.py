from django.urls import path

from . import views

app_name = "eligibility"

urlpatterns = [
    path("", views.category_list, name="category_list"),
    path("kiem-tra/", views.check, name="check"),
]
