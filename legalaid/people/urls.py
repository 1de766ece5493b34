from django.urls import path

from legalaid.people import views

app_name = "people"

urlpatterns = [
    path("", views.person_list, name="person_list"),
    path("them/", views.person_create, name="person_create"),
    path("trung-lap/", views.duplicates, name="duplicates"),
    path("<id:pk>/", views.person_detail, name="person_detail"),
    path("<id:pk>/sua/", views.person_edit, name="person_edit"),
    path("<id:pk>/du-lieu-ca-nhan/", views.person_data_export, name="person_data_export"),
    path("<id:pk>/yeu-cau-chinh-sua/", views.correction_create, name="correction_create"),
    path("yeu-cau-chinh-sua/<id:pk>/", views.correction_decide, name="correction_decide"),
]
