"""The payments' sections of the work queue (``legalaid.core.workqueue``): payments to propose, to approve, to pay,
and cases blocked by an unsatisfactory appraisal, each for whoever acts (``permissions.py``):

- ``payments_to_propose``: the administration department (Centre) or a Department officer (contracted organisations):
  completed, appraised cases with the amount owed, not yet proposed;
- ``payments_blocked``: the director (Centre) or a Department officer: cases whose appraisal was not satisfactory,
  waiting for a decision;
- ``payments_to_approve``: the director (Centre) or a Department officer who did not propose it: proposals to approve
  or return;
- ``payments_to_pay``: the administration department (Centre) or a Department officer: approved payments to pay and
  record.

The owed cases are classified in Python (an appraisal's ``is_satisfactory`` is a property, not a column): a fixed
number of queries whatever their number (``selectors.owed_list``).
"""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext as _

from legalaid.core.choices import Role
from legalaid.core.workqueue import LIMIT, Item, Section, section, total_of
from legalaid.lib.formatting import format_date, format_money

from . import selectors
from .choices import Payer, PaymentStatus
from .models import Payment


def _owed_items(user, rows, *, blocked: bool) -> list[Item]:
    items = []
    for row in rows[:LIMIT]:
        provider = row.provider.full_name if row.provider else ""
        if blocked:
            items.append(
                Item(
                    title=_("Quyết định về thanh toán vụ việc thẩm định không đạt"),
                    subject=f"{row.case.code} · {provider}",
                    url=reverse("payments:decision_create", kwargs={"case_pk": row.case.pk}),
                    detail=_("Kết thúc %(day)s; kết quả thẩm định không đạt, thanh toán đang tạm dừng.")
                    % {"day": format_date(row.case.completion.completed_on)},
                    action=_("Ghi quyết định"),
                )
            )
        else:
            items.append(
                Item(
                    title=_("Lập đề nghị thanh toán"),
                    subject=f"{row.case.code} · {provider}",
                    url=reverse("payments:owed") + f"#{row.anchor}",
                    detail=_("Kết thúc %(day)s; số tiền tính được %(amount)s.")
                    % {"day": format_date(row.case.completion.completed_on), "amount": format_money(row.fee.amount)},
                    action=_("Lập đề nghị"),
                )
            )
    return items


@section("payments_to_propose", roles=(Role.ADMIN_STAFF, Role.DOJ_OFFICER), order=60)
def payments_to_propose(user, today: dt.date) -> Section | None:
    if not user.has_perm("payments.propose_payment"):
        return None
    rows = [
        r
        for r in selectors.owed_list(user, blocked=False, today=today)
        if r.payable and user.has_perm("payments.propose_payment", r)
    ]
    return Section(
        code="payments_to_propose",
        title=_("Vụ việc cần lập đề nghị thanh toán"),
        items=_owed_items(user, rows, blocked=False),
        total=len(rows),
        list_url=reverse("payments:owed"),
        note=_(
            "Vụ việc đã kết thúc và được thẩm định: lập đề nghị thanh toán thù lao, bồi dưỡng theo số buổi được thẩm "
            "định (Nghị định 144/2017/NĐ-CP Điều 13)."
        ),
    )


@section("payments_blocked", roles=(Role.DIRECTOR, Role.DOJ_OFFICER), order=61)
def payments_blocked(user, today: dt.date) -> Section | None:
    if not user.has_perm("payments.decide_appraisal"):
        return None
    rows = [
        r
        for r in selectors.owed_list(user, blocked=True, today=today, with_fee=False)
        if r.payer and user.has_perm("payments.decide_appraisal", r)
    ]
    return Section(
        code="payments_blocked",
        title=_("Thanh toán tạm dừng do kết quả thẩm định không đạt"),
        items=_owed_items(user, rows, blocked=True),
        total=len(rows),
        list_url=reverse("payments:owed"),
        note=_("Quyết định vẫn thanh toán hoặc không thanh toán, nêu rõ lý do."),
    )


def _payment_section(user, *, code: str, status: str, title: str, action: str, note: str, extra=None) -> Section:
    qs = Payment.objects.visible_to(user).filter(status=status)
    qs = qs.filter(payer=Payer.DEPARTMENT if user.role == Role.DOJ_OFFICER else Payer.CENTRE)
    if extra is not None:
        qs = qs.exclude(**extra)
    rows = list(qs.select_related("case", "provider", "payee_organisation").order_by("proposed_at", "pk")[:LIMIT])
    items = [
        Item(
            title=title,
            subject=f"{p.case.code} · {p.payee_name}",
            url=reverse("payments:payment_detail", kwargs={"pk": p.pk}),
            detail=_("%(amount)s, đề nghị ngày %(day)s")
            % {"amount": format_money(p.amount), "day": format_date(p.proposed_at)},
            action=action,
        )
        for p in rows
    ]
    return Section(
        code=code,
        title=title,
        items=items,
        total=total_of(qs, rows),
        list_url=reverse("payments:payment_list") + f"?status={status}",
        note=note,
    )


@section("payments_to_approve", roles=(Role.DIRECTOR, Role.DOJ_OFFICER), order=62)
def payments_to_approve(user, today: dt.date) -> Section | None:
    if not user.has_perm("payments.approve_payment"):
        return None
    return _payment_section(
        user,
        code="payments_to_approve",
        status=PaymentStatus.PROPOSED,
        title=_("Đề nghị thanh toán chờ duyệt"),
        action=_("Duyệt"),
        note=_("Duyệt hoặc trả lại đề nghị thanh toán thù lao, bồi dưỡng (người duyệt khác người đề nghị)."),
        extra={"proposed_by": user},
    )


@section("payments_to_pay", roles=(Role.ADMIN_STAFF, Role.DOJ_OFFICER), order=63)
def payments_to_pay(user, today: dt.date) -> Section | None:
    if not user.has_perm("payments.pay_payment"):
        return None
    return _payment_section(
        user,
        code="payments_to_pay",
        status=PaymentStatus.APPROVED,
        title=_("Khoản thanh toán đã duyệt chờ chi trả"),
        action=_("Ghi nhận chi trả"),
        note=_("Chi trả và ghi nhận ngày chi, số chứng từ."),
    )
