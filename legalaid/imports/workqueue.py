"""The register import's section of the work queue (``legalaid.core.workqueue``): the imports a director or deputy
uploaded that wait for them (checked and ready to import, or failed). The system administrator, who may import too,
has no work queue: the menu leads there."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext as _

from legalaid.core.choices import Role
from legalaid.core.workqueue import LIMIT, Item, Section, section

from .choices import ImportStatus
from .models import RegisterImport


@section("register_imports", roles=(Role.DIRECTOR, Role.DEPUTY_DIRECTOR), order=95)
def register_imports(user, today: dt.date) -> Section | None:
    if not user.has_perm("imports.import_register"):
        return None
    waiting = RegisterImport.objects.of(user).filter(status__in=[ImportStatus.CHECKED, ImportStatus.FAILED])
    rows = [b for b in waiting.order_by("-created_at")[: LIMIT * 2] if b.status == ImportStatus.FAILED or b.importable]
    items = [
        Item(
            title=_("Sổ thụ lý cũ chờ nhập") if b.status == ImportStatus.CHECKED else _("Nhập sổ không thành công"),
            subject=b.filename,
            url=reverse("imports:import_detail", kwargs={"pk": b.pk}),
            detail=str(b.unit),
            due=None,
            tone="" if b.status == ImportStatus.CHECKED else "overdue",
            action=_("Nhập vào sổ") if b.status == ImportStatus.CHECKED else _("Xem lý do"),
        )
        for b in rows[:LIMIT]
    ]
    if not items:
        return None
    return Section(
        code="register_imports",
        title=_("Nhập sổ thụ lý cũ"),
        items=items,
        total=len(items),
        list_url=reverse("imports:import_list"),
        note=_("Tệp đã kiểm tra, không còn dòng lỗi: bấm “Nhập vào sổ” để nhập."),
    )
