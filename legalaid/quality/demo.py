"""Demonstration appraisals for the demo province (called by ``manage.py seed_demo`` after the cases' year).

Of the demo Centre's completed litigation and representation cases, three in four get an appraiser who is not their
provider (the deputy director or a legal aid officer, as TT 12/2018 Art. 16 asks); two in three of those are scored
and concluded, the rest wait on the appraiser's work list, and the last quarter waits on the director's. Every step
goes through the services, as a user's request would.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from legalaid.core.models import User

from . import services
from .models import Appraisal, CriteriaSet
from .selectors import DEFAULT_APPRAISED_FORMS

APPRAISERS = ["phogiamdoc", "tgv.minh", "tgv.lan"]
#: Points taken off the maximum of each criterion, by case (cycled): a spread of totals and levels.
DEDUCTIONS = [Decimal(0), Decimal(2), Decimal(5), Decimal(1)]


@transaction.atomic
def seed() -> int:
    """Assign and score the appraisals; returns how many were concluded."""
    from legalaid.cases.models import LegalAidCase

    director = User.objects.get(username="giamdoc")
    appraisers = [User.objects.get(username=name) for name in APPRAISERS]
    criteria_set = CriteriaSet.in_force_on(timezone.localdate())
    if criteria_set is None:
        return 0
    criteria = list(criteria_set.criteria.all())
    cases = (
        LegalAidCase.objects.filter(
            centre=director.centre, status="completed", form_of_aid__code__in=DEFAULT_APPRAISED_FORMS
        )
        .exclude(pk__in=Appraisal.objects.values("case_id"))
        .select_related("form_of_aid")
        .order_by("pk")
    )
    done = 0
    for index, case in enumerate(cases):
        if index % 4 == 3:
            continue  # waits for the director to name an appraiser
        appraisal = None
        for appraiser in appraisers:  # the first who is not a provider of the case
            try:
                appraisal = services.appraisal_assign(actor=director, case=case, appraiser=appraiser)
                break
            except ValidationError:
                continue
        if appraisal is None or index % 3 == 2:
            continue  # on the appraiser's work list
        deduction = DEDUCTIONS[index % len(DEDUCTIONS)]
        scores = {c.code: max(c.max_points - deduction, Decimal(0)) for c in criteria}
        sessions = Decimal(6 + index % 12) if case.form_of_aid.code == "litigation" else Decimal(3 + index % 6)
        try:
            services.appraisal_complete(
                actor=appraisal.appraiser,
                appraisal=appraisal,
                scores=scores,
                appraised_sessions=sessions,
                conclusion="Vụ việc được thực hiện đúng trình tự, thủ tục; bảo vệ được quyền, lợi ích hợp pháp của "
                "người được trợ giúp pháp lý.",
            )
            done += 1
        except ValidationError:
            continue
    return done
