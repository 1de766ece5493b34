"""The eligibility evaluator: which categories of Law 11/2017/QH14 Art. 7 apply to a person on a date.

The categories, their proof papers, the grounds of financial difficulty and the age thresholds are DATA (see
``models.py`` and migration 0002); this module holds the predicates, one per ``Rule`` code, each with its legal
reference. ``evaluate_with(rulebook, facts, on_date)`` is pure; ``evaluate(facts, on_date)`` loads the rulebook from
the database first (five small queries) and then calls it.

Three outcomes per category in force on the date: it applies, it does not apply (with a Vietnamese reason), or it
cannot be decided yet (``uncertain``: e.g. only the birth year is known and the person may or may not have reached the
age). Uncertain is never counted as eligible: staff ask for the missing fact.

This module imports no model at import time, so ``legalaid.eligibility`` can expose it while apps load.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, fields
from typing import Any, NamedTuple

from django.utils.translation import gettext as _

from .choices import (
    ACCUSED_ROLES,
    JUVENILE_JUSTICE_ROLES,
    AgeThresholdCode,
    FinancialRule,
    HouseholdStatus,
    Outcome,
    ProceduralRole,
    Rule,
)

__all__ = [
    "Age",
    "CategoryOutcome",
    "EligibilityResult",
    "Facts",
    "ProofNeed",
    "ProofRef",
    "Rulebook",
    "evaluate",
    "evaluate_with",
    "load_rulebook",
]

ACCUSED = frozenset(str(r.value) for r in ACCUSED_ROLES)
JUVENILE_JUSTICE = frozenset(str(r.value) for r in JUVENILE_JUSTICE_ROLES)
ROLE_CODES = frozenset(str(r.value) for r in ProceduralRole)
HOUSEHOLD_CODES = frozenset(str(h.value) for h in HouseholdStatus)

# --- Facts ----------------------------------------------------------------------------------------------------------

_TRUE = {"1", "true", "on", "yes", "y", "t", "có", "co", "x"}
_FALSE = {"", "0", "false", "off", "no", "n", "f", "không", "khong", "none"}


def _parse_bool(value: Any, name: str) -> bool:
    if isinstance(value, bool):
        return value
    if value is None:
        return False
    if isinstance(value, int | float):
        return bool(value)
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError(f"{name}: not a yes/no value: {value!r}")


def _parse_date(value: Any, name: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    for fmt in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"{name}: not a date (dd/mm/yyyy): {value!r}")


def _parse_year(value: Any, name: str) -> int | None:
    if value is None or value == "":
        return None
    try:
        year = int(str(value).strip())
    except ValueError:
        raise ValueError(f"{name}: not a year: {value!r}") from None
    if not 1800 <= year <= 2200:
        raise ValueError(f"{name}: year out of range: {year}")
    return year


def _as_list(data: Mapping[str, Any], key: str) -> list[Any]:
    # A QueryDict holds several values under one key.
    values = data.getlist(key) if hasattr(data, "getlist") else data.get(key)
    if values is None:
        return []
    if isinstance(values, str):
        return [v for v in (part.strip() for part in values.split(",")) if v]
    if isinstance(values, Iterable):
        return [v for v in values if v not in (None, "")]
    return [values]


@dataclass(frozen=True)
class Facts:
    """What intake staff know about the person (the beneficiary, not the requester).

    Build it from a form or a dict with ``Facts.from_mapping``. Every field has a safe default (the fact is absent).
    """

    date_of_birth: dt.date | None = None
    birth_year: int | None = None  # when only the year is known; age is then treated conservatively
    household: str = HouseholdStatus.NONE.value  # "poor", "near_poor" or "none"
    receives_social_allowance: bool = False  # trợ cấp xã hội hằng tháng
    in_social_protection_facility: bool = False  # living in a nhà xã hội / cơ sở bảo trợ xã hội
    revolutionary_merit: bool = False  # người có công với cách mạng
    martyr_relative: bool = False  # parent, spouse, child of a martyr, or who raised the martyr as a child
    agent_orange: bool = False
    disability: bool = False
    hiv: bool = False
    domestic_violence_victim: bool = False
    trafficking_victim: bool = False
    trafficking_under_identification: bool = False  # đang trong quá trình xác định là nạn nhân
    accompanying_trafficking_victim: bool = False  # a minor travelling with a trafficking victim
    ethnic_minority: bool = False
    lives_in_especially_difficult_area: bool = False  # the commune's flag on the date, passed by intake
    procedural_roles: frozenset[str] = frozenset()  # ProceduralRole codes
    foreigner: bool = False
    proofs_provided: frozenset[str] = frozenset()  # ProofDocument codes

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Facts:
        """Facts from a dict, a form's ``cleaned_data`` or a QueryDict of strings ("on", "1", "dd/mm/yyyy").

        Unknown keys are ignored; a malformed value raises ``ValueError`` naming the field (forms validate first).
        ``procedural_roles`` may also come as a single ``procedural_role``.
        """
        values: dict[str, Any] = {}
        for f in fields(cls):
            name = f.name
            if name == "date_of_birth":
                values[name] = _parse_date(data.get(name), name)
            elif name == "birth_year":
                values[name] = _parse_year(data.get(name), name)
            elif name == "household":
                household = str(data.get(name) or HouseholdStatus.NONE.value).strip()
                if household not in HOUSEHOLD_CODES:
                    raise ValueError(f"household: unknown status {household!r}")
                values[name] = household
            elif name == "procedural_roles":
                roles = {str(r) for r in _as_list(data, "procedural_roles") + _as_list(data, "procedural_role")}
                roles.discard(ProceduralRole.NONE.value)
                unknown = roles - ROLE_CODES
                if unknown:
                    raise ValueError(f"procedural_roles: unknown {sorted(unknown)}")
                values[name] = frozenset(roles)
            elif name == "proofs_provided":
                values[name] = frozenset(str(p) for p in _as_list(data, name))
            elif name in data:
                values[name] = _parse_bool(data.get(name), name)
        return cls(**values)


# --- The rulebook (data read from the database, as plain frozen objects) ---------------------------------------------


@dataclass(frozen=True)
class ProofRef:
    code: str
    name: str


@dataclass(frozen=True)
class CategoryRow:
    ref: str
    position: int
    label: str
    short_label: str
    rule: str
    needs_financial_difficulty: bool
    source: str
    valid_from: dt.date
    valid_to: dt.date | None
    proof_groups: tuple[tuple[ProofRef, ...], ...] = ()
    evidence: str = "confirmed"

    def in_force_on(self, on_date: dt.date) -> bool:
        return self.valid_from <= on_date and (self.valid_to is None or on_date <= self.valid_to)


@dataclass(frozen=True)
class GroundRow:
    code: str
    rule: str
    label: str
    source: str
    valid_from: dt.date
    valid_to: dt.date | None
    proofs: tuple[ProofRef, ...] = ()
    evidence: str = "unconfirmed"

    def in_force_on(self, on_date: dt.date) -> bool:
        return self.valid_from <= on_date and (self.valid_to is None or on_date <= self.valid_to)


@dataclass(frozen=True)
class ThresholdRow:
    code: str
    years: int
    valid_from: dt.date
    valid_to: dt.date | None
    source: str = ""

    def in_force_on(self, on_date: dt.date) -> bool:
        return self.valid_from <= on_date and (self.valid_to is None or on_date <= self.valid_to)


@dataclass(frozen=True)
class Rulebook:
    categories: tuple[CategoryRow, ...]
    grounds: tuple[GroundRow, ...] = ()
    thresholds: tuple[ThresholdRow, ...] = ()

    def thresholds_on(self, on_date: dt.date) -> dict[str, int]:
        found: dict[str, ThresholdRow] = {}
        for row in self.thresholds:
            if row.in_force_on(on_date) and (row.code not in found or row.valid_from > found[row.code].valid_from):
                found[row.code] = row
        return {code: row.years for code, row in found.items()}


def load_rulebook() -> Rulebook:
    """Every category, ground and threshold (all versions) from the database."""
    from django.db.models import Prefetch

    from .models import AgeThreshold, Category, CategoryProof, FinancialGround

    categories = Category.objects.prefetch_related(
        Prefetch("requirements", queryset=CategoryProof.objects.select_related("proof").order_by("group", "pk"))
    )
    rows = []
    for c in categories:
        groups: dict[int, list[ProofRef]] = {}
        for req in c.requirements.all():
            groups.setdefault(req.group, []).append(ProofRef(req.proof.code, req.proof.name))
        rows.append(
            CategoryRow(
                ref=c.ref,
                position=c.position,
                label=c.label,
                short_label=c.short_label,
                rule=c.rule,
                needs_financial_difficulty=c.needs_financial_difficulty,
                source=c.source,
                valid_from=c.valid_from,
                valid_to=c.valid_to,
                proof_groups=tuple(tuple(groups[g]) for g in sorted(groups)),
                evidence=c.evidence,
            )
        )
    grounds = tuple(
        GroundRow(
            code=g.code,
            rule=g.rule,
            label=g.label,
            source=g.source,
            valid_from=g.valid_from,
            valid_to=g.valid_to,
            proofs=tuple(ProofRef(p.code, p.name) for p in g.proofs.all()),
            evidence=g.evidence,
        )
        for g in FinancialGround.objects.prefetch_related("proofs")
    )
    thresholds = tuple(
        ThresholdRow(code=t.code, years=t.years, valid_from=t.valid_from, valid_to=t.valid_to, source=t.source)
        for t in AgeThreshold.objects.all()
    )
    return Rulebook(categories=tuple(rows), grounds=grounds, thresholds=thresholds)


# --- Age -------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Age:
    """The person's age on the date as a range: exact when the date of birth is known, two possible values when only
    the year is. ``low``/``high`` are None when no birth information is usable."""

    low: int | None
    high: int | None
    basis: str  # "date_of_birth", "birth_year" or "unknown"

    @property
    def known(self) -> bool:
        return self.low is not None

    @property
    def exact(self) -> int | None:
        return self.low if self.known and self.low == self.high else None


def age_on(facts: Facts, on_date: dt.date) -> Age:
    """Completed years on ``on_date``; a birthday falling on ``on_date`` counts as reached (Civil Code 2015 Art. 148:
    a period in years ends on the corresponding day). Someone born on 29/02 reaches the age on 01/03 in other years."""
    dob = facts.date_of_birth
    if dob is not None and dob <= on_date:
        years = on_date.year - dob.year - ((on_date.month, on_date.day) < (dob.month, dob.day))
        return Age(years, years, "date_of_birth")
    if dob is None and facts.birth_year is not None and facts.birth_year <= on_date.year:
        high = on_date.year - facts.birth_year
        # On 31/12 every birthday of the year has passed; before that, the person may not have had it yet.
        low = high if (on_date.month, on_date.day) == (12, 31) else max(high - 1, 0)
        return Age(low, high, "birth_year")
    return Age(None, None, "unknown")


# --- Verdicts --------------------------------------------------------------------------------------------------------


class Verdict(NamedTuple):
    status: str  # an Outcome value
    reason: str = ""


APPLIES = Verdict(Outcome.APPLIES.value)


def _no(reason: str) -> Verdict:
    return Verdict(Outcome.DOES_NOT_APPLY.value, reason)


def _unsure(reason: str) -> Verdict:
    return Verdict(Outcome.UNCERTAIN.value, reason)


def all_of(*verdicts: Verdict) -> Verdict:
    """Conjunction: the first definite 'no' wins; otherwise the first 'uncertain'; otherwise it applies."""
    for v in verdicts:
        if v.status == Outcome.DOES_NOT_APPLY:
            return v
    for v in verdicts:
        if v.status == Outcome.UNCERTAIN:
            return v
    return APPLIES


def _flag(value: bool, reason: str) -> Verdict:
    return APPLIES if value else _no(reason)


@dataclass(frozen=True)
class Context:
    on_date: dt.date
    age: Age
    thresholds: Mapping[str, int]
    facts: Facts


def age_between(ctx: Context, from_code: str | None = None, below_code: str | None = None) -> Verdict:
    """from_code <= age < below_code, with thresholds read from the data for the date."""
    lo = ctx.thresholds.get(from_code) if from_code else None
    hi = ctx.thresholds.get(below_code) if below_code else None
    if (from_code and lo is None) or (below_code and hi is None):
        return _unsure(_("Thiếu ngưỡng tuổi trong dữ liệu cho ngày xét."))
    age = ctx.age
    if not age.known:
        if ctx.facts.date_of_birth is not None and ctx.facts.date_of_birth > ctx.on_date:
            return _unsure(_("Ngày sinh sau ngày xét: cần kiểm tra lại ngày sinh."))
        return _unsure(_("Chưa có ngày sinh hoặc năm sinh để tính tuổi."))
    assert age.low is not None and age.high is not None
    if lo is not None and age.high < lo:
        return _no(_("Chưa đủ %(n)s tuổi") % {"n": lo})
    if hi is not None and age.low >= hi:
        return _no(_("Đã đủ %(n)s tuổi") % {"n": hi})
    if (lo is None or age.low >= lo) and (hi is None or age.high < hi):
        return APPLIES
    boundary = lo if lo is not None and age.low < lo else hi
    return _unsure(
        _("Chỉ có năm sinh %(year)s: cần ngày sinh đầy đủ để biết đã đủ %(n)s tuổi hay chưa.")
        % {"year": ctx.facts.birth_year, "n": boundary}
    )


def _has_role(ctx: Context, roles: frozenset[str], reason: str) -> Verdict:
    return _flag(bool(ctx.facts.procedural_roles & roles), reason)


# --- Predicates, one per Rule code -----------------------------------------------------------------------------------


def revolutionary_merit(ctx: Context) -> Verdict:
    # Law 11/2017 Art. 7(1): người có công với cách mạng.
    return _flag(ctx.facts.revolutionary_merit, _("Không phải người có công với cách mạng"))


def poor_household(ctx: Context) -> Verdict:
    # Law 11/2017 Art. 7(2): người thuộc hộ nghèo.
    return _flag(ctx.facts.household == HouseholdStatus.POOR, _("Không thuộc hộ nghèo"))


def child(ctx: Context) -> Verdict:
    # Law 11/2017 Art. 7(3): trẻ em; Law on Children 2016 Art. 1: under 16 (DOMAIN.md 12 [C]).
    return age_between(ctx, below_code=AgeThresholdCode.CHILD_BELOW)


def ethnic_minority_difficult_area(ctx: Context) -> Verdict:
    # Law 11/2017 Art. 7(4): người dân tộc thiểu số cư trú ở vùng có điều kiện kinh tế - xã hội đặc biệt khó khăn.
    return all_of(
        _flag(ctx.facts.ethnic_minority, _("Không phải người dân tộc thiểu số")),
        _flag(
            ctx.facts.lives_in_especially_difficult_area,
            _("Không cư trú ở vùng có điều kiện kinh tế - xã hội đặc biệt khó khăn"),
        ),
    )


def accused_minor(ctx: Context) -> Verdict:
    # Law 11/2017 Art. 7(5), original text to 31/12/2025: người bị buộc tội từ đủ 16 tuổi đến dưới 18 tuổi.
    # The accused: arrested, held in custody, suspects, defendants (CPC 2015 Art. 4(1)(đ); DOMAIN.md 12 [C]).
    return all_of(
        _has_role(ctx, ACCUSED, _("Không phải người bị buộc tội (người bị bắt, bị tạm giữ, bị can, bị cáo)")),
        age_between(ctx, AgeThresholdCode.MINOR_FROM, AgeThresholdCode.MINOR_BELOW),
    )


def minor_in_criminal_proceedings(ctx: Context) -> Verdict:
    # Law 11/2017 Art. 7(5) as replaced by Law 59/2024/QH15 Art. 177(6), from 01/01/2026: người từ đủ 16 tuổi đến
    # dưới 18 tuổi là người bị tố giác, bị kiến nghị khởi tố, bị giữ trong trường hợp khẩn cấp, người bị buộc tội,
    # bị hại, người làm chứng, người chấp hành biện pháp xử lý chuyển hướng, phạm nhân.
    return all_of(
        _has_role(
            ctx,
            JUVENILE_JUSTICE,
            _(
                "Không có tư cách tố tụng hình sự thuộc khoản 5 (bị tố giác, bị kiến nghị khởi tố, bị giữ khẩn cấp, "
                "bị buộc tội, bị hại, làm chứng, xử lý chuyển hướng, phạm nhân)"
            ),
        ),
        age_between(ctx, AgeThresholdCode.MINOR_FROM, AgeThresholdCode.MINOR_BELOW),
    )


def accused_near_poor(ctx: Context) -> Verdict:
    # Law 11/2017 Art. 7(6): người bị buộc tội thuộc hộ cận nghèo (no age condition).
    return all_of(
        _has_role(ctx, ACCUSED, _("Không phải người bị buộc tội (người bị bắt, bị tạm giữ, bị can, bị cáo)")),
        _flag(ctx.facts.household == HouseholdStatus.NEAR_POOR, _("Không thuộc hộ cận nghèo")),
    )


def trafficking_victim_or_identification(ctx: Context) -> Verdict:
    # Law 11/2017 Art. 7(6a), added by Law 53/2024/QH15 Art. 61, from 01/07/2025: nạn nhân, người đang trong quá
    # trình xác định là nạn nhân của hành vi mua bán người và người dưới 18 tuổi đi cùng. No financial test.
    f = ctx.facts
    if f.trafficking_victim or f.trafficking_under_identification:
        return APPLIES
    if f.accompanying_trafficking_victim:
        return age_between(ctx, below_code=AgeThresholdCode.MINOR_BELOW)
    return _no(
        _(
            "Không phải nạn nhân, người đang được xác định là nạn nhân mua bán người hoặc người dưới 18 tuổi đi cùng "
            "nạn nhân"
        )
    )


def martyr_relative(ctx: Context) -> Verdict:
    # Law 11/2017 Art. 7(7)(a): cha đẻ, mẹ đẻ, vợ, chồng, con của liệt sĩ và người có công nuôi dưỡng khi liệt sĩ còn
    # nhỏ (with financial difficulty).
    return _flag(ctx.facts.martyr_relative, _("Không phải thân nhân liệt sĩ hoặc người nuôi dưỡng liệt sĩ"))


def agent_orange(ctx: Context) -> Verdict:
    # Law 11/2017 Art. 7(7)(b): người nhiễm chất độc da cam (with financial difficulty).
    return _flag(ctx.facts.agent_orange, _("Không phải người nhiễm chất độc da cam"))


def elderly(ctx: Context) -> Verdict:
    # Law 11/2017 Art. 7(7)(c): người cao tuổi (with financial difficulty); from 60 (Law on the Elderly 2009 Art. 2),
    # UNCONFIRMED: the age is the ``elderly_from`` threshold row.
    return age_between(ctx, from_code=AgeThresholdCode.ELDERLY_FROM)


def disability(ctx: Context) -> Verdict:
    # Law 11/2017 Art. 7(7)(d): người khuyết tật (with financial difficulty).
    return _flag(ctx.facts.disability, _("Không phải người khuyết tật"))


def minor_victim(ctx: Context) -> Verdict:
    # Law 11/2017 Art. 7(7)(đ) to 31/12/2025 (repealed by Law 59/2024 Art. 177(6)): người từ đủ 16 tuổi đến dưới 18
    # tuổi là bị hại trong vụ án hình sự (with financial difficulty).
    return all_of(
        _flag(ProceduralRole.VICTIM.value in ctx.facts.procedural_roles, _("Không phải bị hại trong vụ án hình sự")),
        age_between(ctx, AgeThresholdCode.MINOR_FROM, AgeThresholdCode.MINOR_BELOW),
    )


def domestic_violence_victim(ctx: Context) -> Verdict:
    # Law 11/2017 Art. 7(7)(e): nạn nhân trong vụ việc bạo lực gia đình (with financial difficulty).
    return _flag(ctx.facts.domestic_violence_victim, _("Không phải nạn nhân bạo lực gia đình"))


def trafficking_victim(ctx: Context) -> Verdict:
    # Law 11/2017 Art. 7(7)(g) to 30/06/2025 (repealed by Law 53/2024 Art. 61): nạn nhân của hành vi mua bán người
    # theo Luật Phòng, chống mua bán người (with financial difficulty). Persons still under identification are not
    # victims under this point.
    return _flag(ctx.facts.trafficking_victim, _("Không phải nạn nhân của hành vi mua bán người"))


def hiv(ctx: Context) -> Verdict:
    # Law 11/2017 Art. 7(7)(h): người nhiễm HIV (with financial difficulty).
    return _flag(ctx.facts.hiv, _("Không phải người nhiễm HIV"))


PREDICATES: dict[str, Callable[[Context], Verdict]] = {
    Rule.REVOLUTIONARY_MERIT.value: revolutionary_merit,
    Rule.POOR_HOUSEHOLD.value: poor_household,
    Rule.CHILD.value: child,
    Rule.ETHNIC_MINORITY_DIFFICULT_AREA.value: ethnic_minority_difficult_area,
    Rule.ACCUSED_MINOR.value: accused_minor,
    Rule.MINOR_IN_CRIMINAL_PROCEEDINGS.value: minor_in_criminal_proceedings,
    Rule.ACCUSED_NEAR_POOR.value: accused_near_poor,
    Rule.TRAFFICKING_VICTIM_OR_IDENTIFICATION.value: trafficking_victim_or_identification,
    Rule.MARTYR_RELATIVE.value: martyr_relative,
    Rule.AGENT_ORANGE.value: agent_orange,
    Rule.ELDERLY.value: elderly,
    Rule.DISABILITY.value: disability,
    Rule.MINOR_VICTIM.value: minor_victim,
    Rule.DOMESTIC_VIOLENCE_VICTIM.value: domestic_violence_victim,
    Rule.TRAFFICKING_VICTIM.value: trafficking_victim,
    Rule.HIV.value: hiv,
}


# Financial difficulty: Decree 144/2017/NĐ-CP Art. 2 (wording UNCONFIRMED): a member of a near-poor household, or a
# person receiving a monthly social allowance. A poor household is not a ground here: its members are already
# eligible under Art. 7(2). Living in a social protection facility counts with the allowance: the admission decision
# is among the accepted proofs (DOMAIN.md 1.2 [P]).
FINANCIAL_PREDICATES: dict[str, Callable[[Facts], bool]] = {
    FinancialRule.NEAR_POOR.value: lambda f: f.household == HouseholdStatus.NEAR_POOR,
    FinancialRule.SOCIAL_ALLOWANCE.value: lambda f: f.receives_social_allowance or f.in_social_protection_facility,
}


# --- Result ----------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProofNeed:
    """One paper the file needs: any of ``alternatives``; ``satisfied`` when one of them was provided."""

    alternatives: tuple[ProofRef, ...]
    satisfied: bool
    purpose: str = ""  # "" for the category itself, or a note such as "khó khăn về tài chính"

    @property
    def names(self) -> str:
        return _(" hoặc ").join(p.name for p in self.alternatives)


@dataclass(frozen=True)
class CategoryOutcome:
    ref: str
    label: str
    short_label: str
    status: str  # an Outcome value
    reason: str  # why it does not apply or is uncertain; "" when it applies
    source: str
    valid_from: dt.date
    valid_to: dt.date | None
    needs_financial_difficulty: bool
    proofs: tuple[ProofNeed, ...] = ()

    @property
    def applies(self) -> bool:
        return self.status == Outcome.APPLIES

    @property
    def missing_proofs(self) -> tuple[ProofNeed, ...]:
        return tuple(p for p in self.proofs if not p.satisfied)


@dataclass(frozen=True)
class EligibilityResult:
    on_date: dt.date
    age: Age
    outcomes: tuple[CategoryOutcome, ...]  # every category in force on ``on_date``, in the Law's order
    financial_grounds: tuple[str, ...] = ()  # labels of the financial-difficulty grounds met
    notes: tuple[str, ...] = field(default=())

    @property
    def applicable(self) -> tuple[CategoryOutcome, ...]:
        return tuple(o for o in self.outcomes if o.status == Outcome.APPLIES)

    @property
    def not_applicable(self) -> tuple[CategoryOutcome, ...]:
        return tuple(o for o in self.outcomes if o.status == Outcome.DOES_NOT_APPLY)

    @property
    def uncertain(self) -> tuple[CategoryOutcome, ...]:
        return tuple(o for o in self.outcomes if o.status == Outcome.UNCERTAIN)

    @property
    def refs(self) -> tuple[str, ...]:
        """The refs of the categories that apply ('7.3', '7.7.d', ...)."""
        return tuple(o.ref for o in self.applicable)

    @property
    def is_eligible(self) -> bool:
        return bool(self.applicable)

    @property
    def proof_codes(self) -> tuple[str, ...]:
        """The codes of every paper that may prove a category that applies or may apply (the intake form lists only
        these papers)."""
        codes = {p.code for o in (*self.applicable, *self.uncertain) for need in o.proofs for p in need.alternatives}
        return tuple(sorted(codes))

    @property
    def has_financial_difficulty(self) -> bool:
        return bool(self.financial_grounds)

    def outcome(self, ref: str) -> CategoryOutcome | None:
        return next((o for o in self.outcomes if o.ref == ref), None)

    def reasons(self) -> dict[str, str]:
        """ref -> reason for every category in force that does not apply or is uncertain."""
        return {o.ref: o.reason for o in self.outcomes if o.status != Outcome.APPLIES}


# --- Evaluation ------------------------------------------------------------------------------------------------------


def _proof_need(alternatives: Iterable[ProofRef], provided: frozenset[str], purpose: str = "") -> ProofNeed:
    alts = tuple(alternatives)
    return ProofNeed(alts, any(p.code in provided for p in alts), purpose)


def evaluate_with(rulebook: Rulebook, facts: Facts, on_date: dt.date) -> EligibilityResult:
    """Pure evaluation against a loaded rulebook. Categories whose validity does not cover ``on_date`` are skipped."""
    age = age_on(facts, on_date)
    ctx = Context(on_date=on_date, age=age, thresholds=rulebook.thresholds_on(on_date), facts=facts)

    grounds_in_force = [g for g in rulebook.grounds if g.in_force_on(on_date)]
    grounds_met = [g for g in grounds_in_force if FINANCIAL_PREDICATES.get(g.rule, lambda f: False)(facts)]
    if grounds_met:
        financial = APPLIES
    else:
        financial = _no(
            _(
                "Không có khó khăn về tài chính (không thuộc hộ cận nghèo, không hưởng trợ cấp xã hội hằng tháng; "
                "Nghị định 144/2017/NĐ-CP, Điều 2)"
            )
        )
    financial_proofs = tuple(p for g in grounds_met for p in g.proofs)

    outcomes = []
    for row in sorted((c for c in rulebook.categories if c.in_force_on(on_date)), key=lambda c: (c.position, c.ref)):
        predicate = PREDICATES.get(row.rule)
        if predicate is None:
            verdict = _unsure(_("Chưa có quy tắc đánh giá cho diện này; cần xem xét thủ công."))
        else:
            verdict = predicate(ctx)
        if row.needs_financial_difficulty:
            verdict = all_of(verdict, financial)
        proofs: tuple[ProofNeed, ...] = ()
        if verdict.status != Outcome.DOES_NOT_APPLY:
            proofs = tuple(_proof_need(group, facts.proofs_provided) for group in row.proof_groups)
            if row.needs_financial_difficulty and financial_proofs:
                proofs += (_proof_need(financial_proofs, facts.proofs_provided, _("khó khăn về tài chính")),)
        outcomes.append(
            CategoryOutcome(
                ref=row.ref,
                label=row.label,
                short_label=row.short_label,
                status=verdict.status,
                reason=verdict.reason,
                source=row.source,
                valid_from=row.valid_from,
                valid_to=row.valid_to,
                needs_financial_difficulty=row.needs_financial_difficulty,
                proofs=proofs,
            )
        )

    return EligibilityResult(
        on_date=on_date,
        age=age,
        outcomes=tuple(outcomes),
        financial_grounds=tuple(g.label for g in grounds_met),
        notes=tuple(_notes(facts, on_date, age)),
    )


def _notes(facts: Facts, on_date: dt.date, age: Age) -> list[str]:
    notes = []
    if facts.date_of_birth is not None and facts.date_of_birth > on_date:
        notes.append(_("Ngày sinh sau ngày xét: tuổi không tính được."))
    if facts.date_of_birth is not None and facts.birth_year and facts.birth_year != facts.date_of_birth.year:
        notes.append(_("Năm sinh khác với ngày sinh: đã dùng ngày sinh."))
    if age.basis == "birth_year":
        notes.append(
            _(
                "Chỉ có năm sinh: tuổi được tính thận trọng; diện phụ thuộc vào việc đã qua sinh nhật hay chưa được "
                "ghi là chưa xác định được."
            )
        )
    if facts.foreigner:
        notes.append(
            _(
                "Người nước ngoài: kiểm tra điều ước quốc tế liên quan; người nước ngoài bị mua bán tại Việt Nam được "
                "trợ giúp theo Nghị định 162/2025/NĐ-CP, Điều 21 (chưa đối chiếu đầy đủ)."
            )
        )
    return notes


def evaluate(
    facts: Facts | Mapping[str, Any], on_date: dt.date, *, rulebook: Rulebook | None = None
) -> EligibilityResult:
    """The categories of Art. 7 that apply to ``facts`` on ``on_date`` (the date of the request), with the proofs
    still needed and a reason for each category in force that does not apply. Reads the rulebook from the database
    unless one is given."""
    if not isinstance(facts, Facts):
        facts = Facts.from_mapping(facts)
    return evaluate_with(rulebook if rulebook is not None else load_rulebook(), facts, on_date)
