"""The rules of a session's record (docs/outreach.md "Rules"), as a table, through the service and the form."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from ..models import OutreachSession
from .factories import commune_of, record_session

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("fields", "error_field"),
    [
        ({"audience_total": 10, "audience_women": 11}, "audience_women"),
        ({"audience_total": 10, "audience_ethnic_minority": 11}, "audience_ethnic_minority"),
        ({"audience_total": 10, "audience_disabled": 11}, "audience_disabled"),
        ({"audience_total": 10, "audience_children": 11}, "audience_children"),
        ({"date": "future"}, "date"),
        ({"form": "meeting", "commune": None}, "commune"),
        ({"form": "school", "commune": None}, "commune"),
        ({"form": "mobile", "commune": None}, "commune"),
        ({"commune": "other_province"}, "commune"),
    ],
)
def test_bad_sessions_are_refused_beside_the_field_and_nothing_is_saved(world, fields, error_field):
    a = world.a
    values = {
        "date": timezone.localdate(),
        "form": "meeting",
        "commune": commune_of(a.centre),
        "topic": "Luật Trợ giúp pháp lý",
        "audience_total": 10,
    }
    values.update(fields)
    if values["date"] == "future":
        values["date"] = timezone.localdate() + dt.timedelta(days=1)
    if values["commune"] == "other_province":
        values["commune"] = commune_of(world.b.centre)
    from .. import services

    with pytest.raises(ValidationError) as raised:
        services.session_create(actor=a.officer, session=OutreachSession(**values))
    assert error_field in raised.value.message_dict
    assert not OutreachSession.objects.exists()


@pytest.mark.parametrize("form", ["radio_tv", "leaflets", "online"])
def test_forms_without_a_place_need_no_commune(world, form):
    session = record_session(world.a.officer, form=form, commune=None)
    session.refresh_from_db()
    assert session.commune is None and session.centre == world.a.centre


def test_parts_equal_to_total_are_accepted_and_the_database_refuses_more(world):
    from django.db import IntegrityError, transaction

    session = record_session(world.a.officer, total=5, audience_women=5, audience_children=5)
    with pytest.raises(IntegrityError), transaction.atomic():
        OutreachSession.objects.filter(pk=session.pk).update(audience_women=6)


def test_branch_staff_record_for_their_branch(world):
    session = record_session(world.a.branch_officer)
    assert session.branch == world.a.branch1


@pytest.mark.parametrize("role", ["doj_officer", "lawyer", "collaborator", "agency_officer"])
def test_roles_without_the_right_cannot_record(world, role):
    with pytest.raises(PermissionDenied):
        record_session(getattr(world.a, role), commune=commune_of(world.a.centre))


def test_form_shows_errors_in_vietnamese_beside_the_field(client, world):
    client.force_login(world.a.officer)
    response = client.post(
        reverse("outreach:session_create"),
        {
            "date": timezone.localdate().strftime("%d/%m/%Y"),
            "form": "meeting",
            "commune": commune_of(world.a.centre).pk,
            "topic": "Chủ đề",
            "audience_total": "10",
            "audience_women": "12",
            "audience_ethnic_minority": "0",
            "audience_disabled": "0",
            "audience_children": "0",
            "cost": "1.800.000",
        },
    )
    assert response.status_code == 200
    assert "Không được lớn hơn tổng số người tham dự (10)." in response.content.decode()
    assert not OutreachSession.objects.exists()


def test_money_is_typed_the_vietnamese_way(client, world):
    client.force_login(world.a.officer)
    response = client.post(
        reverse("outreach:session_create"),
        {
            "date": timezone.localdate().strftime("%d/%m/%Y"),
            "form": "meeting",
            "commune": commune_of(world.a.centre).pk,
            "topic": "Chủ đề",
            "audience_total": "10",
            "audience_women": "4",
            "audience_ethnic_minority": "0",
            "audience_disabled": "0",
            "audience_children": "0",
            "cost": "1.800.000",
        },
    )
    assert response.status_code == 302
    session = OutreachSession.objects.get()
    assert session.cost == 1800000
    page = client.get(reverse("outreach:session_detail", args=[session.pk])).content.decode()
    assert "1.800.000" in page


def test_money_not_a_number_is_a_message(client, world):
    client.force_login(world.a.officer)
    response = client.post(reverse("outreach:session_create"), {"cost": "abc", "form": "meeting"})
    assert "Nhập số tiền bằng chữ số" in response.content.decode()


def test_edit_with_a_stale_version_is_refused(client, world):
    session = record_session(world.a.officer)
    client.force_login(world.a.officer)
    data = {
        "version": "7",
        "date": session.date.strftime("%d/%m/%Y"),
        "form": "meeting",
        "commune": session.commune_id,
        "topic": "Sửa",
        "audience_total": "10",
        "audience_women": "0",
        "audience_ethnic_minority": "0",
        "audience_disabled": "0",
        "audience_children": "0",
        "cost": "0",
    }
    response = client.post(reverse("outreach:session_edit", args=[session.pk]), data)
    assert "vừa được người khác cập nhật" in response.content.decode()
    data["version"] = "1"
    response = client.post(reverse("outreach:session_edit", args=[session.pk]), data)
    assert response.status_code == 302
    session.refresh_from_db()
    assert (session.topic, session.version) == ("Sửa", 2)
