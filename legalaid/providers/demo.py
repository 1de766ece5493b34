"""Demonstration providers (called by ``manage.py seed_demo`` after the intake demo): the officers, lawyers and
collaborators among the demo accounts, with valid cards, contracts, languages, fields and quotas; the land case of the
intake demo (``assign_today``, once it exists) is assigned to tgv.lan, who speaks Tày like its beneficiary."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from legalaid.cases.models import LegalAidCase
from legalaid.core.models import Organisation, User
from legalaid.intake.models import FieldOfLaw
from legalaid.providers import services
from legalaid.providers.choices import ProviderKind
from legalaid.providers.models import Language, Provider, ProviderContract

#: username: (kind, card number, card issued on, fields of law, languages, partner name, quota this year)
PROVIDERS = {
    "tgv.lan": (
        ProviderKind.OFFICER,
        "TGV-0125",
        dt.date(2019, 3, 1),
        ["land", "civil", "marriage_family"],
        ["vi", "tay", "nung"],
        None,
        6,
    ),
    "tgv.minh": (
        ProviderKind.OFFICER,
        "TGV-0131",
        dt.date(2020, 6, 15),
        ["criminal", "administrative"],
        ["vi", "nung"],
        None,
        5,
    ),
    "tgv.hung": (
        ProviderKind.OFFICER,
        "TGV-0142",
        dt.date(2021, 9, 1),
        ["criminal", "civil", "land"],
        ["vi", "tay", "dao"],
        None,
        4,
    ),
    "luatsu.binh": (
        ProviderKind.PARTNER_LAWYER,
        "LS-8812",
        dt.date(2015, 5, 20),
        ["criminal", "civil"],
        ["vi"],
        "Văn phòng Luật sư An Bình",
        None,
    ),
    "luatsu.yen": (
        ProviderKind.CONTRACTED_LAWYER,
        "LS-10234",
        dt.date(2018, 11, 2),
        ["marriage_family", "labour"],
        ["vi", "en"],
        "Công ty Luật TNHH Kỳ Lừa",
        None,
    ),
    "ctv.thao": (
        ProviderKind.COLLABORATOR,
        "CTV-027",
        dt.date(2024, 2, 1),
        ["civil", "social_policy"],
        ["vi", "tay"],
        None,
        None,
    ),
    "ctv.phuc": (
        ProviderKind.COLLABORATOR,
        "CTV-031",
        dt.date(2024, 8, 12),
        ["land", "complaints"],
        ["vi", "dao", "nung"],
        None,
        None,
    ),
}

CONTRACTS = {
    "luatsu.yen": ("12/2025/HĐ-TGPL", dt.date(2025, 1, 10), dt.date(2027, 1, 9)),
    "ctv.thao": ("03/2024/HĐ-CTV", dt.date(2024, 2, 20), dt.date(2027, 2, 19)),
    "ctv.phuc": ("07/2024/HĐ-CTV", dt.date(2024, 9, 5), dt.date(2027, 9, 4)),
}


@transaction.atomic
def seed() -> None:
    root = User.objects.get(username="admin")
    today = timezone.localdate()
    languages = {lang.code: lang for lang in Language.objects.all()}
    fields = {f.code: f for f in FieldOfLaw.objects.all()}
    providers = {}
    for username, (kind, card, issued, field_codes, language_codes, partner, quota) in PROVIDERS.items():
        user = User.objects.select_related("organisation").get(username=username)
        org = user.organisation
        provider = services.provider_save(
            actor=root,
            provider=Provider(
                centre=user.centre,
                branch=org if org.kind == "branch" else None,
                kind=kind,
                full_name=user.full_name,
                user=user,
                partner=Organisation.objects.get(name=partner) if partner else None,
                card_number=card,
                card_issued_on=issued,
                phone=user.phone,
                email=user.email,
            ),
            fields_of_law=[fields[c] for c in field_codes],
            languages=[languages[c] for c in language_codes],
        )
        providers[username] = provider
        if username in CONTRACTS:
            number, signed, until = CONTRACTS[username]
            services.contract_save(
                actor=root,
                contract=ProviderContract(
                    provider=provider, number=number, signed_on=signed, valid_from=signed, valid_to=until
                ),
            )
        if quota:
            services.quota_set(
                actor=root,
                provider=provider,
                year=today.year,
                cases=quota,
                reference="Kế hoạch công tác năm (minh họa)",
            )
    assign_today()


def assign_today() -> None:
    """The assignment of today's land case of the intake demo (when it exists) to tgv.lan."""
    land = LegalAidCase.objects.filter(request__counterpart_name="Hoàng Văn Sình").first()
    if land is not None and land.status == "accepted":
        services.case_assign(
            actor=User.objects.get(username="truongcn2"),
            case=land,
            provider=Provider.objects.get(user__username="tgv.lan"),
        )
