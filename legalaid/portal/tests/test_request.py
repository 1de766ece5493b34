"""The online request: lands in intake's queue through intake's services, with its papers, consent and receipt code;
nothing saved half-way."""

from __future__ import annotations

import pytest
from django.core import mail

from legalaid.core.models import AuditEntry
from legalaid.core.workqueue import queue_for
from legalaid.intake.choices import Channel, RequestStatus
from legalaid.intake.models import LegalAidRequest
from legalaid.people.models import Person
from legalaid.portal import codes, services
from legalaid.portal.models import OnlineRequest, SubmittedPaper
from legalaid.portal.tests.factories import communes, jpeg, pdf, request_data, submit

pytestmark = pytest.mark.django_db


def test_a_request_for_a_branch_commune_lands_in_the_branch_queue(world, settings, django_capture_on_commit_callbacks):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    served, _ = communes(world)
    with django_capture_on_commit_callbacks(execute=True):
        receipt = submit(served, papers=[jpeg()], email="mai@example.org")
    request = receipt.online.request
    assert request.channel == Channel.ONLINE
    assert request.status == RequestStatus.RECEIVED
    assert request.centre == world.a.centre and request.branch == world.a.branch1
    assert request.received_by.username.startswith("cong-dich-vu-")
    assert not request.received_by.has_usable_password()
    assert request.beneficiary == request.requester
    # The code: 12 characters of the unambiguous alphabet, stored only as its hash.
    assert codes.normalise(receipt.code) == receipt.code
    assert receipt.online.receipt_hash == codes.code_hash(receipt.code)
    assert receipt.code not in str(OnlineRequest.objects.values_list().get(pk=receipt.online.pk))
    # The photo was downscaled to 1600 px and re-encoded.
    from PIL import Image

    paper = SubmittedPaper.objects.get(online=receipt.online)
    with Image.open(paper.file) as image:
        assert max(image.size) == 1600
    # Consent time and version; audit rows; the receipt by e-mail.
    assert receipt.online.consent_version == "2026-01" and receipt.online.consent_at
    assert AuditEntry.objects.filter(object_id=str(receipt.online.pk), message__startswith="portal").exists()
    assert len(mail.outbox) == 1 and codes.display(receipt.code) in mail.outbox[0].body


def test_a_head_office_commune_lands_in_the_head_office_queue(world):
    _, unserved = communes(world)
    receipt = submit(unserved)
    request = receipt.online.request
    assert request.branch is None and request.centre == world.a.centre
    titles = {
        s.code: [i.url for i in s.items] for s in queue_for(world.a.intake) if s.code == "requests_awaiting_decision"
    }
    assert any(str(request.pk) in url for url in titles["requests_awaiting_decision"])


def test_a_relative_sends_for_someone_else(world):
    served, _ = communes(world)
    receipt = submit(
        served,
        applicant="relative",
        beneficiary=services.PersonData(full_name="Lò Văn Nam", sex="male", birth_year=2012),
        relationship="parent",
    )
    request = receipt.online.request
    assert request.requester.full_name == "Lò Thị Mai"
    assert request.beneficiary.full_name == "Lò Văn Nam" and request.relationship == "parent"


@pytest.mark.parametrize(
    "overrides",
    [
        {"consent": False},
        {"papers": [jpeg(name="anh.exe")]},
        {"papers": [pdf(name="that-ra-la-anh.jpg")]},
        {"papers": [jpeg(), jpeg(), jpeg(), jpeg(), jpeg(), jpeg()]},
    ],
)
def test_nothing_is_saved_half_way(world, overrides):
    served, _ = communes(world)
    before = (LegalAidRequest.objects.count(), Person.objects.count(), SubmittedPaper.objects.count())
    with pytest.raises(Exception) as caught:
        submit(served, **overrides)
    assert caught.type.__name__ == "ValidationError"
    assert (LegalAidRequest.objects.count(), Person.objects.count(), SubmittedPaper.objects.count()) == before


def test_a_province_without_a_centre_is_told_to_call(world):
    from legalaid.core.models import Province

    other = Province.objects.exclude(pk__in=[world.a.centre.province_id, world.b.centre.province_id]).first()
    commune = other.communes.first()
    with pytest.raises(Exception) as caught:
        services.request_submit(data=request_data(commune))
    assert "1800.1233" in str(caught.value)


def test_codes_are_unguessable_and_tolerant_when_typed():
    drawn = {codes.new_code() for _ in range(2000)}
    assert len(drawn) == 2000
    assert all(len(c) == 12 and set(c) <= set(codes.ALPHABET) for c in drawn)
    code = next(iter(drawn))
    assert codes.normalise(" " + codes.display(code).lower() + " ") == code
    assert codes.normalise("0000-1111-2222") == ""


def test_the_online_figures(world):
    import datetime as dt

    from django.utils import timezone

    from legalaid.intake.tests.factories import receive_request
    from legalaid.plans.metrics import get_metric

    served, _ = communes(world)
    submit(served)
    receive_request(world.a.intake)
    today = timezone.localdate()
    start = today - dt.timedelta(days=1)
    assert get_metric("requests_online").measure(world.a.centre, start, today) == 1
    assert get_metric("requests_online_pct").measure(world.a.centre, start, today) == 50
    assert get_metric("requests_online_pct").measure(world.b.centre, start, today) is None


def test_the_online_record_and_its_papers_go_with_their_request(world):
    """A retention job that deletes a request is not blocked by the portal's record (it follows its request)."""
    served, _ = communes(world)
    receipt = submit(served, papers=[pdf()])
    receipt.online.request.delete()
    assert not OnlineRequest.objects.exists() and not SubmittedPaper.objects.exists()
