"""The seed plans, read by the parser and saved by ``plan_import``: every task kept, units matched, targets bound."""

from pathlib import Path

import pytest

from legalaid.core.choices import OrganisationKind
from legalaid.core.models import Organisation
from legalaid.plans import services
from legalaid.plans.choices import UnitGroup, UnitRole
from legalaid.plans.parsing import parse_plan

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _count(items) -> int:
    return sum(1 + _count(i.get("children")) for i in items)


@pytest.mark.parametrize(
    "name",
    [
        "plan-2020-lang-son-legal-aid-work.txt",
        "plan-2022-ninh-thuan-25th-anniversary.txt",
        "plan-2025-lang-son-thematic-topics.txt",
    ],
)
def test_seed_plans_import_whole(world, name):
    data = parse_plan(FIXTURES / name)
    plan = services.plan_import(actor=world.a.director, data=data, centre=world.a.centre)
    assert plan.tasks.count() == _count(data["tasks"]) > 0
    positions = list(plan.tasks.values_list("position", flat=True))
    assert positions == sorted(positions) == list(range(len(positions)))
    for task in plan.tasks.exclude(parent=None).select_related("parent"):
        assert task.parent.position < task.position and task.depth == task.parent.depth + 1


def test_lang_son_2020_units_and_targets(world):
    Organisation.objects.create(
        kind=OrganisationKind.DEPARTMENT,
        name="Phòng Hành chính – Tổng hợp",
        parent=world.a.centre,
        centre=world.a.centre,
    )
    data = parse_plan(FIXTURES / "plan-2020-lang-son-legal-aid-work.txt")
    plan = services.plan_import(actor=world.a.director, data=data, centre=world.a.centre)
    assert plan.issuer == world.a.centre
    appraisal = plan.tasks.get(ref="4")
    lead = appraisal.units.get(role=UnitRole.LEAD)
    assert lead.organisation.name == "Phòng Hành chính – Tổng hợp"
    assert appraisal.units.get(role=UnitRole.PARTNER, text="các Chi nhánh").group == UnitGroup.BRANCHES
    assert appraisal.targets.get().metric_code == "litigation_representation_appraised_pct"
    assert plan.tasks.get(ref="2").targets.get().metric_code == "requests_served_pct"
    assert plan.tasks.get(ref="3").targets.get().metric_code == "outreach_sessions_difficult_communes"


def test_ninh_thuan_plan_is_the_doj_s_and_keeps_outside_units_as_text(world):
    data = parse_plan(FIXTURES / "plan-2022-ninh-thuan-25th-anniversary.txt")
    plan = services.plan_import(actor=None, data=data, centre=world.a.centre)
    assert plan.issuer == world.a.doj  # "Sở Tư pháp tỉnh Ninh Thuận", number 225/KH-STP
    media = plan.tasks.get(ref="2")
    assert media.units.get(role=UnitRole.LEAD).organisation == world.a.centre
    partners = {u.text: u.organisation for u in media.units.filter(role=UnitRole.PARTNER)}
    assert partners == {"Đài Phát thanh và Truyền hình tỉnh": None, "Báo Ninh Thuận": None}
