"""Quality management's sections of the work queue (``legalaid.core.workqueue``).

- Director, deputy, branch head (and a member the director delegated): completed litigation and representation
  cases waiting for an appraiser (TT 12/2018 Art. 16; DOMAIN.md 3).
- The appraiser: the cases they must appraise, by due date (``quality.appraisal_working_days``, UNCONFIRMED).
- Department of Justice officer: the open evaluations of the Centres it oversees, by due date (TT 12/2018 Art. 15).
- Director, deputy, branch head: the follow-ups the Department's evaluations require of the Centre, by due date.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import F
from django.urls import reverse
from django.utils.translation import gettext as _

from legalaid.core import calendar
from legalaid.core.choices import Role
from legalaid.core.workqueue import LIMIT, Item, Section, section, tone_of, total_of
from legalaid.lib.formatting import format_date

from . import selectors
from .choices import EvaluationStatus, FollowUpStatus
from .models import Evaluation, FollowUp
from .rules import is_delegate

MANAGER_ROLES = (Role.DIRECTOR, Role.DEPUTY_DIRECTOR, Role.BRANCH_HEAD)
APPRAISER_ROLES = (Role.DIRECTOR, Role.DEPUTY_DIRECTOR, Role.BRANCH_HEAD, Role.OFFICER)


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
        total=total_of(waiting, rows),
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
        total=total_of(waiting, rows),
        list_url=reverse("quality:appraisal_list") + "?mine=true&status=assigned",
        note=_("Bạn được phân công thẩm định: chấm điểm theo tiêu chí, ghi số buổi và kết luận."),
    )


@section("evaluations_to_do", roles=(Role.DOJ_OFFICER,), order=20)
def evaluations_to_do(user, today: dt.date) -> Section:
    """The Department's open evaluations of the Centres it oversees, by due date (TT 12/2018 Art. 15)."""
    waiting = Evaluation.objects.visible_to(user).filter(status=EvaluationStatus.OPEN)
    rows = list(waiting.select_related("case", "centre").order_by(F("due_on").asc(nulls_last=True), "pk")[:LIMIT])
    soon_until = calendar.add_working_days(today, 2)
    items = [
        Item(
            title=_("Đánh giá chất lượng vụ việc"),
            subject=f"{e.case.code} · {e.centre.name}",
            url=reverse("quality:evaluation_detail", kwargs={"pk": e.pk}),
            detail=(
                _("%(origin)s, hạn %(date)s") % {"origin": e.get_origin_display(), "date": format_date(e.due_on)}
                if e.due_on
                else str(e.get_origin_display())
            ),
            due=e.due_on,
            tone=tone_of(e.due_on, today, soon_until),
            action=_("Đánh giá"),
        )
        for e in rows
    ]
    return Section(
        code="evaluations_to_do",
        title=_("Vụ việc cần đánh giá chất lượng"),
        items=items,
        total=total_of(waiting, rows),
        list_url=reverse("quality:evaluation_list") + "?status=open",
        note=_(
            "Sở Tư pháp lập đoàn, mời chuyên gia (nếu cần) và kết luận bằng văn bản (Điều 15 Thông tư 12/2018/TT-BTP)."
        ),
    )


@section("follow_ups_due", roles=MANAGER_ROLES, order=37)
def follow_ups_due(user, today: dt.date) -> Section:
    """Follow-ups the Department's evaluations require of the Centre, not done yet, by due date."""
    waiting = FollowUp.objects.visible_to(user).filter(status=FollowUpStatus.OPEN)
    rows = list(waiting.select_related("evaluation__case").order_by("due_on", "pk")[:LIMIT])
    soon_until = calendar.add_working_days(today, 2)
    items = [
        Item(
            title=_("Thực hiện yêu cầu khắc phục"),
            subject=f.evaluation.case.code,
            url=reverse("quality:follow_up_done", kwargs={"pk": f.pk}),
            detail=_("%(text)s – hạn %(date)s") % {"text": f.text[:80], "date": format_date(f.due_on)},
            due=f.due_on,
            tone=tone_of(f.due_on, today, soon_until),
            action=_("Ghi nhận đã thực hiện"),
        )
        for f in rows
    ]
    return Section(
        code="follow_ups_due",
        title=_("Yêu cầu khắc phục sau đánh giá của Sở Tư pháp"),
        items=items,
        total=total_of(waiting, rows),
        list_url=reverse("quality:follow_up_list") + "?status=open",
        note=_("Giám đốc Trung tâm tổ chức thực hiện và ghi nhận khi xong; Sở Tư pháp theo dõi."),
    )
