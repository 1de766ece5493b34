from django.urls import path

from legalaid.core import otp_views, views, views_exports

app_name = "core"

urlpatterns = [
    path("viec-can-lam/so-luong/", views.work_count, name="work_count"),
    path("don-vi/", views.organisation_list, name="organisation_list"),
    path("don-vi/them/", views.organisation_edit, name="organisation_create"),
    path("don-vi/<id:pk>/", views.organisation_detail, name="organisation_detail"),
    path("don-vi/<id:pk>/sua/", views.organisation_edit, name="organisation_edit"),
    path("don-vi/<id:pk>/dia-ban/", views.branch_commune_add, name="branch_commune_add"),
    path("dia-ban/<id:pk>/ket-thuc/", views.branch_commune_end, name="branch_commune_end"),
    path("nguoi-dung/", views.user_list, name="user_list"),
    path("nguoi-dung/them/", views.user_edit, name="user_create"),
    path("nguoi-dung/<id:pk>/", views.user_detail, name="user_detail"),
    path("nguoi-dung/<id:pk>/sua/", views.user_edit, name="user_edit"),
    path("nguoi-dung/<id:pk>/dat-lai-xac-thuc/", otp_views.reset, name="user_otp_reset"),
    path("don-vi-hanh-chinh/", views.commune_list, name="commune_list"),
    path("don-vi-hanh-chinh/xa-theo-tinh/", views.commune_options, name="commune_options"),
    path("don-vi-hanh-chinh/<id:pk>/", views.commune_detail, name="commune_detail"),
    path("dac-diem-xa/<id:pk>/xoa/", views.commune_flag_delete, name="commune_flag_delete"),
    path("lich/", views.calendar_year, name="calendar"),
    path("lich/<year:year>/", views.calendar_year, name="calendar_year"),
    path("lich/<year:year>/nap-ngay-le/", views.calendar_load_year, name="calendar_load_year"),
    path("lich/dieu-chinh/<id:pk>/xoa/", views.calendar_override_delete, name="calendar_override_delete"),
    path("lich/tinh-ngay-lam-viec/", views.working_days, name="working_days"),
    path("tep-xuat/", views_exports.export_list, name="export_list"),
    path("tep-xuat/<id:pk>/", views_exports.export_detail, name="export_detail"),
    path("tep-xuat/<id:pk>/tai-ve/", views_exports.export_download, name="export_download"),
    path("nhat-ky/", views.audit_list, name="audit_list"),
    path("nhat-ky/<id:pk>/", views.audit_detail, name="audit_detail"),
    path("nhat-ky-truy-cap/", views.access_log_list, name="access_log_list"),
]
