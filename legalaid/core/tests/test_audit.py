"""The audit trail (every write made through a service) and the access log (views of sensitive records)."""

import datetime as dt
import json

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from legalaid.core import audit, chain, services
from legalaid.core.choices import AccessAction, AuditAction, CommuneFlagKind, OrganisationKind
from legalaid.core.middleware import RequestIdMiddleware, current_request_id
from legalaid.core.models import AccessLogEntry, AuditEntry, Commune, CommuneFlag, Organisation, User
from legalaid.core.tests.html import parse

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Mat-khau-moi-2026-rat-dai"


def entries_for(instance):
    return AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(instance), object_id=str(instance.pk)
    ).order_by("id")


def audit_rows(response) -> list[list[str]]:
    assert response.status_code == 200
    return [[td.text_content().strip() for td in tr.xpath("td")] for tr in parse(response).xpath("//table/tbody/tr")]


# --- What the services write ---------------------------------------------------------------------------------------


def test_creating_a_unit_records_actor_object_and_after(world):
    branch = services.organisation_save(
        actor=world.a.sysadmin,
        organisation=Organisation(
            kind=OrganisationKind.BRANCH, name="Chi nhánh 3 A", code="CN3", parent=world.a.centre
        ),
    )
    (entry,) = entries_for(branch)
    assert entry.action == AuditAction.CREATE
    assert entry.actor == world.a.sysadmin
    assert entry.object_repr == "Chi nhánh 3 A"
    assert entry.centre == world.a.centre
    assert entry.before is None
    assert entry.after["name"] == "Chi nhánh 3 A"
    assert entry.after["parent_id"] == world.a.centre.pk
    assert entry.after["centre_id"] == world.a.centre.pk
    assert entry.request_id == ""  # not made through a request
    assert timezone.now() - entry.at < dt.timedelta(minutes=1)


def test_updating_records_before_and_after(world):
    department = world.a.department
    department.phone = "0205 111 222"
    services.organisation_save(actor=world.a.sysadmin, organisation=department)
    department.phone = "0205 333 444"
    services.organisation_save(actor=world.a.sysadmin, organisation=department)
    first, second = entries_for(department)
    assert first.action == second.action == AuditAction.UPDATE
    assert first.before["phone"] == "" and first.after["phone"] == "0205 111 222"
    assert second.before["phone"] == "0205 111 222" and second.after["phone"] == "0205 333 444"
    assert ("phone", "0205 111 222", "0205 333 444") in second.changes
    assert [name for name, _, _ in second.changes] == ["phone", "updated_at"]


def test_a_refused_write_leaves_no_audit_row_and_no_change(world):
    from django.core.exceptions import PermissionDenied

    count = AuditEntry.objects.count()
    department = world.b.department
    department.phone = "999"
    with pytest.raises(PermissionDenied):
        services.organisation_save(actor=world.a.sysadmin, organisation=department)
    assert AuditEntry.objects.count() == count
    assert Organisation.objects.get(pk=department.pk).phone == ""


def test_deleting_records_the_values_before(world):
    commune = Commune.objects.get(name="Phường Đông Kinh")
    flag = services.commune_flag_save(
        actor=world.root,
        flag=CommuneFlag(commune=commune, kind=CommuneFlagKind.COASTAL_ISLAND, valid_from=dt.date(2025, 7, 1)),
    )
    pk = flag.pk
    services.commune_flag_delete(actor=world.root, flag=flag)
    assert not CommuneFlag.objects.filter(pk=pk).exists()
    created, deleted = AuditEntry.objects.filter(content_type__model="communeflag", object_id=str(pk)).order_by("id")
    assert created.action == AuditAction.CREATE
    assert deleted.action == AuditAction.DELETE
    assert deleted.before["kind"] == CommuneFlagKind.COASTAL_ISLAND
    assert deleted.before["valid_from"] == "2025-07-01"
    assert deleted.after is None


def test_passwords_never_reach_the_audit_trail(world):
    user = services.user_save(
        actor=world.a.sysadmin,
        user=User(username="moi.a", full_name="Người Mới", role="officer", organisation=world.a.department),
        password=NEW_PASSWORD,
    )
    user.phone = "0912 345 678"
    services.user_save(actor=world.a.sysadmin, user=user, password=NEW_PASSWORD + "x")
    services.user_set_password(actor=world.a.sysadmin, user=user, password=NEW_PASSWORD + "y")
    user.refresh_from_db()
    entries = list(entries_for(user))
    assert [e.action for e in entries] == [
        AuditAction.CREATE,
        AuditAction.UPDATE,
        AuditAction.PASSWORD_RESET,
        AuditAction.ACTION,
    ]
    assert entries[1].before["phone"] == "" and entries[1].after["phone"] == "0912 345 678"
    assert entries[2].object_repr == "Người Mới" and entries[2].actor_name == world.a.sysadmin.full_name
    assert entries[3].message == "Đổi mật khẩu"
    for entry in entries:
        text = json.dumps([entry.before, entry.after], ensure_ascii=False)
        assert "password" not in text
        assert user.password not in text and "md5$" not in text and NEW_PASSWORD not in text
        assert entry.centre == world.a.centre
    assert user.check_password(NEW_PASSWORD + "y")


def test_a_write_through_a_page_records_the_request_id(client, world):
    client.force_login(world.a.sysadmin)
    response = client.post(
        reverse("core:organisation_edit", args=[world.a.department.pk]),
        {"kind": "department", "name": "Phòng Nghiệp vụ A", "parent": world.a.centre.pk, "phone": "0205 1"},
    )
    assert response.status_code == 302
    request_id = response["X-Request-ID"]
    assert len(request_id) == 32
    entry = entries_for(world.a.department).get()
    assert entry.request_id == request_id
    assert entry.actor == world.a.sysadmin
    assert entry.after["phone"] == "0205 1"
    # Each request gets its own id.
    assert client.get(reverse("home"))["X-Request-ID"] != request_id


def test_the_request_id_lives_only_during_the_request():
    seen = []

    def view(request):
        seen.append((request.request_id, current_request_id()))
        from django.http import HttpResponse

        return HttpResponse()

    response = RequestIdMiddleware(view)(RequestFactory().get("/"))
    assert seen[0][0] == seen[0][1] == response["X-Request-ID"]
    assert current_request_id() == ""


# --- The access log ------------------------------------------------------------------------------------------------


def test_log_access_writes_an_access_log_entry(world):
    entry = audit.log_access(user=world.a.officer, instance=world.a.partner)
    assert entry.user == world.a.officer
    assert entry.action == AccessAction.VIEW
    assert entry.object_id == str(world.a.partner.pk)
    assert entry.object_repr == world.a.partner.name
    assert entry.content_type.model == "organisation"
    assert entry.centre == world.a.centre
    assert entry.request_id == ""
    download = audit.log_access(user=world.a.director, instance=world.a.officer, action=AccessAction.DOWNLOAD)
    assert download.action == AccessAction.DOWNLOAD
    assert download.centre == world.a.centre  # a user's Centre comes from their unit
    assert AccessLogEntry.objects.count() == 2
    assert not AuditEntry.objects.exists()  # the access log is kept apart from the change log


def test_log_access_inside_a_request_records_its_id(world):
    def view(request):
        from django.http import HttpResponse

        audit.log_access(user=world.a.officer, instance=world.a.partner)
        return HttpResponse()

    response = RequestIdMiddleware(view)(RequestFactory().get("/"))
    assert AccessLogEntry.objects.get().request_id == response["X-Request-ID"]


def test_access_log_page(client, world):
    audit.log_access(user=world.a.officer, instance=world.a.partner)
    audit.log_access(user=world.b.officer, instance=world.b.partner)
    client.force_login(world.a.director)
    rows = audit_rows(client.get(reverse("core:access_log_list")))
    assert len(rows) == 1
    assert rows[0][1] == world.a.officer.full_name and rows[0][4] == world.a.partner.name
    rows = audit_rows(client.get(reverse("core:access_log_list"), {"user": world.a.director.pk}))
    assert "Không có bản ghi nào." in rows[0][0]


# --- The audit pages -----------------------------------------------------------------------------------------------


@pytest.fixture
def history(world, monkeypatch):
    """Three writes by two actors on three days (written on those days: the rows are never changed afterwards)."""

    def on(day: int):
        monkeypatch.setattr(chain, "now", lambda: dt.datetime(2026, 3, day, 9, tzinfo=dt.UTC))

    dept = world.a.department
    dept.phone = "1"
    on(2)
    services.organisation_save(actor=world.a.sysadmin, organisation=dept)
    on(10)
    new = services.organisation_save(
        actor=world.root,
        organisation=Organisation(
            kind=OrganisationKind.BRANCH, name="Chi nhánh 3 A", code="CN3", parent=world.a.centre
        ),
    )
    world.a.officer.phone = "2"
    on(20)
    services.user_save(actor=world.a.sysadmin, user=world.a.officer)
    monkeypatch.undo()
    return new


def reprs(response) -> list[str]:
    return [row[4] for row in audit_rows(response) if len(row) > 4]


def test_audit_list_filters(client, world, history):
    client.force_login(world.a.director)
    url = reverse("core:audit_list")
    assert reprs(client.get(url)) == [world.a.officer.full_name, "Chi nhánh 3 A", world.a.department.name]
    assert reprs(client.get(url, {"action": "create"})) == ["Chi nhánh 3 A"]
    assert reprs(client.get(url, {"action": "update"})) == [world.a.officer.full_name, world.a.department.name]
    assert reprs(client.get(url, {"actor": world.a.sysadmin.pk})) == [
        world.a.officer.full_name,
        world.a.department.name,
    ]
    assert reprs(client.get(url, {"date_from": "05/03/2026"})) == [world.a.officer.full_name, "Chi nhánh 3 A"]
    assert reprs(client.get(url, {"date_to": "10/03/2026"})) == ["Chi nhánh 3 A", world.a.department.name]
    assert reprs(client.get(url, {"date_from": "10/03/2026", "date_to": "10/03/2026"})) == ["Chi nhánh 3 A"]
    assert reprs(client.get(url, {"object_repr": "chi nhánh"}, follow=True)) == ["Chi nhánh 3 A"]
    assert reprs(client.get(url, {"content_type__model": "user"})) == [world.a.officer.full_name]
    assert reprs(client.get(url, {"object_id": str(history.pk), "content_type__model": "organisation"})) == [
        "Chi nhánh 3 A"
    ]
    # The actor filter offers only the accounts the viewer may see.
    options = parse(client.get(url)).xpath('//select[@name="actor"]/option/@value')
    assert str(world.a.sysadmin.pk) in options and str(world.b.sysadmin.pk) not in options


def test_audit_list_shows_the_actor_and_the_system(client, world, history):
    client.force_login(world.a.director)
    rows = audit_rows(client.get(reverse("core:audit_list")))
    assert [row[1] for row in rows] == [world.a.sysadmin.full_name, "Root", world.a.sysadmin.full_name]
    services.holidays_load_year(actor=None, year=2026)
    client.force_login(world.root)
    rows = audit_rows(client.get(reverse("core:audit_list"), {"content_type__model": "publicholiday"}))
    assert rows and all(row[1] == "hệ thống" for row in rows)


def test_audit_detail_shows_the_changes(client, world, history):
    entry = entries_for(world.a.department).get()
    client.force_login(world.a.director)
    response = client.get(reverse("core:audit_detail", args=[entry.pk]))
    rows = audit_rows(response)
    assert ["Điện thoại", "", "1"] in rows
    assert all(row[0] not in ("password", "Mật khẩu") for row in rows)
