"""Two people change the same case at the same moment from the same page: one wins, the other is refused with the
stale-version message and nothing is overwritten (PostgreSQL row locks)."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from legalaid.cases.choices import CaseStatus, DiscontinuationReason
from legalaid.cases.models import CaseEvent
from legalaid.cases.tests.factories import case_in
from legalaid.cases.workflow import case_transition

PEOPLE = 8


@pytest.mark.django_db(transaction=True)
def test_simultaneous_moves_from_the_same_version(world):
    if connection.vendor != "postgresql":
        pytest.skip("Real row locks across connections need PostgreSQL; SQLite serialises every writer.")
    case = case_in(world.a.director, CaseStatus.IN_PROGRESS)
    version = case.version
    barrier = threading.Barrier(PEOPLE)
    refused, errors = [], []

    def move(n):
        try:
            barrier.wait(timeout=30)
            if n % 2:
                case_transition(
                    actor=world.a.officer,
                    case=case,
                    to_status=CaseStatus.SUSPENDED,
                    reason="Chờ",
                    expected_version=version,
                )
            else:
                case_transition(
                    actor=world.a.director,
                    case=case,
                    to_status=CaseStatus.DISCONTINUED,
                    reason="Rút đơn",
                    expected_version=version,
                    data={"ground": DiscontinuationReason.WITHDRAWAL},
                )
        except ValidationError as exc:
            refused.append(exc)
        except Exception as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=move, args=(n,)) for n in range(PEOPLE)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(refused) == PEOPLE - 1
    assert all("vừa được người khác cập nhật" in " ".join(e.messages) for e in refused)
    case.refresh_from_db()
    assert case.version == version + 1
    assert CaseEvent.objects.filter(case=case, kind="transition").count() == 1
