import pytest

from legalaid.people.ethnicities import ETHNICITIES, FOREIGNER, KINH
from legalaid.people.models import Ethnicity

pytestmark = pytest.mark.django_db


def test_the_official_list_has_54_groups_with_kinh_first_plus_foreigners():
    official = [code for code, _name, _other in ETHNICITIES if code != FOREIGNER]
    assert official == [f"{n:02d}" for n in range(1, 55)]
    assert Ethnicity.objects.count() == 55
    assert Ethnicity.objects.get(code=KINH).name == "Kinh"
    assert Ethnicity.objects.get(code="11").name == "Ngái"
    assert Ethnicity.objects.get(code="54").name == "Rơ Măm"
    assert len({name for _code, name, _other in ETHNICITIES}) == 55


def test_minority_means_neither_kinh_nor_foreigner():
    assert not Ethnicity.objects.get(code=KINH).is_minority
    assert not Ethnicity.objects.get(code=FOREIGNER).is_minority
    assert Ethnicity.objects.filter(is_minority=True).count() == 53
    assert Ethnicity.objects.get(name="Tày").is_minority


def test_other_spellings_are_searchable():
    assert Ethnicity.objects.filter(name_key__contains="khơ-me".replace("ơ", "o")).get().code == "05"
    assert Ethnicity.objects.filter(name_key__contains="mong").get().code == "08"
