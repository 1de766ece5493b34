"""The permission matrix, from the outside: every persona of Centre A tries to list, open, edit and export the records
of Centre B (and, for branch staff, of the other branch of their own Centre) and gets 403 or 404; and what each role
may do, it can do. The querysets' ``visible_to`` is checked directly as well."""

from __future__ import annotations

import io

import openpyxl
import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from legalaid.core import audit, services
from legalaid.core.choices import Role
from legalaid.core.models import AccessLogEntry, AuditEntry, Organisation, User
from legalaid.core.tests.factories import PASSWORD, PERSONAS, UserFactory
from legalaid.core.tests.html import field_errors, table_text
from legalaid.lib.xlsx import XLSX_CONTENT_TYPE

pytestmark = pytest.mark.django_db

ORGS = ["doj", "doj_division", "centre", "department", "branch1", "branch2", "partner", "agency"]

#: Who may do what (legalaid/core/rules.py), written out independently of the code.
VIEW_UNITS = {"director", "deputy", "branch_head", "admin_staff", "doj_officer", "sysadmin"}
VIEW_USERS = VIEW_UNITS
EXPORT_USERS = {"director", "deputy", "doj_officer", "sysadmin"}
VIEW_AUDIT = {"director", "deputy", "doj_officer", "sysadmin"}
MANAGE = {"sysadmin"}
BRANCH_STAFF = {"branch_head", "branch_officer", "collaborator"}

CENTRE_WIDE_ORGS = {"centre", "department", "branch1", "branch2", "partner", "agency"}
#: Which of its own Centre's units each persona sees (Organisation.objects.visible_to).
ORG_VISIBLE = {
    "director": CENTRE_WIDE_ORGS,
    "deputy": CENTRE_WIDE_ORGS,
    "officer": CENTRE_WIDE_ORGS,
    "intake": CENTRE_WIDE_ORGS,
    "admin_staff": CENTRE_WIDE_ORGS,
    "sysadmin": CENTRE_WIDE_ORGS,
    "branch_head": {"centre", "branch1", "partner", "agency"},
    "branch_officer": {"centre", "branch1", "partner", "agency"},
    "lawyer": {"partner"},
    "collaborator": {"branch1"},
    "agency_officer": {"agency"},
    "doj_officer": CENTRE_WIDE_ORGS | {"doj", "doj_division"},
}
ALL_BUT_DOJ = set(PERSONAS) - {"doj_officer"}
#: Which of its own Centre's accounts each persona sees (User.objects.visible_to).
USER_VISIBLE = {
    "director": ALL_BUT_DOJ,
    "deputy": ALL_BUT_DOJ,
    "officer": ALL_BUT_DOJ,
    "intake": ALL_BUT_DOJ,
    "admin_staff": ALL_BUT_DOJ,
    "sysadmin": ALL_BUT_DOJ,
    "branch_head": {"branch_head", "branch_officer", "collaborator"},
    "branch_officer": {"branch_head", "branch_officer", "collaborator"},
    "lawyer": {"lawyer"},
    "collaborator": {"collaborator"},
    "agency_officer": {"agency_officer"},
    "doj_officer": set(PERSONAS),
}


def org_names(centre) -> list[str]:
    return [getattr(centre, key).name for key in ORGS]


def user_names(centre) -> list[str]:
    return [getattr(centre, key).full_name for key in PERSONAS] + [getattr(centre, key).username for key in PERSONAS]


def forbidden_names(world, persona: str) -> list[str]:
    """Names that must never reach ``persona`` of Centre A: all of Centre B, and for branch staff, the other branch."""
    names = org_names(world.b) + user_names(world.b)
    if persona in BRANCH_STAFF:
        names += [world.a.branch2.name, world.a.department.name, world.a_branch2_user.full_name]
        names += [getattr(world.a, p).full_name for p in PERSONAS if p not in USER_VISIBLE[persona]]
    return names


def xlsx_values(response) -> set[str]:
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX_CONTENT_TYPE
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    return {
        str(cell.value) for sheet in workbook for row in sheet.iter_rows() for cell in row if cell.value is not None
    }


@pytest.fixture
def world(world):
    """The standard world plus what the matrix needs: an account in branch 2 of A, audit and access-log rows in both."""
    world.a_branch2_user = UserFactory(
        username="branch2officer.a",
        full_name="Nhân viên Chi nhánh 2 A",
        role=Role.OFFICER,
        organisation=world.a.branch2,
    )
    for centre in (world.a, world.b):
        centre.department.phone = "0205 000 000"
        services.organisation_save(actor=centre.sysadmin, organisation=centre.department)
        services.organisation_save(actor=centre.sysadmin, organisation=centre.branch1)
        services.user_save(actor=centre.sysadmin, user=centre.officer)
        audit.log_access(user=centre.officer, instance=centre.partner)
    world.b_audit = AuditEntry.objects.filter(centre=world.b.centre).first()
    world.b_access = AccessLogEntry.objects.filter(centre=world.b.centre).get()
    return world


def status_when_denied(persona: str, allowed: set[str]) -> int:
    """A persona without the permission is refused (403); one with it cannot find another tenant's record (404)."""
    return 404 if persona in allowed else 403


# --- Lists ---------------------------------------------------------------------------------------------------------

LISTS = [("core:organisation_list", VIEW_UNITS), ("core:user_list", VIEW_USERS), ("core:audit_list", VIEW_AUDIT)]


@pytest.mark.parametrize("persona", PERSONAS)
def test_lists_never_show_another_centres_or_branchs_records(client, world, persona):
    client.force_login(getattr(world.a, persona))
    for url_name, allowed in [*LISTS, ("core:access_log_list", VIEW_AUDIT)]:
        response = client.get(reverse(url_name))
        if persona not in allowed:
            assert response.status_code == 403, url_name
            continue
        assert response.status_code == 200, url_name
        body = response.content.decode()
        leaked = [name for name in forbidden_names(world, persona) if name in body]
        assert not leaked, f"{url_name} shows {leaked} to {persona}"


@pytest.mark.parametrize("persona", sorted(VIEW_UNITS))
def test_lists_show_what_the_persona_may_see(client, world, persona):
    client.force_login(getattr(world.a, persona))
    body = client.get(reverse("core:organisation_list")).content.decode()
    for key in ORG_VISIBLE[persona]:
        assert getattr(world.a, key).name in body, key
    body = client.get(reverse("core:user_list")).content.decode()
    for key in USER_VISIBLE[persona]:
        assert getattr(world.a, key).username in body, key


@pytest.mark.parametrize("persona", sorted(VIEW_USERS))
def test_filters_and_fragments_cannot_reach_another_centre(client, world, persona):
    """Asking the filter for another Centre's unit, or the htmx fragment, leaks nothing."""
    client.force_login(getattr(world.a, persona))
    for params in ({"organisation": world.b.department.pk}, {"q": "B"}, {"q": "director.b"}):
        rows = table_text(client.get(reverse("core:user_list"), params, follow=True))
        assert world.b.officer.full_name not in rows and world.b.director.username not in rows
    body = client.get(reverse("core:user_list"), HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in body
    assert not [name for name in forbidden_names(world, persona) if name in body]
    rows = table_text(client.get(reverse("core:organisation_list"), {"q": "Trung tâm TGPL B"}, follow=True))
    assert world.b.centre.name not in rows
    assert world.a.centre.name in table_text(
        client.get(reverse("core:organisation_list"), {"q": "Trung tâm TGPL A"}, follow=True)
    )


# --- Exports -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", PERSONAS)
def test_exports_never_contain_another_centres_or_branchs_records(client, world, persona):
    client.force_login(getattr(world.a, persona))
    for url_name, allowed, visible in [
        ("core:organisation_list", VIEW_UNITS, lambda w: [getattr(w.a, k).name for k in ORG_VISIBLE[persona]]),
        ("core:user_list", EXPORT_USERS, lambda w: [getattr(w.a, k).username for k in USER_VISIBLE[persona]]),
    ]:
        response = client.get(reverse(url_name), {"export": "xlsx"})
        if persona not in allowed:
            assert response.status_code == 403, url_name
            continue
        values = xlsx_values(response)
        assert set(visible(world)) <= values, url_name
        leaked = [name for name in forbidden_names(world, persona) if name in values]
        assert not leaked, f"{url_name} export gives {leaked} to {persona}"


def test_branch_head_and_admin_staff_see_users_but_may_not_export_them(client, world):
    for persona in ("branch_head", "admin_staff"):
        client.force_login(getattr(world.a, persona))
        assert client.get(reverse("core:user_list")).status_code == 200
        assert client.get(reverse("core:user_list"), {"export": "xlsx"}).status_code == 403


# --- Opening and editing -------------------------------------------------------------------------------------------


def other_records(world, persona):
    """(url name, pk, permission set) of everything persona of A must not open: Centre B's, and branch 2 of A's."""
    orgs = [world.b.centre, world.b.department, world.b.branch1, world.b.partner, world.b.agency, world.b.doj]
    orgs.append(world.b.doj_division)
    users = [world.b.director, world.b.sysadmin, world.b.lawyer, world.b.doj_officer, world.b.collaborator]
    if persona in BRANCH_STAFF:
        orgs += [world.a.branch2, world.a.department]
        users += [world.a_branch2_user, world.a.director]
    return orgs, users


@pytest.mark.parametrize("persona", PERSONAS)
def test_another_centres_records_cannot_be_opened(client, world, persona):
    client.force_login(getattr(world.a, persona))
    orgs, users = other_records(world, persona)
    for org in orgs:
        response = client.get(reverse("core:organisation_detail", args=[org.pk]))
        assert response.status_code == status_when_denied(persona, VIEW_UNITS), org.name
    for user in users:
        response = client.get(reverse("core:user_detail", args=[user.pk]))
        assert response.status_code == status_when_denied(persona, VIEW_USERS), user.username
    response = client.get(reverse("core:audit_detail", args=[world.b_audit.pk]))
    assert response.status_code == status_when_denied(persona, VIEW_AUDIT)


@pytest.mark.parametrize("persona", PERSONAS)
def test_another_centres_records_cannot_be_edited(client, world, persona):
    client.force_login(getattr(world.a, persona))
    orgs, users = other_records(world, persona)
    expected = status_when_denied(persona, MANAGE)
    for org in orgs:
        url = reverse("core:organisation_edit", args=[org.pk])
        assert client.get(url).status_code == expected, org.name
        response = client.post(url, {"kind": org.kind, "name": "Đã bị sửa", "parent": org.parent_id or ""})
        assert response.status_code == expected, org.name
        assert Organisation.objects.get(pk=org.pk).name == org.name
    for user in users:
        url = reverse("core:user_edit", args=[user.pk])
        assert client.get(url).status_code == expected, user.username
        data = {"username": user.username, "full_name": "Đã bị sửa", "role": user.role, "is_active": ""}
        assert client.post(url, data).status_code == expected, user.username
        user.refresh_from_db()
        assert user.full_name != "Đã bị sửa" and user.is_active
    response = client.post(
        reverse("core:branch_commune_add", args=[world.b.branch1.pk]), {"commune": "", "valid_from": "01/07/2025"}
    )
    assert response.status_code == expected
    assert not world.b.branch1.served_communes.exists()


def test_sysadmin_cannot_move_a_record_into_another_centre(client, world):
    """The form's choices are scoped too: a unit or account cannot be attached to another Centre's unit."""
    client.force_login(world.a.sysadmin)
    response = client.post(
        reverse("core:organisation_edit", args=[world.a.branch1.pk]),
        {"kind": "branch", "name": world.a.branch1.name, "code": "CN1", "parent": world.b.centre.pk, "is_active": "on"},
    )
    assert response.status_code == 200
    assert "parent" in field_errors(response)
    world.a.branch1.refresh_from_db()
    assert world.a.branch1.parent == world.a.centre and world.a.branch1.centre == world.a.centre

    response = client.post(
        reverse("core:organisation_create"),
        {"kind": "partner", "name": "Công ty Luật X", "centre": world.b.centre.pk, "partner_type": "contracted"},
    )
    assert response.status_code == 200
    assert "centre" in field_errors(response)
    assert not Organisation.objects.filter(name="Công ty Luật X").exists()

    response = client.post(
        reverse("core:user_create"),
        {
            "username": "intruder",
            "full_name": "Người xâm nhập",
            "role": "director",
            "organisation": world.b.centre.pk,
            "password": "Mot-mat-khau-dai-2026",
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    assert "organisation" in field_errors(response)
    assert not User.objects.filter(username="intruder").exists()


def test_services_refuse_another_centres_units_too(world):
    """The services check the tenant themselves, whatever the caller (views, imports, commands)."""
    from django.core.exceptions import PermissionDenied

    world.b.department.phone = "1"
    with pytest.raises(PermissionDenied):
        services.organisation_save(actor=world.a.sysadmin, organisation=world.b.department)
    with pytest.raises(PermissionDenied):
        services.user_save(actor=world.a.sysadmin, user=world.b.officer)
    with pytest.raises(PermissionDenied):
        services.organisation_save(actor=world.a.doj_officer, organisation=world.a.department)
    with pytest.raises(PermissionDenied):
        services.organisation_save(actor=world.a.branch_head, organisation=world.a.branch1)
    assert Organisation.objects.get(pk=world.b.department.pk).phone == "0205 000 000"


# --- What each role may do -----------------------------------------------------------------------------------------


def test_director_sees_own_centres_units_and_staff(client, world):
    client.force_login(world.a.director)
    for org in (world.a.centre, world.a.department, world.a.branch1, world.a.branch2, world.a.partner):
        response = client.get(reverse("core:organisation_detail", args=[org.pk]))
        assert response.status_code == 200
        assert org.name in response.content.decode()
    assert client.get(reverse("core:user_detail", args=[world.a.officer.pk])).status_code == 200
    assert client.get(reverse("core:organisation_edit", args=[world.a.department.pk])).status_code == 403
    body = client.get(reverse("core:audit_list")).content.decode()
    assert world.a.department.name in body


def test_sysadmin_edits_own_centres_units_and_users(client, world):
    client.force_login(world.a.sysadmin)
    url = reverse("core:organisation_edit", args=[world.a.department.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"kind": "department", "name": "Phòng Nghiệp vụ 1 A", "parent": world.a.centre.pk, "is_active": "on"}
    )
    assert response.status_code == 302, field_errors(response)
    world.a.department.refresh_from_db()
    assert world.a.department.name == "Phòng Nghiệp vụ 1 A"

    url = reverse("core:user_edit", args=[world.a.officer.pk])
    response = client.post(
        url,
        {
            "username": world.a.officer.username,
            "full_name": "Lăng Thị Lan",
            "role": "officer",
            "organisation": world.a.department.pk,
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    world.a.officer.refresh_from_db()
    assert world.a.officer.full_name == "Lăng Thị Lan"
    assert world.a.officer.name_key == "lang thi lan"
    assert world.a.officer.check_password(PASSWORD)  # an empty password field keeps the password


def test_doj_officer_sees_the_centre_it_oversees_read_only(client, world):
    client.force_login(world.a.doj_officer)
    for org in (world.a.centre, world.a.branch2, world.a.doj):
        assert client.get(reverse("core:organisation_detail", args=[org.pk])).status_code == 200
    assert client.get(reverse("core:user_detail", args=[world.a.director.pk])).status_code == 200
    assert client.get(reverse("core:organisation_edit", args=[world.a.centre.pk])).status_code == 403
    assert client.get(reverse("core:user_edit", args=[world.a.director.pk])).status_code == 403
    assert client.get(reverse("core:organisation_create")).status_code == 403
    assert client.get(reverse("core:audit_list")).status_code == 200


@pytest.mark.parametrize("persona", ["lawyer", "collaborator", "agency_officer", "officer", "intake", "branch_officer"])
def test_roles_without_unit_pages_get_403(client, world, persona):
    client.force_login(getattr(world.a, persona))
    for url_name in ("core:organisation_list", "core:user_list", "core:audit_list", "core:organisation_create"):
        assert client.get(reverse(url_name)).status_code == 403, url_name
    own = getattr(world.a, persona).organisation
    assert client.get(reverse("core:organisation_detail", args=[own.pk])).status_code == 403


def test_branch_head_sees_own_branch_not_the_other(client, world):
    client.force_login(world.a.branch_head)
    response = client.get(reverse("core:organisation_detail", args=[world.a.branch1.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert world.a.branch_officer.full_name in body
    assert client.get(reverse("core:organisation_detail", args=[world.a.branch2.pk])).status_code == 404
    assert client.get(reverse("core:user_detail", args=[world.a.branch_officer.pk])).status_code == 200
    assert client.get(reverse("core:user_detail", args=[world.a_branch2_user.pk])).status_code == 404
    body = client.get(reverse("core:organisation_list")).content.decode()
    assert world.a.branch1.name in body and world.a.branch2.name not in body


def test_superuser_sees_every_centre(client, world):
    client.force_login(world.root)
    body = client.get(reverse("core:organisation_list")).content.decode()
    assert world.a.centre.name in body and world.b.centre.name in body
    assert client.get(reverse("core:organisation_edit", args=[world.b.department.pk])).status_code == 200
    values = xlsx_values(client.get(reverse("core:user_list"), {"export": "xlsx"}))
    assert {world.a.director.username, world.b.director.username} <= values


def test_centre_b_is_isolated_from_centre_a_as_well(client, world):
    client.force_login(world.b.director)
    body = client.get(reverse("core:organisation_list")).content.decode()
    assert world.b.centre.name in body and world.a.centre.name not in body
    assert client.get(reverse("core:organisation_detail", args=[world.a.centre.pk])).status_code == 404


def test_an_inactive_account_is_logged_out(client, world):
    world.a.director.is_active = False
    world.a.director.save()
    client.force_login(world.a.director)
    response = client.get(reverse("core:organisation_list"))
    assert response.status_code == 302 and reverse("login") in response["Location"]


# --- visible_to, directly ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", PERSONAS)
def test_organisation_visible_to(world, persona):
    user = getattr(world.a, persona)
    visible = set(Organisation.objects.visible_to(user))
    assert visible == {getattr(world.a, key) for key in ORG_VISIBLE[persona]}


@pytest.mark.parametrize("persona", PERSONAS)
def test_user_visible_to(world, persona):
    user = getattr(world.a, persona)
    visible = set(User.objects.visible_to(user))
    expected = {getattr(world.a, key) for key in USER_VISIBLE[persona]}
    if persona in ALL_BUT_DOJ - BRANCH_STAFF - {"lawyer", "agency_officer"} or persona == "doj_officer":
        expected.add(world.a_branch2_user)
    assert visible == expected


def test_superuser_sees_everything_and_nobody_else_does(world):
    assert Organisation.objects.visible_to(world.root).count() == Organisation.objects.count()
    assert User.objects.visible_to(world.root).count() == User.objects.count()
    for anonymous in (AnonymousUser(), None):
        assert not Organisation.objects.visible_to(anonymous).exists()
        assert not User.objects.visible_to(anonymous).exists()
        assert not AuditEntry.objects.visible_to(anonymous).exists()


def test_a_user_without_a_unit_sees_only_themselves(world):
    loose = UserFactory(username="loose", role=Role.DIRECTOR, organisation=None)
    assert not Organisation.objects.visible_to(loose).exists()
    assert list(User.objects.visible_to(loose)) == [loose]
    assert not AuditEntry.objects.visible_to(loose).exists()


def test_audit_visible_to(world):
    for persona in ("director", "sysadmin", "doj_officer"):
        entries = AuditEntry.objects.visible_to(getattr(world.a, persona))
        assert entries.exists()
        assert set(entries.values_list("centre_id", flat=True)) == {world.a.centre.pk}
    assert not AuditEntry.objects.visible_to(world.a.branch_head).exists()
    assert not AuditEntry.objects.visible_to(world.a.lawyer).exists()
    assert AuditEntry.objects.visible_to(world.root).filter(centre=world.b.centre).exists()
