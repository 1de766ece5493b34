"""Reads of the payments app: what is owed for which case, payments visible to a user, totals.

This module is the ONLY place that reads appraisals (the quality app's ``Appraisal``: ``case`` one-to-one with
related name ``appraisal``, ``status`` with ``AppraisalStatus.DONE``, ``is_satisfactory`` True/False (None until
done), ``appraised_sessions``, ``completed_at``): ``appraisal_of(case)`` and ``appraised_q()``. Without the quality
app no case counts as appraised and nothing is owed.

A case is owed a payment when (issue 9 item 5; DOMAIN 3, 4):
- it was completed (status completed, or archived after completion) and its form of aid is litigation or
  out-of-court representation (the forms the Centre appraises and Art. 13(1)-(2) pays per session);
- its appraisal is done;
- it has no payment that was not returned (a case is paid once), and no decision "do not pay";
- its provider of record (the one who completed it) is a legal aid officer, a lawyer or a collaborator of the
  Centre, or a lawyer or consultant of a contracted organisation (paid by the Department, Law Art. 14). A registered
  organisation's provider (Art. 15) is not paid by the state budget (UNCONFIRMED, docs/rules-to-confirm.md).
It is *blocked* while its appraisal is not satisfactory and no decision has been recorded.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.apps import apps
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Count, F, OuterRef, Prefetch, Q, Subquery, Sum
from django.db.models.functions import Coalesce, ExtractYear
from django.utils import timezone

from legalaid.cases.choices import CaseStatus
from legalaid.cases.models import LegalAidCase
from legalaid.core.choices import PartnerType
from legalaid.core.scoping import scope_of
from legalaid.providers.choices import PARTNER_KINDS
from legalaid.providers.models import Assignment

from . import rules
from .choices import DecisionOutcome, Payer, PaymentStatus
from .models import Payment

#: The forms of aid paid per session after appraisal (Decree 144/2017 Art. 13(1)-(2)).
PAYABLE_FORMS = ("litigation", "representation")
#: A completed case stays payable after it is archived.
PAYABLE_CASE_STATUSES = (CaseStatus.COMPLETED, CaseStatus.ARCHIVED)


# --- Appraisals (the quality app) ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class AppraisalFacts:
    """What payments need of a case's appraisal."""

    done: bool
    satisfactory: bool | None
    sessions: Decimal | None
    completed_at: dt.datetime | None


def appraisal_model():
    """The quality app's ``Appraisal`` model, or None while that app is not installed."""
    if not apps.is_installed("legalaid.quality"):
        return None
    try:
        return apps.get_model("quality", "Appraisal")
    except LookupError:
        return None


def appraised_q(centre_ids=None) -> Q:
    """Cases (``LegalAidCase``) whose appraisal is done; with ``centre_ids``, of those Centres, said of the appraisal
    (which carries its case's Centre): PostgreSQL then starts from the Centres' done appraisals
    (``quality_appraisal_status_idx``) instead of walking every completion (issue 11's plan guard,
    ``core/tests/test_scale_plans.py``, once the generated data have appraisals)."""
    if appraisal_model() is None:
        return Q(pk__in=[])
    from legalaid.quality.choices import AppraisalStatus

    done = Q(appraisal__status=AppraisalStatus.DONE)
    return done if centre_ids is None else done & Q(appraisal__centre_id__in=centre_ids)


def appraisal_related() -> tuple[str, ...]:
    """The ``select_related`` paths that bring a case's appraisal (and the result level its ``is_satisfactory``
    reads, when the model has one) in the same query."""
    model = appraisal_model()
    if model is None:
        return ()
    names = {f.name for f in model._meta.get_fields() if f.many_to_one}
    return ("appraisal", "appraisal__result_level") if "result_level" in names else ("appraisal",)


def appraisal_of(case) -> AppraisalFacts | None:
    """The appraisal of ``case`` as payments see it, or None when there is none."""
    if appraisal_model() is None:
        return None
    try:
        appraisal = case.appraisal
    except ObjectDoesNotExist:
        return None
    from legalaid.quality.choices import AppraisalStatus

    return AppraisalFacts(
        done=appraisal.status == AppraisalStatus.DONE,
        satisfactory=appraisal.is_satisfactory,
        sessions=appraisal.appraised_sessions,
        completed_at=appraisal.completed_at,
    )


# --- What is owed -------------------------------------------------------------------------------------------------


@dataclass
class Owed:
    """A completed and appraised case not yet paid: who is owed, by whom, how much (a preview at today's proposal),
    and whether it is blocked by its appraisal."""

    case: LegalAidCase
    assignment: Assignment | None
    appraisal: AppraisalFacts | None
    payer: str | None
    payee_organisation: object | None
    blocked: bool
    decision: object | None
    fee: rules.Fee | None = None
    problem: str = ""
    #: The appraised sessions this provider is paid for: all of them, or their share when the case changed hands.
    sessions: Decimal | None = None
    #: Several providers worked on the case in turn (a change of provider): each is paid their share.
    shared: bool = False

    @property
    def provider(self):
        return self.assignment.provider if self.assignment else None

    @property
    def anchor(self) -> str:
        """The row's id on the owed page (one row per case, or per case and provider when the case is shared)."""
        if self.shared and self.provider is not None:
            return f"owed-{self.case.pk}-{self.provider.pk}"
        return f"owed-{self.case.pk}"

    @property
    def centre_id(self) -> int:
        return self.case.centre_id

    @property
    def payable(self) -> bool:
        return self.fee is not None and not self.blocked and not self.problem


def payer_of(provider) -> tuple[str, object | None] | None:
    """Who pays ``provider`` and the organisation paid, or None when the state does not pay them: the Department
    pays a contracted organisation for its lawyers and consultants (Law Art. 14, Decree 144/2017 Art. 14); a
    registered organisation (Art. 15) acts at its own cost (UNCONFIRMED); the Centre pays everyone else."""
    if provider.kind in PARTNER_KINDS:
        partner = provider.partner
        if partner is None or partner.partner_type != PartnerType.CONTRACTED:
            return None
        return Payer.DEPARTMENT, partner
    return Payer.CENTRE, None


def candidate_cases(user):
    """The cases ``user`` sees that are completed, appraised, of a payable form, without an open payment and without a
    "do not pay" decision; with what the owed rows need in a fixed number of queries."""
    # A case stays a candidate while one of its providers has no open payment (a case that changed hands pays each).
    providers = (
        Assignment.objects.filter(case=OuterRef("pk"))
        .values("case")
        .annotate(n=Count("provider", distinct=True))
        .values("n")
    )
    paid = Payment.objects.open().filter(case=OuterRef("pk")).values("case").annotate(n=Count("id")).values("n")
    scope = scope_of(user)
    return (
        LegalAidCase.objects.visible_to(user)
        .filter(status__in=PAYABLE_CASE_STATUSES, form_of_aid__code__in=PAYABLE_FORMS, completion__isnull=False)
        .filter(appraised_q(None if scope.sees_everything else scope.centre_ids))
        .annotate(paid_providers=Coalesce(Subquery(paid), 0), all_providers=Coalesce(Subquery(providers), 0))
        .exclude(paid_providers__gt=0, paid_providers__gte=F("all_providers"))
        .exclude(payment_decision__outcome=DecisionOutcome.NO_PAY)
        .select_related("completion", "form_of_aid", "payment_decision", *appraisal_related())
        .prefetch_related(
            Prefetch(
                "assignments",
                queryset=Assignment.objects.select_related("provider__partner").order_by("decision_date", "id"),
                to_attr="all_assignments",
            ),
            Prefetch(
                "payments",
                queryset=Payment.objects.open().only("id", "case_id", "provider_id"),
                to_attr="open_payments",
            ),
        )
        .order_by("completion__completed_on", "pk")
    )


def _decision_of(case):
    try:
        return case.payment_decision
    except ObjectDoesNotExist:
        return None


def _assignments(case) -> list:
    found = getattr(case, "all_assignments", None)
    if found is None:
        found = list(
            Assignment.objects.filter(case=case).select_related("provider__partner").order_by("decision_date", "id")
        )
    return found


def _providers_in_turn(case) -> list:
    """The latest assignment of each provider who worked on ``case``, in the order they were first assigned (the
    provider of record, who finished it, last)."""
    latest: dict[int, object] = {}
    for assignment in _assignments(case):
        latest.pop(assignment.provider_id, None)
        latest[assignment.provider_id] = assignment
    return list(latest.values())


def logged_sessions_by_case(case_ids) -> dict[int, dict[int, Decimal]]:
    """{case id: {provider's user id: sessions}} from the work log, in one query (each entry's
    ``counted_sessions``: its hours counted in sessions by TT 02/2021/TT-BTP Art. 3 when it was written)."""
    from legalaid.cases.models import WorkLogEntry

    logged: dict[int, dict[int, Decimal]] = {case_id: {} for case_id in case_ids}
    rows = (
        WorkLogEntry.objects.filter(case_id__in=list(logged))
        .values("case_id", "provider_user_id")
        .annotate(total=Sum("counted_sessions"))
        .values_list("case_id", "provider_user_id", "total")
    )
    for case_id, user_id, total in rows:
        logged[case_id][user_id] = total
    return logged


def _logged_sessions(case, providers, logged=None) -> list[Decimal]:
    """Each provider's sessions in the case's work log; ``logged`` is ``logged_sessions_by_case`` read beforehand
    for a whole list, else it is read for this case."""
    by_user = (logged if logged is not None else logged_sessions_by_case([case.pk])).get(case.pk, {})
    return [Decimal(by_user.get(a.provider.user_id) or 0) if a.provider.user_id else Decimal(0) for a in providers]


def owed_rows_for(case, *, today: dt.date | None = None, with_fee: bool = True, tables=None, logged=None) -> list[Owed]:
    """What is owed for ``case``: one row for its provider, or one per provider not yet paid when several worked on
    it in turn, each for their share of the appraised sessions (TT 02/2021/TT-BTP Art. 8: "each is paid for the time
    they worked"; ``rules.split_sessions`` by their work log). When nobody logged time the split cannot be known: one
    row, for the provider of record, with the problem ``split_unknown``."""
    providers = _providers_in_turn(case)
    if len(providers) <= 1:
        return [owed_for(case, today=today, with_fee=with_fee, tables=tables)]
    facts = appraisal_of(case)
    total = facts.sessions if facts is not None and facts.done else None
    if total is None:
        return [owed_for(case, today=today, with_fee=with_fee, tables=tables)]
    try:
        shares = rules.split_sessions(total, _logged_sessions(case, providers, logged))
    except ValueError:
        row = owed_for(case, today=today, with_fee=False, tables=tables)
        row.shared, row.fee = True, None
        row.problem = row.problem or "split_unknown"
        return [row]
    prefetched = getattr(case, "open_payments", None)  # candidate_cases prefetches them; [] means none
    open_payments = prefetched if prefetched is not None else Payment.objects.open().filter(case=case)
    paid = {p.provider_id for p in open_payments}
    return [
        owed_for(case, assignment=a, sessions=share, today=today, with_fee=with_fee, tables=tables)
        for a, share in zip(providers, shares, strict=True)
        if share > 0 and a.provider_id not in paid
    ]


def owed_for(
    case,
    *,
    assignment=None,
    sessions: Decimal | None = None,
    today: dt.date | None = None,
    with_fee: bool = True,
    tables=None,
) -> Owed:
    """What is owed for ``case`` (one of ``candidate_cases``) to the provider of ``assignment`` (by default the
    provider of record, who finished it) for ``sessions`` (by default all the appraised sessions), with the amount
    previewed as if proposed ``today``."""
    today = today or timezone.localdate()
    shared = assignment is not None
    if assignment is None:
        in_turn = _providers_in_turn(case)
        assignment = in_turn[-1] if in_turn else None
    facts = appraisal_of(case)
    decision = _decision_of(case)
    blocked = bool(facts and facts.done and facts.satisfactory is False and decision is None)
    owed = Owed(
        case=case,
        assignment=assignment,
        appraisal=facts,
        payer=None,
        payee_organisation=None,
        blocked=blocked,
        decision=decision,
        shared=shared,
    )
    if assignment is None:
        owed.problem = "no_provider"
        return owed
    paid_by = payer_of(assignment.provider)
    if paid_by is None:
        owed.problem = "not_paid_by_state"
        return owed
    owed.payer, owed.payee_organisation = paid_by
    if facts is None or not facts.done or facts.sessions is None:
        owed.problem = "not_appraised"
        return owed
    owed.sessions = sessions if sessions is not None else facts.sessions
    if with_fee:
        salaries, rates = tables if tables is not None else (rules.load_salaries(), rules.load_rates())
        day = rules.rate_date(completed_on=case.completion.completed_on, proposed_on=today)
        try:
            owed.fee = rules.fee_breakdown(
                kind=assignment.provider.kind,
                form=case.form_of_aid.code,
                sessions=owed.sessions,
                on_date=day,
                salaries=salaries,
                rates=rates,
            )
        except rules.NoRate as error:
            owed.problem = str(error)
    return owed


def owed_list(
    user,
    *,
    payer: str | None = None,
    blocked: bool | None = None,
    today: dt.date | None = None,
    with_fee: bool = True,
):
    """Every owed row ``user`` sees (optionally of one payer, blocked or not), oldest completion first. The rate
    tables are read once for the whole list, and only when there is a row to price."""
    cases = list(candidate_cases(user))
    tables = (rules.load_salaries(), rules.load_rates()) if cases and with_fee else None
    # The work log of every case that changed hands, in one query rather than one per such case.
    shared = [case.pk for case in cases if len(_providers_in_turn(case)) > 1]
    logged = logged_sessions_by_case(shared) if shared else {}
    rows = [
        row
        for case in cases
        for row in owed_rows_for(case, today=today, tables=tables, with_fee=with_fee, logged=logged)
    ]
    if payer is not None:
        rows = [r for r in rows if r.payer == payer]
    if blocked is not None:
        rows = [r for r in rows if r.blocked == blocked]
    return rows


# --- Payments -----------------------------------------------------------------------------------------------------


def payment_list(*, user):
    return Payment.objects.visible_to(user).select_related(
        "case", "provider", "payee_organisation", "centre", "branch", "proposed_by", "approved_by", "paid_by"
    )


def totals(*, user, year: int | None = None, payer: str | None = None):
    """Amounts per provider, unit (Centre and branch) and year of proposal: proposed, approved, paid (not the returned
    proposals). One aggregate query; paginate the result."""
    qs = Payment.objects.visible_to(user).open()
    if payer:
        qs = qs.filter(payer=payer)
    qs = qs.annotate(year=ExtractYear("proposed_at"))
    if year:
        qs = qs.filter(year=year)
    return (
        qs.values(
            "year",
            "provider_id",
            "provider__full_name",
            "provider_kind",
            "centre_id",
            "centre__name",
            "branch_id",
            "branch__name",
            "payer",
        )
        .annotate(
            cases=Count("id"),
            proposed=Sum("amount", filter=Q(status=PaymentStatus.PROPOSED), default=Decimal(0)),
            approved=Sum("amount", filter=Q(status=PaymentStatus.APPROVED), default=Decimal(0)),
            paid=Sum("amount", filter=Q(status=PaymentStatus.PAID), default=Decimal(0)),
            total=Sum("amount", default=Decimal(0)),
        )
        .order_by("-year", "centre__name", "branch__name", "provider__full_name", "provider_id", "payer")
    )
