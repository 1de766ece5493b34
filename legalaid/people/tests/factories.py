"""Factories for persons, for every app's tests.

``PersonFactory(centre=world.a.centre)`` gives a person of Centre A's head office with a consistent 12-digit citizen ID
(born 1985, male, Hà Nội); pass ``branch=world.a.branch1`` for a person registered by a branch.
"""

from __future__ import annotations

import datetime as dt

import factory

from legalaid.core.choices import OrganisationKind
from legalaid.core.tests.factories import OrganisationFactory
from legalaid.lib.citizen_id import century_digit
from legalaid.people.choices import IdType, Sex
from legalaid.people.models import Ethnicity, Person


def consistent_cccd(sex: str, year: int, sequence: int, province: str = "001") -> str:
    """A 12-digit citizen ID whose digits agree with ``sex`` and ``year``."""
    return f"{province}{century_digit(sex, year)}{year % 100:02d}{sequence % 1_000_000:06d}"


def _number_for(o, n: int) -> str:
    if o.id_type == IdType.NONE:
        return ""
    if o.id_type == IdType.CMND:
        return f"{100_000_000 + n:09d}"
    if o.id_type == IdType.PASSPORT:
        return f"P{n:07d}"
    year = o.date_of_birth.year if o.date_of_birth else (o.birth_year or 1985)
    return consistent_cccd(o.sex if o.sex in (Sex.MALE, Sex.FEMALE) else Sex.MALE, year, n)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    full_name = factory.Sequence(lambda n: f"Nguyễn Văn Thử {n}")
    sex = Sex.MALE
    date_of_birth = dt.date(1985, 6, 15)
    birth_year = factory.LazyAttribute(lambda o: o.date_of_birth.year if o.date_of_birth else None)
    id_type = IdType.CCCD
    id_number = factory.LazyAttributeSequence(lambda o, n: _number_for(o, n))
    ethnicity = factory.LazyFunction(lambda: Ethnicity.objects.get(code="01"))
    centre = factory.SubFactory(OrganisationFactory, kind=OrganisationKind.CENTRE)
    branch = None
