"""Cases with a provider, answers and register entries for the feedback tests."""

from __future__ import annotations

from legalaid.cases.tests.factories import accepted_case
from legalaid.feedback import services
from legalaid.feedback.choices import Audience
from legalaid.providers.tests.factories import ProviderFactory, assigned_case


def case_with_provider(world, **fields):
    provider = ProviderFactory(centre=world.a.centre, full_name="Trần Văn Thực Hiện")
    return assigned_case(world.a.director, provider, **fields), provider


def plain_case(world):
    return accepted_case(world.a.director)


def all_answers(audience=Audience.BENEFICIARY, *, position: int = 1) -> dict:
    """Every question of the current version answered with the scale level at ``position`` (1 = very satisfied)."""
    version = services.current_version(audience)
    answers = {}
    for q in version.questions.select_related("scale"):
        answers[q.pk] = q.scale.options.get(position=position).pk
    return answers


def form_data(audience=Audience.BENEFICIARY, *, position: int = 1, **extra) -> dict:
    return {f"q{k}": v for k, v in all_answers(audience, position=position).items()} | extra
