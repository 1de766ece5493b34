"""The site's URLs plus one view that fails, for the 500 page test (test_error_pages.py)."""

from django.urls import path

from legalaid.urls import handler400, handler403, handler404, handler500
from legalaid.urls import urlpatterns as site_urlpatterns

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]


def boom(request):
    raise RuntimeError("secret-internal-detail in LegalAidCase 42")


urlpatterns = [*site_urlpatterns, path("_thu-loi/", boom)]
