"""The procedural roles and the completion criteria follow the case's field of law (issue 8 item 5): tables of cases
from the Criminal Procedure Code 2015, the Civil Procedure Code 2015, the Administrative Procedure Law 2015,
QĐ 1179/QĐ-BTP and TT 09/2018/TT-BTP; the form offers only those and refuses another beside the field, the service
refuses it too."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from legalaid.cases import services
from legalaid.cases.choices import CaseStatus
from legalaid.cases.models import CaseCompletion, CaseLitigation, ComplexityCriterion, SuccessCriterion
from legalaid.cases.procedure import procedures_for_field, roles_for_field
from legalaid.cases.tests.factories import case_in
from legalaid.core.tests.html import field_errors, parse

pytestmark = pytest.mark.django_db

S = CaseStatus
CRIMINAL = {
    "reported",
    "held_emergency",
    "arrested",
    "held",
    "suspect",
    "accused",
    "victim",
    "civil_plaintiff",
    "civil_defendant",
    "related_party",
    "other",
}
CIVIL = {"plaintiff", "defendant", "applicant", "related_party", "other"}
ADMINISTRATIVE = {"claimant", "respondent", "related_party", "other"}

#: (field of law, the roles offered)
OFFERED = [
    ("criminal", CRIMINAL),
    ("civil", CIVIL),
    ("marriage_family", CIVIL),
    ("labour", CIVIL),
    ("land", CIVIL | ADMINISTRATIVE),
    ("administrative", ADMINISTRATIVE),
]

#: (field of law, procedure, role, accepted)
ROLES = [
    ("criminal", "criminal", "accused", True),
    ("criminal", "criminal", "suspect", True),
    ("criminal", "criminal", "victim", True),
    ("criminal", "criminal", "held_emergency", True),
    ("criminal", "criminal", "civil_plaintiff", True),
    ("criminal", "criminal", "plaintiff", False),
    ("criminal", "criminal", "claimant", False),
    ("civil", "civil", "plaintiff", True),
    ("civil", "civil", "defendant", True),
    ("civil", "civil", "related_party", True),
    ("civil", "civil", "accused", False),
    ("civil", "civil", "victim", False),
    ("civil", "civil", "claimant", False),
    ("marriage_family", "civil", "defendant", True),
    ("marriage_family", "civil", "suspect", False),
    ("labour", "civil", "plaintiff", True),
    ("labour", "civil", "respondent", False),
    ("land", "civil", "plaintiff", True),
    ("land", "administrative", "claimant", True),
    ("land", "civil", "accused", False),
    ("administrative", "administrative", "claimant", True),
    ("administrative", "administrative", "respondent", True),
    ("administrative", "administrative", "related_party", True),
    ("administrative", "administrative", "plaintiff", False),
    ("administrative", "administrative", "accused", False),
]


def url(name, case):
    return reverse(f"cases:{name}", kwargs={"pk": case.pk})


def litigation_case(world, field):
    return case_in(world.a.director, S.IN_PROGRESS, form="litigation", field=field)


@pytest.mark.parametrize(("field", "roles"), OFFERED)
def test_the_form_offers_the_roles_of_the_field(client, world, field, roles):
    assert set(roles_for_field(field)) == roles
    case = litigation_case(world, field)
    client.force_login(world.a.officer)
    doc = parse(client.get(url("details_edit", case)))
    offered = {v for v in doc.xpath('//select[@name="procedural_role"]/option/@value') if v}
    assert offered == roles
    procedures = {v for v in doc.xpath('//select[@name="procedure"]/option/@value') if v}
    assert procedures == set(procedures_for_field(field))


@pytest.mark.parametrize(("field", "procedure", "role", "accepted"), ROLES)
def test_the_form_accepts_or_refuses_the_role_beside_the_field(client, world, field, procedure, role, accepted):
    case = litigation_case(world, field)
    client.force_login(world.a.officer)
    data = {"procedure": procedure, "procedural_role": role, "stage": "first_instance"}
    response = client.post(url("details_edit", case), data)
    if accepted:
        assert response.status_code == 302
        assert CaseLitigation.objects.get(case=case).procedural_role == role
    else:
        assert response.status_code == 200
        [message] = field_errors(response)["procedural_role"]
        assert "Tư cách tố tụng này không có trong" in message
        assert role not in message  # no raw code
        assert not CaseLitigation.objects.filter(case=case).exists()


@pytest.mark.parametrize(("field", "procedure", "role", "accepted"), ROLES)
def test_the_service_accepts_or_refuses_the_role(world, field, procedure, role, accepted):
    case = litigation_case(world, field)
    details = CaseLitigation(procedure=procedure, procedural_role=role, stage="first_instance")
    if accepted:
        services.details_save(actor=world.a.officer, case=case, details=details)
    else:
        with pytest.raises(ValidationError) as error:
            services.details_save(actor=world.a.officer, case=case, details=details)
        assert "procedural_role" in error.value.message_dict


@pytest.mark.parametrize(
    ("field", "procedure"),
    [("criminal", "civil"), ("civil", "criminal"), ("administrative", "civil"), ("labour", "administrative")],
)
def test_a_procedure_the_field_does_not_follow_is_refused(client, world, field, procedure):
    case = litigation_case(world, field)
    with pytest.raises(ValidationError) as error:
        services.details_save(
            actor=world.a.officer,
            case=case,
            details=CaseLitigation(procedure=procedure, procedural_role="other", stage="first_instance"),
        )
    assert "procedure" in error.value.message_dict
    client.force_login(world.a.officer)
    response = client.post(
        url("details_edit", case), {"procedure": procedure, "procedural_role": "other", "stage": "first_instance"}
    )
    assert response.status_code == 200
    assert "không giải quyết theo thủ tục tố tụng" in " ".join(field_errors(response)["procedure"])


# --- Completion criteria ------------------------------------------------------------------------------------------


@pytest.fixture
def criminal_complexity(db):
    """A criterion of TT 09/2018 Art. 4 (criminal litigation) as an administrator would add it."""
    return ComplexityCriterion.objects.create(
        code="PT-HS1", text="Tiêu chí riêng vụ án hình sự", procedure="criminal", reference="TT 09/2018/TT-BTP Điều 4"
    )


#: (form of aid, field, success criteria offered, criminal complexity criterion offered)
CRITERIA = [
    ("litigation", "criminal", {"NT1", "NT2", "NT3", "TC01", "TC02", "TC03", "TC05", "TC06"}, True),
    ("litigation", "civil", {"NT1", "NT2", "NT3"}, False),
    ("litigation", "administrative", {"NT1", "NT2", "NT3"}, False),
    ("litigation", "marriage_family", {"NT1", "NT2", "NT3"}, False),
    ("advice", "criminal", None, False),  # no success criteria outside litigation
    ("representation", "land", None, False),
]


@pytest.mark.parametrize(("form", "field", "success", "criminal_offered"), CRITERIA)
def test_completion_offers_the_criteria_of_the_field(
    client, world, criminal_complexity, form, field, success, criminal_offered
):
    case = case_in(world.a.director, S.IN_PROGRESS, form=form, field=field)
    client.force_login(world.a.officer)
    doc = parse(client.get(url("case_complete", case)))
    codes = dict(SuccessCriterion.objects.values_list("pk", "code"))
    offered = {codes[int(v)] for v in doc.xpath('//input[@name="success_criteria"]/@value')}
    assert offered == (success or set())
    complexity = set(doc.xpath('//input[@name="complexity_criteria"]/@value'))
    assert (str(criminal_complexity.pk) in complexity) is criminal_offered
    general = ComplexityCriterion.objects.get(code="PT01")
    assert str(general.pk) in complexity


def _litigation_post(case, **extra):
    today = timezone.localdate().strftime("%d/%m/%Y")
    return {
        "version": case.version,
        "completed_on": today,
        "outcome": "Tòa chấp nhận",
        "decision_number": "12/2026/DS-ST",
        "decision_date": today,
        "beneficiary_change": "Được chia tài sản",
        **extra,
    }


def test_a_criterion_of_another_field_is_refused_beside_the_field(client, world, criminal_complexity):
    case = litigation_case(world, "civil")
    principle = list(SuccessCriterion.objects.filter(is_principle=True).values_list("pk", flat=True))
    criminal = SuccessCriterion.objects.get(code="TC01")
    client.force_login(world.a.officer)
    data = _litigation_post(
        case,
        successful="on",
        success_criteria=[*principle, criminal.pk],
        complex_or_typical="on",
        complexity_criteria=[criminal_complexity.pk],
    )
    response = client.post(url("case_complete", case), data)
    assert response.status_code == 200
    errors = field_errors(response)
    assert "không áp dụng cho vụ việc lĩnh vực dân sự" in " ".join(errors["success_criteria"])
    assert "không áp dụng cho vụ việc lĩnh vực dân sự" in " ".join(errors["complexity_criteria"])
    assert not CaseCompletion.objects.filter(case=case).exists()
    data.update(success_criteria=principle, complexity_criteria=[ComplexityCriterion.objects.get(code="PT04").pk])
    assert client.post(url("case_complete", case), data).status_code == 302
    case.refresh_from_db()
    assert case.status == S.COMPLETED


def test_the_service_refuses_a_criterion_of_another_field(world, criminal_complexity):
    case = litigation_case(world, "civil")
    principle = list(SuccessCriterion.objects.filter(is_principle=True))
    completion = CaseCompletion(
        completed_on=timezone.localdate(),
        outcome="Tòa chấp nhận",
        decision_number="12/2026/DS-ST",
        decision_date=timezone.localdate(),
        beneficiary_change="Được chia tài sản",
        successful=True,
        complex_or_typical=True,
    )
    with pytest.raises(ValidationError) as error:
        services.case_complete(
            actor=world.a.officer,
            case=case,
            completion=completion,
            success_criteria=[*principle, SuccessCriterion.objects.get(code="TC02")],
            complexity_criteria=[criminal_complexity],
        )
    assert {"success_criteria", "complexity_criteria"} <= set(error.value.message_dict)
    case.refresh_from_db()
    assert case.status == S.IN_PROGRESS


def test_the_litigation_details_narrow_the_criteria_of_a_land_case(world):
    """A land case may be civil or administrative; once the details say which, the criteria follow them."""
    from legalaid.cases.procedure import success_criteria_for

    SuccessCriterion.objects.create(code="HC01", text="Hủy quyết định hành chính", procedure="administrative")
    SuccessCriterion.objects.create(code="DS01", text="Chấp nhận yêu cầu khởi kiện", procedure="civil")
    case = litigation_case(world, "land")
    assert {"HC01", "DS01"} <= set(success_criteria_for(case).values_list("code", flat=True))
    services.details_save(
        actor=world.a.officer,
        case=case,
        details=CaseLitigation(procedure="administrative", procedural_role="claimant", stage="first_instance"),
    )
    case.refresh_from_db()
    codes = set(success_criteria_for(case).values_list("code", flat=True))
    assert "HC01" in codes and "DS01" not in codes
