"""Demonstration payments for the demo province (called by ``manage.py seed_demo`` after the appraisals).

The administration department proposes the payment of every appraised case owed something; the director approves
two in three of them and the accounts pay half of those, so each state shows on the work lists and the totals.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from legalaid.core.models import User

from . import selectors, services
from .rules import NoRate


@transaction.atomic
def seed() -> int:
    """Propose, approve and pay; returns the number of payments proposed."""
    admin_staff = User.objects.get(username="hanhchinh")
    director = User.objects.get(username="giamdoc")
    proposed = 0
    for index, case in enumerate(selectors.candidate_cases(admin_staff).order_by("pk")):
        try:
            payment = services.payment_propose(actor=admin_staff, case=case)
        except (ValidationError, NoRate, PermissionDenied):
            # No rate for this provider and form, or blocked, or paid by the Department (a contracted organisation,
            # Law Art. 14): left on the list with its reason.
            continue
        proposed += 1
        if index % 3 == 2:
            continue  # waits for the director's approval
        payment = services.payment_approve(actor=director, payment=payment)
        if index % 2 == 0:
            services.payment_mark_paid(
                actor=admin_staff, payment=payment, paid_on=timezone.localdate(), voucher=f"PC-DEMO-{index + 1:03d}"
            )
    return proposed
