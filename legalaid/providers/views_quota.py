"""The table of the legal aid officers' yearly litigation quotas (issue 4 item 9), and its summary on home pages.

For each active officer of the Centre (of the branch, for a branch head): the year's quota, the litigation cases
assigned to them that year (``selectors.quota_progress``), the progress, and a warning when they had no litigation case
last year nor this year: an officer loses the title after 2 consecutive years without one, unless for objective reasons
(Law Art. 22(1)(d)).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django import forms
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.core.validators import MaxValueValidator
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from legalaid.core.choices import OrganisationKind, Role
from legalaid.core.forms import BootstrapMixin
from legalaid.core.models import Organisation
from legalaid.core.scoping import scope_of
from legalaid.lib.pagination import paginate
from legalaid.lib.xlsx import xlsx_response

from .models import Provider
from .selectors import QuotaRow, quota_progress

#: The first year the Law on Legal Aid 11/2017/QH14 was in force (01/01/2018).
FIRST_YEAR = 2018


def warning_text() -> str:
    """The warning of Law Art. 22(1)(d), in the active language."""
    return _("chưa có vụ việc tham gia tố tụng năm trước và năm nay (Điều 22(1)(d) Luật TGPL)")


@dataclass
class QuotaTableRow:
    """One officer in the quota table: this year's progress and last year's count."""

    row: QuotaRow
    last_year: int
    at_risk: bool

    @property
    def provider(self) -> Provider:
        return self.row.provider


class QuotaYearForm(BootstrapMixin, forms.Form):
    year = forms.IntegerField(
        label=gettext_lazy("Năm"),
        min_value=FIRST_YEAR,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "size": 6}),
        error_messages={
            "invalid": gettext_lazy("Hãy nhập năm bằng số, ví dụ 2026."),
            "min_value": gettext_lazy("Năm phải từ %(limit_value)s trở đi (Luật TGPL có hiệu lực từ 2018)."),
            "max_value": gettext_lazy("Năm không được sau %(limit_value)s."),
        },
    )

    def __init__(self, *args, today: dt.date, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].validators.append(MaxValueValidator(today.year + 1))


def centres_of(user):
    """The Centres whose table ``user`` may read: their own; every Centre of their DOJ for a DOJ officer."""
    scope = scope_of(user)
    centres = Organisation.objects.filter(kind=OrganisationKind.CENTRE).order_by("name")
    if scope.sees_everything:
        return centres
    return centres.filter(pk__in=scope.centre_ids)


def quota_table_rows(user, centre, year: int, *, providers=None) -> list[QuotaTableRow]:
    """The rows of the table for ``centre`` as ``user`` sees it (a branch head: their branch's officers), or for the
    given ``providers``. 6 queries."""
    if providers is None:
        # The home page reads the same rows twice (the quota panel and the work queue): keep them on the user object,
        # which lives as long as the request.
        memo = user.__dict__.setdefault("_quota_rows", {})
        key = (centre.pk, year)
        if key not in memo:
            memo[key] = _quota_rows(user, centre, year, None)
        return memo[key]
    return _quota_rows(user, centre, year, providers)


def _quota_rows(user, centre, year: int, providers) -> list[QuotaTableRow]:
    if providers is None:
        providers = Provider.objects.visible_to(user)
        if user.role == Role.BRANCH_HEAD and user.branch is not None:
            providers = providers.filter(branch=user.branch)
    this_year = quota_progress(centre, year, providers=providers)
    if not this_year:
        return []
    last_year = {r.provider.pk: r.done for r in quota_progress(centre, year - 1, providers=providers)}
    rows = []
    for row in this_year:
        provider = row.provider
        started = provider.card_issued_on or timezone.localdate(provider.created_at)
        before = last_year.get(provider.pk, 0)
        # Law Art. 22(1)(d): no litigation case last year nor this year, for an officer who held the title then.
        at_risk = row.done == 0 and before == 0 and started <= dt.date(year - 1, 1, 1)
        rows.append(QuotaTableRow(row=row, last_year=before, at_risk=at_risk))
    return rows


def summary(rows: list[QuotaTableRow]) -> dict:
    quota = sum(r.row.quota or 0 for r in rows)
    done = sum(r.row.done for r in rows)
    return {
        "officers": len(rows),
        "quota": quota,
        "done": done,
        "percent": round(100 * done / quota) if quota else None,
        "at_risk": sum(1 for r in rows if r.at_risk),
        "without_quota": sum(1 for r in rows if r.row.quota is None),
    }


@login_required
@permission_required("providers.view_quota_table", raise_exception=True)
@require_safe
def quota_table(request):
    """Every officer's litigation quota and progress for a year (?year=2026), with the Art. 22(1)(d) warning."""
    user = request.user
    today = timezone.localdate()
    centres = list(centres_of(user))
    if not centres:
        raise PermissionDenied
    centre = next((c for c in centres if str(c.pk) == request.GET.get("centre")), None)
    centre = centre or next((c for c in centres if c.pk == getattr(user.centre, "pk", None)), centres[0])
    form = QuotaYearForm(request.GET if "year" in request.GET else None, today=today, initial={"year": today.year})
    year = form.cleaned_data["year"] if form.is_bound and form.is_valid() else today.year
    rows = quota_table_rows(user, centre, year)
    if request.GET.get("export") == "xlsx":
        headers = [
            _("Họ và tên"),
            _("Đơn vị"),
            _("Định mức năm %(year)s") % {"year": year},
            _("Vụ việc tham gia tố tụng năm %(year)s") % {"year": year},
            _("Tiến độ (%)"),
            _("Vụ việc tham gia tố tụng năm %(year)s") % {"year": year - 1},
            _("Cảnh báo (Điều 22(1)(d))"),
        ]
        data = (
            (
                r.provider.full_name,
                str(r.provider.branch or _("Trụ sở Trung tâm")),
                r.row.quota,
                r.row.done,
                r.row.percent,
                r.last_year,
                warning_text() if r.at_risk else "",
            )
            for r in rows
        )
        return xlsx_response(f"chi-tieu-{year}.xlsx", _("Định mức %(year)s") % {"year": year}, headers, data)
    context = {
        "form": form,
        "year": year,
        "centre": centre,
        "centres": centres if len(centres) > 1 else [],
        "page": paginate(request, rows),
        "summary": summary(rows),
        "warning_text": warning_text(),
    }
    return render(request, "providers/quota_table.html", context)


# --- Home pages --------------------------------------------------------------------------------------------------


def home_quota(user, today: dt.date) -> dict | None:
    """The quota panel of a home page: an officer's own quota and progress; for those who read the table, the
    summary of their Centre (or branch) with a link to it. None: no panel."""
    year = today.year
    if user.is_authenticated and user.role == Role.OFFICER and user.centre is not None:
        own = quota_table_rows(user, user.centre, year, providers=Provider.objects.filter(user_id=user.pk))
        return {"kind": "own", "year": year, "row": own[0], "warning_text": warning_text()} if own else None
    if user.has_perm("providers.view_quota_table") and user.centre is not None:
        rows = quota_table_rows(user, user.centre, year)
        return {"kind": "summary", "year": year, "summary": summary(rows), "warning_text": warning_text()}
    return None
