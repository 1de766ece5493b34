"""The demonstration studies: four studies of the year on the demo Centre, every status reachable."""

import pytest
from django.utils import timezone

from legalaid.core import demo as core_demo
from legalaid.core.models import User
from legalaid.core.services import holidays_load_year
from legalaid.studies import demo
from legalaid.studies.models import StudyStep, ThematicStudy

pytestmark = pytest.mark.django_db


def test_demo_studies(settings, tmp_path, client):
    settings.MEDIA_ROOT = tmp_path
    holidays_load_year(actor=None, year=timezone.localdate().year)
    core_demo.seed()
    studies = demo.seed()
    assert len(studies) == 4
    assert ThematicStudy.objects.filter(year=timezone.localdate().year).count() == 4
    today = timezone.localdate()
    for step in StudyStep.objects.exclude(done_on=None):
        assert step.done_on <= today
    client.force_login(User.objects.get(username="giamdoc"))
    for study in studies:
        assert client.get(f"/chuyen-de/{study.pk}/").status_code == 200
