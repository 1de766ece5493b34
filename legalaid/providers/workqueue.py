"""The providers' sections of the work queue (``legalaid.core.workqueue``): applications to change the provider
awaiting an answer, and litigation quotas at risk.

For the director, deputy and branch head (their branch's cases, through ``visible_to``): each beneficiary's
application to change the provider still pending, by due date, with the working days left (DOMAIN 1.8: answered in
writing within 03 working days; Law Art. 25(1)-(2); TT 12/2018 Art. 11).

For the director, deputy and branch head: each legal aid officer who risks losing the title (no litigation case last
year nor this year, Law Art. 22(1)(d)), or who is behind the pace of their yearly quota (fewer litigation cases than
the share of the quota the elapsed part of the year calls for).
"""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext as _

from legalaid.core import calendar
from legalaid.core.choices import Role
from legalaid.core.workqueue import LIMIT, Item, Section, section, tone_of, total_of
from legalaid.lib.formatting import format_date
from legalaid.providers.models import ChangeApplication
from legalaid.providers.views_quota import quota_table_rows, warning_text


def expected_by(quota: int, today: dt.date) -> int:
    """The litigation cases a quota calls for by ``today``, in proportion to the days elapsed (rounded down)."""
    start = dt.date(today.year, 1, 1)
    days_in_year = (dt.date(today.year + 1, 1, 1) - start).days
    return quota * ((today - start).days + 1) // days_in_year


MANAGER_ROLES = (Role.DIRECTOR, Role.DEPUTY_DIRECTOR, Role.BRANCH_HEAD)


def days_left(due: dt.date, today: dt.date) -> str:
    """ "còn N ngày làm việc", "hạn hôm nay" or "quá hạn N ngày làm việc"."""
    if due < today:
        return _("quá hạn %(n)s ngày làm việc") % {"n": calendar.working_days_between(due, today)}
    left = calendar.working_days_between(today, due)
    return _("hạn hôm nay") if left == 0 else _("còn %(n)s ngày làm việc") % {"n": left}


@section("change_applications_pending", roles=MANAGER_ROLES, order=20)
def change_applications_pending(user, today: dt.date) -> Section:
    """Applications to change the provider not yet answered, the most urgent first: the signer of the case's
    decisions answers within 03 working days, by a change decision or a refusal with reasons (DOMAIN 1.8)."""
    waiting = ChangeApplication.objects.visible_to(user).pending()
    rows = list(
        waiting.select_related("case", "case__beneficiary", "assignment__provider").order_by("due_on", "pk")[:LIMIT]
    )
    soon_until = calendar.add_working_days(today, 1)
    items = [
        Item(
            title=_("Giải quyết đề nghị thay đổi người thực hiện"),
            subject=f"{a.case.code} · {a.case.beneficiary.full_name}",
            url=reverse("cases:case_detail", kwargs={"pk": a.case_id}) + f"#change-application-{a.pk}",
            detail=_("Đề nghị thay %(name)s, nhận %(day)s, hạn %(due)s, %(left)s")
            % {
                "name": a.assignment.provider.full_name,
                "day": format_date(a.received_on),
                "due": format_date(a.due_on),
                "left": days_left(a.due_on, today),
            },
            due=a.due_on,
            tone=tone_of(a.due_on, today, soon_until),
            action=_("Giải quyết"),
        )
        for a in rows
    ]
    return Section(
        code="change_applications_pending",
        title=_("Đề nghị thay đổi người thực hiện chờ giải quyết"),
        items=items,
        total=total_of(waiting, rows),
        note=_(
            "Trả lời bằng văn bản trong 03 ngày làm việc: thay đổi người thực hiện hoặc từ chối, nêu rõ lý do "
            "(Điều 25 Luật TGPL; Điều 11 Thông tư 12/2018/TT-BTP)."
        ),
    )


@section("quota_risks", roles=MANAGER_ROLES, order=50)
def quota_risks(user, today: dt.date) -> Section | None:
    if user.centre is None or not user.has_perm("providers.view_quota_table"):
        return None
    items = []
    for r in quota_table_rows(user, user.centre, today.year):
        quota, done = r.row.quota, r.row.done
        if r.at_risk:
            detail, tone = warning_text(), "overdue"
        elif quota and done < expected_by(quota, today):
            detail = _(
                "%(done)s/%(quota)s vụ việc tham gia tố tụng, chậm so với tiến độ (cần %(expected)s đến nay)"
            ) % {
                "done": done,
                "quota": quota,
                "expected": expected_by(quota, today),
            }
            tone = "soon"
        else:
            continue
        items.append(
            Item(
                title=_("Định mức vụ việc tham gia tố tụng"),
                subject=r.provider.full_name,
                url=reverse("providers:provider_detail", kwargs={"pk": r.provider.pk}),
                detail=detail,
                tone=tone,
                action=_("Xem người thực hiện"),
            )
        )
    items.sort(key=lambda i: (i.tone != "overdue", i.subject))
    return Section(
        code="quota_risks",
        title=_("Định mức tham gia tố tụng cần chú ý"),
        items=items[:LIMIT],
        total=len(items),
        list_url=reverse("providers:quota_table"),
        note=_("Cử thêm vụ việc tham gia tố tụng cho trợ giúp viên pháp lý chậm tiến độ."),
    )
