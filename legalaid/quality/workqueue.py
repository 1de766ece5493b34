"""Quality management's sections of the work queue (``legalaid.core.workqueue``).

- Director, deputy, branch head (and a member the director delegated): completed litigation and representation
  cases waiting for an appraiser (TT 12/2018 Art. 16; DOMAIN.md 3).
- The appraiser: the cases they must appraise, by due date (``quality.appraisal_working_days``, UNCONFIRMED).
"""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext as _

from legalaid.core import calendar
from legalaid.core.choices import Role
from legalaid.core.workqueue import LIMIT, Item, Section, section, tone_of
from legalaid.lib.formatting import format_date

from . import selectors
from .rules import is_delegate

MANAGER_ROLES = (Role.DIRECTOR, Role.DEPUTY_DIRECTOR, Role.BRANCH_HEAD)
APPRAISER_ROLES = (Role.DIRECTOR, Role.DEPUTY_DIRECTOR, Role.BRANCH_HEAD, Role.OFFICER)


def _total(queryset, rows: list) -> int:
    return queryset.count() if len(rows) == LIMIT else len(rows)


@section("appraisals_to_assign", roles=(*MANAGER_ROLES, Role.OFFICER), order=35)
def appraisals_to_assign(user, today: dt.date) -> Section | None:
    """Completed cases of the appraised forms with no appraiser, oldest completion first."""
    if user.role not in MANAGER_ROLES and not is_delegate(user):
        return None
    waiting = selectors.cases_awaiting_appraiser(user)
    rows = list(waiting.select_related("beneficiary", "form_of_aid", "completion")[:LIMIT])
    items = [
        Item(
            title=_("Phân công thẩm định"),
            subject=f"{c.code} · {c.beneficiary.full_name}",
            url=reverse("quality:appraisal_assign", kwargs={"case_pk": c.pk}),
            detail=_("%(form)s, kết thúc %(date)s")
            % {"form": c.form_of_aid, "date": format_date(c.completion.completed_on)},
            due=c.completion.completed_on,
            action=_("Phân công thẩm định"),
        )
        for c in rows
    ]
    return Section(
        code="appraisals_to_assign",
        title=_("Vụ việc chờ phân công thẩm định chất lượng"),
        items=items,
        total=_total(waiting, rows),
        list_url=reverse("quality:appraisal_queue"),
        note=_(
            "Giám đốc (hoặc người được ủy quyền) phân công người thẩm định không phải là người thực hiện vụ việc "
            "(Điều 16 Thông tư 12/2018/TT-BTP)."
        ),
    )


@section("appraisals_to_do", roles=APPRAISER_ROLES, order=36)
def appraisals_to_do(user, today: dt.date) -> Section:
    """The appraisals assigned to the user, by due date."""
    waiting = selectors.appraisals_to_do(user)
    rows = list(waiting.select_related("case", "case__form_of_aid")[:LIMIT])
    soon_until = calendar.add_working_days(today, 2)
    items = [
        Item(
            title=_("Thẩm định chất lượng vụ việc"),
            subject=a.case.code,
            url=reverse("quality:appraisal_complete", kwargs={"pk": a.pk}),
            detail=_("%(form)s, hạn %(date)s") % {"form": a.case.form_of_aid, "date": format_date(a.due_on)},
            due=a.due_on,
            tone=tone_of(a.due_on, today, soon_until),
            action=_("Thẩm định"),
        )
        for a in rows
    ]
    return Section(
        code="appraisals_to_do",
        title=_("Vụ việc cần thẩm định"),
        items=items,
        total=_total(waiting, rows),
        list_url=reverse("quality:appraisal_list") + "?mine=true&status=assigned",
        note=_("Bạn được phân công thẩm định: chấm điểm theo tiêu chí, ghi số buổi và kết luận."),
    )
