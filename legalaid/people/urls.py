from django.urls import path

from legalaid.people import views

app_name = "people"

urlpatterns = [
    path("", views.person_list, name="person_list"),
    path("them/", views.person_create, name="person_create"),
    path("trung-lap/", views.duplicates, name="duplicates"),
    path("<int:pk>/", views.person_detail, name="person_detail"),
    path("<int:pk>/sua/", views.person_edit, name="person_edit"),
]
