"""Appraisal rules (TT 12/2018/TT-BTP Art. 16; DOMAIN.md 3, 12): which cases, who appraises (never a provider of the
case), the points per criterion as data, the appraised sessions and the result level."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from legalaid.core.models import AuditEntry
from legalaid.providers.tests.factories import ProviderFactory, provider_for
from legalaid.quality import services
from legalaid.quality.choices import AppraisalStatus
from legalaid.quality.models import Appraisal, AppraisalDelegation, CriteriaSet, ResultLevel
from legalaid.quality.tests.factories import FULL_SCORES, completed_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(world):
    return completed_case(world.a.director, provider_for(world.a.officer))


def test_reference_data_holds_the_confirmed_points_of_article_16():
    criteria = CriteriaSet.in_force_on(timezone.localdate()).criteria.all()
    by_group = {}
    for c in criteria:
        by_group[c.group] = by_group.get(c.group, 0) + c.max_points
    assert by_group == {"responsibility": 30, "performance": 60, "other": 10}
    unconfirmed = {c.code for c in criteria if not c.confirmed}
    assert unconfirmed == {"2.4", "3.1"}  # the remainder and the last group (DOMAIN.md 3: not retrieved)
    assert not ResultLevel.objects.filter(confirmed=True).exists()
    assert set(ResultLevel.objects.filter(satisfactory=True).values_list("code", flat=True)) == {"tot", "dat"}


def test_director_assigns_an_appraiser_with_a_due_date(world, case):
    appraisal = services.appraisal_assign(actor=world.a.director, case=case, appraiser=world.a.deputy)
    assert appraisal.status == AppraisalStatus.ASSIGNED
    assert appraisal.centre_id == case.centre_id and appraisal.appraiser == world.a.deputy
    assert appraisal.due_on > timezone.localdate()  # 10 working days (unconfirmed Centre setting)
    assert appraisal.is_satisfactory is None
    assert AuditEntry.objects.filter(object_id=str(appraisal.pk), message="Phân công thẩm định").exists()


def test_a_provider_of_the_case_may_not_appraise_it(world, case):
    with pytest.raises(ValidationError) as error:
        services.appraisal_assign(actor=world.a.director, case=case, appraiser=world.a.officer)
    message = error.value.message_dict["appraiser"][0]
    assert "là người thực hiện trợ giúp pháp lý của vụ việc này nên không được thẩm định" in message
    assert not Appraisal.objects.exists()


def test_a_replaced_provider_may_not_appraise_either(world):
    from legalaid.providers.models import Assignment

    first = provider_for(world.a.officer)
    case = completed_case(world.a.director, ProviderFactory(centre=world.a.centre))
    # Written directly: the officer worked on the case under an assignment a change of provider ended.
    other = Assignment.objects.get(case=case)
    Assignment.objects.create(
        case=case,
        provider=first,
        kind=other.kind,
        issuer=other.issuer,
        decision_year=other.decision_year,
        decision_number=other.decision_number + 100,
        decision_code="X",
        decision_date=other.decision_date,
        decided_by=world.a.director,
        is_active=False,
        started_on=other.started_on,
        ended_on=other.started_on,
        end_reason="changed",
    )
    with pytest.raises(ValidationError):
        services.appraisal_assign(actor=world.a.director, case=case, appraiser=world.a.officer)


@pytest.mark.parametrize(
    ("form", "status", "appraisable"),
    [
        ("litigation", "completed", True),
        ("representation", "completed", True),
        ("litigation", "archived", True),
        ("advice", "completed", False),
        ("litigation", "in_progress", False),
    ],
)
def test_which_cases_are_appraised(world, form, status, appraisable):
    from legalaid.cases.models import LegalAidCase

    case = completed_case(world.a.director, provider_for(world.a.officer), form=form)
    LegalAidCase.objects.filter(pk=case.pk).update(status=status)
    if appraisable:
        assert services.appraisal_assign(actor=world.a.director, case=case, appraiser=world.a.deputy)
    else:
        with pytest.raises(ValidationError):
            services.appraisal_assign(actor=world.a.director, case=case, appraiser=world.a.deputy)


@pytest.mark.parametrize("persona", ["officer", "intake", "admin_staff", "doj_officer", "lawyer"])
def test_only_the_board_or_a_delegate_assigns(world, case, persona):
    with pytest.raises(PermissionDenied):
        services.appraisal_assign(actor=getattr(world.a, persona), case=case, appraiser=world.a.deputy)


def test_other_centre_director_cannot_assign(world, case):
    with pytest.raises(PermissionDenied):
        services.appraisal_assign(actor=world.b.director, case=case, appraiser=world.a.deputy)


def test_appraiser_from_another_centre_is_refused(world, case):
    with pytest.raises(ValidationError) as error:
        services.appraisal_assign(actor=world.a.director, case=case, appraiser=world.b.officer)
    assert "Trung tâm" in error.value.message_dict["appraiser"][0]


def test_a_delegate_of_the_director_assigns(world, case):
    other = completed_case(world.a.director, ProviderFactory(centre=world.a.centre))
    services.delegation_grant(actor=world.a.director, delegate=world.a.officer, valid_from=timezone.localdate())
    appraisal = services.appraisal_assign(actor=world.a.officer, case=other, appraiser=world.a.deputy)
    assert appraisal.assigned_by == world.a.officer
    AppraisalDelegation.objects.update(valid_to=timezone.localdate() - dt.timedelta(days=1))
    with pytest.raises(PermissionDenied):
        services.appraisal_assign(actor=world.a.officer, case=case, appraiser=world.a.deputy)


def test_only_the_director_delegates(world):
    with pytest.raises(PermissionDenied):
        services.delegation_grant(actor=world.a.deputy, delegate=world.a.officer, valid_from=timezone.localdate())


def _assigned(world, case):
    return services.appraisal_assign(actor=world.a.director, case=case, appraiser=world.a.deputy)


def test_the_appraiser_completes_it_and_the_total_decides_the_level(world, case):
    appraisal = _assigned(world, case)
    done = services.appraisal_complete(
        actor=world.a.deputy,
        appraisal=appraisal,
        scores=FULL_SCORES,
        appraised_sessions=Decimal("12.5"),
        conclusion="Vụ việc bảo đảm chất lượng.",
    )
    assert done.status == AppraisalStatus.DONE and done.completed_at is not None
    assert done.total_points == 100 and done.result_level.code == "tot"
    assert done.is_satisfactory is True
    assert done.appraised_sessions == Decimal("12.5")
    assert done.scores.count() == 8


@pytest.mark.parametrize(
    ("total_cut", "level"),
    [(0, "tot"), (20, "tot"), (21, "dat"), (50, "dat"), (51, "khong_dat")],
)
def test_result_levels_by_threshold(world, case, total_cut, level):
    """Thresholds 80 / 50 (data, UNCONFIRMED): 100 - cut points."""
    scores = dict(FULL_SCORES)
    remaining = total_cut
    for code in ("2.4", "2.3", "3.1", "1.1", "1.2"):
        take = min(remaining, scores[code])
        scores[code] -= take
        remaining -= take
    done = services.appraisal_complete(
        actor=world.a.deputy,
        appraisal=_assigned(world, case),
        scores=scores,
        appraised_sessions=3,
        conclusion="Kết luận",
    )
    assert done.result_level.code == level
    assert done.is_satisfactory is (level != "khong_dat")


def test_a_chosen_level_must_be_reached_by_the_total(world, case):
    scores = {**FULL_SCORES, "2.4": 0, "2.3": 0, "3.1": 0}  # 45 points
    with pytest.raises(ValidationError) as error:
        services.appraisal_complete(
            actor=world.a.deputy,
            appraisal=_assigned(world, case),
            scores=scores,
            appraised_sessions=3,
            conclusion="Kết luận",
            result_level=ResultLevel.objects.get(code="dat"),
        )
    assert "chưa đạt mức" in error.value.message_dict["result_level"][0]


@pytest.mark.parametrize(
    ("field", "change", "message"),
    [
        ("score_2.3", {"scores": {**FULL_SCORES, "2.3": 21}}, "Điểm phải từ 0 đến 20,0"),
        ("score_1.1", {"scores": {k: v for k, v in FULL_SCORES.items() if k != "1.1"}}, "Hãy chấm điểm"),
        ("appraised_sessions", {"appraised_sessions": Decimal("30.5")}, "Tối đa 30 buổi"),
        ("appraised_sessions", {"appraised_sessions": Decimal("2.3")}, "nửa buổi"),
        ("conclusion", {"conclusion": "  "}, "Hãy ghi kết luận"),
    ],
)
def test_bad_input_is_named_and_nothing_is_saved(world, case, field, change, message):
    appraisal = _assigned(world, case)
    kwargs = {"scores": FULL_SCORES, "appraised_sessions": 3, "conclusion": "Kết luận", **change}
    with pytest.raises(ValidationError) as error:
        services.appraisal_complete(actor=world.a.deputy, appraisal=appraisal, **kwargs)
    assert message in error.value.message_dict[field][0]
    appraisal.refresh_from_db()
    assert appraisal.status == AppraisalStatus.ASSIGNED and not appraisal.scores.exists()


def test_representation_cap_is_20_sessions(world):
    case = completed_case(world.a.director, provider_for(world.a.officer), form="representation")
    with pytest.raises(ValidationError) as error:
        services.appraisal_complete(
            actor=world.a.deputy,
            appraisal=_assigned(world, case),
            scores=FULL_SCORES,
            appraised_sessions=21,
            conclusion="Kết luận",
        )
    assert "Tối đa 20 buổi" in error.value.message_dict["appraised_sessions"][0]


@pytest.mark.parametrize("persona", ["director", "officer", "doj_officer"])
def test_only_the_named_appraiser_completes(world, case, persona):
    appraisal = _assigned(world, case)
    with pytest.raises(PermissionDenied):
        services.appraisal_complete(
            actor=getattr(world.a, persona),
            appraisal=appraisal,
            scores=FULL_SCORES,
            appraised_sessions=3,
            conclusion="Kết luận",
        )


def test_a_done_appraisal_is_not_redone_nor_reassigned(world, case):
    appraisal = _assigned(world, case)
    services.appraisal_complete(
        actor=world.a.deputy, appraisal=appraisal, scores=FULL_SCORES, appraised_sessions=3, conclusion="Kết luận"
    )
    with pytest.raises(ValidationError):
        services.appraisal_assign(actor=world.a.director, case=case, appraiser=world.a.director)
    with pytest.raises(ValidationError):
        services.appraisal_complete(
            actor=world.a.deputy, appraisal=appraisal, scores=FULL_SCORES, appraised_sessions=3, conclusion="K"
        )


def test_reassigning_checks_the_version(world, case):
    appraisal = _assigned(world, case)
    services.appraisal_assign(
        actor=world.a.director, case=case, appraiser=world.a.director, expected_version=appraisal.version
    )
    with pytest.raises(ValidationError) as error:
        services.appraisal_assign(
            actor=world.a.director, case=case, appraiser=world.a.deputy, expected_version=appraisal.version
        )
    assert error.value.code == "stale"
