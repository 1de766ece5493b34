"""Each Centre numbers its own register (TT 12/2018 Art. 5, 11): two provinces' Centres both open "TT.TV.01.2026"
in one deployment, and the code stays unique within a Centre."""

import pytest
from django.db import IntegrityError, transaction

from legalaid.cases.models import LegalAidCase
from legalaid.cases.tests.factories import accepted_case

pytestmark = pytest.mark.django_db


def test_two_centres_open_the_same_code(world):
    first_a = accepted_case(world.a.intake)
    first_b = accepted_case(world.b.intake)
    assert world.a.centre.code == world.b.centre.code
    assert first_a.code == first_b.code
    assert first_a.centre_id != first_b.centre_id


def test_a_code_is_unique_within_its_centre(world):
    case = accepted_case(world.a.intake)
    other = accepted_case(world.a.intake)
    with pytest.raises(IntegrityError), transaction.atomic():
        LegalAidCase.objects.filter(pk=other.pk).update(code=case.code)
