"""A year of activity of the demo Centre (called by ``manage.py seed_demo`` after the providers demo and before the
intake demo's requests of today).

About 330 requests received over the 365 days that end yesterday, by every channel and at every unit, and what
became of them: decided, refused, transferred, waiting for papers or a decision; the accepted ones assigned, worked
on, heard in court, suspended, completed, handed back and archived, some discontinued or given a new provider. Every
write goes through the services, under a controlled clock (``legalaid.core.demo.DemoClock``) set to the moment of
each event, in the order the events happened: numbers have no gaps, the timeline, audit trail and decision numbers
read as a real year. Deterministic: one seeded ``random.Random``; only "today" moves the dates.
"""

from __future__ import annotations

import datetime as dt
import heapq
import itertools
import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from legalaid.cases import services as case_services
from legalaid.cases.choices import CaseStatus, DiscontinuationReason, HearingKind, Retention
from legalaid.cases.models import (
    ActivityType,
    CaseAdvice,
    CaseCompletion,
    CaseLitigation,
    CaseRepresentation,
    ComplexityCriterion,
    Hearing,
    SuccessCriterion,
    WorkLogEntry,
)
from legalaid.cases.procedure import procedures_for_field
from legalaid.cases.workflow import case_transition
from legalaid.core import calendar
from legalaid.core.demo import DemoClock
from legalaid.core.models import Commune, CommuneFlag, Organisation, User
from legalaid.eligibility import Facts
from legalaid.eligibility.models import Category
from legalaid.eligibility.rules import evaluate_with, load_rulebook
from legalaid.intake import services as intake_services
from legalaid.intake.choices import Channel, ProceduralStatus, RefusalGround, UrgencyReason
from legalaid.intake.models import FieldOfLaw, FormOfAid, LegalAidRequest
from legalaid.people.choices import IdType, Sex
from legalaid.people.models import Ethnicity, Person
from legalaid.people.services import person_create
from legalaid.providers import services as provider_services
from legalaid.providers.choices import ChangeGround, ProviderKind
from legalaid.providers.models import Provider

SEED = 2017_11  # the Law on Legal Aid 11/2017/QH14
REQUESTS = 300

#: The receiving units: (key, receiving account, deciding account for refusals, signing accounts, archiving account)
UNITS = {
    "centre": ("tiepnhan", "giamdoc", ("giamdoc", "phogiamdoc"), "hanhchinh"),
    "cn1": ("truongcn1", "truongcn1", ("truongcn1",), "truongcn1"),
    "cn2": ("tiepnhan.cn2", "truongcn2", ("truongcn2",), "truongcn2"),
    "cn3": ("truongcn3", "truongcn3", ("truongcn3",), "truongcn3"),
}
UNIT_WEIGHTS = [("centre", 45), ("cn1", 20), ("cn2", 20), ("cn3", 15)]
UNIT_CODES = {"cn1": "CN1", "cn2": "CN2", "cn3": "CN3"}
#: Providers of each unit besides the head office's (officers lan and minh, the two lawyers).
UNIT_PROVIDERS = {"centre": [], "cn1": ["tgv.hung", "ctv.thao"], "cn2": [], "cn3": ["ctv.phuc"]}
HEAD_OFFICE = ["tgv.lan", "tgv.minh", "luatsu.binh", "luatsu.yen"]
SURNAMES = ["Hoàng", "Nông", "Lý", "Vi", "Lương", "Hà", "Triệu", "Lăng", "Chu", "Mã", "Nguyễn", "Trần", "Lộc", "Hứa",
            "Lục", "Đàm", "Bế", "Dương", "Hoàng", "Nông", "Lưu", "Phùng", "Đinh", "Tô"]  # fmt: skip
MALE = ["Páo", "Sình", "Cường", "Dũng", "Hải", "Khánh", "Lâm", "Long", "Nghĩa", "Phong", "Quang", "Sơn", "Tài",
        "Thắng", "Tiến", "Toàn", "Tuấn", "Việt", "Vinh", "Chiến", "Hưng", "Kiên", "Lợi", "Pảo", "Slằn"]  # fmt: skip
FEMALE = ["Hoa", "Hương", "Lan", "Liên", "Mai", "Nga", "Nhung", "Phương", "Thảo", "Thu", "Thúy", "Vân", "Xuân",
          "Hạnh", "Dung", "Mây", "Lìn", "Sao", "Hiền", "Tâm", "Nguyệt", "Đào"]  # fmt: skip
MIDDLE_MALE = ["Văn", "Văn", "Văn", "Đức", "Minh", "Quốc"]
MIDDLE_FEMALE = ["Thị", "Thị", "Thị", "Thu", "Ngọc"]
#: Ethnic groups of Lạng Sơn with their weights (Nùng, Tày, Kinh, Dao, Hoa, H'Mông).
ETHNICITIES = [("07", 38), ("02", 32), ("01", 18), ("09", 8), ("04", 2), ("08", 2)]
VILLAGES = ["Thôn Bản Chắt", "Thôn Nà Làng", "Thôn Khòn Pịt", "Thôn Pác Cáp", "Thôn Nà Pàn", "Thôn Bản Thín",
            "Thôn Còn Quan", "Thôn Pò Háng", "Thôn Khuổi Mạ", "Thôn Nà Lầm"]  # fmt: skip
STREETS = ["Số 12 đường Trần Đăng Ninh", "Số 45 đường Bà Triệu", "Số 7 ngõ 3 đường Lê Lợi", "Số 88 đường Bắc Sơn",
           "Số 21 đường Tam Thanh", "Số 5 đường Ngô Gia Tự"]  # fmt: skip

#: field of law -> weight, forms with weights, matters (summary, counterpart kind)
MATTERS = {
    "criminal": (
        22,
        [("litigation", 1)],
        [
            "Bị truy cứu trách nhiệm hình sự về tội trộm cắp tài sản; đề nghị cử người bào chữa.",
            "Bị hại trong vụ cố ý gây thương tích; đề nghị bảo vệ quyền lợi tại phiên tòa.",
            "Bị can về tội vận chuyển hàng cấm qua biên giới; gia đình khó khăn, đề nghị trợ giúp.",
            "Bị cáo về tội gây rối trật tự công cộng, dưới 18 tuổi; cơ quan tố tụng đề nghị cử người bào chữa.",
            "Bị hại trong vụ lừa đảo chiếm đoạt tài sản qua mạng; đề nghị bảo vệ quyền lợi.",
            "Bị tạm giữ về hành vi đánh bạc; đề nghị cử người bào chữa.",
        ],
    ),
    "land": (
        16,
        [("advice", 5), ("representation", 2), ("litigation", 3)],
        [
            "Tranh chấp ranh giới đất nương với hộ liền kề.",
            "Hỏi thủ tục cấp giấy chứng nhận quyền sử dụng đất rừng được giao.",
            "Tranh chấp quyền sử dụng đất thừa kế giữa các anh em.",
            "Khiếu nại việc thu hồi đất làm đường, chưa được bồi thường thỏa đáng.",
            "Hỏi quyền của người sử dụng đất khi Nhà nước thu hồi đất nông nghiệp.",
        ],
    ),
    "marriage_family": (
        15,
        [("advice", 6), ("litigation", 3), ("representation", 1)],
        [
            "Hỏi thủ tục ly hôn và quyền nuôi con.",
            "Yêu cầu cấp dưỡng nuôi con sau ly hôn.",
            "Bị chồng bạo lực, muốn ly hôn và chia tài sản chung.",
            "Hỏi thủ tục nhận con nuôi trong gia đình.",
            "Tranh chấp quyền nuôi con sau ly hôn.",
        ],
    ),
    "civil": (
        12,
        [("advice", 5), ("litigation", 3), ("representation", 2)],
        [
            "Đòi lại khoản tiền cho vay không có giấy tờ.",
            "Tranh chấp hợp đồng mua bán trâu, bò.",
            "Yêu cầu bồi thường thiệt hại do tai nạn giao thông.",
            "Hỏi thủ tục lập di chúc, chia thừa kế.",
            "Tranh chấp hợp đồng thuê nhà.",
        ],
    ),
    "social_policy": (
        8,
        [("advice", 4), ("representation", 1)],
        [
            "Hỏi chế độ trợ cấp xã hội hằng tháng cho người cao tuổi.",
            "Hỏi chế độ ưu đãi đối với thân nhân liệt sĩ.",
            "Đề nghị hướng dẫn thủ tục hưởng trợ cấp người khuyết tật.",
            "Hỏi chính sách hỗ trợ hộ nghèo về nhà ở.",
        ],
    ),
    "labour": (
        6,
        [("advice", 3), ("representation", 2), ("litigation", 1)],
        [
            "Bị công ty cho thôi việc, chưa được trả lương hai tháng.",
            "Hỏi chế độ tai nạn lao động khi làm việc tại khu công nghiệp.",
            "Đi làm ở nước ngoài bị giữ giấy tờ, đề nghị hỗ trợ đòi quyền lợi.",
        ],
    ),
    "administrative": (
        5,
        [("advice", 2), ("litigation", 2)],
        [
            "Khởi kiện quyết định xử phạt vi phạm hành chính về đất đai.",
            "Khiếu kiện quyết định bồi thường khi thu hồi đất.",
        ],
    ),
    "complaints": (
        7,
        [("advice", 3), ("representation", 2)],
        [
            "Hướng dẫn viết đơn khiếu nại quyết định của Ủy ban nhân dân xã.",
            "Tố cáo hành vi thu tiền trái quy định khi làm thủ tục hành chính.",
            "Khiếu nại việc bình xét hộ nghèo không đúng.",
        ],
    ),
    "insurance": (
        5,
        [("advice", 3), ("representation", 1)],
        [
            "Hỏi quyền lợi bảo hiểm y tế khi khám chữa bệnh trái tuyến.",
            "Hỏi chế độ bảo hiểm xã hội một lần.",
        ],
    ),
    "other": (4, [("advice", 1)], ["Hỏi thủ tục đăng ký khai sinh muộn cho con.", "Hỏi thủ tục cải chính hộ tịch."]),
}
CHANNELS = [
    (Channel.PHONE, 10),
    (Channel.MAIL, 5),
    (Channel.ONLINE, 6),
    (Channel.MOBILE_SESSION, 14),
]
AGENCIES = [
    ("csdt", ProceduralStatus.HELD, "Lý Văn Cường", "CSĐT", HearingKind.QUESTIONING),
    ("csdt", ProceduralStatus.SUSPECT, "Lý Văn Cường", "CSĐT", HearingKind.QUESTIONING),
    ("vks", ProceduralStatus.SUSPECT, "Hoàng Thị Lụa", "VKS", HearingKind.QUESTIONING),
    ("toa", ProceduralStatus.DEFENDANT, "Vy Thị Hòa", "TA", HearingKind.TRIAL),
    ("toa_kv1", ProceduralStatus.DEFENDANT, "Nông Văn Khải", "TA", HearingKind.TRIAL),
    ("toa_kv1", ProceduralStatus.VICTIM, "Nông Văn Khải", "TA", HearingKind.TRIAL),
    ("trai_tam_giam", ProceduralStatus.HELD, "Đàm Văn Hiếu", "TTG", HearingKind.QUESTIONING),
]
AGENCY_NAMES = {
    "csdt": "Cơ quan Cảnh sát điều tra Công an tỉnh Lạng Sơn",
    "vks": "Viện kiểm sát nhân dân tỉnh Lạng Sơn",
    "toa": "Tòa án nhân dân tỉnh Lạng Sơn",
    "toa_kv1": "Tòa án nhân dân khu vực 1 – Lạng Sơn",
    "trai_tam_giam": "Trại tạm giam Công an tỉnh Lạng Sơn",
}
TRANSFER_TO = [
    ("Trung tâm Trợ giúp pháp lý nhà nước tỉnh Cao Bằng", "Người yêu cầu cư trú và có vụ việc tại tỉnh Cao Bằng."),
    ("Ủy ban nhân dân xã Hữu Lũng", "Nội dung thuộc thẩm quyền hòa giải ở cơ sở."),
    ("Trung tâm Tư vấn pháp luật – Hội Luật gia tỉnh", "Người yêu cầu không thuộc diện, đề nghị tư vấn miễn phí."),
]
REFUSALS = [
    (RefusalGround.NOT_ELIGIBLE, "Người yêu cầu không thuộc diện được trợ giúp pháp lý theo Điều 7 Luật TGPL."),
    (RefusalGround.HANDLED_ELSEWHERE, "Vụ việc đang được Văn phòng Luật sư An Bình thực hiện theo hợp đồng dịch vụ."),
    (RefusalGround.UNLAWFUL, "Yêu cầu hỗ trợ hợp thức hóa giấy tờ mua bán đất trái quy định."),
]
MISSING_PAPERS = [
    "Giấy chứng nhận hộ nghèo",
    "Giấy chứng nhận hộ cận nghèo",
    "Bản sao quyết định trợ cấp xã hội",
    "Giấy tờ chứng minh là người dân tộc thiểu số cư trú ở xã đặc biệt khó khăn",
    "Bản sao giấy chứng nhận quyền sử dụng đất",
]
WORK = {
    "advice": ["meet_beneficiary", "study_file", "drafting"],
    "representation": ["meet_beneficiary", "study_file", "gather_evidence", "drafting", "other"],
    "litigation": ["meet_beneficiary", "study_file", "meet_officials", "gather_evidence", "drafting", "hearing"],
}
WORK_NOTES = {
    "meet_beneficiary": "Gặp người được trợ giúp tại nhà, trao đổi nội dung vụ việc.",
    "study_file": "Nghiên cứu hồ sơ, tài liệu người được trợ giúp cung cấp.",
    "meet_officials": "Làm việc với điều tra viên, đọc hồ sơ vụ án.",
    "gather_evidence": "Thu thập, xác minh tài liệu tại Ủy ban nhân dân xã.",
    "drafting": "Soạn văn bản cho vụ việc.",
    "hearing": "Tham gia phiên tòa.",
    "other": "Làm việc với bên có quyền lợi đối lập.",
}


def demo_procedure(field: str) -> str:
    """The procedure a demo litigation case of ``field`` takes: the field's own when it names one, else the civil
    procedure when the field may take it (``legalaid.cases.procedure``)."""
    procedures = procedures_for_field(field)
    if field in procedures:
        return field
    return "civil" if "civil" in procedures else procedures[0]


@dataclass
class Step:
    at: dt.datetime
    kind: str
    args: dict = field(default_factory=dict)


@dataclass
class Matter:
    """The plan of one request and, when accepted, of its case."""

    index: int
    unit: str
    person: dict
    received_at: dt.datetime
    channel: str
    field: str
    form: str
    summary: str
    facts: Facts
    referral: tuple | None = None
    steps: list[Step] = field(default_factory=list)
    accept_at: dt.datetime | None = None
    immediate: bool = False
    provider: str = ""
    request: LegalAidRequest | None = None
    case: object = None
    broken: bool = False


class Planner:
    """Builds the plan of the year (pure dates and choices) before anything is written."""

    def __init__(self, today: dt.date):
        self.rnd = random.Random(SEED)
        self.today = today
        self.start = today - dt.timedelta(days=365)
        self.cutoff = _at(today, 0, 0)
        self.days = [
            self.start + dt.timedelta(days=n)
            for n in range((today - self.start).days)
            if calendar.is_working_day(self.start + dt.timedelta(days=n))
        ]

    # --- dates --------------------------------------------------------------------------------------------------

    def after(self, moment: dt.datetime, working_days: int, hour: tuple[int, int] = (8, 16)) -> dt.datetime:
        """A moment ``working_days`` working days after ``moment`` (the same day when 0, later that day)."""
        day = timezone.localdate(moment)
        if working_days:
            day = calendar.add_working_days(day, working_days)
        elif not calendar.is_working_day(day):
            day = calendar.add_working_days(day, 1)
        candidate = _at(day, self.rnd.randint(*hour), self.rnd.choice((0, 10, 20, 30, 40, 50)))
        if candidate <= moment:
            candidate = moment + dt.timedelta(minutes=self.rnd.randint(10, 50))
        return candidate

    def working_day_back(self, day: dt.date, n: int) -> dt.date:
        while n > 0:
            day -= dt.timedelta(days=1)
            if calendar.is_working_day(day):
                n -= 1
        return day


def _at(day: dt.date, hour: int, minute: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def _weighted(rnd: random.Random, pairs):
    items, weights = zip(*pairs, strict=True)
    return rnd.choices(items, weights=weights)[0]


class Seeder:
    def __init__(self, today: dt.date):
        self.today = today
        self.p = Planner(today)
        self.rnd = self.p.rnd
        self.pending_changes = 0
        self.users = {u.username: u for u in User.objects.select_related("organisation").all()}
        self.providers = {
            p.user.username: p
            for p in Provider.objects.select_related("user", "partner").prefetch_related("contracts", "fields_of_law")
        }
        self.agencies = {key: Organisation.objects.get(name=name) for key, name in AGENCY_NAMES.items()}
        self.fields = {f.code: f for f in FieldOfLaw.objects.all()}
        self.forms = {f.code: f for f in FormOfAid.objects.all()}
        self.activities = {a.code: a for a in ActivityType.objects.all()}
        self.ethnicities = {e.code: e for e in Ethnicity.objects.all()}
        self.rulebook = load_rulebook()
        self.category_cache: dict = {}
        communes = {c.name: c for c in Commune.objects.filter(province__code=20)}
        self.communes = communes
        from legalaid.core import demo as core_demo

        branch_communes = {n for _name, _code, names in core_demo.BRANCHES.values() for n in names}
        self.unit_communes = {
            "centre": sorted(n for n in communes if n not in branch_communes),
            **{key: names for key, (_name, _code, names) in zip(UNIT_CODES, core_demo.BRANCHES.values(), strict=True)},
        }
        self.difficult = set(
            CommuneFlag.objects.filter(kind="especially_difficult").values_list("commune__name", flat=True)
        )
        self.success = list(SuccessCriterion.objects.filter(is_active=True))
        self.complexity = list(ComplexityCriterion.objects.filter(is_active=True))
        self.names: set[str] = {"Hoàng Văn Sình"}
        self.errors: list[str] = []
        self.litigation_count: Counter = Counter()
        self.form_rules: dict = {}

    # --- people and eligibility ---------------------------------------------------------------------------------

    def name(self, sex: str) -> str:
        rnd = self.rnd
        while True:
            given = rnd.choice(MALE if sex == Sex.MALE else FEMALE)
            middle = rnd.choice(MIDDLE_MALE if sex == Sex.MALE else MIDDLE_FEMALE)
            full = f"{rnd.choice(SURNAMES)} {middle} {given}"
            if full not in self.names:
                self.names.add(full)
                return full

    def new_person(self, index: int, unit: str, field_code: str) -> dict:
        rnd = self.rnd
        sex = rnd.choice((Sex.MALE, Sex.FEMALE))
        if field_code == "criminal" and rnd.random() < 0.25:
            age = rnd.randint(16, 17)
        elif field_code == "social_policy" and rnd.random() < 0.5:
            age = rnd.randint(61, 85)
        else:
            age = rnd.randint(19, 70)
        dob = dt.date(self.today.year - age, rnd.randint(1, 12), rnd.randint(1, 28))
        commune = rnd.choice(self.unit_communes[unit])
        household = _weighted(rnd, [("poor", 50), ("near_poor", 20), ("none", 30)])
        ethnicity = _weighted(rnd, ETHNICITIES)
        return {
            "index": index,
            "name": self.name(sex),
            "sex": sex,
            "dob": dob,
            "commune": commune,
            "household": household,
            "ethnicity": ethnicity,
            "merit": rnd.random() < 0.06,
            "disability": rnd.random() < 0.08,
            "violence": sex == Sex.FEMALE and rnd.random() < 0.1,
            "obj": None,
        }

    def facts(self, person: dict, field_code: str, role: str | None) -> Facts:
        return Facts(
            date_of_birth=person["dob"],
            household=person["household"],
            ethnic_minority=person["ethnicity"] != "01",
            lives_in_especially_difficult_area=person["commune"] in self.difficult,
            revolutionary_merit=person["merit"],
            disability=person["disability"],
            domestic_violence_victim=person["violence"] and field_code == "marriage_family",
            procedural_roles=frozenset({role} if role else ()),
        )

    def categories(self, facts: Facts, on_date: dt.date):
        refs = evaluate_with(self.rulebook, facts, on_date).refs
        key = (refs, on_date.year, on_date.month)
        if key not in self.category_cache:
            self.category_cache[key] = list(Category.objects.active_on(on_date).filter(ref__in=refs))
        return self.category_cache[key]

    # --- the plan -----------------------------------------------------------------------------------------------

    def plan(self) -> list[Matter]:
        rnd, p = self.rnd, self.p
        # Random days, and the last working days never empty: there is always something awaiting a decision.
        days = sorted([rnd.choice(p.days) for _ in range(REQUESTS - 8)] + p.days[-5:] + p.days[-3:])
        people: dict[str, list[dict]] = defaultdict(list)
        matters = []
        fields = [(code, weight) for code, (weight, _f, _s) in MATTERS.items()]
        for index, day in enumerate(days):
            unit = _weighted(rnd, UNIT_WEIGHTS)
            field_code = _weighted(rnd, fields)
            if index < 4:
                field_code = "criminal"  # litigation in the first weeks: the officers' cases of the year before
            _w, forms, summaries = MATTERS[field_code]
            form = _weighted(rnd, forms)
            referral = None
            role = None
            if field_code == "criminal":
                agency, status, officer, short, _kind = rnd.choice(AGENCIES)
                role = {"held": "held", "suspect": "suspect", "defendant": "accused", "victim": "victim"}[status]
                if rnd.random() < 0.7:
                    referral = (agency, status, officer, short)
            if people[unit] and rnd.random() < 0.08:
                person = rnd.choice(people[unit])
            else:
                person = self.new_person(index, unit, field_code)
                people[unit].append(person)
            facts = self.facts(person, field_code, role)
            if not self.categories(facts, day) and (referral or rnd.random() < 0.75):
                person["household"] = "poor"  # most people who ask are in a category; the others are refused
                facts = self.facts(person, field_code, role)
            if referral:
                channel = Channel.REFERRAL
            elif rnd.random() < 0.55:
                channel = Channel.IN_PERSON_CENTRE if unit == "centre" else Channel.IN_PERSON_BRANCH
            else:
                channel = _weighted(rnd, CHANNELS)
            received = _at(day, rnd.randint(7, 16), rnd.choice((0, 5, 15, 20, 30, 40, 45, 50)))
            matters.append(
                Matter(
                    index=index,
                    unit=unit,
                    person=person,
                    received_at=received,
                    channel=channel,
                    field=field_code,
                    form=form,
                    summary=rnd.choice(summaries),
                    facts=facts,
                    referral=referral,
                )
            )
        for matter in matters:
            self.plan_decision(matter)
        accepted = sorted((m for m in matters if m.accept_at), key=lambda m: m.accept_at)
        scenarios = self.scenarios(accepted)
        for matter in accepted:
            self.plan_case(matter, scenarios.get(matter.index, "normal"))
        return matters

    def plan_decision(self, m: Matter) -> None:
        rnd, p = self.rnd, self.p
        m.steps.append(Step(m.received_at, "receive"))
        eligible = bool(self.categories(m.facts, timezone.localdate(m.received_at)))
        age = len([d for d in p.days if d > timezone.localdate(m.received_at)])  # working days since received
        if m.referral:
            m.accept_at = m.received_at + dt.timedelta(minutes=rnd.randint(30, 180))
            m.immediate = True
            m.steps.append(Step(m.accept_at, "accept", {"immediate": UrgencyReason.COURT_APPOINTED}))
            return
        if age <= 1 or (2 <= age <= 3 and m.index % 3 == 0):
            return  # awaiting a decision
        r = rnd.random()
        if not eligible or r < 0.06:
            ground, note = REFUSALS[0] if not eligible else rnd.choice(REFUSALS)
            m.steps.append(Step(p.after(m.received_at, rnd.randint(0, 2)), "refuse", {"ground": ground, "note": note}))
            return
        if r < 0.10:
            to, note = rnd.choice(TRANSFER_TO)
            m.steps.append(Step(p.after(m.received_at, rnd.randint(0, 2)), "transfer", {"to": to, "note": note}))
            return
        if r < 0.24 or (8 <= age <= 14 and m.index % 4 == 0):
            asked = p.after(m.received_at, rnd.randint(0, 1))
            m.steps.append(Step(asked, "ask_papers", {"papers": [rnd.choice(MISSING_PAPERS)]}))
            if 8 <= age <= 14 and m.index % 4 == 0:
                return  # the papers never came: overdue
            arrives = p.after(asked, rnd.randint(1, 7))
            if arrives < p.cutoff and not (age <= 6 and m.index % 2 == 0):
                m.accept_at = arrives
                m.steps.append(Step(arrives, "accept", {}))
            return
        m.accept_at = p.after(m.received_at, rnd.randint(0, 2))
        if r > 0.93:
            m.immediate = True
            m.steps.append(Step(m.accept_at, "accept", {"immediate": UrgencyReason.HEAD_DECIDED}))
        else:
            m.steps.append(Step(m.accept_at, "accept", {}))
        if m.accept_at >= p.cutoff:
            m.accept_at = None

    def scenarios(self, accepted: list[Matter]) -> dict[int, str]:
        """Make sure every status and every queue item shows, whatever the day."""
        p = self.p
        out: dict[int, str] = {}

        def age(m: Matter) -> int:
            return len([d for d in p.days if d > timezone.localdate(m.accept_at)])

        def pick(pred, n: int, name: str) -> None:
            found = [m for m in accepted if m.index not in out and pred(m)]
            step = max(1, len(found) // n) if found else 1
            for m in found[::step][:n]:
                out[m.index] = name

        pick(lambda m: 3 <= age(m) <= 9, 3, "unassigned")
        pick(lambda m: 2 <= age(m) <= 10, 4, "not_started")
        pick(lambda m: m.immediate and 8 <= age(m) <= 30, 2, "papers_missing")
        pick(lambda m: m.form != "advice" and 25 <= age(m) <= 120, 4, "suspended")
        pick(lambda m: m.form != "advice" and 40 <= age(m) <= 200, 3, "resumed")
        pick(lambda m: 30 <= age(m) <= 230, 10, "discontinued")
        pick(lambda m: 6 <= age(m) <= 20, 2, "discontinued_open")
        pick(lambda m: m.form == "litigation" and 20 <= age(m) <= 80, 1, "change_recent")
        pick(lambda m: m.form != "advice" and 30 <= age(m) <= 220, 5, "change")
        pick(lambda m: m.form == "advice" and 12 <= age(m) <= 30, 3, "awaiting_handover")
        pick(lambda m: m.form == "advice" and 45 <= age(m) <= 70, 2, "handover_overdue")
        pick(lambda m: 25 <= age(m) <= 90, 5, "awaiting_archive")
        pick(lambda m: m.form == "litigation" and 15 <= age(m) <= 90, 6, "hearing_this_week")
        # Applications to change the provider awaiting the signer's answer (DOMAIN 1.8): one received yesterday (due
        # within 3 working days), one past its due date.
        pick(lambda m: m.form != "advice" and 20 <= age(m) <= 80, 2, "change_pending")
        return out

    def choose_provider(self, m: Matter, on_date: dt.date, exclude=()) -> str:
        rnd = self.rnd
        names = [n for n in UNIT_PROVIDERS[m.unit] + HEAD_OFFICE if n not in exclude]
        # Who may perform the form is the data of ``assignability`` (Law 2017 Arts 31-33: collaborators advise only).
        if on_date not in self.form_rules:
            self.form_rules[on_date] = provider_services.form_rules_on(on_date)
        candidates = [
            n
            for n in names
            if not provider_services.assignability(
                self.providers[n], on_date, self.forms[m.form], form_rules=self.form_rules[on_date]
            )
        ]
        if m.form == "litigation":
            # Officers' litigation quotas (providers demo): tgv.lan passes hers, tgv.minh is on the way, tgv.hung has
            # none last year nor this year (the warning of Law Art. 22(1)(d)); last year both others had some.
            year = on_date.year
            this_year = year == self.today.year
            targets = {"tgv.lan": 8 if this_year else 2, "tgv.minh": 3 if this_year else 2, "tgv.hung": 0}
            officers = sorted(("tgv.lan", "tgv.minh"), key=lambda o: self.litigation_count[(o, year)])
            for officer in officers:
                if officer in candidates and self.litigation_count[(officer, year)] < targets[officer]:
                    self.litigation_count[(officer, year)] += 1
                    return officer
            candidates = [n for n in candidates if self.providers[n].kind != ProviderKind.OFFICER]
        experts = [n for n in candidates if any(f.code == m.field for f in self.providers[n].fields_of_law.all())]
        pool = experts if experts and rnd.random() < 0.8 else candidates
        if m.form == "advice" and UNIT_PROVIDERS[m.unit]:
            local = [n for n in pool if n in UNIT_PROVIDERS[m.unit]]
            if local and rnd.random() < 0.7:
                pool = local
        return rnd.choice(pool) if pool else ""

    def plan_case(self, m: Matter, scenario: str) -> None:
        rnd, p = self.rnd, self.p
        steps = []
        if m.immediate:
            arrives = p.after(m.accept_at, rnd.randint(2, 8))
            if scenario != "papers_missing":
                steps.append(Step(arrives, "papers", {"on": timezone.localdate(arrives)}))
        if scenario == "unassigned":
            m.steps += steps
            return
        assign = p.after(m.accept_at, rnd.choice((0, 1, 1, 2, 2, 3)))
        if assign >= p.cutoff:
            m.steps += steps
            return
        m.provider = self.choose_provider(m, timezone.localdate(assign))
        if not m.provider:
            return
        steps.append(Step(assign, "assign", {"provider": m.provider}))
        if scenario == "not_started":
            m.steps += steps
            return
        start = p.after(assign, rnd.randint(0, 2))
        steps.append(Step(start, "start"))
        if m.form != "advice":
            steps.append(Step(start + dt.timedelta(minutes=20), "details"))
        duration = {"advice": (2, 12), "representation": (10, 55), "litigation": (20, 130)}[m.form]
        length = rnd.randint(*duration)
        end = p.after(start, length)
        if scenario == "awaiting_handover":
            end = _at(p.working_day_back(self.today, rnd.randint(3, 7)), 15, 0)
        elif scenario in ("hearing_this_week", "change_recent", "change_pending"):
            end = max(end, p.cutoff + dt.timedelta(days=20))  # still being worked on
        # Work log entries spread over the work.
        entries = {"advice": 1, "representation": 2, "litigation": 3}[m.form] + rnd.randint(0, 1)
        span = max(1, (end - start).days)
        for n in range(entries):
            moment = start + dt.timedelta(days=span * (n + 1) / (entries + 1), hours=rnd.randint(0, 3))
            steps.append(Step(moment, "work", {"activity": rnd.choice(WORK[m.form])}))
        if m.form == "litigation":
            for n in range(1):
                added = start + dt.timedelta(days=span * (n + 0.5) / 3)
                hearing_at = _at(
                    calendar.add_working_days(timezone.localdate(added), rnd.randint(5, 15)),
                    rnd.choice((8, 14)),
                    0,
                )
                steps.append(Step(added, "hearing", {"starts_at": hearing_at}))
            if scenario == "hearing_this_week":
                steps.append(Step(p.cutoff - dt.timedelta(hours=rnd.randint(10, 14)), "hearing", {"soon": True}))
        if scenario in ("suspended", "resumed"):
            at = start + dt.timedelta(days=span // 3)
            steps.append(Step(at, "suspend"))
            if scenario == "resumed":
                back = at + dt.timedelta(days=rnd.randint(7, 25))
                steps.append(Step(back, "resume"))
                end = max(end, back + dt.timedelta(days=10))
            else:
                steps = [s for s in steps if s.at <= at or s.kind == "papers"]
                m.steps += sorted(steps, key=lambda s: s.at)
                return
        if scenario in ("change", "change_recent"):
            if scenario == "change_recent":
                day = p.working_day_back(self.today, 1)
                requested, decided = day, _at(day, 15, 0)
            else:
                decided = start + dt.timedelta(days=span // 2)
                late = rnd.random() < 0.3
                requested = p.working_day_back(timezone.localdate(decided), 5 if late else rnd.randint(1, 2))
            steps.append(Step(decided, "change", {"requested_on": requested}))
        if scenario == "change_pending":
            self.pending_changes += 1
            received = p.working_day_back(self.today, 1 if self.pending_changes == 1 else 5)
            steps.append(Step(_at(received, 10, 30), "change_application", {"received_on": received}))
        if scenario in ("discontinued", "discontinued_open"):
            at = start + dt.timedelta(days=max(1, span // 2) if scenario == "discontinued" else 1)
            steps = [s for s in steps if s.at < at]
            steps.append(Step(at, "discontinue", {"ground": DiscontinuationReason.WITHDRAWAL}))
            end = at
        else:
            steps.append(Step(end, "complete"))
        if scenario in ("awaiting_handover", "handover_overdue", "discontinued_open"):
            m.steps += sorted(steps, key=lambda s: s.at)
            return
        handover_days = rnd.randint(2, 25) if rnd.random() < 0.9 else rnd.randint(32, 45)
        handover = p.after(end + dt.timedelta(days=handover_days), 0)
        steps.append(Step(handover, "handover"))
        if scenario != "awaiting_archive":
            steps.append(Step(p.after(handover, rnd.randint(1, 25)), "archive"))
        m.steps += sorted(steps, key=lambda s: s.at)

    # --- running it ---------------------------------------------------------------------------------------------

    def run(self) -> Counter:
        matters = self.plan()
        cutoff = self.p.cutoff
        queue = []
        counter = itertools.count()
        for matter in matters:
            # Each matter's steps are in order; a step after the cut (or after a failed one) does not happen.
            for step in matter.steps:
                if step.at < cutoff:
                    heapq.heappush(queue, (step.at, next(counter), matter, step))
        done: Counter = Counter()
        clock = DemoClock(cutoff)
        with clock:
            while queue:
                at, _n, matter, step = heapq.heappop(queue)
                if matter.broken:
                    continue
                clock.at = at
                try:
                    getattr(self, f"do_{step.kind}")(matter, step)
                    done[step.kind] += 1
                except ValidationError as error:
                    matter.broken = True
                    self.errors.append(f"{matter.index} {step.kind}: {error}")
        return done

    # --- the steps, each one service call -----------------------------------------------------------------------

    def user(self, name: str) -> User:
        return self.users[name]

    def provider_user(self, m: Matter) -> User:
        return self.providers[m.provider].user

    def do_receive(self, m: Matter, step: Step) -> None:
        receiver = self.user(UNITS[m.unit][0])
        person = m.person
        if person["obj"] is None:
            commune = self.communes[person["commune"]]
            century = {Sex.MALE: 0, Sex.FEMALE: 1}[person["sex"]] + (2 if person["dob"].year >= 2000 else 0)
            person["obj"] = person_create(
                actor=receiver,
                person=Person(
                    full_name=person["name"],
                    sex=person["sex"],
                    date_of_birth=person["dob"],
                    birth_year=person["dob"].year,
                    id_type=IdType.CCCD,
                    id_number=f"020{century}{person['dob'].year % 100:02d}{300000 + person['index']:06d}",
                    ethnicity=self.ethnicities[person["ethnicity"]],
                    province=commune.province,
                    commune=commune,
                    street=self.rnd.choice(VILLAGES if commune.name.startswith("Xã") else STREETS),
                ),
            )
        beneficiary = person["obj"]
        counterpart = ""
        if m.field in ("land", "civil", "marriage_family", "labour") and m.form != "advice":
            counterpart = self.name(self.rnd.choice((Sex.MALE, Sex.FEMALE)))
        request = LegalAidRequest(
            channel=m.channel,
            received_at=step.at,
            requester=beneficiary,
            beneficiary=beneficiary,
            field_of_law=self.fields[m.field],
            desired_form=self.forms[m.form],
            summary=m.summary,
            eligibility_facts={
                "household": m.facts.household,
                "ethnic_minority": m.facts.ethnic_minority,
                "lives_in_especially_difficult_area": m.facts.lives_in_especially_difficult_area,
                "revolutionary_merit": m.facts.revolutionary_merit,
                "disability": m.facts.disability,
                "domestic_violence_victim": m.facts.domestic_violence_victim,
                "procedural_roles": sorted(m.facts.procedural_roles),
            },
            counterpart_name=counterpart,
            court_appointed=bool(m.referral),
        )
        referral = None
        if m.referral:
            agency, status, officer, short = m.referral
            asked = step.at - dt.timedelta(hours=self.rnd.randint(2, 9))
            referral = intake_services.ReferralData(
                agency=self.agencies[agency],
                procedural_status=status,
                officer_name=officer,
                referral_number=f"{m.index + 11}/{short}",
                referral_date=timezone.localdate(asked),
                requested_at_agency=asked,
            )
        m.request = intake_services.request_receive(
            actor=receiver,
            request=request,
            categories=self.categories(m.facts, timezone.localdate(step.at)),
            referral=referral,
        )

    def do_accept(self, m: Matter, step: Step) -> None:
        reason = step.args.get("immediate", "")
        m.case = intake_services.request_accept(
            actor=self.user(UNITS[m.unit][0]), request=m.request, immediate=bool(reason), urgency_reason=reason
        )

    def do_ask_papers(self, m: Matter, step: Step) -> None:
        intake_services.request_ask_papers(
            actor=self.user(UNITS[m.unit][0]), request=m.request, missing_papers=step.args["papers"]
        )

    def do_refuse(self, m: Matter, step: Step) -> None:
        intake_services.request_refuse(
            actor=self.user(UNITS[m.unit][1]), request=m.request, ground=step.args["ground"], note=step.args["note"]
        )

    def do_transfer(self, m: Matter, step: Step) -> None:
        intake_services.request_transfer(
            actor=self.user(UNITS[m.unit][0]), request=m.request, transfer_to=step.args["to"], note=step.args["note"]
        )

    def do_papers(self, m: Matter, step: Step) -> None:
        case_services.case_papers_received(actor=self.user(UNITS[m.unit][0]), case=m.case, received_on=step.args["on"])

    def signer(self, m: Matter) -> User:
        signers = UNITS[m.unit][2]
        return self.user(signers[m.index % len(signers)])

    def do_assign(self, m: Matter, step: Step) -> None:
        provider_services.case_assign(actor=self.signer(m), case=m.case, provider=self.providers[m.provider])

    def do_start(self, m: Matter, step: Step) -> None:
        case_transition(actor=self.provider_user(m), case=m.case, to_status=CaseStatus.IN_PROGRESS)

    def do_details(self, m: Matter, step: Step) -> None:
        actor = self.provider_user(m)
        if m.form == "litigation":
            procedure = demo_procedure(m.field)
            if procedure == "criminal":
                role = {"held": "held", "suspect": "suspect", "accused": "accused", "victim": "victim"}.get(
                    next(iter(m.facts.procedural_roles), ""), "accused"
                )
                stage = {"held": "investigation", "suspect": "prosecution"}.get(role, "first_instance")
                agency = self.agencies[m.referral[0] if m.referral else "toa_kv1"]
            else:
                parties = ("claimant", "respondent") if procedure == "administrative" else ("plaintiff", "defendant")
                role, stage, agency = (
                    self.rnd.choice(parties),
                    "first_instance",
                    self.agencies["toa_kv1"],
                )
            details = CaseLitigation(
                procedure=procedure,
                procedural_role=role,
                stage=stage,
                agency=agency,
                agency_reference=f"{m.index + 20}/{timezone.localdate(step.at).year}/TLST",
            )
        elif m.form == "representation":
            details = CaseRepresentation(
                counterpart=m.request.counterpart_name,
                body=self.rnd.choice(("Ủy ban nhân dân xã", "Công ty TNHH May Hữu Lũng", "Bảo hiểm xã hội tỉnh")),
                scope="Đại diện thương lượng, hòa giải và làm việc với cơ quan có thẩm quyền.",
            )
        else:
            details = CaseAdvice(question=m.summary)
        case_services.details_save(actor=actor, case=m.case, details=details)

    def do_work(self, m: Matter, step: Step) -> None:
        activity = step.args["activity"]
        hours = self.rnd.choice((None, 2, 3, 4, 6))
        case_services.worklog_add(
            actor=self.provider_user(m),
            case=m.case,
            entry=WorkLogEntry(
                activity_type=self.activities[activity],
                date=timezone.localdate(step.at),
                sessions=None if hours else self.rnd.choice((1, 1, 2)),
                hours=hours,
                place="Trụ sở Trung tâm"
                if activity in ("study_file", "drafting")
                else "Nơi cư trú của người được trợ giúp",
                notes=WORK_NOTES[activity],
            ),
        )

    def do_hearing(self, m: Matter, step: Step) -> None:
        starts_at = step.args.get("starts_at")
        if step.args.get("soon"):
            starts_at = self.this_week(m.index)
        kind = HearingKind.TRIAL
        agency = self.agencies["toa_kv1"]
        if m.referral and m.referral[0] in ("csdt", "vks", "trai_tam_giam"):
            kind, agency = HearingKind.QUESTIONING, self.agencies[m.referral[0]]
        case_services.hearing_add(
            actor=self.provider_user(m),
            case=m.case,
            hearing=Hearing(starts_at=starts_at, place=agency.name, kind=kind, agency=agency),
        )

    def this_week(self, index: int) -> dt.datetime:
        """An upcoming moment this week (next week when this one has no working time left)."""
        real_now = self.real_now
        day, moments = self.today, []
        while len(moments) < 6:
            if calendar.is_working_day(day):
                moments += [m for m in (_at(day, 8, 0), _at(day, 14, 0)) if m > real_now + dt.timedelta(hours=1)]
            day += dt.timedelta(days=1)
        return moments[index % len(moments)]

    def do_suspend(self, m: Matter, step: Step) -> None:
        case_transition(
            actor=self.provider_user(m),
            case=m.case,
            to_status=CaseStatus.SUSPENDED,
            reason="Người được trợ giúp đi làm ăn xa, chưa liên lạc được; chờ người được trợ giúp trở về.",
        )

    def do_resume(self, m: Matter, step: Step) -> None:
        case_transition(actor=self.provider_user(m), case=m.case, to_status=CaseStatus.IN_PROGRESS)

    def do_change(self, m: Matter, step: Step) -> None:
        on_date = timezone.localdate(step.at)
        new = self.choose_provider(m, on_date, exclude={m.provider, "tgv.lan", "tgv.minh", "tgv.hung"})
        if not new:
            return
        provider_services.case_change_provider(
            actor=self.signer(m),
            case=m.case,
            new_provider=self.providers[new],
            reason="Người được trợ giúp đề nghị thay đổi người thực hiện vì lý do cá nhân.",
            requested_on=step.args["requested_on"],
        )
        m.provider = new

    def do_change_application(self, m: Matter, step: Step) -> None:
        """The beneficiary applies to change the provider; it waits for the signer's answer (DOMAIN 1.8)."""
        provider_services.change_application_record(
            actor=self.user(UNITS[m.unit][0]),
            case=m.case,
            received_on=step.args["received_on"],
            applicant=m.person["name"],
            ground=ChangeGround.OTHER,
            ground_text="Người thực hiện ít liên lạc, người được trợ giúp không yên tâm và đề nghị cử người khác.",
        )

    def do_discontinue(self, m: Matter, step: Step) -> None:
        case_services.case_discontinue(
            actor=self.signer(m),
            case=m.case,
            ground=step.args["ground"],
            reason="Người yêu cầu có đơn rút yêu cầu trợ giúp pháp lý.",
            ended_on=timezone.localdate(step.at),
        )

    def do_complete(self, m: Matter, step: Step) -> None:
        rnd = self.rnd
        on = timezone.localdate(step.at)
        completion = CaseCompletion(
            completed_on=on,
            acknowledgement_signed=rnd.random() < 0.9,
        )
        if completion.acknowledgement_signed:
            completion.acknowledged_on = on
        success = []
        if m.form == "litigation":
            criminal = m.field == "criminal"
            completion.outcome = (
                "Tòa án tuyên mức hình phạt thấp hơn đề nghị của Viện kiểm sát."
                if criminal
                else "Tòa án chấp nhận một phần yêu cầu của người được trợ giúp."
            )
            completion.decision_number = f"{rnd.randint(5, 120)}/{on.year}/{'HS' if criminal else 'DS'}-ST"
            completion.decision_date = on - dt.timedelta(days=rnd.randint(0, 3))
            completion.beneficiary_change = "Quyền, lợi ích hợp pháp của người được trợ giúp được bảo vệ."
            if rnd.random() < 0.45:
                procedure = demo_procedure(m.field)
                principle = [c for c in self.success if c.is_principle]
                specific = [c for c in self.success if not c.is_principle and c.procedure == procedure]
                success = principle + specific[:1]
                completion.successful = True
        elif m.form == "advice":
            completion.outcome = "Đã trả lời tư vấn bằng văn bản."
            completion.written_answer = "Hướng dẫn người được trợ giúp quy định pháp luật áp dụng và thủ tục cần làm."
        else:
            completion.outcome = "Các bên thống nhất phương án giải quyết."
            completion.representation_result = "Người được trợ giúp được giải quyết quyền lợi theo đề nghị."
        complexity = []
        if m.form == "litigation" and rnd.random() < 0.15:
            completion.complex_or_typical = True
            complexity = self.complexity[:1]
        case_services.case_complete(
            actor=self.provider_user(m),
            case=m.case,
            completion=completion,
            success_criteria=success,
            complexity_criteria=complexity,
        )

    def do_handover(self, m: Matter, step: Step) -> None:
        m.case.refresh_from_db()
        items = list(case_services.checklist_for(m.case))
        case_services.archive_handover(
            actor=self.user(UNITS[m.unit][3]),
            case=m.case,
            handed_over_on=timezone.localdate(step.at),
            handed_over_by=self.providers[m.provider].full_name,
            checked_items=items,
        )

    def do_archive(self, m: Matter, step: Step) -> None:
        self.archived += 1
        permanent = hasattr(m.case, "completion") and m.case.completion.successful
        case_services.case_archive(
            actor=self.user(UNITS[m.unit][3]),
            case=m.case,
            file_code=f"LT.{timezone.localdate(step.at).year}.{self.archived:04d}",
            location="Kho lưu trữ " + ("Trung tâm" if m.unit == "centre" else f"Chi nhánh {m.unit[-1]}"),
            retention=Retention.PERMANENT if permanent else Retention.YEARS,
            archived_on=timezone.localdate(step.at),
        )

    archived = 0


@transaction.atomic
def seed(today: dt.date | None = None) -> Counter:
    """Write the year of activity. Call once, on the demo province just created (``seed_demo`` guards it)."""
    seeder_errors.clear()
    seeder = Seeder(today or timezone.localdate())
    seeder.real_now = timezone.now()
    done = seeder.run()
    if seeder.errors:
        # A rule the plan did not foresee refused a step: that matter stops there (as it would for a user). Kept
        # visible for whoever changes the rules or the plan.
        done["refused_steps"] = len(seeder.errors)
        seeder_errors.extend(seeder.errors)
    return done


#: The steps a rule refused in the last seeding (for developers and tests).
seeder_errors: list[str] = []
