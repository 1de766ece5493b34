from django.contrib.auth.decorators import login_required, permission_required
from django.urls import path
from django.views.decorators.http import require_safe

from legalaid.reports import views
from legalaid.reports.metrics import METRIC_DRILLS
from legalaid.reports.records import FAMILIES


def _metric_drill(code):
    view = lambda request: views.metric_drill(request, code)  # noqa: E731
    return login_required(permission_required(views.PERMISSION, raise_exception=True)(require_safe(view)))


app_name = "reports"

urlpatterns = [
    path("", views.case_figures, name="case_figures"),
    path("tai-xuong/", views.case_figures_xlsx, name="case_figures_xlsx"),
    path("bieu-24/", views.form_24, name="form_24"),
    path("bieu-24/tai-xuong/", views.form_24_xlsx, name="form_24_xlsx"),
    path("chi-so/", views.indicators, name="indicators"),
    path("bieu-do/", views.dashboard, name="dashboard"),
    path("danh-sach/", views.drill, name="drill"),
    path("dinh-muc/", views.quota, name="quota"),
    # The catalogue's figures (``legalaid.reports.metrics``: ``Metric.drilldown`` names these).
    *(
        path(f"danh-sach/chi-so/{code.replace('_', '-')}/", _metric_drill(code), name=f"metric_{code}")
        for code in METRIC_DRILLS
    ),
    # The lists of the figures that count other records (``legalaid.reports.records``).
    *(
        path(f"danh-sach/ban-ghi/{code.replace('_', '-')}/", views.records, {"family": code}, name=f"records_{code}")
        for code in FAMILIES
    ),
]
