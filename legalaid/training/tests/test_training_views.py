"""The training pages from outside: each role, another unit's records invisible, bad input beside the field, the
home panel, the director's table, the work queue, pinned query counts."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from legalaid.core import workqueue
from legalaid.core.tests.html import field_errors, parse
from legalaid.providers.tests.factories import ProviderFactory, provider_for
from legalaid.training.models import Participation, TrainingEvent

from .factories import record_event

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 3, 20)


@pytest.fixture
def setup(world):
    a = world.a
    officer = provider_for(a.officer)
    branch_officer = provider_for(a.branch_officer)
    other = ProviderFactory(centre=a.centre, full_name="Phạm Văn Chưa Học")
    event = record_event(a.director, [officer, branch_officer], "4", topic="Kỹ năng bào chữa")
    b_event = record_event(world.b.director, [provider_for(world.b.officer)], "8", topic="Tập huấn của B")
    return officer, branch_officer, other, event, b_event


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("director", 200),
        ("officer", 200),
        ("intake", 200),
        ("branch_head", 200),
        ("doj_officer", 200),
        ("lawyer", 200),
        ("agency_officer", 403),
    ],
)
def test_who_opens_the_list(client, world, setup, role, status):
    client.force_login(getattr(world.a, role))
    response = client.get(reverse("training:event_list"))
    assert response.status_code == status
    if status == 200:
        assert "Tập huấn của B" not in response.content.decode()


def test_a_lawyer_sees_only_the_events_they_attended(client, world, setup):
    event = setup[3]
    client.force_login(world.a.lawyer)
    assert client.get(reverse("training:event_detail", kwargs={"pk": event.pk})).status_code == 404
    provider = provider_for(world.a.lawyer)
    Participation.objects.create(event=event, provider=provider, hours=Decimal(2))
    assert client.get(reverse("training:event_detail", kwargs={"pk": event.pk})).status_code == 200


def test_another_centres_event_is_a_404(client, world, setup):
    client.force_login(world.a.director)
    b_event = setup[4]
    for name in ("training:event_detail", "training:event_edit", "training:participant_add"):
        assert client.get(reverse(name, kwargs={"pk": b_event.pk})).status_code == 404


@pytest.mark.parametrize("role", ["officer", "intake", "lawyer", "doj_officer", "collaborator"])
def test_who_may_not_record(client, world, setup, role):
    event = setup[3]
    client.force_login(getattr(world.a, role))
    assert client.get(reverse("training:event_create")).status_code == 403
    response = client.post(
        reverse("training:event_create"),
        {"topic": "X", "kind": "organised", "form": "training", "starts_on": "10/03/2026", "ends_on": "10/03/2026"},
    )
    assert response.status_code == 403
    assert client.get(reverse("training:event_edit", kwargs={"pk": event.pk})).status_code in (403, 404)
    p = event.participations.first()
    assert client.post(reverse("training:participant_remove", kwargs={"pk": p.pk})).status_code in (403, 404)
    assert Participation.objects.filter(pk=p.pk).exists()


def test_a_branch_head_may_not_edit_the_head_offices_event(client, world, setup):
    event = setup[3]  # recorded by the director: head office
    client.force_login(world.a.branch_head)
    assert client.get(reverse("training:event_detail", kwargs={"pk": event.pk})).status_code == 200
    assert client.get(reverse("training:event_edit", kwargs={"pk": event.pk})).status_code == 403


def test_recording_an_event_with_two_officers(client, world, setup):
    officer, _branch_officer, other, _event, _b = setup
    client.force_login(world.a.director)
    response = client.post(
        reverse("training:event_create"),
        {
            "topic": "Đạo đức nghề nghiệp",
            "kind": "attended",
            "form": "training",
            "starts_on": "10/03/2026",
            "ends_on": "11/03/2026",
            "organiser": "Cục PBGDPL và TGPL",
            "participants": [officer.pk, other.pk],
            "hours": "7,5",
        },
    )
    assert response.status_code == 302
    event = TrainingEvent.objects.get(topic="Đạo đức nghề nghiệp")
    assert sorted(event.participations.values_list("hours", flat=True)) == [Decimal("7.5"), Decimal("7.5")]


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"hours": "9"}, "hours", "vượt quá mức có thể"),
        ({"hours": "abc"}, "hours", "Hãy nhập số giờ bằng số"),
        ({"hours": "0"}, "hours", "lớn hơn 0"),
        ({"hours": ""}, "hours", "Hãy nhập số giờ tham dự"),
        ({"ends_on": "09/03/2026"}, "ends_on", "Ngày kết thúc phải từ ngày bắt đầu trở đi"),
        ({"starts_on": "31/02/2026"}, "starts_on", ""),
    ],
)
def test_bad_input_is_said_beside_the_field_and_nothing_is_saved(client, world, setup, data, field, message):
    officer = setup[0]
    client.force_login(world.a.director)
    before = TrainingEvent.objects.count()
    post = {
        "topic": "Sai",
        "kind": "organised",
        "form": "training",
        "starts_on": "10/03/2026",
        "ends_on": "10/03/2026",
        "organiser": "Trung tâm",
        "participants": [officer.pk],
        "hours": "4",
        **data,
    }
    response = client.post(reverse("training:event_create"), post)
    assert response.status_code == 200
    errors = field_errors(response)
    assert field in errors
    assert message in " ".join(errors[field])
    assert TrainingEvent.objects.count() == before


def test_a_certificate_must_be_a_real_pdf_or_image(client, world, setup):
    from django.core.files.uploadedfile import SimpleUploadedFile

    event, other = setup[3], setup[2]
    client.force_login(world.a.director)
    url = reverse("training:participant_add", kwargs={"pk": event.pk})
    fake = SimpleUploadedFile("chung-nhan.pdf", b"MZ not a pdf", content_type="application/pdf")
    response = client.post(url, {"provider": other.pk, "hours": "4", "certificate_upload": fake})
    assert response.status_code == 200
    assert "certificate_upload" in field_errors(response)
    assert not event.participations.filter(provider=other).exists()
    real = SimpleUploadedFile("chung-nhan.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    response = client.post(
        url,
        {
            "provider": other.pk,
            "hours": "4",
            "certificate_number": "12/CN",
            "certificate_date": "10/03/2026",
            "certificate_upload": real,
        },
    )
    assert response.status_code == 302
    p = event.participations.get(provider=other)
    assert p.certificate_name == "chung-nhan.pdf"
    assert "chung-nhan" not in p.certificate_file.name  # stored under a random name
    download = client.get(reverse("training:certificate_download", kwargs={"pk": p.pk}))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    client.force_login(world.b.director)
    assert client.get(reverse("training:certificate_download", kwargs={"pk": p.pk})).status_code == 404


# --- The officer's home panel and the director's table ------------------------------------------------------------


def test_the_officer_sees_their_hours_on_their_home_page(client, world, setup, monkeypatch):
    officer = setup[0]
    client.force_login(world.a.officer)
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: TODAY)
    page = parse(client.get(reverse("home")))
    assert page.xpath('string(//*[@id="training-own-hours"])') == "4,0"
    assert "Còn thiếu 4,0 giờ" in page.xpath('string(//*[@id="training-panel"])')
    record_event(world.a.director, [officer], "4", starts_on=dt.date(2026, 3, 15))
    page = parse(client.get(reverse("home")))
    assert page.xpath('string(//*[@id="training-own-hours"])') == "8,0"
    assert "Đã đủ" in page.xpath('string(//*[@id="training-panel"])')


def rows(response):
    assert response.status_code == 200
    return {
        tr.xpath("./td[1]")[0].text_content().strip(): [td.text_content().strip() for td in tr.xpath("./td")]
        for tr in parse(response).xpath('//table[@id="hours-table"]/tbody/tr[td[2]]')
    }


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("director", {"Officer A", "Branchofficer A", "Phạm Văn Chưa Học"}),
        ("branch_head", {"Branchofficer A"}),
        ("admin_staff", {"Officer A", "Branchofficer A", "Phạm Văn Chưa Học"}),
    ],
)
def test_the_directors_table_is_scoped(client, world, setup, role, expected):
    client.force_login(getattr(world.a, role))
    response = client.get(reverse("training:hours_table"), {"year": 2026})
    assert set(rows(response)) == expected


def test_the_department_reads_the_table_of_the_centres_it_oversees(client, world, setup):
    client.force_login(world.a.doj_officer)
    response = client.get(reverse("training:hours_table"), {"year": 2026, "centre": world.b.centre.pk})
    assert response.status_code == 200
    assert set(rows(response)) == {"Officer A", "Branchofficer A", "Phạm Văn Chưa Học"}  # B is not overseen: A's
    assert "Ghi nhận tập huấn" not in client.get(reverse("training:event_list")).content.decode()


@pytest.mark.parametrize("role", ["officer", "intake", "lawyer", "collaborator", "agency_officer"])
def test_who_may_not_read_the_table(client, world, setup, role):
    client.force_login(getattr(world.a, role))
    assert client.get(reverse("training:hours_table")).status_code == 403


def test_the_table_shows_hours_and_shortfall(client, world, setup):
    client.force_login(world.a.director)
    got = rows(client.get(reverse("training:hours_table"), {"year": 2026}))
    assert got["Officer A"][2] == "4,0" and got["Officer A"][4] == "4,0"
    assert got["Phạm Văn Chưa Học"][2] == "0,0" and got["Phạm Văn Chưa Học"][4] == "8,0"
    record_event(world.a.director, [setup[2]], "8", starts_on=dt.date(2026, 5, 5))
    got = rows(client.get(reverse("training:hours_table"), {"year": 2026}))
    assert got["Phạm Văn Chưa Học"][4] == "Đã đủ"
    short = rows(client.get(reverse("training:hours_table"), {"year": 2026, "short": "1"}))
    assert set(short) == {"Officer A", "Branchofficer A"}
    assert rows(client.get(reverse("training:hours_table"), {"year": 2025}))["Officer A"][2] == "0,0"
    bad = client.get(reverse("training:hours_table"), {"year": "1999"})
    assert bad.status_code == 200 and "2018" in " ".join(field_errors(bad)["year"])
    xlsx = client.get(reverse("training:hours_table"), {"year": 2026, "export": "xlsx"})
    assert xlsx.status_code == 200


def test_query_counts_are_pinned(client, world, setup, django_assert_max_num_queries):
    for i in range(6):
        ProviderFactory(centre=world.a.centre, full_name=f"Trợ giúp viên {i}")
        record_event(world.a.director, [setup[0]], "1", topic=f"Đợt {i}")
    client.force_login(world.a.director)
    with django_assert_max_num_queries(14):
        assert client.get(reverse("training:hours_table"), {"year": 2026}).status_code == 200
    with django_assert_max_num_queries(14):
        assert client.get(reverse("training:event_list")).status_code == 200
    event = setup[3]
    with django_assert_max_num_queries(12):
        assert client.get(reverse("training:event_detail", kwargs={"pk": event.pk})).status_code == 200


# --- Work queue ------------------------------------------------------------------------------------------------


def test_the_shortfall_appears_from_the_first_of_october(world, setup):
    director, officer_user = world.a.director, world.a.officer
    before = {s.code for s in workqueue.queue_for(director, dt.date(2026, 9, 30))}
    assert "training_shortfall" not in before
    sections = {s.code: s for s in workqueue.queue_for(director, dt.date(2026, 10, 1))}
    assert sections["training_shortfall"].total == 3
    assert sections["training_shortfall"].items[0].url.startswith(reverse("training:hours_table"))
    mine = {s.code: s for s in workqueue.queue_for(officer_user, dt.date(2026, 10, 1))}
    assert "training_my_shortfall" in mine
    assert "training_shortfall" in {s.code for s in workqueue.queue_for(world.a.branch_head, dt.date(2026, 10, 1))}
    # Centre B's only officer has 8 hours: its director sees nothing of Centre A's officers.
    assert "training_shortfall" not in {s.code for s in workqueue.queue_for(world.b.director, dt.date(2026, 10, 1))}


def test_an_officer_with_enough_hours_leaves_the_queue(world, setup):
    officer = setup[0]
    record_event(world.a.director, [officer], "4", starts_on=dt.date(2026, 4, 1))
    mine = {s.code for s in workqueue.queue_for(world.a.officer, dt.date(2026, 10, 1))}
    assert "training_my_shortfall" not in mine
