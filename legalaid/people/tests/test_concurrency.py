import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from legalaid.people import services
from legalaid.people.models import Person
from legalaid.people.tests.factories import PersonFactory


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_saves_of_one_version_one_wins(world):
    if connection.vendor != "postgresql":
        pytest.skip("row locks are a PostgreSQL matter; SQLite serialises writers with IMMEDIATE transactions")
    person = PersonFactory(centre=world.a.centre)
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def save(actor, phone):
        try:
            copy = Person.objects.get(pk=person.pk)
            copy.phone = phone
            barrier.wait()
            services.person_update(actor=actor, person=copy, version=1)
            outcomes.append("saved " + phone)
        except ValidationError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [
        threading.Thread(target=save, args=(world.a.officer, "0911111111")),
        threading.Thread(target=save, args=(world.a.intake, "0922222222")),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(o.split()[0] for o in outcomes) == ["refused", "saved"]
    person.refresh_from_db()
    assert person.version == 2
    assert "saved " + person.phone in outcomes
