"""The tamper-evident audit trail (issue 14 item 3): hash chains, verify_audit, the PostgreSQL trigger, new log rows."""

from __future__ import annotations

import contextlib
import threading

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, connections, transaction
from django.db.models import QuerySet
from django.urls import reverse

from legalaid.cases.models import LegalAidCase
from legalaid.cases.tests.factories import accepted_case
from legalaid.core import audit, chain, services
from legalaid.core.choices import AccessAction, AuditAction
from legalaid.core.models import AccessLogEntry, AuditChainHead, AuditEntry, User
from legalaid.core.tests.html import parse
from legalaid.people.models import Person
from legalaid.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger exists on PostgreSQL only")


@contextlib.contextmanager
def trigger_off(table: str):
    """Tamper as someone who owns the table would: on PostgreSQL the trigger is disabled first (inside the test's
    transaction, so it comes back with the rollback)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no pending foreign-key checks, or ALTER TABLE refuses
            cursor.execute(f'ALTER TABLE "{table}" DISABLE TRIGGER "{table}_append_only"')
        yield cursor
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(f'ALTER TABLE "{table}" ENABLE TRIGGER "{table}_append_only"')
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def writes(world, n: int = 3) -> list[AuditEntry]:
    """``n`` audited writes (a unit's phone changed ``n`` times)."""
    department = world.a.department
    for i in range(n):
        department.phone = f"0205 {i}"
        services.organisation_save(actor=world.a.sysadmin, organisation=department)
    return list(AuditEntry.objects.order_by("seq"))


def broken(chain_name: str) -> chain.Break | None:
    return chain.verify(chain_name).broken


# --- The chain ---------------------------------------------------------------------------------------------------


def test_writes_in_sequence_chain_to_each_other(world):
    first, second, third = writes(world)
    assert [e.seq for e in (first, second, third)] == [1, 2, 3]
    assert first.prev_hash == "" and second.prev_hash == first.hash and third.prev_hash == second.hash
    assert len({first.hash, second.hash, third.hash}) == 3 and all(len(e.hash) == 64 for e in (first, second))
    assert chain.row_hash("audit", third) == third.hash  # recomputed from what the database gives back
    head = AuditChainHead.objects.get()
    assert (head.audit_seq, head.audit_hash) == (3, third.hash)
    assert (head.access_seq, head.access_hash) == (0, "")  # the access log is its own chain
    log = audit.log_access(user=world.a.director, instance=world.a.partner)
    assert (log.seq, log.prev_hash) == (1, "")
    assert chain.verify("audit").ok and chain.verify("access").ok


def test_bulk_writes_are_chained_too(world):
    people = PersonFactory.create_batch(3, centre=world.a.centre)
    audit.log_access(user=world.a.director, instance=people[0])
    from legalaid.core.exports import log_export

    log_export(world.a.director, people, Person)
    rows = list(AccessLogEntry.objects.order_by("seq"))
    assert [r.seq for r in rows] == [1, 2, 3, 4]
    assert [r.action for r in rows] == ["view", "export", "export", "export"]
    assert all(r.user_username == world.a.director.username for r in rows)
    assert chain.verify("access") == chain.Report("access", 4, 4, rows[-1].hash, None)


def test_the_actor_is_copied_into_the_row_so_renaming_or_deleting_the_account_loses_nothing(client, world):
    account = services.user_save(
        actor=world.a.sysadmin,
        user=User(username="tam.thoi", full_name="Trần Tạm Thời", role="officer", organisation=world.a.department),
    )
    account.phone = "0912 000 111"
    services.user_save(actor=account, user=account)
    entry = AuditEntry.objects.get(actor=account)
    assert (entry.actor_username, entry.actor_name) == ("tam.thoi", "Trần Tạm Thời")
    account.full_name = "Trần Đã Đổi Tên"
    services.user_save(actor=world.a.sysadmin, user=account)
    account.delete()  # SET NULL on the actor; on PostgreSQL the one UPDATE the trigger lets through
    entry = AuditEntry.objects.get(pk=entry.pk)
    assert entry.actor_id is None and entry.actor_name == "Trần Tạm Thời"
    assert chain.verify("audit").ok
    client.force_login(world.a.director)
    rows = parse(client.get(reverse("core:audit_list"))).xpath("//table/tbody/tr/td[2]/text()")
    assert "Trần Tạm Thời" in rows


def test_audit_rows_are_never_changed_through_the_orm(world):
    (entry,) = writes(world, 1)
    entry.message = "khác"
    with pytest.raises(ValueError, match="append-only"):
        entry.save()


# --- verify_audit --------------------------------------------------------------------------------------------------


def test_verify_audit_passes_an_intact_chain_and_records_it_for_the_audit_page(client, world, capsys):
    writes(world)
    audit.log_access(user=world.a.director, instance=world.a.partner)
    call_command("verify_audit")
    out = capsys.readouterr().out
    assert "Nhật ký thay đổi: 3 bản ghi nguyên vẹn, đến số thứ tự 3" in out
    assert "Nhật ký truy cập hồ sơ: 1 bản ghi nguyên vẹn" in out
    head = AuditChainHead.objects.get()
    assert (head.verified_audit_seq, head.verified_access_seq, head.verified_broken) == (3, 1, "")
    client.force_login(world.a.director)
    text = parse(client.get(reverse("core:audit_list"))).text_content()
    assert "nguyên vẹn đến bản ghi số 3 của nhật ký thay đổi và số 1 của nhật ký truy cập" in text


def test_verify_audit_names_a_row_whose_content_was_changed(client, world):
    _first, second, _third = writes(world)
    with trigger_off("core_auditentry") as cursor:
        cursor.execute("UPDATE core_auditentry SET message = 'sửa lén' WHERE id = %s", [second.pk])
    assert broken("audit") == chain.Break("audit", 2, second.pk, "content")
    with pytest.raises(CommandError, match=rf"hỏng tại bản ghi #{second.pk} \(số thứ tự 2\): nội dung không khớp"):
        call_command("verify_audit")
    # The status line of the audit pages says so.
    client.force_login(world.a.director)
    alert = parse(client.get(reverse("core:audit_list"))).xpath('//div[contains(@class, "alert-danger")]')
    assert alert and f"#{second.pk}" in alert[0].text_content()


def test_changing_the_hash_too_breaks_the_next_row(world):
    _first, second, third = writes(world)
    second.message = "sửa lén"
    forged = chain.row_hash("audit", second)
    with trigger_off("core_auditentry") as cursor:
        cursor.execute(
            "UPDATE core_auditentry SET message = %s, hash = %s WHERE id = %s", ["sửa lén", forged, second.pk]
        )
    assert broken("audit") == chain.Break("audit", 3, third.pk, "previous")


def test_a_deleted_row_is_found(world):
    _first, second, third = writes(world)
    with trigger_off("core_auditentry") as cursor:
        cursor.execute("DELETE FROM core_auditentry WHERE id = %s", [second.pk])
    assert broken("audit") == chain.Break("audit", 3, third.pk, "missing")


def test_rows_cut_off_the_end_are_found(world):
    _first, _second, third = writes(world)
    with trigger_off("core_auditentry") as cursor:
        cursor.execute("DELETE FROM core_auditentry WHERE id = %s", [third.pk])
    assert broken("audit") == chain.Break("audit", 3, None, "truncated")


def _forge_access_row(world, seq: int, prev_hash: str) -> AccessLogEntry:
    """A well-formed row written straight into the table, not through the chain head (a plain QuerySet's insert)."""
    row = AccessLogEntry(
        user=world.a.director,
        action=AccessAction.VIEW,
        content_type=ContentType.objects.get_for_model(Person),
        object_id="999",
        object_repr="Người không có thật",
        at=chain.now(),
        seq=seq,
        prev_hash=prev_hash,
    )
    row.copy_names()
    row.hash = chain.row_hash("access", row)
    QuerySet(AccessLogEntry).bulk_create([row])
    return AccessLogEntry.objects.get(seq=seq)


def test_an_inserted_row_is_found_even_with_a_correct_hash(world):
    last = audit.log_access(user=world.a.director, instance=world.a.partner)
    forged = _forge_access_row(world, 2, last.hash)
    assert broken("access") == chain.Break("access", 2, forged.pk, "beyond_head")
    with pytest.raises(CommandError, match="ghi ngoài hệ thống"):
        call_command("verify_audit", "--no-record")


def test_an_inserted_row_in_the_middle_is_found(world):
    first = audit.log_access(user=world.a.director, instance=world.a.partner)
    second = audit.log_access(user=world.a.director, instance=world.a.partner)
    # Room is made for a row between the two by renumbering the second one, and the head moved on.
    with trigger_off("core_accesslogentry") as cursor:
        cursor.execute("UPDATE core_accesslogentry SET seq = 3 WHERE id = %s", [second.pk])
    _forge_access_row(world, 2, first.hash)
    AuditChainHead.objects.filter(pk=1).update(access_seq=3)
    assert broken("access") == chain.Break("access", 3, second.pk, "previous")


def test_verify_reads_by_batches(world):
    writes(world, 5)
    assert chain.verify("audit", batch_size=2).ok
    assert chain.verify("audit", batch_size=2).rows == 5


# --- The PostgreSQL trigger ----------------------------------------------------------------------------------------


@on_postgresql
@pytest.mark.parametrize("model", [AuditEntry, AccessLogEntry])
def test_the_trigger_refuses_update_and_delete(world, model):
    writes(world, 1)
    audit.log_access(user=world.a.director, instance=world.a.partner)
    row = model.objects.get()
    table = model._meta.db_table
    for statement in (
        lambda: model.objects.filter(pk=row.pk).update(object_repr="sửa"),
        lambda: model.objects.filter(pk=row.pk).delete(),
        lambda: connection.cursor().execute(f"UPDATE {table} SET object_repr = 'sửa'"),
        lambda: connection.cursor().execute(f"DELETE FROM {table}"),
    ):
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
            statement()
    assert model.objects.get().object_repr == row.object_repr
    assert chain.verify("audit").ok and chain.verify("access").ok


@on_postgresql
def test_the_trigger_lets_only_the_actor_be_unset(world):
    (entry,) = writes(world, 1)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).update(actor=None, message="khác")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).update(actor=world.a.director)
    AuditEntry.objects.filter(pk=entry.pk).update(actor=None)  # what deleting the account does
    assert chain.verify("audit").ok


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_never_chain_to_the_same_row():
    """Four threads, each with its own connection, append 10 rows each; the head lock orders them."""
    from legalaid.core.tests.factories import build_world

    world = build_world()
    errors = []
    start = threading.Barrier(4)

    def worker():
        try:
            start.wait()
            for _ in range(10):
                with transaction.atomic():
                    audit.log_access(user=world.a.director, instance=world.a.partner)
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert sorted(AccessLogEntry.objects.values_list("seq", flat=True)) == list(range(1, 41))
    assert chain.verify("access").ok


# --- What is also logged -------------------------------------------------------------------------------------------


def test_an_administrators_password_reset_is_an_explicit_row(client, world):
    target = world.a.officer
    client.force_login(world.a.sysadmin)
    form = {
        "username": target.username,
        "full_name": target.full_name,
        "role": target.role,
        "organisation": target.organisation_id,
        "is_active": "on",
        "password": "Mat-khau-dat-lai-2026-dai",
    }
    response = client.post(reverse("core:user_edit", args=[target.pk]), form)
    assert response.status_code == 302, parse(response).xpath('//*[contains(@class,"invalid-feedback")]//text()')
    rows = AuditEntry.objects.filter(object_id=str(target.pk), content_type__model="user")
    (entry,) = rows  # no empty "update" row beside it: nothing else changed
    assert entry.action == AuditAction.PASSWORD_RESET
    assert (entry.actor_username, entry.object_repr) == (world.a.sysadmin.username, target.full_name)
    assert entry.before is None and entry.after is None
    target.refresh_from_db()
    assert target.password not in str(entry.__dict__) and "Mat-khau" not in str(entry.__dict__)
    client.force_login(world.a.director)
    list_rows = parse(client.get(reverse("core:audit_list"))).xpath("//table/tbody/tr")
    assert "Đặt lại mật khẩu" in list_rows[0].text_content()
    detail = parse(client.get(reverse("core:audit_detail", args=[entry.pk]))).text_content()
    assert f"Đặt lại mật khẩu cho tài khoản {target.full_name}" in detail


def _refused(user) -> list[AccessLogEntry]:
    return list(AccessLogEntry.objects.filter(user=user, action=AccessAction.REFUSED))


@pytest.mark.parametrize("persona", ["director", "officer", "intake", "branch_officer", "doj_officer", "lawyer"])
def test_opening_another_centres_case_or_request_is_refused_and_logged(client, world, persona):
    case = accepted_case(world.b.intake)
    user = getattr(world.a, persona)
    client.force_login(user)
    assert client.get(reverse("cases:case_detail", args=[case.pk])).status_code in (403, 404)
    assert client.get(reverse("intake:request_detail", args=[case.request_id])).status_code in (403, 404)
    refused = _refused(user)
    expected = set()
    if user.has_perm("cases.view_case"):
        expected.add(("legalaidcase", str(case.pk)))
    if user.has_perm("intake.view_request"):
        expected.add(("legalaidrequest", str(case.request_id)))
    assert {(r.content_type.model, r.object_id) for r in refused} == expected
    for row in refused:
        assert row.object_repr == "" and row.centre == world.b.centre
        assert case.beneficiary.full_name not in str(row.__dict__)


def test_a_missing_id_is_logged_for_the_users_own_centre(client, world):
    client.force_login(world.a.officer)
    assert client.get(reverse("people:person_detail", args=[987654])).status_code == 404
    assert client.get(reverse("people:person_edit", args=[987654])).status_code == 404
    rows = _refused(world.a.officer)
    assert [(r.object_id, r.centre_id) for r in rows] == [("987654", world.a.centre.pk)] * 2


def test_the_access_log_page_shows_refusals_and_empty_exports(client, world):
    person = PersonFactory(centre=world.a.centre)
    client.force_login(world.b.director)
    assert client.get(reverse("people:person_detail", args=[person.pk])).status_code == 404
    client.force_login(world.a.director)
    response = client.get(reverse("cases:case_list"), {"export": "xlsx"})  # Centre A has no case
    assert response.status_code == 200
    empty = AccessLogEntry.objects.get(user=world.a.director, action=AccessAction.EXPORT)
    assert (empty.object_id, empty.content_type.model_class(), empty.centre) == ("", LegalAidCase, world.a.centre)
    rows = [
        [td.text_content().strip() for td in tr.xpath("td")]
        for tr in parse(client.get(reverse("core:access_log_list"))).xpath("//table/tbody/tr")
    ]
    assert [r[2:] for r in rows] == [
        ["Xuất danh sách", "vụ việc trợ giúp pháp lý", "Danh sách trống (0 dòng)"],
        ["Bị từ chối", "người được trợ giúp pháp lý", f"#{person.pk} (không được phép xem)"],
    ]
    assert rows[1][1] == world.b.director.full_name


def test_an_empty_person_export_is_logged(client, world):
    client.force_login(world.a.director)
    response = client.get(reverse("people:person_list"), {"export": "xlsx"})  # Centre A has nobody yet
    assert response.status_code == 200
    (row,) = AccessLogEntry.objects.all()
    assert (row.action, row.object_id, row.content_type.model) == ("export", "", "person")
