"""The fee rule: what a provider is owed for a case, Decree 144/2017/NĐ-CP Art. 13 (DOMAIN 4).

    compute_fee(kind, form, sessions, on_date) -> Decimal

``kind`` is a provider kind code (``legalaid.providers.choices.ProviderKind``), ``form`` a form-of-aid code
(``intake.FormOfAid.code``: "litigation", "representation", "advice"), ``sessions`` the sessions of work (buổi, half a
working day; TT 02/2021/TT-BTP Art. 3 counts them in halves), ``on_date`` the day whose base salary and rates apply
(``rate_date``: the setting ``PAYMENTS_RATE_DATE`` says which day that is). The result is whole đồng, a ``Decimal``.

The arithmetic (every step in whole đồng, half up):

1. the base salary in force on the day (``BaseSalary``: 1,390,000 đ from 01/07/2018 ... 2,340,000 đ from 01/07/2024);
2. the fee of one session = coefficient x base salary (Art. 13(1): 0.38 for litigation; Art. 13(2): 0.31 for
   representation, UNCONFIRMED), rounded to the đồng;
3. a legal aid officer's allowance is a share of it (Art. 13(3): 40% litigation, 20% representation), rounded;
4. the sessions paid are at most the cap (Art. 13(1): 30 per litigation case; TT 02/2021 Art. 8: 20 per
   representation case);
5. the amount = sessions paid x (fee or allowance) of one session, rounded.

Or a lump sum (khoán chi, Art. 13(1)): multiple x base salary, the multiple between 3 and 10 by complexity.

The rates are data (``FeeRate``, ``BaseSalary``). ``fee_breakdown(..., salaries=, rates=)`` and ``lump_sum_breakdown``
are pure: they take the rate rows and return the amount with the calculation line by line (``Fee.lines``);
``compute_fee`` is the thin wrapper that loads the rows from the database. Money never passes through float: a float
argument is refused (``TypeError``).

Kept free of model imports at import time (django-rules' autodiscovery imports every app's ``rules`` module).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

from django.conf import settings
from django.utils.translation import gettext as _

from legalaid.lib.formatting import format_date, format_money, format_number

ONE_DONG = Decimal(1)
HALF = Decimal("0.5")
HUNDRED = Decimal(100)

#: Which day picks the rates (``RateDateRule``): "work" = the case's completion date, "payment" = the day the payment
#: is proposed. DOMAIN 4 leaves it to the DOJ finance office (UNCONFIRMED); set ``PAYMENTS_RATE_DATE``.
RATE_DATE_RULES = ("work", "payment")


class NoRate(LookupError):
    """No base salary or no rate is in force for the kind, form and day: the fee cannot be computed."""


@dataclass(frozen=True)
class SalaryRow:
    """One base salary value (``BaseSalary``)."""

    valid_from: dt.date
    amount: Decimal
    reference: str


@dataclass(frozen=True)
class RateRow:
    """One rate of Art. 13 (``FeeRate``), for one provider kind and form of aid."""

    provider_kind: str
    form: str
    session_coefficient: Decimal
    max_sessions: Decimal
    share_percent: Decimal
    lump_min: Decimal | None
    lump_max: Decimal | None
    valid_from: dt.date
    valid_to: dt.date | None
    reference: str
    confirmed: bool = True

    def in_force_on(self, on_date: dt.date) -> bool:
        return self.valid_from <= on_date and (self.valid_to is None or on_date <= self.valid_to)


@dataclass(frozen=True)
class Line:
    """One line of the calculation: what it is, how it is computed, its result, and the rule it applies."""

    label: str
    formula: str
    result: str
    reference: str = ""
    amount: Decimal | None = None


@dataclass(frozen=True)
class Fee:
    """The amount owed (whole đồng) and its calculation, line by line."""

    amount: Decimal
    lines: tuple[Line, ...]
    base_salary: SalaryRow
    rate: RateRow
    sessions_paid: Decimal = Decimal(0)
    lump_multiple: Decimal | None = None
    notes: tuple[str, ...] = field(default=())


def whole_dong(value: Decimal) -> Decimal:
    """Round to the đồng, half up (the đồng has no smaller unit in use)."""
    return value.quantize(ONE_DONG, rounding=ROUND_HALF_UP)


def as_decimal(name: str, value) -> Decimal:
    """``value`` as a Decimal; a float (or a bool, or text) is refused, so that money never passes through float."""
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise TypeError(f"{name} must be a Decimal or an int, not {type(value).__name__}")
    return Decimal(value)


def base_salary_on(salaries: Iterable[SalaryRow], on_date: dt.date) -> SalaryRow:
    """The base salary in force on ``on_date``: the latest row that starts on or before it."""
    found = None
    for row in salaries:
        if row.valid_from <= on_date and (found is None or row.valid_from > found.valid_from):
            found = row
    if found is None:
        raise NoRate(_("Chưa có mức lương cơ sở áp dụng ngày %(day)s.") % {"day": format_date(on_date)})
    return found


def _kind_label(kind: str) -> str:
    """The provider kind's name for a message (the user never sees a raw code)."""
    from legalaid.providers.choices import ProviderKind

    return str(ProviderKind(kind).label) if kind in ProviderKind.values else kind


def _form_label(form: str) -> str:
    """The form of aid's name for a message, from the reference list the forms are seeded from (no query)."""
    from legalaid.intake.reference import FORMS_OF_AID

    return next((name for code, name, *_rest in FORMS_OF_AID if code == form), form)


def rate_on(rates: Iterable[RateRow], kind: str, form: str, on_date: dt.date) -> RateRow:
    """The rate of ``kind`` for ``form`` in force on ``on_date``."""
    matching = [r for r in rates if r.provider_kind == kind and r.form == form and r.in_force_on(on_date)]
    if not matching:
        raise NoRate(
            _("Chưa có mức thù lao, bồi dưỡng cho loại người thực hiện “%(kind)s”, hình thức “%(form)s” ngày %(day)s.")
            % {"kind": _kind_label(kind), "form": _form_label(form), "day": format_date(on_date)}
        )
    return max(matching, key=lambda r: r.valid_from)


def _salary_line(salary: SalaryRow, on_date: dt.date) -> Line:
    return Line(
        label=_("Lương cơ sở áp dụng ngày %(day)s") % {"day": format_date(on_date)},
        formula=_("từ %(day)s") % {"day": format_date(salary.valid_from)},
        result=format_money(salary.amount),
        reference=salary.reference,
        amount=salary.amount,
    )


def fee_breakdown(
    *,
    kind: str,
    form: str,
    sessions,
    on_date: dt.date,
    salaries: Iterable[SalaryRow],
    rates: Iterable[RateRow],
) -> Fee:
    """The per-session fee (or officer's allowance) of ``sessions`` sessions, line by line. Pure."""
    sessions = as_decimal("sessions", sessions)
    if not isinstance(on_date, dt.date):
        raise TypeError("on_date must be a date")
    if sessions < 0:
        raise ValueError(_("Số buổi không được âm."))
    if sessions % HALF:
        raise ValueError(_("Số buổi tính theo nửa buổi (Thông tư 02/2021/TT-BTP Điều 3)."))
    salary = base_salary_on(salaries, on_date)
    rate = rate_on(rates, kind, form, on_date)
    session_fee = whole_dong(rate.session_coefficient * salary.amount)
    lines = [
        _salary_line(salary, on_date),
        Line(
            label=_("Mức thù lao một buổi"),
            formula=f"{format_number(rate.session_coefficient, 2)} × {format_money(salary.amount)}",
            result=format_money(session_fee),
            reference=rate.reference,
            amount=session_fee,
        ),
    ]
    per_session = session_fee
    if rate.share_percent != HUNDRED:
        per_session = whole_dong(session_fee * rate.share_percent / HUNDRED)
        lines.append(
            Line(
                label=_("Mức bồi dưỡng một buổi của trợ giúp viên pháp lý"),
                formula=f"{format_number(rate.share_percent)}% × {format_money(session_fee)}",
                result=format_money(per_session),
                reference=rate.reference,
                amount=per_session,
            )
        )
    paid = min(sessions, rate.max_sessions)
    lines.append(
        Line(
            label=_("Số buổi được thanh toán"),
            formula=_("%(claimed)s buổi, tối đa %(cap)s buổi mỗi vụ việc")
            % {"claimed": format_number(sessions, 1 if sessions % 1 else 0), "cap": format_number(rate.max_sessions)},
            result=_("%(n)s buổi") % {"n": format_number(paid, 1 if paid % 1 else 0)},
            reference=_("Nghị định 144/2017/NĐ-CP Điều 13; Thông tư 02/2021/TT-BTP Điều 3, 8"),
        )
    )
    amount = whole_dong(paid * per_session)
    lines.append(
        Line(
            label=_("Thành tiền"),
            formula=f"{format_number(paid, 1 if paid % 1 else 0)} × {format_money(per_session)}",
            result=format_money(amount),
            amount=amount,
        )
    )
    return Fee(amount=amount, lines=tuple(lines), base_salary=salary, rate=rate, sessions_paid=paid)


def lump_sum_breakdown(
    *,
    kind: str,
    form: str,
    multiple,
    on_date: dt.date,
    salaries: Iterable[SalaryRow],
    rates: Iterable[RateRow],
) -> Fee:
    """A lump sum (khoán chi, Art. 13(1)): ``multiple`` x base salary, within the rate's range (3-10). Pure."""
    multiple = as_decimal("multiple", multiple)
    salary = base_salary_on(salaries, on_date)
    rate = rate_on(rates, kind, form, on_date)
    if rate.lump_min is None or rate.lump_max is None:
        raise NoRate(_("Không áp dụng khoán chi cho loại người thực hiện và hình thức này."))
    if not rate.lump_min <= multiple <= rate.lump_max:
        raise ValueError(
            _("Mức khoán chi từ %(low)s đến %(high)s lần lương cơ sở (Nghị định 144/2017/NĐ-CP Điều 13 khoản 1).")
            % {"low": format_number(rate.lump_min), "high": format_number(rate.lump_max)}
        )
    amount = whole_dong(multiple * salary.amount)
    lines = (
        _salary_line(salary, on_date),
        Line(
            label=_("Khoán chi theo mức độ phức tạp của vụ việc"),
            formula=_("%(m)s × %(salary)s (khung %(low)s–%(high)s lần)")
            % {
                "m": format_number(multiple, 1 if multiple % 1 else 0),
                "salary": format_money(salary.amount),
                "low": format_number(rate.lump_min),
                "high": format_number(rate.lump_max),
            },
            result=format_money(amount),
            reference=rate.reference,
            amount=amount,
        ),
        Line(label=_("Thành tiền"), formula="", result=format_money(amount), amount=amount),
    )
    return Fee(amount=amount, lines=lines, base_salary=salary, rate=rate, lump_multiple=multiple)


def rate_date(*, completed_on: dt.date, proposed_on: dt.date, rule: str | None = None) -> dt.date:
    """The day whose rates apply: the case's completion ("work") or the day of the payment proposal ("payment"),
    by ``settings.PAYMENTS_RATE_DATE`` unless ``rule`` is given (DOMAIN 4, UNCONFIRMED: docs/payments.md)."""
    rule = rule or getattr(settings, "PAYMENTS_RATE_DATE", "work")
    if rule not in RATE_DATE_RULES:
        raise ValueError(f"PAYMENTS_RATE_DATE must be one of {RATE_DATE_RULES}, not {rule!r}")
    return completed_on if rule == "work" else proposed_on


# --- The thin wrappers that read the rows from the database -------------------------------------------------------


def load_salaries() -> list[SalaryRow]:
    from .models import BaseSalary

    return [SalaryRow(r.valid_from, r.amount, r.reference) for r in BaseSalary.objects.all()]


def load_rates(kind: str | None = None, form: str | None = None) -> list[RateRow]:
    from .models import FeeRate

    qs = FeeRate.objects.select_related("form_of_aid")
    if kind:
        qs = qs.filter(provider_kind=kind)
    if form:
        qs = qs.filter(form_of_aid__code=form)
    return [
        RateRow(
            provider_kind=r.provider_kind,
            form=r.form_of_aid.code,
            session_coefficient=r.session_coefficient,
            max_sessions=r.max_sessions,
            share_percent=r.share_percent,
            lump_min=r.lump_min,
            lump_max=r.lump_max,
            valid_from=r.valid_from,
            valid_to=r.valid_to,
            reference=r.reference,
            confirmed=r.confirmed,
        )
        for r in qs
    ]


def compute_fee(kind: str, form: str, sessions, on_date: dt.date) -> Decimal:
    """The fee (lawyers) or allowance (legal aid officers) of ``sessions`` sessions of a ``form`` case, in whole đồng,
    at the rates in force on ``on_date``. Raises ``NoRate`` when no rate applies, ``TypeError`` on a float."""
    as_decimal("sessions", sessions)
    return fee_breakdown(
        kind=kind,
        form=form,
        sessions=sessions,
        on_date=on_date,
        salaries=load_salaries(),
        rates=load_rates(kind, form),
    ).amount


def split_sessions(total: Decimal, logged: list[Decimal]) -> list[Decimal]:
    """The appraised sessions ``total`` of a case shared by the providers who worked on it in turn (a provider
    replaced by a change decision, then another): "each is paid for the time they worked", the case within its cap
    (TT 02/2021/TT-BTP Art. 8). ``logged`` are their sessions from the case's work log, in the order they were
    assigned; each share is the total in proportion to their time, rounded down to a half session, and what rounding
    leaves goes to the last (the provider who finished the case), so the shares add up to ``total``. Raises
    ``ValueError`` when nobody logged any time: the split cannot be known."""
    as_decimal("total", total)
    for value in logged:
        as_decimal("logged", value)
    whole = sum(logged, Decimal(0))
    if not logged or whole <= 0:
        raise ValueError("no logged time to split by")
    half = Decimal("0.5")
    shares = [((total * value / whole) / half).to_integral_value(rounding=ROUND_FLOOR) * half for value in logged]
    shares[-1] += total - sum(shares, Decimal(0))
    return shares
