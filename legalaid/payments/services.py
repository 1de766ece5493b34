"""Business operations of the payments app: keyword-only, in a transaction, permission checked, audited."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from legalaid.core import audit
from legalaid.core.choices import AuditAction

from .models import BaseSalary


@transaction.atomic
def base_salary_add(*, actor, salary: BaseSalary) -> BaseSalary:
    """Add a base salary value (lương cơ sở) from a new decree. Only a system administrator; the value is positive,
    starts on the first of a month, and starts after every value already in the table (history is not rewritten from
    the page: a payment may already rest on it), and no two values start on the same day (the periods cannot
    overlap: each runs until the next starts)."""
    if not actor.has_perm("payments.manage_rates"):
        raise PermissionDenied
    if salary.pk:
        raise ValidationError(_("Chỉ thêm mức mới; không sửa mức đã có trên trang này."))
    latest = BaseSalary.objects.select_for_update().order_by("-valid_from").first()
    if latest is not None and salary.valid_from and salary.valid_from <= latest.valid_from:
        raise ValidationError(
            {
                "valid_from": _("Mức mới phải áp dụng sau ngày %(day)s (mức hiện có gần nhất).")
                % {"day": latest.valid_from.strftime("%d/%m/%Y")}
            }
        )
    salary.created_by = actor
    salary.full_clean()
    salary.save()
    audit.record(actor=actor, action=AuditAction.CREATE, instance=salary, message=_("Thêm mức lương cơ sở"))
    return salary
