"""E-mails to the people who carry a case, queued after commit through the task queue (legalaid.core.tasks).

They name the case by its code only, never the beneficiary: e-mail leaves the system.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from legalaid.core.tasks import notify_after_commit


def case_link(case) -> str:
    return getattr(settings, "SITE_URL", "").rstrip("/") + reverse("cases:case_detail", kwargs={"pk": case.pk})


def notify_assigned(*, provider, case, decision_code: str) -> None:
    """Tell a provider who logs in that they have been assigned to ``case`` by decision ``decision_code``."""
    user = provider.user
    if user is None or not user.is_active or not user.email:
        return
    notify_after_commit(
        to=user.email,
        subject=_("Được cử thực hiện trợ giúp pháp lý: vụ việc %(code)s") % {"code": case.code},
        body=_(
            "Kính gửi %(name)s,\n\nTrung tâm đã cử Ông/Bà thực hiện trợ giúp pháp lý vụ việc %(code)s theo Quyết định "
            "số %(decision)s.\nXem hồ sơ vụ việc: %(link)s\n"
        )
        % {"name": provider.full_name, "code": case.code, "decision": decision_code, "link": case_link(case)},
    )


def notify_hearing(*, case, hearing) -> None:
    """Tell the providers currently assigned to ``case`` of a new hearing or session."""
    when = timezone.localtime(hearing.starts_at).strftime("%H:%M %d/%m/%Y")
    addresses = [
        a.provider.user.email
        for a in case.assignments.filter(is_active=True).select_related("provider__user")
        if a.provider.user is not None and a.provider.user.is_active and a.provider.user.email
    ]
    if not addresses:
        return
    notify_after_commit(
        to=addresses,
        subject=_("Lịch %(kind)s vụ việc %(code)s lúc %(when)s")
        % {"kind": hearing.get_kind_display().lower(), "code": case.code, "when": when},
        body=_("Vụ việc %(code)s có lịch %(kind)s lúc %(when)s tại %(place)s.\nXem hồ sơ vụ việc: %(link)s\n")
        % {
            "code": case.code,
            "kind": hearing.get_kind_display().lower(),
            "when": when,
            "place": hearing.place,
            "link": case_link(case),
        },
    )
