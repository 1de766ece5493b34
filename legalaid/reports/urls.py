from django.urls import path

from legalaid.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.case_figures, name="case_figures"),
    path("bieu-24/", views.form_24, name="form_24"),
    path("bieu-24/tai-xuong/", views.form_24_xlsx, name="form_24_xlsx"),
    path("chi-so/", views.indicators, name="indicators"),
    path("bieu-do/", views.dashboard, name="dashboard"),
    path("danh-sach/", views.drill, name="drill"),
    path("dinh-muc/", views.quota, name="quota"),
]
