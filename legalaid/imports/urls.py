from django.urls import path

from . import views

app_name = "imports"

urlpatterns = [
    path("", views.import_list, name="import_list"),
    path("<id:pk>/", views.import_detail, name="import_detail"),
    path("<id:pk>/nhap/", views.import_start, name="import_start"),
    path("<id:pk>/tep-loi.xlsx", views.import_error_file, name="import_error_file"),
]
