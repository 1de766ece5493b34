"""The providers' section of the work queue (``legalaid.core.workqueue``): litigation quotas at risk.

For the director, deputy and branch head: each legal aid officer who risks losing the title (no litigation case last
year nor this year, Law Art. 22(1)(d)), or who is behind the pace of their yearly quota (fewer litigation cases than
the share of the quota the elapsed part of the year calls for).
"""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext as _

from legalaid.core.choices import Role
from legalaid.core.workqueue import LIMIT, Item, Section, section
from legalaid.providers.views_quota import quota_table_rows, warning_text


def expected_by(quota: int, today: dt.date) -> int:
    """The litigation cases a quota calls for by ``today``, in proportion to the days elapsed (rounded down)."""
    start = dt.date(today.year, 1, 1)
    days_in_year = (dt.date(today.year + 1, 1, 1) - start).days
    return quota * ((today - start).days + 1) // days_in_year


@section("quota_risks", roles=(Role.DIRECTOR, Role.DEPUTY_DIRECTOR, Role.BRANCH_HEAD), order=50)
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
