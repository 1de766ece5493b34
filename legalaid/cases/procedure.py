"""Which procedure a case of a field of law follows, the beneficiary's procedural roles in it, and the completion
criteria that apply (issue 8 item 5). One module, the references beside the rules.

- Criminal cases follow the Criminal Procedure Code 2015 (Bộ luật Tố tụng hình sự, BLTTHS); civil, marriage and
  family, labour and land disputes the Civil Procedure Code 2015 (Bộ luật Tố tụng dân sự, BLTTDS: Arts 26-33 list
  the civil, marriage and family, business and labour matters a court hears); administrative lawsuits the
  Administrative Procedure Law 2015 (Luật Tố tụng hành chính, LTTHC). A land case is a civil dispute over land-use
  rights (BLTTDS Art. 26(9)) or a lawsuit against an administrative decision on land (LTTHC): both are offered.
- The fields the Law on Legal Aid adds to these (complaints and denunciations, social policy, insurance, other) are
  the Centre's classification: the mapping below is UNCONFIRMED (a reasoned default, not a text), and a field not
  listed offers every procedure.
- The roles (``choices.ROLES_BY_PROCEDURE``): BLTTHS 2015 Art. 4(1)(đ) "người bị buộc tội gồm người bị bắt, người
  bị tạm giữ, bị can, bị cáo" [C]; the other participants of Chapter IV (person reported or recommended for
  prosecution, person held in an emergency, victim, civil plaintiff, civil defendant, person with related rights and
  obligations; Arts 57-65 from memory, UNCONFIRMED numbering). BLTTDS 2015 Art. 68: the parties are the plaintiff,
  the defendant and the person with related rights and obligations; in a non-contentious civil matter, the applicant.
  LTTHC 2015 Art. 3: the claimant (người khởi kiện), the respondent (người bị kiện) and the person with related
  rights and obligations.
- Completion criteria: a success criterion (QĐ 1179/QĐ-BTP) or a complex/typical criterion (TT 09/2018/TT-BTP) with
  no procedure applies to every case (the principle NT1-NT3; the general criteria of TT 09/2018 Art. 3); one with a
  procedure only to litigation cases of that procedure (QĐ 1179 by procedure and role; TT 09/2018 Arts 4-6).
"""

from __future__ import annotations

from django.db.models import Q

from legalaid.cases.choices import ROLES_BY_PROCEDURE, ProceduralRole, Procedure

P = Procedure

#: Field of law (intake.FieldOfLaw.code) -> the procedures its cases follow.
PROCEDURES_BY_FIELD: dict[str, tuple[str, ...]] = {
    "criminal": (P.CRIMINAL,),  # BLTTHS 2015
    "civil": (P.CIVIL,),  # BLTTDS 2015 Art. 26
    "marriage_family": (P.CIVIL,),  # BLTTDS 2015 Art. 28
    "labour": (P.CIVIL,),  # BLTTDS 2015 Art. 32
    "land": (P.CIVIL, P.ADMINISTRATIVE),  # BLTTDS 2015 Art. 26(9); LTTHC 2015 (decisions on land)
    "administrative": (P.ADMINISTRATIVE,),  # LTTHC 2015
    # UNCONFIRMED: the Centre's own fields, mapped to the procedure their disputes usually take.
    "complaints": (P.ADMINISTRATIVE,),
    "social_policy": (P.ADMINISTRATIVE,),
    "insurance": (P.CIVIL, P.ADMINISTRATIVE),
}
ALL_PROCEDURES: tuple[str, ...] = tuple(P.values)


def procedures_for_field(field_code: str | None) -> tuple[str, ...]:
    """The procedures a case of this field of law follows (every procedure for a field not listed)."""
    return PROCEDURES_BY_FIELD.get(field_code or "", ALL_PROCEDURES)


def procedures_for_case(case) -> tuple[str, ...]:
    """The procedures of ``case``: its litigation details' procedure once recorded, its field's otherwise."""
    details = getattr(case, "litigation", None) if _has(case, "litigation") else None
    if details is not None and details.procedure:
        return (details.procedure,)
    return procedures_for_field(case.field_of_law.code)


def roles_for_procedures(procedures) -> list[str]:
    """The procedural roles of these procedures, in the order of ``ProceduralRole``."""
    allowed = set().union(*(ROLES_BY_PROCEDURE[p] for p in procedures)) if procedures else set()
    return [role for role in ProceduralRole.values if role in allowed]


def roles_for_field(field_code: str | None) -> list[str]:
    return roles_for_procedures(procedures_for_field(field_code))


def _has(case, name: str) -> bool:
    try:
        getattr(case, name)
    except Exception:
        return False
    return True


# --- Completion criteria -----------------------------------------------------------------------------------------


def criteria_q(case) -> Q:
    """The criteria (SuccessCriterion, ComplexityCriterion) that apply to ``case``: those without a procedure, and for
    a litigation case those of its procedures."""
    q = Q(procedure="")
    if case.form_of_aid.code == "litigation":
        q |= Q(procedure__in=procedures_for_case(case))
    return q


def success_criteria_for(case):
    from legalaid.cases.models import SuccessCriterion

    return SuccessCriterion.objects.filter(is_active=True).filter(criteria_q(case))


def complexity_criteria_for(case):
    from legalaid.cases.models import ComplexityCriterion

    return ComplexityCriterion.objects.filter(is_active=True).filter(criteria_q(case))
