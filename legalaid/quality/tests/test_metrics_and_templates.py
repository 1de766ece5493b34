"""The coverage figure replaces the plans' placeholder under the same code; the Word template matches its script."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from legalaid.plans import metrics
from legalaid.providers.tests.factories import provider_for
from legalaid.quality import services
from legalaid.quality.tests.factories import FULL_SCORES, completed_case

pytestmark = pytest.mark.django_db


def test_appraisal_coverage_replaces_the_placeholder(world):
    metric = metrics.get_metric("litigation_representation_appraised_pct")
    assert metric.available
    today = timezone.localdate()
    start = today.replace(month=1, day=1)
    assert metric.measure(world.a.centre, start, today) is None  # nothing completed: not measurable
    provider = provider_for(world.a.officer)
    done = completed_case(world.a.director, provider)
    completed_case(world.a.director, provider)
    completed_case(world.a.director, provider, form="representation")
    completed_case(world.a.director, provider, form="advice")  # not appraised: not counted
    completed_case(world.a.director, provider, completed_on=start - dt.timedelta(days=1))  # last year
    a = services.appraisal_assign(actor=world.a.director, case=done, appraiser=world.a.deputy)
    assert metric.measure(world.a.centre, start, today) == 0
    services.appraisal_complete(
        actor=world.a.deputy, appraisal=a, scores=FULL_SCORES, appraised_sessions=1, conclusion="K"
    )
    assert metric.measure(world.a.centre, start, today) == Decimal("33.3")
    assert metrics.get_metric("appraisals_pending").measure(world.a.centre, start, today) == 2
    assert metric.measure(world.b.centre, start, today) is None


def test_appraisal_report_template_matches_the_build_script(tmp_path):
    from legalaid.quality.documents import PACKAGED_DIR
    from legalaid.quality.documents.build_templates import build

    for path in build(tmp_path):
        assert path.read_bytes() == (PACKAGED_DIR / path.name).read_bytes(), path.name


def test_work_queue_sections_by_role():
    from legalaid.core.workqueue import sections_for_role

    assert "appraisals_to_assign" in sections_for_role("director")
    assert "appraisals_to_do" in sections_for_role("officer")
    assert "appraisals_to_assign" not in sections_for_role("doj_officer")
