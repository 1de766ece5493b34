"""Campaign pages: who may open and change what, forms with Vietnamese errors beside the fields, figures beside the
achievements, pinned query counts and the export read back."""

import io

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from legalaid.commendations import services
from legalaid.commendations.models import Award, Campaign, Nomination
from legalaid.core.tests.html import field_errors, table_text
from legalaid.intake.tests.factories import receive_request

from .factories import form, make_campaign, propose

pytestmark = pytest.mark.django_db

LIST = reverse("commendations:campaign_list")
CREATE = reverse("commendations:campaign_create")
VIEWERS = [
    "director",
    "deputy",
    "officer",
    "intake",
    "branch_head",
    "branch_officer",
    "admin_staff",
    "sysadmin",
    "doj_officer",
]
OUTSIDERS = ["lawyer", "collaborator", "agency_officer"]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def campaigns(world):
    a = make_campaign(world.a, title="Kỷ niệm 25 năm Tổ chức TGPL")
    b = make_campaign(world.b, title="Phong trào của Trung tâm B")
    return a, b


def detail(c):
    return reverse("commendations:campaign_detail", kwargs={"pk": c.pk})


@pytest.mark.parametrize("persona", VIEWERS)
def test_centre_staff_and_doj_see_their_campaigns(client, world, campaigns, persona):
    client.force_login(getattr(world.a, persona))
    text = table_text(client.get(LIST))
    assert "Kỷ niệm 25 năm" in text and "Trung tâm B" not in text
    assert client.get(detail(campaigns[0])).status_code == 200


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_outsiders_get_403(client, world, campaigns, persona):
    client.force_login(getattr(world.a, persona))
    for url in (LIST, LIST + "?export=xlsx", CREATE, detail(campaigns[0])):
        assert client.get(url).status_code == 403, url


def test_other_centres_campaign_is_404(client, world, campaigns):
    other = campaigns[1]
    nomination = propose(world.b, other, user=world.b.officer)
    client.force_login(world.a.director)
    for url in (
        detail(other),
        reverse("commendations:campaign_update", kwargs={"pk": other.pk}),
        reverse("commendations:nomination_create", kwargs={"pk": other.pk}),
        reverse("commendations:decision_create", kwargs={"pk": other.pk}),
    ):
        assert client.get(url).status_code == 404, url
    url = reverse("commendations:nomination_decide", kwargs={"pk": nomination.pk})
    assert client.post(url, {f"n{nomination.pk}-approve": "1"}).status_code == 404
    url = reverse("commendations:campaign_transition", kwargs={"pk": other.pk})
    assert client.post(url, {"to_status": "closed"}).status_code == 404


@pytest.mark.parametrize("persona", ["doj_officer", "officer", "branch_officer"])
def test_non_managers_get_403_on_management(client, world, campaigns, persona):
    campaign = campaigns[0]
    nomination = propose(world.a, campaign, user=world.a.officer)
    client.force_login(getattr(world.a, persona))
    assert client.get(CREATE).status_code == 403
    assert client.get(reverse("commendations:campaign_update", kwargs={"pk": campaign.pk})).status_code == 403
    assert client.get(reverse("commendations:decision_create", kwargs={"pk": campaign.pk})).status_code == 403
    url = reverse("commendations:campaign_transition", kwargs={"pk": campaign.pk})
    assert client.post(url, {"to_status": "closed"}).status_code == 403
    url = reverse("commendations:nomination_decide", kwargs={"pk": nomination.pk})
    assert client.post(url, {f"n{nomination.pk}-approve": "1"}).status_code == 403


def test_doj_officer_cannot_propose(client, world, campaigns):
    client.force_login(world.a.doj_officer)
    assert client.get(reverse("commendations:nomination_create", kwargs={"pk": campaigns[0].pk})).status_code == 403


def _campaign_data(**overrides):
    data = {
        "title": "Thi đua lập thành tích chào mừng 25 năm",
        "theme": "Thi đua lập thành tích xuất sắc trong công tác TGPL",
        "period_start": "01/01/2022",
        "period_end": "30/06/2022",
        "source_plan": "Kế hoạch số 225/KH-STP ngày 28/01/2022",
        "plan": "",
        "plan_task": "",
        "lead_units": "",
        "partner_units": "Văn phòng Sở; Hội đồng phối hợp liên ngành về TGPL trong hoạt động tố tụng tỉnh",
        "description": "",
    }
    data.update(overrides)
    return data


def test_create_launch_propose_decide_and_award_through_the_pages(client, world):
    client.force_login(world.a.admin_staff)
    response = client.post(CREATE, _campaign_data())
    campaign = Campaign.objects.get()
    assert response.status_code == 302 and response.url == detail(campaign)
    assert [u.organisation for u in campaign.lead_units] == [world.a.centre]
    assert len(campaign.partner_units) == 2
    client.post(reverse("commendations:campaign_transition", kwargs={"pk": campaign.pk}), {"to_status": "launched"})
    campaign.refresh_from_db()
    assert campaign.status == "launched"

    client.force_login(world.a.branch_officer)
    url = reverse("commendations:nomination_create", kwargs={"pk": campaign.pk})
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "kind": "individual",
            "nominee_user": world.a.branch_head.pk,
            "proposed_form": form("cstd_co_so").pk,
            "achievements": "Thực hiện 20 vụ việc tham gia tố tụng",
        },
    )
    assert response.status_code == 302
    nomination = Nomination.objects.get()
    assert nomination.proposed_by == world.a.branch_officer and nomination.figures["values"] is not None

    client.force_login(world.a.director)
    page = client.get(detail(campaign)).content.decode()
    assert "Vụ việc thụ lý" in page and "Thực hiện 20 vụ việc" in page
    url = reverse("commendations:nomination_decide", kwargs={"pk": nomination.pk})
    response = client.post(url, {f"n{nomination.pk}-approve": "0", f"n{nomination.pk}-note": ""})
    assert response.status_code == 200 and "Nêu lý do không xét duyệt." in response.content.decode()
    assert client.post(url, {f"n{nomination.pk}-approve": "1"}).status_code == 302

    url = reverse("commendations:decision_create", kwargs={"pk": campaign.pk})
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "number": "512/QĐ-STP",
            "date": timezone.localdate().strftime("%d/%m/%Y"),
            "issuer_name": "Giám đốc Sở Tư pháp",
            "nominations": [nomination.pk],
            "upload": SimpleUploadedFile("qd.pdf", b"%PDF-1.4\n" + b"0" * 100),
        },
    )
    assert response.status_code == 302
    award = Award.objects.get()
    assert award.nomination == nomination
    decision_url = reverse("commendations:decision_download", kwargs={"pk": award.decision_id})
    client.force_login(world.a.doj_officer)
    response = client.get(decision_url)
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")
    client.force_login(world.b.director)
    assert client.get(decision_url).status_code == 404


def test_campaign_form_errors_beside_the_fields(client, world):
    client.force_login(world.a.director)
    response = client.post(CREATE, _campaign_data(period_end="01/01/2021", title=""))
    errors = field_errors(response)
    assert "title" in errors and "period_end" in errors
    assert "Ngày kết thúc phải sau ngày bắt đầu." in errors["period_end"]
    assert not Campaign.objects.exists()


def test_nomination_form_errors_beside_the_fields(client, world, campaigns):
    client.force_login(world.a.director)
    url = reverse("commendations:nomination_create", kwargs={"pk": campaigns[0].pk})
    response = client.post(url, {"kind": "collective", "proposed_form": form("tap_the_ldtt").pk, "achievements": ""})
    errors = field_errors(response)
    assert "nominee_unit" in errors and "achievements" in errors
    response = client.post(
        url,
        {
            "kind": "collective",
            "nominee_unit": world.a.department.pk,
            "proposed_form": form("cstd_co_so").pk,
            "achievements": "Tập thể tiêu biểu",
        },
    )
    assert any("chỉ dành cho" in e for e in field_errors(response)["proposed_form"])
    response = client.post(
        url,
        {
            "kind": "individual",
            "nominee_user": world.b.officer.pk,
            "proposed_form": form("giay_khen").pk,
            "achievements": "x",
        },
    )
    assert "nominee_user" in field_errors(response)
    assert not Nomination.objects.exists()


def test_decision_form_errors(client, world, campaigns):
    campaign = campaigns[0]
    nomination = services.nomination_decide(
        actor=world.a.director, nomination=propose(world.a, campaign, user=world.a.officer), approve=True
    )
    client.force_login(world.a.director)
    url = reverse("commendations:decision_create", kwargs={"pk": campaign.pk})
    response = client.post(
        url,
        {
            "number": "1/QĐ",
            "date": "31/02/2025",
            "issuer_name": "",
            "nominations": [nomination.pk],
            "upload": SimpleUploadedFile("qd.exe", b"MZ"),
        },
    )
    errors = field_errors(response)
    assert "date" in errors and "issuer_name" in errors
    response = client.post(
        url,
        {
            "number": "1/QĐ",
            "date": "01/02/2025",
            "issuer_name": "Giám đốc Sở",
            "nominations": [nomination.pk],
            "upload": SimpleUploadedFile("qd.exe", b"MZ"),
        },
    )
    assert any("Chỉ nhận tệp" in e for e in field_errors(response)["upload"])
    assert not Award.objects.exists()


def test_filters_and_search(client, world, campaigns):
    make_campaign(
        world.a,
        title="Phong trào năm 2022",
        launched=False,
        start=timezone.datetime(2022, 1, 1).date(),
        end=timezone.datetime(2022, 6, 30).date(),
    )
    client.force_login(world.a.director)
    assert "Phong trào năm 2022" in table_text(client.get(LIST, {"year": 2022}))
    assert "Kỷ niệm 25" not in table_text(client.get(LIST, {"year": 2022}))
    assert "Phong trào năm 2022" not in table_text(client.get(LIST, {"status": "launched"}))
    assert "Kỷ niệm 25" in table_text(client.get(LIST, {"q": "ky niem"}, follow=True))


def test_export_reads_back(client, world, campaigns):
    propose(world.a, campaigns[0], user=world.a.officer)
    client.force_login(world.a.doj_officer)
    response = client.get(LIST, {"export": "xlsx"})
    assert response.status_code == 200
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0][0] == "Tên phong trào"
    assert len(rows) == 2 and rows[1][0] == "Kỷ niệm 25 năm Tổ chức TGPL" and rows[1][7] == 1
    assert "Phòng Nghiệp vụ A" in rows[1][5]


def _count(client, url) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


#: Measured. Both: session, user and unit (3; no session save). List: count, page (with the nomination and award
#: counts annotated), units. Detail: the campaign, units, nominations, their awards, decisions, their awards.
PINNED_LIST = 6
PINNED_DETAIL = 9


def test_query_counts_are_pinned_and_do_not_grow(client, world):
    campaign = make_campaign(world.a)
    for i in range(2):
        make_campaign(world.a, title=f"Phong trào {i}")
    receive_request(world.a.intake)
    first = services.nomination_decide(
        actor=world.a.director, nomination=propose(world.a, campaign, user=world.a.officer), approve=True
    )
    services.decision_record(
        actor=world.a.director,
        decision=services.Decision(
            campaign=campaign, number="100/QĐ", date=timezone.localdate(), issuer_name="Giám đốc Sở"
        ),
        awards=[services.AwardLine(first)],
    )
    client.force_login(world.a.director)
    assert _count(client, LIST) == PINNED_LIST
    assert _count(client, detail(campaign)) == PINNED_DETAIL
    for i in range(4):
        make_campaign(world.a, title=f"Thêm {i}")
    nominations = [
        propose(world.a, campaign, user=u)
        for u in (world.a.intake, world.a.admin_staff, world.a.deputy, world.a.branch_head)
    ]
    nominations.append(propose(world.a, campaign, unit=world.a.branch1))
    nominations = [services.nomination_decide(actor=world.a.director, nomination=n, approve=True) for n in nominations]
    for i, n in enumerate(nominations[:3]):
        services.decision_record(
            actor=world.a.director,
            decision=services.Decision(
                campaign=campaign, number=f"{i}/QĐ", date=timezone.localdate(), issuer_name="Giám đốc Sở"
            ),
            awards=[services.AwardLine(n)],
        )
    assert _count(client, LIST) == PINNED_LIST
    assert _count(client, detail(campaign)) == PINNED_DETAIL
