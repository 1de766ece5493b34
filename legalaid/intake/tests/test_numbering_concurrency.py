"""Case numbers never repeat and never skip, even under 50 simultaneous acceptances (PostgreSQL)."""

import threading

import pytest
from django.db import connection, connections
from django.utils import timezone

from legalaid.cases.models import LegalAidCase
from legalaid.intake import services
from legalaid.intake.tests.factories import receive_request

ACCEPTANCES = 50


@pytest.mark.django_db(transaction=True)
def test_fifty_simultaneous_acceptances_number_without_gap_or_repeat(world):
    if connection.vendor != "postgresql":
        pytest.skip("Real row locks across connections need PostgreSQL; SQLite serialises every writer.")
    requests = [receive_request(world.a.intake) for _ in range(ACCEPTANCES)]
    barrier = threading.Barrier(ACCEPTANCES)
    errors = []

    def accept(request):
        try:
            barrier.wait(timeout=30)
            services.request_accept(actor=world.a.intake, request=request)
        except Exception as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=accept, args=(r,)) for r in requests]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    numbers = sorted(LegalAidCase.objects.values_list("number", flat=True))
    assert numbers == list(range(1, ACCEPTANCES + 1))
    year = timezone.localdate().year
    assert LegalAidCase.objects.filter(code=f"TT.TV.{ACCEPTANCES:02d}.{year}").exists()
