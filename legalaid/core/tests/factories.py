"""Factories and the standard test world: Centre A (with branches A1, A2) and Centre B, each under its DOJ."""

from __future__ import annotations

from types import SimpleNamespace

import factory

from legalaid.core.choices import AgencyType, OrganisationKind, PartnerForm, PartnerType, Role
from legalaid.core.models import Organisation, Province, User

PASSWORD = "Test-password-2026"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    kind = OrganisationKind.CENTRE
    name = factory.Sequence(lambda n: f"Đơn vị {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    full_name = factory.Sequence(lambda n: f"Người dùng {n}")
    role = Role.OFFICER
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


def _org(kind, name, **fields) -> Organisation:
    org = Organisation(kind=kind, name=name, **fields)
    org.save()
    if kind == OrganisationKind.CENTRE:
        org.centre = org
        org.save(update_fields=["centre"])
    return org


def build_centre(label: str, province: Province) -> SimpleNamespace:
    doj = _org(OrganisationKind.DOJ, f"Sở Tư pháp {label}", province=province)
    centre = _org(OrganisationKind.CENTRE, f"Trung tâm TGPL {label}", code="TT", parent=doj, province=province)
    w = SimpleNamespace(doj=doj, centre=centre)
    w.doj_division = _org(OrganisationKind.DOJ_DIVISION, f"Phòng Bổ trợ tư pháp {label}", parent=doj)
    w.department = _org(OrganisationKind.DEPARTMENT, f"Phòng Nghiệp vụ {label}", parent=centre, centre=centre)
    w.branch1 = _org(OrganisationKind.BRANCH, f"Chi nhánh 1 {label}", code="CN1", parent=centre, centre=centre)
    w.branch2 = _org(OrganisationKind.BRANCH, f"Chi nhánh 2 {label}", code="CN2", parent=centre, centre=centre)
    w.partner = _org(
        OrganisationKind.PARTNER,
        f"Văn phòng luật sư {label}",
        centre=centre,
        partner_type=PartnerType.CONTRACTED,
        partner_form=PartnerForm.LAW_FIRM,
    )
    w.agency = _org(OrganisationKind.AGENCY, f"Tòa án nhân dân {label}", centre=centre, agency_type=AgencyType.COURT)
    slug = label.lower()
    make = lambda role, org, name: UserFactory(  # noqa: E731
        username=f"{name}.{slug}", full_name=f"{name.title()} {label}", role=role, organisation=org
    )
    w.director = make(Role.DIRECTOR, centre, "director")
    w.deputy = make(Role.DEPUTY_DIRECTOR, centre, "deputy")
    w.officer = make(Role.OFFICER, w.department, "officer")
    w.intake = make(Role.INTAKE, w.department, "intake")
    w.branch_head = make(Role.BRANCH_HEAD, w.branch1, "branchhead")
    w.branch_officer = make(Role.OFFICER, w.branch1, "branchofficer")
    w.admin_staff = make(Role.ADMIN_STAFF, w.department, "adminstaff")
    w.lawyer = make(Role.LAWYER, w.partner, "lawyer")
    w.collaborator = make(Role.COLLABORATOR, w.branch1, "collaborator")
    w.doj_officer = make(Role.DOJ_OFFICER, w.doj_division, "dojofficer")
    w.agency_officer = make(Role.AGENCY_OFFICER, w.agency, "agencyofficer")
    w.sysadmin = make(Role.SYSADMIN, centre, "sysadmin")
    return w


def build_world() -> SimpleNamespace:
    provinces = list(Province.objects.order_by("code")[:2])
    a = build_centre("A", provinces[0])
    b = build_centre("B", provinces[1])
    root = UserFactory(username="root", full_name="Root", role=Role.SYSADMIN, is_superuser=True, is_staff=True)
    return SimpleNamespace(a=a, b=b, root=root)


#: Every role persona of a Centre, by attribute name in ``build_centre``.
PERSONAS = [
    "director",
    "deputy",
    "officer",
    "intake",
    "branch_head",
    "branch_officer",
    "admin_staff",
    "lawyer",
    "collaborator",
    "doj_officer",
    "agency_officer",
    "sysadmin",
]
