import pytest

from legalaid.core.choices import OrganisationKind
from legalaid.core.models import Organisation
from legalaid.plans.choices import UnitGroup
from legalaid.plans.units import UnitMatcher, split_units


@pytest.fixture
def matcher(world):
    centre = world.a.centre
    Organisation.objects.create(
        kind=OrganisationKind.DEPARTMENT, name="Phòng Hành chính – Tổng hợp", parent=centre, centre=centre
    )
    Organisation.objects.create(
        kind=OrganisationKind.BRANCH, name="Chi nhánh Trợ giúp pháp lý số 3", code="CN3", parent=centre, centre=centre
    )
    return UnitMatcher(centre)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Phòng Nghiệp vụ", "Phòng Nghiệp vụ A"),
        ("Phòng HC-TH", "Phòng Hành chính – Tổng hợp"),
        ("phòng HCTH", "Phòng Hành chính – Tổng hợp"),
        ("Phòng Hành chính - Tổng hợp", "Phòng Hành chính – Tổng hợp"),
        ("Giao Phòng Hành chính – Tổng hợp", "Phòng Hành chính – Tổng hợp"),
        ("Chi nhánh số 1", "Chi nhánh 1 A"),
        ("CN2", "Chi nhánh 2 A"),
        ("Chi nhánh số 3", "Chi nhánh Trợ giúp pháp lý số 3"),
        ("Trung tâm", "Trung tâm TGPL A"),
        ("Trung tâm trợ giúp pháp lý nhà nước tỉnh", "Trung tâm TGPL A"),
        ("Sở Tư pháp", "Sở Tư pháp A"),
    ],
)
def test_matches_the_centre_s_units(matcher, text, name):
    assert matcher.match(text).organisation.name == name


@pytest.mark.parametrize(
    ("text", "group"), [("Các Chi nhánh", UnitGroup.BRANCHES), ("các phòng", UnitGroup.DEPARTMENTS)]
)
def test_groups(matcher, text, group):
    match = matcher.match(text)
    assert match.organisation is None and match.group == group


@pytest.mark.parametrize("text", ["Báo Lạng Sơn", "Đài Phát thanh và Truyền hình tỉnh", "Phòng", "Chi nhánh số 9", ""])
def test_unknown_units_stay_text(matcher, text):
    assert matcher.match(text).organisation is None


def test_other_centre_units_never_match(world):
    assert UnitMatcher(world.b.centre).match("Phòng Nghiệp vụ A").organisation is None


def test_split_units():
    assert split_units("Phòng HC-TH, Các Chi nhánh;") == ["Phòng HC-TH", "Các Chi nhánh"]
    assert split_units("Các Phòng, Chi nhánh") == ["Các Phòng", "các Chi nhánh"]
