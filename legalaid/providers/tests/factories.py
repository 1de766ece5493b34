"""Providers, contracts and cases with a provider, for every app's tests.

``ProviderFactory(centre=world.a.centre)`` is a legal aid officer of Centre A's head office with a card valid since
2020 and no end; ``provider_for(world.a.lawyer)`` the provider record of a persona who logs in (with a contract in
force for lawyers and collaborators); ``assigned_case(world.a.director, provider)`` a case assigned to them.
"""

from __future__ import annotations

import datetime as dt

import factory

from legalaid.lib.text import fold
from legalaid.providers import services
from legalaid.providers.choices import ProviderKind
from legalaid.providers.models import Provider, ProviderContract

CARD_FROM = dt.date(2020, 1, 1)

#: The provider kind of each persona role that performs legal aid.
KIND_OF_ROLE = {
    "officer": ProviderKind.OFFICER,
    "lawyer": ProviderKind.CONTRACTED_LAWYER,
    "collaborator": ProviderKind.COLLABORATOR,
}


class ProviderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Provider
        skip_postgeneration_save = True

    kind = ProviderKind.OFFICER
    full_name = factory.Sequence(lambda n: f"Trần Văn Thực Hiện {n}")
    name_key = factory.LazyAttribute(lambda o: fold(o.full_name))
    card_number = factory.Sequence(lambda n: f"TGV-{n:04d}")
    card_issued_on = CARD_FROM
    is_active = True


class ContractFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProviderContract

    number = factory.Sequence(lambda n: f"{n}/HĐ-TGPL")
    signed_on = CARD_FROM
    valid_from = CARD_FROM
    valid_to = None


def provider_for(user, **fields) -> Provider:
    """The provider record of a persona (officer, lawyer, collaborator) of the world, with a contract when needed."""
    kind = fields.pop("kind", None) or KIND_OF_ROLE.get(user.role, ProviderKind.OFFICER)
    branch = user.organisation if user.organisation.kind == "branch" else None
    provider = ProviderFactory(
        centre=user.centre, branch=branch, user=user, full_name=user.full_name, kind=kind, **fields
    )
    if kind in (ProviderKind.CONTRACTED_LAWYER, ProviderKind.COLLABORATOR):
        ContractFactory(provider=provider)
    return provider


def assigned_case(signer, provider, **fields):
    """A case of ``signer``'s unit accepted and assigned to ``provider``."""
    from legalaid.cases.tests.factories import accepted_case

    case = accepted_case(signer, **fields)
    services.case_assign(actor=signer, case=case, provider=provider)
    case.refresh_from_db()
    return case
