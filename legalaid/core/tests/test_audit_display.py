"""The audit trail shows labels, never raw codes (issue 8, item 6): legalaid/core/audit_display.py."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from legalaid.commendations.models import Campaign
from legalaid.core.audit_display import display_changes, display_message
from legalaid.core.models import AuditEntry, Organisation
from legalaid.core.tests.html import parse
from legalaid.studies.models import ThematicStudy

pytestmark = pytest.mark.django_db


def entry_for(model, message="", before=None, after=None) -> AuditEntry:
    return AuditEntry(
        content_type=ContentType.objects.get_for_model(model),
        object_id="1",
        message=message,
        before=before,
        after=after,
    )


@pytest.mark.parametrize(
    ("model", "message", "shown"),
    [
        (Campaign, "status:launched", "Trạng thái: Đang phát động"),
        (ThematicStudy, "step:critique", "Bước thực hiện chuyên đề: Nhận xét, phản biện"),
        (ThematicStudy, "drafting", None),
        (Campaign, "Đổi mật khẩu", "Đổi mật khẩu"),
        (Campaign, "status:no_such_value", "status:no_such_value"),
    ],
)
def test_display_message_maps_codes_to_labels(model, message, shown):
    text = display_message(entry_for(model, message))
    if shown is None:
        assert ":" in text and "drafting" not in text
    else:
        assert text == shown


def test_display_changes_uses_field_and_choice_labels_and_vietnamese_dates(world):
    entry = entry_for(
        Campaign,
        before={"status": "draft", "period_start": "2026-01-05", "centre_id": world.a.centre.pk},
        after={"status": "launched", "period_start": "2026-02-01", "centre_id": world.a.centre.pk},
    )
    rows = display_changes(entry)
    assert ("Trạng thái", "Dự thảo", "Đang phát động") in rows
    assert all("2026-" not in before + after for _, before, after in rows)
    assert all(label != "status" for label, _, _ in rows)


def test_display_changes_names_units_and_keeps_other_records_as_numbers(world):
    entry = entry_for(
        Organisation,
        before={"parent_id": None, "is_active": True},
        after={"parent_id": world.a.doj.pk, "is_active": False},
    )
    rows = dict((label, (b, a)) for label, b, a in display_changes(entry))
    assert any(after == world.a.doj.name for _, after in rows.values())
    assert ("Có", "Không") in rows.values()


def test_the_audit_detail_page_shows_labels(client, world):
    from legalaid.core import services

    dept = world.a.department
    dept.phone = "0123"
    services.organisation_save(actor=world.a.sysadmin, organisation=dept)
    entry = AuditEntry.objects.filter(object_id=str(dept.pk)).latest("id")
    client.force_login(world.a.director)
    response = client.get(reverse("core:audit_detail", args=[entry.pk]))
    cells = [c.text_content().strip() for c in parse(response).xpath("//tbody/tr/td[1]")]
    assert cells == ["Điện thoại"], "labels, not attribute names; no bookkeeping such as the update time"
