"""Which official papers a record has, and which of them a user may open.

The download routes (``views_documents``) read their records through the querysets below, and the "Văn bản" panel of
each page (``templates/macros/papers.html``) lists a paper only when the same queryset lets the user open it, so a
link never leads to a 404. A paper is a ``Paper``: its key (stable, for the page's ids and the tests), its title as
printed, a short detail (date, number), the download URL and the file format.
"""

from __future__ import annotations

from typing import NamedTuple

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from legalaid.cases.models import LegalAidCase
from legalaid.core.choices import OrganisationKind
from legalaid.core.models import Organisation
from legalaid.core.scoping import scope_of
from legalaid.intake.choices import DecisionKind, RegisterKind
from legalaid.intake.models import LegalAidRequest, RequestDecision
from legalaid.lib.formatting import format_date


class Paper(NamedTuple):
    key: str
    title: str
    detail: str
    url: str
    format: str = "docx"


#: The decisions on a request that have a paper of their own (the acceptance's paper is the case's notice).
DECISION_PAPERS = (DecisionKind.ASK_PAPERS, DecisionKind.REFUSE, DecisionKind.TRANSFER)


def requests_for_papers(user) -> QuerySet:
    return LegalAidRequest.objects.visible_to(user)


def cases_for_papers(user) -> QuerySet:
    return LegalAidCase.objects.visible_to(user)


def decisions_for_papers(user) -> QuerySet:
    return RequestDecision.objects.filter(request__in=requests_for_papers(user), kind__in=DECISION_PAPERS)


def register_units(user) -> QuerySet:
    """The Centres and branches whose books ``user`` may print: visible to them and within their scope (Centre
    staff: the Centre and each of its branches; branch staff: their own branch; lawyers and collaborators: none)."""
    units = Organisation.objects.visible_to(user).filter(kind__in=[OrganisationKind.CENTRE, OrganisationKind.BRANCH])
    scope = scope_of(user)
    if scope.sees_everything:
        return units
    if scope.assigned_only or not scope.centre_ids:
        return units.none()
    if scope.branch_id:
        return units.filter(pk=scope.branch_id)
    return units.filter(pk__in=scope.centre_ids) | units.filter(
        kind=OrganisationKind.BRANCH, centre_id__in=scope.centre_ids
    )


def default_register_unit(user, units: QuerySet) -> Organisation | None:
    """The unit the registers page opens with: the user's own unit (a branch), else their Centre, else the first."""
    for candidate in (user.organisation_id, getattr(user.centre, "pk", None)):
        if candidate is not None:
            unit = units.filter(pk=candidate).first()
            if unit is not None:
                return unit
    return units.first()


def _decision_title(decision: RequestDecision) -> str:
    return {
        DecisionKind.ASK_PAPERS: _("Thông báo về việc bổ sung giấy tờ, tài liệu"),
        DecisionKind.REFUSE: _("Thông báo về việc từ chối thụ lý vụ việc trợ giúp pháp lý"),
        DecisionKind.TRANSFER: _("Thông báo về việc chuyển yêu cầu trợ giúp pháp lý"),
    }[decision.kind]


def request_form_paper(obj: LegalAidRequest) -> Paper:
    return Paper(
        "request-form",
        _("Đơn yêu cầu trợ giúp pháp lý (Mẫu số 02-TP-TGPL)"),
        _("tiếp nhận ngày %(day)s") % {"day": format_date(obj.received_at)},
        reverse("intake:request_form_docx", kwargs={"pk": obj.pk}),
    )


def acceptance_notice_paper(case: LegalAidCase) -> Paper:
    return Paper(
        "acceptance-notice",
        _("Thông báo về việc thụ lý vụ việc trợ giúp pháp lý"),
        _("mã hồ sơ %(code)s, thụ lý ngày %(day)s") % {"code": case.code, "day": format_date(case.accepted_at)},
        reverse("intake:acceptance_notice_docx", kwargs={"pk": case.pk}),
    )


def assignment_paper(assignment) -> Paper:
    """The assignment or change-of-provider decision (providers app's route)."""
    title = (
        _("Quyết định thay đổi người thực hiện trợ giúp pháp lý")
        if assignment.replaces_id
        else _("Quyết định cử người thực hiện trợ giúp pháp lý")
    )
    detail = _("số %(code)s ngày %(day)s – %(name)s") % {
        "code": assignment.decision_code,
        "day": format_date(assignment.decision_date),
        "name": assignment.provider.full_name,
    }
    return Paper(
        f"assignment-{assignment.pk}", title, detail, reverse("providers:decision_docx", kwargs={"pk": assignment.pk})
    )


def decision_papers(user, request_pk: int) -> list[Paper]:
    """The notices of the decisions on one request that the user may open, in the order they were decided."""
    return [
        Paper(
            f"decision-{d.pk}",
            _decision_title(d),
            _("ngày %(day)s") % {"day": format_date(d.decided_at)},
            reverse("intake:decision_docx", kwargs={"pk": d.pk}),
        )
        for d in decisions_for_papers(user).filter(request_id=request_pk).order_by("decided_at", "id")
    ]


def request_papers(user, obj: LegalAidRequest) -> list[Paper]:
    """The papers of a request read through ``requests_for_papers(user)`` (as the request page reads it): the request
    form, the notice of each decision that has one, and the acceptance notice once the request is accepted (its case
    has the request's Centre and branch, so ``cases_for_papers`` lets the same user open it). One query."""
    found = [request_form_paper(obj), *decision_papers(user, obj.pk)]
    try:
        case = obj.case
    except LegalAidCase.DoesNotExist:
        case = None
    if case is not None:
        found.append(acceptance_notice_paper(case))
    return found


def register_papers(unit: Organisation, year: int) -> list[Paper]:
    """The prints of the two books of one unit and year (the caller checks ``register_units``)."""
    papers = []
    for kind, label in RegisterKind.choices:
        for fmt, name in (("docx", "intake:register_docx"), ("xlsx", "intake:register_xlsx")):
            papers.append(
                Paper(
                    f"register-{kind}-{fmt}",
                    str(label),
                    _("%(unit)s, năm %(year)s") % {"unit": unit.name, "year": year},
                    reverse(name, kwargs={"org_pk": unit.pk, "year": year, "kind": kind}),
                    fmt,
                )
            )
    return papers


def current_year() -> int:
    return timezone.localdate().year
