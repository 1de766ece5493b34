"""/api/v1/: the resources, the OpenAPI schema and its documentation page (docs/api.md)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.permissions import AllowAny
from rest_framework.routers import SimpleRouter

from legalaid.api import national, referrals, views

app_name = "api"

router = SimpleRouter(trailing_slash=True)
router.register("persons", views.PersonViewSet, basename="person")
router.register("requests", views.RequestViewSet, basename="request")
router.register("cases", views.CaseViewSet, basename="case")
router.register("referrals", referrals.ReferralViewSet, basename="referral")
router.register("providers", views.ProviderViewSet, basename="provider")
router.register("organisations", views.OrganisationViewSet, basename="organisation")
router.register("provinces", views.ProvinceViewSet, basename="province")
router.register("communes", views.CommuneViewSet, basename="commune")
router.register("plans", views.PlanViewSet, basename="plan")
router.register("tasks", views.TaskViewSet, basename="task")
router.register("national/cases", national.NationalCaseViewSet, basename="national-case")


class SchemaView(SpectacularAPIView):
    """The OpenAPI 3 schema: public (it holds no record), so an integrator reads it before holding a key."""

    permission_classes = [AllowAny]


class DocsView(SpectacularSwaggerSplitView):
    """Swagger UI from the vendored sidecar files; the page and its init script are separate files (strict CSP)."""

    permission_classes = [AllowAny]
    template_name = "api/swagger_ui.html"
    title = _("API Trợ giúp pháp lý")


urlpatterns = [
    path("schema/", SchemaView.as_view(), name="schema"),
    path("docs/", DocsView.as_view(url_name="api:schema"), name="docs"),
    path("national/figures/", national.figures, name="national_figures"),
    *router.urls,
]
