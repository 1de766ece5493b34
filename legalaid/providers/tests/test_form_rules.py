"""Who may perform which form of aid (Law on Legal Aid 2017 Arts 31-33), as data (ProviderFormRule): the table loaded
by the data migration, ``assignability`` with the case's form, the service and the assign page refusing with the
reason."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from legalaid.cases.tests.factories import accepted_case
from legalaid.core.tests.html import parse
from legalaid.intake.models import FormOfAid
from legalaid.providers import services
from legalaid.providers.choices import ProviderKind
from legalaid.providers.models import Assignment, ProviderFormRule

from .factories import ContractFactory, ProviderFactory

K = ProviderKind
#: (provider kind, form of aid, may perform it, the article that says so). Art. 31: litigation by legal aid officers
#: and lawyers; Art. 32: advice by every provider of Art. 17; Art. 33: out-of-court representation by officers and
#: lawyers.
TABLE = [
    (K.OFFICER, "litigation", True, "Điều 31"),
    (K.CONTRACTED_LAWYER, "litigation", True, "Điều 31"),
    (K.PARTNER_LAWYER, "litigation", True, "Điều 31"),
    (K.CONSULTANT, "litigation", False, "Điều 31"),
    (K.COLLABORATOR, "litigation", False, "Điều 31"),
    (K.OFFICER, "advice", True, "Điều 32"),
    (K.CONTRACTED_LAWYER, "advice", True, "Điều 32"),
    (K.PARTNER_LAWYER, "advice", True, "Điều 32"),
    (K.CONSULTANT, "advice", True, "Điều 32"),
    (K.COLLABORATOR, "advice", True, "Điều 32"),
    (K.OFFICER, "representation", True, "Điều 33"),
    (K.CONTRACTED_LAWYER, "representation", True, "Điều 33"),
    (K.PARTNER_LAWYER, "representation", True, "Điều 33"),
    (K.CONSULTANT, "representation", False, "Điều 33"),
    (K.COLLABORATOR, "representation", False, "Điều 33"),
]


def make_provider(world, kind):
    fields = {"kind": kind}
    if kind in (K.PARTNER_LAWYER, K.CONSULTANT):
        fields["partner"] = world.a.partner
    if kind == K.CONSULTANT:
        fields["card_number"] = ""
    provider = ProviderFactory(centre=world.a.centre, **fields)
    if kind in (K.CONTRACTED_LAWYER, K.COLLABORATOR):
        ContractFactory(provider=provider)
    return provider


@pytest.mark.parametrize(("kind", "form", "allowed", "article"), TABLE)
def test_the_migration_loads_the_table(db, kind, form, allowed, article):
    rule = ProviderFormRule.objects.on(dt.date(2026, 12, 4)).get(provider_kind=kind, form_of_aid__code=form)
    assert rule.allowed is allowed
    assert article in rule.reference
    assert rule.confirmed


@pytest.mark.parametrize(("kind", "form", "allowed", "article"), TABLE)
def test_assignability_by_kind_and_form(world, kind, form, allowed, article):
    provider = make_provider(world, kind)
    today = timezone.localdate()
    assert services.assignability(provider, today) == []  # no case: no form to check
    reasons = services.assignability(provider, today, FormOfAid.objects.get(code=form))
    if allowed:
        assert reasons == []
    else:
        [reason] = reasons
        assert provider.get_kind_display() in reason
        assert "không được thực hiện" in reason and article in reason


@pytest.mark.parametrize(("kind", "form", "allowed", "article"), TABLE)
def test_the_service_assigns_or_refuses(world, kind, form, allowed, article):
    provider = make_provider(world, kind)
    case = accepted_case(world.a.director, form=form)
    if allowed:
        services.case_assign(actor=world.a.director, case=case, provider=provider)
        assert Assignment.objects.get(case=case).provider == provider
    else:
        with pytest.raises(ValidationError) as error:
            services.case_assign(actor=world.a.director, case=case, provider=provider)
        assert article in " ".join(error.value.message_dict["provider"])
        assert not Assignment.objects.filter(case=case).exists()
        case.refresh_from_db()
        assert case.status == "accepted"


@pytest.mark.parametrize(
    ("kind", "form"), [(k, f) for k, f, allowed, _a in TABLE if not allowed] + [(K.OFFICER, "litigation")]
)
def test_the_assign_page_shows_the_reason_and_refuses(client, world, kind, form):
    provider = make_provider(world, kind)
    case = accepted_case(world.a.director, form=form)
    client.force_login(world.a.director)
    url = reverse("providers:case_assign", kwargs={"pk": case.pk})
    page = client.get(url)
    assert page.status_code == 200
    buttons = parse(page).xpath('//button[@name="provider"]/@value')
    allowed = kind == K.OFFICER
    assert (str(provider.pk) in buttons) is allowed
    text = page.content.decode()
    assert ("không được thực hiện trợ giúp pháp lý bằng hình thức" in text) is not allowed
    data = {"provider": provider.pk, "version": case.version}
    for step in ("", "confirm"):  # the preview of the decision, then its confirmation (a crafted post)
        response = client.post(url, {**data, "step": step})
        if allowed and step == "confirm":
            assert response.status_code == 302
        else:
            assert response.status_code == 200
            said = "không được thực hiện trợ giúp pháp lý bằng hình thức" in response.content.decode()
            assert said is not allowed
            assert not Assignment.objects.filter(case=case).exists()


def test_change_of_provider_to_a_collaborator_is_refused(world):
    officer = make_provider(world, K.OFFICER)
    collaborator = make_provider(world, K.COLLABORATOR)
    case = accepted_case(world.a.director, form="litigation")
    services.case_assign(actor=world.a.director, case=case, provider=officer)
    case.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        services.case_change_provider(
            actor=world.a.director,
            case=case,
            new_provider=collaborator,
            reason="Người được trợ giúp đề nghị",
            requested_on=timezone.localdate(),
        )
    assert "Điều 31" in " ".join(error.value.message_dict["provider"])


def test_rules_are_dated_and_an_unconfirmed_rule_says_so(world):
    """A rule edited in the admin takes effect from its date; an unconfirmed one says so in the reason."""
    collaborator = make_provider(world, K.COLLABORATOR)
    litigation = FormOfAid.objects.get(code="litigation")
    old = ProviderFormRule.objects.get(provider_kind=K.COLLABORATOR, form_of_aid=litigation)
    old.valid_to = dt.date(2030, 6, 30)
    old.save()
    ProviderFormRule.objects.create(
        provider_kind=K.COLLABORATOR,
        form_of_aid=litigation,
        allowed=False,
        reference="Luật sửa đổi (giả định)",
        confirmed=False,
        valid_from=dt.date(2030, 7, 1),
    )
    [before] = services.assignability(collaborator, dt.date(2030, 6, 30), litigation)
    assert "Điều 31" in before and "chưa được xác nhận" not in before
    [after] = services.assignability(collaborator, dt.date(2030, 7, 1), litigation)
    assert "Luật sửa đổi (giả định)" in after and "chưa được xác nhận" in after
    ProviderFormRule.objects.filter(provider_kind=K.COLLABORATOR, form_of_aid=litigation).delete()
    assert services.assignability(collaborator, dt.date(2030, 7, 1), litigation) == []  # no rule: no restriction
