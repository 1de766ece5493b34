import datetime as dt

import pytest

from legalaid.core.models import Commune
from legalaid.people.choices import DuplicateReason
from legalaid.people.services import _similar_names, find_duplicates
from legalaid.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def reasons(duplicates):
    return {d.person.full_name: d.reasons for d in duplicates}


def test_same_id_number(world):
    p = PersonFactory(centre=world.a.centre, full_name="Trần Thị Mai", id_number="001185012345", sex="female")
    PersonFactory(centre=world.b.centre, full_name="Trần Thị Mai", id_number="001185012345", sex="female")
    found = find_duplicates(centre=world.a.centre, id_number="001 185 012 345")
    assert [d.person for d in found] == [p]
    assert found[0].reasons == [DuplicateReason.SAME_ID]
    assert found[0].labels == ["Trùng số giấy tờ tùy thân"]
    assert find_duplicates(centre=world.a.centre, id_number="001185012345", exclude_pk=p.pk) == []


def test_same_folded_name_and_date_or_year_of_birth(world):
    PersonFactory(centre=world.a.centre, full_name="Nguyễn Văn Đức", date_of_birth=dt.date(1985, 3, 2))
    PersonFactory(centre=world.a.centre, full_name="Nguyễn Văn Đức", date_of_birth=None, birth_year=1985)
    PersonFactory(centre=world.a.centre, full_name="Nguyễn Văn Đức", date_of_birth=dt.date(1985, 4, 2))
    PersonFactory(centre=world.a.centre, full_name="Nguyễn Văn Đức", date_of_birth=dt.date(1990, 3, 2))
    found = find_duplicates(centre=world.a.centre, full_name="nguyen van duc", date_of_birth=dt.date(1985, 3, 2))
    assert len(found) == 2
    assert all(d.reasons == [DuplicateReason.SAME_NAME_BIRTH] for d in found)
    by_year = find_duplicates(centre=world.a.centre, full_name="NGUYỄN VĂN ĐỨC", birth_year=1985)
    assert len(by_year) == 3


def test_similar_name_in_the_same_commune(world):
    commune, other = Commune.objects.order_by("code")[:2]
    PersonFactory(centre=world.a.centre, full_name="Lê Văn Hùng", commune=commune, province=commune.province)
    PersonFactory(centre=world.a.centre, full_name="Lê Hùng", commune=commune, province=commune.province)
    PersonFactory(centre=world.a.centre, full_name="Lê Văn Hưng", commune=commune, province=commune.province)
    PersonFactory(centre=world.a.centre, full_name="Lê Văn Hùng", commune=other, province=other.province)
    PersonFactory(centre=world.a.centre, full_name="Phạm Văn Long", commune=commune, province=commune.province)
    found = reasons(find_duplicates(centre=world.a.centre, full_name="Lê Văn Hùng", commune=commune))
    assert found == {
        "Lê Văn Hùng": [DuplicateReason.SIMILAR_NAME_COMMUNE],
        "Lê Hùng": [DuplicateReason.SIMILAR_NAME_COMMUNE],
        "Lê Văn Hưng": [DuplicateReason.SIMILAR_NAME_COMMUNE],
    }


def test_several_reasons_strongest_first(world):
    commune = Commune.objects.order_by("code").first()
    PersonFactory(
        centre=world.a.centre,
        full_name="Hoàng Thị Lan",
        sex="female",
        date_of_birth=dt.date(1970, 1, 1),
        id_number="001170000001",
        commune=commune,
        province=commune.province,
    )
    found = find_duplicates(
        centre=world.a.centre,
        full_name="Hoàng Thị Lan",
        date_of_birth=dt.date(1970, 1, 1),
        id_number="001170000001",
        commune=commune,
    )
    assert found[0].reasons == list(DuplicateReason.values)


def test_nothing_to_compare_finds_nothing(world):
    PersonFactory(centre=world.a.centre)
    assert find_duplicates(centre=world.a.centre) == []
    assert find_duplicates(centre=None, full_name="x") == []


@pytest.mark.parametrize(
    ("a", "b", "similar"),
    [
        ("nguyen van duc", "nguyen duc", True),
        ("nguyen van duc", "nguyen minh duc", True),
        ("nguyen van duc", "nguyen van dut", True),
        ("nguyen van duc", "nguyen van", False),
        ("nguyen van duc", "tran van duc", False),
        ("le an", "le anh", True),
        ("le an", "le binh", False),
    ],
)
def test_similar_names(a, b, similar):
    assert _similar_names(a, b) is similar
