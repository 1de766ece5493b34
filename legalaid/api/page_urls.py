from django.urls import path

from legalaid.api import pages

app_name = "apikeys"

urlpatterns = [
    path("", pages.key_list, name="key_list"),
    path("tao/", pages.key_create, name="key_create"),
    path("<id:pk>/thu-hoi/", pages.key_revoke, name="key_revoke"),
]
