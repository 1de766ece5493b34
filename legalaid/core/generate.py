"""A national-scale dataset for measuring (issue 11 item 5): ``manage.py generate_data --cases N [--seed S]``.

Builds ``--centres`` new Centres (each under its Department of Justice, with branches, staff accounts and providers:
about one provider per 75 open cases) and, for them, ``N`` cases spread over ten years with their persons
(Vietnamese names, folded keys, ID numbers), requests (with a category and the acceptance decision, plus refused
requests without a case), assignments, events, work-log entries, hearings (litigation) and completions. Statuses
follow the age of the case: old cases are completed or discontinued, recent ones accepted, assigned or in progress.
With ``--extras``, ``Extras`` then adds appraisals, payments and outreach sessions with their targets (or alone, on a
database generated before: ``--extras-only --seed S``).

Rows are written in bulk, never through the services (no audit rows: it is test data): ``COPY ... FROM STDIN`` on
PostgreSQL, ``executemany`` batches on SQLite, with primary keys allocated up front and the sequences moved past
them afterwards. Register numbers are given in order of acceptance per unit, year and book, from 1 with no gap, and
each book's ``last_number`` (and each decision counter) is set to the last number given: the next real acceptance
continues the series (TT 12/2018 Art. 5, 11(1)). Everything runs in one transaction.

It refuses to run on a production database (``LEGALAID_ENV=production``), and with DEBUG off unless ``--force``.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import time
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Max, Q
from django.utils import timezone

from legalaid.cases.choices import CaseStatus, EventKind
from legalaid.cases.models import CaseCompletion, CaseEvent, Hearing, LegalAidCase, WorkLogEntry
from legalaid.cases.models.worklog import ActivityType
from legalaid.core.choices import AgencyType, OrganisationKind, PartnerForm, PartnerType, Role
from legalaid.core.models import Organisation, Province, User
from legalaid.eligibility.models import Category
from legalaid.intake.choices import Channel, DecisionKind, RefusalGround, RegisterKind, RequestStatus
from legalaid.intake.models import FieldOfLaw, FormOfAid, LegalAidRequest, Register, RequestDecision
from legalaid.intake.numbering import case_code
from legalaid.lib.text import fold
from legalaid.people.choices import Sex
from legalaid.people.models import Ethnicity, Person
from legalaid.providers.choices import AssignmentEnd, AssignmentKind, ProviderKind
from legalaid.providers.models import Assignment, DecisionCounter, Provider
from legalaid.providers.services import DECISION_SYMBOL

SURNAMES = [
    ("Nguyễn", 38),
    ("Trần", 11),
    ("Lê", 9),
    ("Phạm", 7),
    ("Hoàng", 5),
    ("Huỳnh", 4),
    ("Phan", 4),
    ("Vũ", 3),
    ("Võ", 3),
    ("Đặng", 2),
    ("Bùi", 2),
    ("Đỗ", 2),
    ("Hồ", 2),
    ("Ngô", 2),
    ("Dương", 1),
    ("Lý", 1),
    ("Hà", 1),
    ("Vi", 1),
    ("Lò", 1),
    ("Giàng", 1),
]
MIDDLE_MALE = ["Văn", "Đức", "Minh", "Quốc", "Hữu", "Công", "Thanh", "Xuân", "A"]
MIDDLE_FEMALE = ["Thị", "Thị", "Thu", "Ngọc", "Thanh", "Kim", "Thúy", "Mai"]
GIVEN_MALE = ["An", "Bình", "Cường", "Dũng", "Đức", "Hải", "Hùng", "Khoa", "Long", "Nam", "Phong", "Quang", "Sơn"]
GIVEN_MALE += ["Thắng", "Toàn", "Tú", "Tuấn", "Việt", "Vinh", "Páo", "Sáng", "Lâm", "Huy", "Hiếu", "Trung"]
GIVEN_FEMALE = ["Anh", "Chi", "Dung", "Giang", "Hà", "Hằng", "Hoa", "Hương", "Lan", "Linh", "Mai", "Mây", "Nga"]
GIVEN_FEMALE += ["Ngọc", "Nhung", "Oanh", "Phương", "Quyên", "Thảo", "Trang", "Vân", "Yến", "Xuân", "Lụa", "Sợi"]
PLACES = ["Hà Giang", "Lào Cai", "Sơn La", "Điện Biên", "Lai Châu", "Cao Bằng", "Lạng Sơn", "Nghệ An", "Gia Lai"]
PLACES += ["Đắk Lắk", "Kon Tum", "Sóc Trăng", "Trà Vinh", "Cà Mau", "An Giang", "Thanh Hóa"]
DEFAULT_PASSWORD = "Bench-password-2026"
#: Providers by kind, in turn: half officers, 30 % contracted lawyers, 20 % collaborators.
PROVIDER_MIX = ["officer", "contracted_lawyer", "officer", "collaborator", "officer"]
PROVIDER_MIX += ["contracted_lawyer", "officer", "contracted_lawyer", "officer", "collaborator"]


class Refused(Exception):
    """generate_data must not run here."""


#: The columns a bulk-written case fills, in the order of ``Table.add``'s values: the generator and the register
#: import (``legalaid.imports.services``) write cases the same way.
CASE_COLUMNS = [
    "created_at",
    "updated_at",
    "centre_id",
    "branch_id",
    "request_id",
    "register_id",
    "number",
    "code",
    "beneficiary_id",
    "form_of_aid_id",
    "field_of_law_id",
    "accepted_at",
    "accepted_by_id",
    "status",
]


def check_allowed(*, force: bool) -> None:
    if getattr(settings, "PRODUCTION", False):
        raise Refused("LEGALAID_ENV=production: generate_data never writes test data into a production database.")
    if not settings.DEBUG and not force:
        raise Refused("DEBUG is off: this may be a production database. Run with --force if it is not.")


# --- Bulk writing -----------------------------------------------------------------------------------------------


class Table:
    """Rows of one model written in bulk: the caller gives ``columns`` in order; every other NOT NULL column gets its
    model default (computed once) or an empty value; primary keys are allocated from ``next_id``."""

    def __init__(self, model, columns: list[str]):
        self.model = model
        self.table = model._meta.db_table
        fields = {f.column: f for f in model._meta.concrete_fields}
        self.columns = ["id", *columns]
        tail_cols, tail = [], []
        for column, f in fields.items():
            if column in self.columns:
                continue
            if f.has_default():
                value = f.get_default()
            elif f.null:
                continue
            elif getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                value = timezone.now()
            else:
                value = ""
            tail_cols.append(column)
            tail.append(value)
        self.columns += tail_cols
        self.tail = tuple(tail)
        self.json_columns = {i for i, c in enumerate(self.columns) if fields[c].get_internal_type() == "JSONField"}
        self.dt_columns = {i for i, c in enumerate(self.columns) if fields[c].get_internal_type() == "DateTimeField"}
        self.next_id = (model.objects.aggregate(m=Max("id"))["m"] or 0) + 1
        self.rows: list[tuple] = []
        self.written = 0

    def add(self, *values) -> int:
        pk = self.next_id
        self.next_id += 1
        self.rows.append((pk, *values, *self.tail))
        return pk

    def flush(self) -> None:
        if not self.rows:
            return
        rows = self.rows
        self.rows = []
        if self.json_columns or (connection.vendor != "postgresql" and self.dt_columns):
            rows = [self._convert(row) for row in rows]
        columns = ", ".join(connection.ops.quote_name(c) for c in self.columns)
        table = connection.ops.quote_name(self.table)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
            else:
                marks = ", ".join(["%s"] * len(self.columns))
                cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)
        self.written += len(rows)

    def _convert(self, row: tuple) -> tuple:
        out = list(row)
        for i in self.json_columns:
            out[i] = json.dumps(out[i])
        if connection.vendor != "postgresql":
            for i in self.dt_columns:
                out[i] = connection.ops.adapt_datetimefield_value(out[i])
        return tuple(out)


# --- The dataset ------------------------------------------------------------------------------------------------


@dataclass
class Unit:
    org: Organisation
    centre: Organisation
    branch: Organisation | None
    staff: list[int] = field(default_factory=list)


@dataclass
class CentreSet:
    centre: Organisation
    units: list[Unit]
    director: User
    officers: list[int] = field(default_factory=list)
    providers: dict[str, list[tuple[int, str, int | None]]] = field(default_factory=dict)


def _org(kind, name, **fields) -> Organisation:
    org = Organisation(kind=kind, name=name, **fields)
    org.save()
    if kind == OrganisationKind.CENTRE:
        org.centre = org
        org.save(update_fields=["centre"])
    return org


class Generator:
    def __init__(
        self, *, cases: int, seed: int, centres: int, branches: int, years: int, extras: bool = False, out=None
    ):
        self.n = cases
        self.extras = extras
        self.rng = random.Random(seed)
        self.seed = seed
        self.n_centres = centres
        self.n_branches = branches
        self.years = years
        self.out = out or (lambda text: None)
        self.now = timezone.now()
        self.today = timezone.localdate(self.now)
        self.password = make_password(DEFAULT_PASSWORD)
        self.counts: dict[str, int] = {}

    def log(self, text: str) -> None:
        self.out(text)

    # Reference data -----------------------------------------------------------------------------------------

    def _reference(self) -> None:
        self.forms = list(FormOfAid.objects.order_by("pk"))
        self.fields = list(FieldOfLaw.objects.filter(in_scope=True).order_by("pk"))
        self.categories = list(Category.objects.order_by("pk").values_list("pk", flat=True))
        self.ethnicities = list(Ethnicity.objects.order_by("code").values_list("pk", flat=True))
        self.activities = list(ActivityType.objects.order_by("pk").values_list("pk", flat=True))
        self.provinces = list(Province.objects.order_by("code"))
        if not (self.forms and self.fields and self.categories and self.ethnicities and self.provinces):
            raise Refused("Reference data missing: run migrate first (forms, fields, categories, provinces).")
        # A realistic mix: advice most, then litigation, representation; fields weighted to the first ones.
        weights = {"advice": 55, "litigation": 35, "representation": 10}
        self.form_weights = [weights.get(f.code, 5) for f in self.forms]
        self.field_weights = [max(1, 30 - 3 * i) for i in range(len(self.fields))]
        self.kinh = Ethnicity.objects.filter(code="01").values_list("pk", flat=True).first() or self.ethnicities[0]
        # Name parts folded once.
        self.surnames = [s for s, _ in SURNAMES]
        self.surname_weights = [w for _, w in SURNAMES]

    # Organisations, staff, providers ---------------------------------------------------------------------------

    def _organisations(self) -> list[CentreSet]:
        sets = []
        taken = set(Organisation.objects.filter(kind=OrganisationKind.CENTRE).values_list("name", flat=True))
        stamp = f"{self.seed}"
        for c in range(self.n_centres):
            province = self.provinces[(c * 7 + self.seed) % len(self.provinces)]
            label = f"{province.name} (dữ liệu thử {stamp}-{c + 1})"
            if f"Trung tâm TGPL {label}" in taken:
                raise Refused(f"Generated data for seed {self.seed} exists already: use another --seed.")
            doj = _org(OrganisationKind.DOJ, f"Sở Tư pháp {label}", province=province)
            centre = _org(OrganisationKind.CENTRE, f"Trung tâm TGPL {label}", code="TT", parent=doj, province=province)
            department = _org(OrganisationKind.DEPARTMENT, f"Phòng Nghiệp vụ {label}", parent=centre, centre=centre)
            division = _org(OrganisationKind.DOJ_DIVISION, f"Phòng Bổ trợ tư pháp {label}", parent=doj)
            partner = _org(
                OrganisationKind.PARTNER,
                f"Văn phòng luật sư {label}",
                centre=centre,
                partner_type=PartnerType.CONTRACTED,
                partner_form=PartnerForm.LAW_FIRM,
            )
            _org(OrganisationKind.AGENCY, f"Tòa án nhân dân {label}", centre=centre, agency_type=AgencyType.COURT)
            units = [Unit(org=centre, centre=centre, branch=None)]
            for b in range(self.n_branches):
                branch = _org(
                    OrganisationKind.BRANCH,
                    f"Chi nhánh {b + 1} {label}",
                    code=f"CN{b + 1}",
                    parent=centre,
                    centre=centre,
                )
                units.append(Unit(org=branch, centre=centre, branch=branch))
            slug = f"g{self.seed}c{c + 1}"

            def user(role, org, name, *, slug=slug):
                return User.objects.create(
                    username=f"{name}.{slug}",
                    full_name=f"{name.title()} {slug}",
                    name_key=fold(f"{name} {slug}"),
                    role=role,
                    organisation=org,
                    password=self.password,
                )

            director = user(Role.DIRECTOR, centre, "director")
            user(Role.DEPUTY_DIRECTOR, centre, "deputy")
            user(Role.DOJ_OFFICER, division, "dojofficer")
            intake = user(Role.INTAKE, department, "intake")
            units[0].staff = [director.pk, intake.pk]
            for i, unit in enumerate(units[1:], start=1):
                head = user(Role.BRANCH_HEAD, unit.org, f"branchhead{i}")
                unit.staff = [head.pk]
            lawyer = user(Role.LAWYER, partner, "lawyer")
            sets.append(CentreSet(centre=centre, units=units, director=director))
            sets[-1].partner = partner
            sets[-1].lawyer = lawyer
            sets[-1].department = department
        return sets

    def _providers(self, sets: list[CentreSet], open_by_centre: dict[int, int]) -> None:
        """About one provider per 75 open cases (at least 6 per Centre): officers, contracted lawyers and
        collaborators; officers get a user account (their quota and home page); one lawyer is the bench lawyer."""
        rows = []
        for s in sets:
            count = max(6, open_by_centre.get(s.centre.pk, 0) // 75)
            s.providers = {"officer": [], "lawyer": [], "collaborator": []}
            for i in range(count):
                kind = PROVIDER_MIX[i % len(PROVIDER_MIX)]
                unit = s.units[i % len(s.units)]
                name = self._name()[0]
                user_id = None
                if kind == ProviderKind.OFFICER:
                    user_id = User.objects.create(
                        username=f"officer{i}.g{self.seed}c{s.centre.pk}",
                        full_name=name,
                        name_key=fold(name),
                        role=Role.OFFICER,
                        organisation=unit.org if unit.branch else s.department,
                        password=self.password,
                    ).pk
                elif kind == ProviderKind.CONTRACTED_LAWYER and not any(r[4] == s.lawyer.pk for r in rows):
                    user_id = s.lawyer.pk  # the Centre's lawyer account (the bench's lawyer)
                rows.append((s, unit, kind, name, user_id))
        created = Provider.objects.bulk_create(
            [
                Provider(
                    centre=s.centre,
                    branch=unit.branch,
                    kind=kind,
                    full_name=name,
                    name_key=fold(name),
                    user_id=user_id,
                    partner=s.partner if kind == ProviderKind.CONTRACTED_LAWYER else None,
                    card_number=f"G{self.seed}-{n:06d}",
                    card_issued_on=self.today - dt.timedelta(days=365 * self.years + 30),
                    is_active=True,
                )
                for n, (s, unit, kind, name, user_id) in enumerate(rows)
            ],
            batch_size=1000,
        )
        for provider, (s, _unit, kind, _name, user_id) in zip(created, rows, strict=True):
            group = {"officer": "officer", "collaborator": "collaborator"}.get(kind, "lawyer")
            s.providers[group].append((provider.pk, provider.full_name, user_id))
        self.counts["providers"] = len(created)

    # Persons -------------------------------------------------------------------------------------------------

    def _name(self) -> tuple[str, str]:
        rng = self.rng
        surname = rng.choices(self.surnames, self.surname_weights)[0]
        if rng.random() < 0.5:
            sex, middle, given = Sex.MALE, rng.choice(MIDDLE_MALE), rng.choice(GIVEN_MALE)
        else:
            sex, middle, given = Sex.FEMALE, rng.choice(MIDDLE_FEMALE), rng.choice(GIVEN_FEMALE)
        if rng.random() < 0.15:
            middle = f"{middle} {rng.choice(MIDDLE_MALE if sex == Sex.MALE else MIDDLE_FEMALE)}"
        return f"{surname} {middle} {given}", sex

    # Cases ---------------------------------------------------------------------------------------------------

    def _status(self, age_days: int) -> str:
        r = self.rng.random()
        if age_days > 365:
            return CaseStatus.COMPLETED if r < 0.9 else CaseStatus.DISCONTINUED
        if age_days > 90:
            return (
                CaseStatus.COMPLETED
                if r < 0.6
                else CaseStatus.DISCONTINUED
                if r < 0.67
                else CaseStatus.SUSPENDED
                if r < 0.7
                else CaseStatus.IN_PROGRESS
            )
        return (
            CaseStatus.ACCEPTED
            if r < 0.15
            else CaseStatus.ASSIGNED
            if r < 0.35
            else CaseStatus.IN_PROGRESS
            if r < 0.95
            else CaseStatus.COMPLETED
        )

    def run(self) -> dict[str, int]:
        started = time.monotonic()
        self._reference()
        with transaction.atomic():
            sets = self._organisations()
            units = [u for s in sets for u in s.units]
            # Every case's acceptance time and unit, in order of acceptance (register numbers follow it).
            span = self.years * 365 * 86400
            plan = sorted(
                (self.now - dt.timedelta(seconds=self.rng.random() ** 0.8 * span), self.rng.randrange(len(units)))
                for _ in range(self.n)
            )
            statuses = [self._status((self.now - at).days) for at, _ in plan]
            open_by_centre: dict[int, int] = defaultdict(int)
            open_statuses = {CaseStatus.ACCEPTED, CaseStatus.ASSIGNED, CaseStatus.IN_PROGRESS, CaseStatus.SUSPENDED}
            for (_at, u), status in zip(plan, statuses, strict=True):
                if status in open_statuses:
                    open_by_centre[units[u].centre.pk] += 1
            self._providers(sets, open_by_centre)
            set_of = {s.centre.pk: s for s in sets}
            self.log(f"{len(sets)} Centres, {len(units)} units, {self.counts['providers']} providers")
            self._write_cases(plan, statuses, units, set_of, started)
            self._reset_sequences()
        if self.extras:
            self.log("Appraisals, payments, outreach:")
            self.counts.update(Extras(seed=self.seed, out=self.out, now=self.now).run(analyze=False))
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        self.counts["seconds"] = round(time.monotonic() - started)
        return self.counts

    def _write_cases(self, plan, statuses, units, set_of, started) -> None:
        rng = self.rng
        persons = Table(
            Person,
            [
                "created_at",
                "updated_at",
                "full_name",
                "name_key",
                "sex",
                "date_of_birth",
                "id_type",
                "id_number",
                "ethnicity_id",
                "centre_id",
                "branch_id",
            ],
        )
        requests = Table(
            LegalAidRequest,
            [
                "created_at",
                "updated_at",
                "centre_id",
                "branch_id",
                "channel",
                "received_at",
                "received_by_id",
                "requester_id",
                "beneficiary_id",
                "field_of_law_id",
                "desired_form_id",
                "summary",
                "status",
            ],
        )
        through = LegalAidRequest.categories.through
        categories = Table(through, ["legalaidrequest_id", "category_id"])
        decisions = Table(
            RequestDecision,
            ["created_at", "updated_at", "request_id", "kind", "decided_at", "decided_by_id", "refusal_ground"],
        )
        cases = Table(LegalAidCase, CASE_COLUMNS)
        assignments = Table(
            Assignment,
            [
                "created_at",
                "updated_at",
                "case_id",
                "provider_id",
                "kind",
                "issuer_id",
                "decision_year",
                "decision_number",
                "decision_code",
                "decision_date",
                "decided_by_id",
                "is_active",
                "started_on",
                "ended_on",
                "end_reason",
            ],
        )
        events = Table(
            CaseEvent, ["created_at", "updated_at", "case_id", "kind", "from_status", "to_status", "actor_id", "at"]
        )
        worklog = Table(
            WorkLogEntry,
            [
                "created_at",
                "updated_at",
                "case_id",
                "provider_user_id",
                "provider_name",
                "activity_type_id",
                "date",
                "sessions",
                "hours",
                "counted_sessions",
                "recorded_by_id",
            ],
        )
        hearings = Table(Hearing, ["created_at", "updated_at", "case_id", "starts_at", "place", "kind"])
        completions = Table(
            CaseCompletion,
            ["created_at", "updated_at", "case_id", "completed_on", "outcome", "successful", "recorded_by_id"],
        )
        tables = [persons, requests, categories, decisions, cases, assignments, events, worklog, hearings, completions]
        registers: dict[tuple[int, int], tuple[int, list[int]]] = {}
        decision_numbers: dict[tuple[int, int], int] = defaultdict(int)
        recent_people: list[tuple[int, int]] = []  # (person id, centre id): some persons come back
        litigation = {f.pk for f in self.forms if f.code == "litigation"}
        form_ids = [f.pk for f in self.forms]
        form_codes = {f.pk: f.register_code for f in self.forms}
        field_ids = [f.pk for f in self.fields]
        channels = [c for c, _ in Channel.choices]
        folded: dict[str, str] = {}
        ended = {CaseStatus.COMPLETED, CaseStatus.DISCONTINUED}
        chunk = 20_000

        def flush():
            for table in tables:
                table.flush()

        for i, ((at, u), status) in enumerate(zip(plan, statuses, strict=True)):
            unit = units[u]
            s = set_of[unit.centre.pk]
            centre_id, branch_id = unit.centre.pk, unit.branch.pk if unit.branch else None
            staff = unit.staff[i % len(unit.staff)]
            received = at - dt.timedelta(hours=rng.randrange(2, 24 * 6))
            # The person: new (90 %), or one already seen in this Centre.
            if recent_people and rng.random() < 0.1:
                person, pc = recent_people[rng.randrange(len(recent_people))]
                if pc != centre_id:
                    person = None
            else:
                person = None
            if person is None:
                name, sex = self._name()
                key = folded.get(name)
                if key is None:
                    key = folded[name] = fold(name)
                born = dt.date(rng.randrange(1940, 2008), rng.randrange(1, 13), rng.randrange(1, 29))
                has_id = rng.random() < 0.85
                id_number = (
                    f"{rng.randrange(1, 97):03d}{(0 if sex == Sex.MALE else 1) + (2 if born.year >= 2000 else 0)}"
                    f"{born.year % 100:02d}{rng.randrange(10**6):06d}"
                    if has_id
                    else ""
                )
                ethnicity = self.kinh if rng.random() < 0.7 else self.ethnicities[rng.randrange(len(self.ethnicities))]
                person = persons.add(
                    received,
                    received,
                    name,
                    key,
                    sex,
                    born,
                    "cccd" if has_id else "none",
                    id_number,
                    ethnicity,
                    centre_id,
                    branch_id,
                )
                if len(recent_people) < 5000:
                    recent_people.append((person, centre_id))
                else:
                    recent_people[rng.randrange(5000)] = (person, centre_id)
            form = rng.choices(form_ids, self.form_weights)[0]
            field_id = rng.choices(field_ids, self.field_weights)[0]
            request = requests.add(
                received,
                at,
                centre_id,
                branch_id,
                channels[rng.randrange(len(channels))],
                received,
                staff,
                person,
                person,
                field_id,
                form,
                "Yêu cầu trợ giúp pháp lý (dữ liệu thử).",
                RequestStatus.ACCEPTED,
            )
            categories.add(request, self.categories[rng.randrange(len(self.categories))])
            decisions.add(at, at, request, DecisionKind.ACCEPT, at, staff, "")
            year = timezone.localdate(at).year
            book = registers.get((unit.org.pk, year))
            if book is None:
                register = Register.objects.create(organisation=unit.org, year=year, kind=RegisterKind.CASES)
                book = registers[(unit.org.pk, year)] = (register.pk, [0])
            book[1][0] += 1
            number = book[1][0]
            code = case_code(organisation_code=unit.org.code, form_code=form_codes[form], number=number, year=year)
            case = cases.add(
                at, at, centre_id, branch_id, request, book[0], number, code, person, form, field_id, at, staff, status
            )
            events.add(at, at, case, EventKind.TRANSITION, "", CaseStatus.ACCEPTED, staff, at)
            if status == CaseStatus.ACCEPTED:
                continue
            # Assigned within a few days, by the unit's decision.
            on = timezone.localdate(at) + dt.timedelta(days=rng.randrange(0, 4))
            on = min(on, self.today)
            group = "officer" if form in litigation or rng.random() < 0.6 else rng.choice(["lawyer", "collaborator"])
            pool = s.providers[group] or s.providers["officer"]
            provider_id, provider_name, provider_user = pool[rng.randrange(len(pool))]
            decision_numbers[(unit.org.pk, on.year)] += 1
            dn = decision_numbers[(unit.org.pk, on.year)]
            done_on = None
            if status in ended:
                done_on = min(on + dt.timedelta(days=rng.randrange(5, 200)), self.today)
            assignments.add(
                at,
                at,
                case,
                provider_id,
                AssignmentKind.ASSIGN,
                unit.org.pk,
                on.year,
                dn,
                f"{dn}/{DECISION_SYMBOL}",
                on,
                s.director.pk,
                status not in ended,
                on,
                done_on,
                AssignmentEnd.CASE_ENDED if done_on else "",
            )
            on_at = timezone.make_aware(dt.datetime.combine(on, dt.time(9)))
            events.add(
                on_at, on_at, case, EventKind.TRANSITION, CaseStatus.ACCEPTED, CaseStatus.ASSIGNED, s.director.pk, on_at
            )
            if status == CaseStatus.ASSIGNED:
                continue
            work_day = min(on + dt.timedelta(days=rng.randrange(1, 20)), self.today)
            worklog.add(
                at,
                at,
                case,
                provider_user,
                provider_name,
                self.activities[rng.randrange(len(self.activities))] if self.activities else None,
                work_day,
                Decimal("1.0"),
                Decimal("4.0"),
                Decimal("1.0"),
                staff,
            )
            if form in litigation:
                hearing_day = on + dt.timedelta(days=rng.randrange(10, 240))
                hearing_at = timezone.make_aware(dt.datetime.combine(hearing_day, dt.time(8, 30)))
                hearings.add(at, at, case, hearing_at, f"Tòa án nhân dân {PLACES[rng.randrange(len(PLACES))]}", "trial")
            if done_on is not None:
                done_at = timezone.make_aware(dt.datetime.combine(done_on, dt.time(16)))
                events.add(
                    done_at, done_at, case, EventKind.TRANSITION, CaseStatus.IN_PROGRESS, status, s.director.pk, done_at
                )
                if status == CaseStatus.COMPLETED:
                    completions.add(
                        done_at, done_at, case, done_on, "Đã thực hiện xong (dữ liệu thử).", rng.random() < 0.4, staff
                    )
            if (i + 1) % chunk == 0:
                flush()
                if (i + 1) % (chunk * 5) == 0:
                    rate = (i + 1) / max(1e-9, time.monotonic() - started)
                    self.log(f"  {i + 1:,} cases ({rate:,.0f}/s)")
        # Refused requests (about 5 %): no case.
        for _ in range(self.n // 20):
            unit = units[rng.randrange(len(units))]
            at = self.now - dt.timedelta(seconds=rng.random() * self.years * 365 * 86400)
            name, sex = self._name()
            person = persons.add(at, at, name, fold(name), sex, None, "none", "", self.kinh, unit.centre.pk, None)
            request = requests.add(
                at,
                at,
                unit.centre.pk,
                unit.branch.pk if unit.branch else None,
                Channel.IN_PERSON_CENTRE,
                at,
                unit.staff[0],
                person,
                person,
                field_ids[rng.randrange(len(field_ids))],
                form_ids[0],
                "Yêu cầu không thuộc diện (dữ liệu thử).",
                RequestStatus.REFUSED,
            )
            categories.add(request, self.categories[rng.randrange(len(self.categories))])
            decisions.add(at, at, request, DecisionKind.REFUSE, at, unit.staff[0], RefusalGround.NOT_ELIGIBLE)
        flush()
        # The books and decision counters continue after the last number given: no gap, no repeat.
        for register_id, last in registers.values():
            Register.objects.filter(pk=register_id).update(last_number=last[0])
        DecisionCounter.objects.bulk_create(
            [DecisionCounter(organisation_id=o, year=y, last_number=n) for (o, y), n in decision_numbers.items()]
        )
        for table in tables:
            self.counts[table.table] = table.written

    def _reset_sequences(self) -> None:
        models = [
            Person,
            LegalAidRequest,
            LegalAidRequest.categories.through,
            RequestDecision,
            LegalAidCase,
            Assignment,
            CaseEvent,
            WorkLogEntry,
            Hearing,
            CaseCompletion,
        ]
        statements = connection.ops.sequence_reset_sql(no_style(), models)
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)


# --- Appraisals, payments, outreach (run after the cases, or alone on a database already generated) ----------------


def generated_centres(seed: int):
    """The Centres ``generate_data --seed seed`` created (their names end "(dữ liệu thử <seed>-<n>)")."""
    return Organisation.objects.filter(kind=OrganisationKind.CENTRE, name__contains=f"(dữ liệu thử {seed}-").order_by(
        "pk"
    )


def _picked(pk: int, salt: int, percent: int) -> bool:
    """A deterministic draw of ``percent`` % of the ids (the same ids every run: re-running adds nothing)."""
    return ((pk * 2654435761 + salt * 40503) % 1_000_003) % 100 < percent


class Extras:
    """Appraisals, payments, outreach sessions and targets for the generated Centres of ``seed``, from the rows
    already written: idempotent (a case already appraised, a provider already proposed for a case, a unit and month
    that already has outreach sessions, a target already set are left alone), so it runs on a database generated
    before it existed (``generate_data --extras-only --seed S``) and twice without adding anything.

    - **Appraisals** (TT 12/2018 Art. 16): about 40 % of the completed litigation and representation cases completed
      in the last two years (the forms ``quality.selectors.completed_cases_q`` appraises), appraised by the Centre's
      deputy director (never a provider of the case, ``quality.services.appraiser_error``), assigned a few days after
      the completion; done (points per criterion of the set in force, the total deciding the result level as
      ``quality.services.suggested_level`` does, the appraised sessions within the cap of TT 02/2021 Art. 8) unless
      completed in the last three weeks, when half are still assigned.
    - **Payments** (Decree 144/2017 Art. 13): for each satisfactory appraisal, the provider of record, the amount by
      the pure rule ``payments.rules.fee_breakdown`` at the rates and base salary of the day ``rules.rate_date``
      names; proposed a few days after the appraisal, approved after 20 days and paid after 60 (by age); no payment
      where no rate exists (collaborators) or the state does not pay (``payments.selectors.payer_of``).
    - **Outreach**: 2-6 sessions per unit and month over the last two years (forms, communes of the Centre's
      province, audience parts within the total), and yearly targets per unit for this year and last.
    """

    APPRAISED_SHARE = 40  # % of the completed cases of the last two years
    YEARS_BACK = 2

    def __init__(self, *, seed: int, out=None, now=None):
        self.seed = seed
        self.rng = random.Random(seed * 7919 + 17)
        self.out = out or (lambda text: None)
        self.now = now or timezone.now()
        self.today = timezone.localdate(self.now)
        self.counts: dict[str, int] = {}

    def run(self, *, analyze: bool = True) -> dict[str, int]:
        started = time.monotonic()
        centres = list(generated_centres(self.seed))
        if not centres:
            raise Refused(f"No generated Centres for seed {self.seed}: run generate_data --cases N --seed {self.seed}.")
        with transaction.atomic():
            self._staff(centres)
            t = time.monotonic()
            self._appraisals(centres)
            self.out(f"  appraisals: {self.counts['appraisals']:,} ({time.monotonic() - t:.1f} s)")
            t = time.monotonic()
            self._payments(centres)
            self.out(f"  payments: {self.counts['payments']:,} ({time.monotonic() - t:.1f} s)")
            t = time.monotonic()
            self._outreach(centres)
            self.out(f"  outreach sessions: {self.counts['outreach sessions']:,} ({time.monotonic() - t:.1f} s)")
            self._reset_sequences()
        if analyze and connection.vendor == "postgresql":
            from legalaid.outreach.models import OutreachSession
            from legalaid.payments.models import Payment
            from legalaid.quality.models import Appraisal, AppraisalScore

            with connection.cursor() as cursor:
                for model in (Appraisal, AppraisalScore, Payment, OutreachSession):
                    cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
        self.counts["extras seconds"] = round(time.monotonic() - started, 1)
        return self.counts

    # Who signs -------------------------------------------------------------------------------------------------

    def _staff(self, centres) -> None:
        """Per Centre: the director (assigns, approves, pays), the deputy (appraises); each unit's staff (organise)."""
        users = User.objects.filter(organisation__centre__in=centres).values_list(
            "pk", "role", "organisation__centre_id", "organisation__kind", "organisation_id"
        )
        self.director: dict[int, int] = {}
        self.appraiser: dict[int, int] = {}
        self.unit_staff: dict[int, list[int]] = defaultdict(list)
        for pk, role, centre_id, kind, org_id in users.order_by("pk"):
            if role == Role.DIRECTOR:
                self.director.setdefault(centre_id, pk)
            elif role == Role.DEPUTY_DIRECTOR:
                self.appraiser.setdefault(centre_id, pk)
            if kind in (OrganisationKind.CENTRE, OrganisationKind.BRANCH) or role in (Role.OFFICER, Role.INTAKE):
                self.unit_staff[org_id].append(pk)
        for centre in centres:
            if centre.pk not in self.director:
                raise Refused(f"{centre.name}: no director account (not a generated Centre?).")
            self.appraiser.setdefault(centre.pk, self.director[centre.pk])

    def _aware(self, day: dt.date, hour: int) -> dt.datetime:
        return min(timezone.make_aware(dt.datetime.combine(day, dt.time(hour))), self.now)

    # Appraisals ------------------------------------------------------------------------------------------------

    def _appraisals(self, centres) -> None:
        from legalaid.core.models import LegalParameter
        from legalaid.quality.models import Appraisal, AppraisalScore, CriteriaSet, ResultLevel
        from legalaid.quality.selectors import completed_cases_q
        from legalaid.quality.services import MAX_SESSIONS_PARAMETER

        since = self.today - dt.timedelta(days=365 * self.YEARS_BACK)
        candidates = (
            LegalAidCase.objects.filter(centre__in=centres)
            .filter(completed_cases_q(), completion__completed_on__gte=since, appraisal__isnull=True)
            .values_list("pk", "centre_id", "branch_id", "form_of_aid__code", "completion__completed_on")
            .order_by("pk")
        )
        sets = [
            (s, list(s.criteria.order_by("sort_order", "code"))) for s in CriteriaSet.objects.order_by("valid_from")
        ]
        levels = list(ResultLevel.objects.filter(is_active=True, min_points__isnull=False).order_by("-min_points"))
        if not sets or not levels:
            raise Refused("Quality reference data missing (criteria, result levels): run migrate first.")
        caps = {}  # TT 02/2021/TT-BTP Art. 8: the sessions a case may be paid for, a dated parameter
        for form, code in MAX_SESSIONS_PARAMETER.items():
            try:
                caps[form] = LegalParameter.int_on(code, self.today)
            except LookupError:
                caps[form] = 20
        appraisals = Table(
            Appraisal,
            [
                "created_at",
                "updated_at",
                "case_id",
                "centre_id",
                "branch_id",
                "status",
                "appraiser_id",
                "assigned_by_id",
                "assigned_on",
                "due_on",
                "criteria_set_id",
                "total_points",
                "result_level_id",
                "appraised_sessions",
                "conclusion",
                "completed_at",
            ],
        )
        scores = Table(AppraisalScore, ["appraisal_id", "criterion_id", "points"])
        rng = self.rng
        for pk, centre_id, branch_id, form, completed_on in candidates.iterator(chunk_size=5000):
            if not _picked(pk, self.seed, self.APPRAISED_SHARE):
                continue
            assigned_on = min(completed_on + dt.timedelta(days=rng.randrange(2, 15)), self.today)
            assigned_at = self._aware(assigned_on, 9)
            recent = (self.today - completed_on).days < 21
            if recent and rng.random() < 0.5:
                appraisals.add(
                    assigned_at,
                    assigned_at,
                    pk,
                    centre_id,
                    branch_id,
                    "assigned",
                    self.appraiser[centre_id],
                    self.director[centre_id],
                    assigned_on,
                    assigned_on + dt.timedelta(days=14),
                    None,
                    None,
                    None,
                    None,
                    "",
                    None,
                )
                continue
            done_at = self._aware(assigned_on + dt.timedelta(days=rng.randrange(1, 12)), 15)
            criteria_set, criteria = self._criteria_on(sets, timezone.localdate(done_at))
            # Most cases are well handled; about one in ten falls short.
            quality = rng.uniform(0.8, 1.0) if rng.random() < 0.9 else rng.uniform(0.3, 0.8)
            points = [(c.pk, (c.max_points * Decimal(str(quality)) * 2).quantize(Decimal(1)) / 2) for c in criteria]
            total = sum((p for _, p in points), Decimal(0))
            level = next((lv for lv in levels if total >= lv.min_points), levels[-1])
            sessions = Decimal(rng.randrange(4, min(24, 2 * caps.get(form, 20)) + 1)) / 2  # halves, within the cap
            appraisal = appraisals.add(
                assigned_at,
                done_at,
                pk,
                centre_id,
                branch_id,
                "done",
                self.appraiser[centre_id],
                self.director[centre_id],
                assigned_on,
                assigned_on + dt.timedelta(days=14),
                criteria_set.pk,
                total,
                level.pk,
                sessions,
                "Đã thẩm định (dữ liệu thử): " + level.name + ".",
                done_at,
            )
            for criterion_id, value in points:
                scores.add(appraisal, criterion_id, value)
            if len(appraisals.rows) >= 5000:
                appraisals.flush()
                scores.flush()
        appraisals.flush()
        scores.flush()
        self.counts["appraisals"] = appraisals.written
        self.counts["appraisal scores"] = scores.written

    @staticmethod
    def _criteria_on(sets, day: dt.date):
        """The criteria set in force on ``day`` (``CriteriaSet.in_force_on``), or the earliest one before any."""
        found = sets[0]
        for criteria_set, criteria in sets:
            if criteria_set.valid_from <= day and (criteria_set.valid_to is None or criteria_set.valid_to >= day):
                found = (criteria_set, criteria)
        return found

    # Payments --------------------------------------------------------------------------------------------------

    def _payments(self, centres) -> None:
        from legalaid.payments import rules
        from legalaid.payments.choices import PaymentStatus
        from legalaid.payments.models import Payment
        from legalaid.payments.selectors import payer_of
        from legalaid.quality.models import Appraisal

        salaries = rules.load_salaries()
        rates = rules.load_rates()
        providers = {p.pk: p for p in Provider.objects.filter(centre__in=centres).select_related("partner")}
        # The provider of record when the case ended (generated cases have one assignment each).
        of_record = dict(
            Assignment.objects.filter(case__centre__in=centres, case__appraisal__status="done")
            .filter(Q(is_active=True) | Q(end_reason=AssignmentEnd.CASE_ENDED))
            .values_list("case_id", "provider_id")
        )
        paid = set(Payment.objects.open().filter(centre__in=centres).values_list("case_id", "provider_id").order_by())
        done = (
            Appraisal.objects.filter(centre__in=centres, status="done", result_level__satisfactory=True)
            .values_list(
                "case_id",
                "centre_id",
                "branch_id",
                "case__form_of_aid__code",
                "case__completion__completed_on",
                "appraised_sessions",
                "completed_at",
            )
            .order_by("case_id")
        )
        payments = Table(
            Payment,
            [
                "created_at",
                "updated_at",
                "centre_id",
                "branch_id",
                "case_id",
                "provider_id",
                "payee_organisation_id",
                "payer",
                "provider_kind",
                "form_code",
                "method",
                "sessions_claimed",
                "sessions_paid",
                "rate_date",
                "base_salary",
                "base_salary_from",
                "base_salary_reference",
                "session_coefficient",
                "share_percent",
                "max_sessions",
                "rate_reference",
                "amount",
                "status",
                "proposed_at",
                "proposed_by_id",
                "approved_at",
                "approved_by_id",
                "paid_at",
                "paid_by_id",
                "paid_on",
                "voucher",
            ],
        )
        rng = self.rng
        skipped = 0
        for case_id, centre_id, branch_id, form, completed_on, sessions, appraised_at in done.iterator(chunk_size=5000):
            provider = providers.get(of_record.get(case_id))
            if provider is None or (case_id, provider.pk) in paid:
                continue
            payer = payer_of(provider)
            if payer is None:
                continue
            proposed_on = min(timezone.localdate(appraised_at) + dt.timedelta(days=rng.randrange(1, 10)), self.today)
            rate_day = rules.rate_date(completed_on=completed_on, proposed_on=proposed_on)
            try:
                fee = rules.fee_breakdown(
                    kind=provider.kind,
                    form=form,
                    sessions=sessions,
                    on_date=rate_day,
                    salaries=salaries,
                    rates=rates,
                )
            except rules.NoRate:
                skipped += 1
                continue
            proposed_at = self._aware(proposed_on, 10)
            age = (self.today - proposed_on).days
            director = self.director[centre_id]
            approved_at = paid_at = paid_on = None
            status = PaymentStatus.PROPOSED
            if age > 20:
                status = PaymentStatus.APPROVED
                approved_at = self._aware(proposed_on + dt.timedelta(days=rng.randrange(3, 15)), 14)
            if age > 60:
                status = PaymentStatus.PAID
                paid_on = proposed_on + dt.timedelta(days=rng.randrange(20, 45))
                paid_at = self._aware(paid_on, 16)
            payments.add(
                proposed_at,
                paid_at or approved_at or proposed_at,
                centre_id,
                branch_id,
                case_id,
                provider.pk,
                payer[1].pk if payer[1] is not None else None,
                payer[0],
                provider.kind,
                form,
                "per_session",
                sessions,
                fee.sessions_paid,
                rate_day,
                fee.base_salary.amount,
                fee.base_salary.valid_from,
                fee.base_salary.reference,
                fee.rate.session_coefficient,
                fee.rate.share_percent,
                fee.rate.max_sessions,
                fee.rate.reference,
                fee.amount,
                status,
                proposed_at,
                director,
                approved_at,
                director if approved_at else None,
                paid_at,
                director if paid_at else None,
                paid_on,
                f"PC-{paid_on:%Y}-{case_id}" if paid_on else "",
            )
            if len(payments.rows) >= 5000:
                payments.flush()
        payments.flush()
        self.counts["payments"] = payments.written
        self.counts["payments without a rate"] = skipped

    # Outreach --------------------------------------------------------------------------------------------------

    def _outreach(self, centres) -> None:
        from legalaid.core.models import Commune
        from legalaid.outreach.choices import PLACE_FORMS, OutreachForm, TargetMeasure
        from legalaid.outreach.models import OutreachSession, OutreachTarget

        units = [(c, None) for c in centres]
        units += [(b.centre, b) for b in Organisation.objects.filter(kind=OrganisationKind.BRANCH, centre__in=centres)]
        units.sort(key=lambda u: (u[0].pk, u[1].pk if u[1] else 0))
        communes: dict[int, list[int]] = defaultdict(list)
        for pk, province_id in (
            Commune.objects.filter(province__in={c.province_id for c in centres})
            .values_list("pk", "province_id")
            .order_by("pk")
        ):
            communes[province_id].append(pk)
        done_months = {
            (c, b, d.year, d.month)
            for c, b, d in OutreachSession.objects.filter(centre__in=centres).values_list(
                "centre_id", "branch_id", "date"
            )
        }
        forms = [
            (OutreachForm.MEETING, 40),
            (OutreachForm.MOBILE, 20),
            (OutreachForm.SCHOOL, 10),
            (OutreachForm.LEAFLETS, 12),
            (OutreachForm.RADIO_TV, 8),
            (OutreachForm.ONLINE, 10),
        ]
        topics = [
            "Quyền được trợ giúp pháp lý của người dân tộc thiểu số",
            "Trợ giúp pháp lý trong lĩnh vực đất đai",
            "Hôn nhân và gia đình, phòng chống bạo lực gia đình",
            "Quyền của người khuyết tật, trẻ em",
            "Trợ giúp pháp lý cho người bị buộc tội",
        ]
        sessions = Table(
            OutreachSession,
            [
                "created_at",
                "updated_at",
                "centre_id",
                "branch_id",
                "date",
                "form",
                "commune_id",
                "place",
                "topic",
                "audience_total",
                "audience_women",
                "audience_ethnic_minority",
                "audience_disabled",
                "audience_children",
                "organiser_id",
                "cost",
                "created_by_id",
            ],
        )
        first_month = dt.date(self.today.year - self.YEARS_BACK, self.today.month, 1)
        months = []
        day = first_month
        while day <= self.today:
            months.append(day)
            day = (day + dt.timedelta(days=32)).replace(day=1)
        rng = self.rng
        for centre, branch in units:
            org = branch or centre
            staff = self.unit_staff.get(org.pk) or [self.director[centre.pk]]
            places = communes.get(centre.province_id) or [None]
            for month in months:
                if (centre.pk, branch.pk if branch else None, month.year, month.month) in done_months:
                    continue
                last_day = min((month + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1), self.today)
                for _ in range(rng.randrange(2, 7)):
                    form = rng.choices([f for f, _w in forms], [w for _f, w in forms])[0]
                    on = month + dt.timedelta(days=rng.randrange((last_day - month).days + 1))
                    at = self._aware(on, 17)
                    total = rng.randrange(20, 200) if form in PLACE_FORMS else rng.randrange(0, 2000)
                    women = rng.randrange(total // 3, total // 2 + 1)
                    minority = rng.randrange(0, total + 1)
                    commune = places[rng.randrange(len(places))] if form in PLACE_FORMS else None
                    person = staff[rng.randrange(len(staff))]
                    sessions.add(
                        at,
                        at,
                        centre.pk,
                        branch.pk if branch else None,
                        on,
                        form,
                        commune,
                        "Nhà văn hóa thôn (dữ liệu thử)" if commune else "",
                        topics[rng.randrange(len(topics))],
                        total,
                        women,
                        minority,
                        rng.randrange(0, total // 20 + 1),
                        rng.randrange(0, total // 10 + 1) if form == OutreachForm.SCHOOL else 0,
                        person,
                        Decimal(rng.randrange(0, 30) * 100_000),
                        person,
                    )
        sessions.flush()
        self.counts["outreach sessions"] = sessions.written
        # Yearly targets per unit, this year and last (the plan's figures: sessions, audience, mobile sessions).
        existing = set(
            OutreachTarget.objects.filter(centre__in=centres).values_list("centre_id", "branch_id", "year", "measure")
        )
        targets = []
        for centre, branch in units:
            for year in (self.today.year - 1, self.today.year):
                for measure, value in (
                    (TargetMeasure.SESSIONS, 45),
                    (TargetMeasure.AUDIENCE, 4000),
                    (TargetMeasure.MOBILE_SESSIONS, 8),
                ):
                    if (centre.pk, branch.pk if branch else None, year, measure) in existing:
                        continue
                    targets.append(
                        OutreachTarget(
                            centre=centre,
                            branch=branch,
                            year=year,
                            measure=measure,
                            value=value,
                            source=f"Kế hoạch truyền thông năm {year} (dữ liệu thử)",
                        )
                    )
        OutreachTarget.objects.bulk_create(targets)
        self.counts["outreach targets"] = len(targets)

    def _reset_sequences(self) -> None:
        from legalaid.outreach.models import OutreachSession
        from legalaid.payments.models import Payment
        from legalaid.quality.models import Appraisal, AppraisalScore

        statements = connection.ops.sequence_reset_sql(
            no_style(), [Appraisal, AppraisalScore, Payment, OutreachSession]
        )
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
