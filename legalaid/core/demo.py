"""A deterministic demonstration province (Lạng Sơn, the province of two of the seed plans).

Demo passwords live here and only here: production settings never contain one, and the seed refuses to run in
production.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction

from legalaid.core import services
from legalaid.core.choices import (
    AgencyType,
    CommuneFlagKind,
    OrganisationKind,
    PartnerForm,
    PartnerType,
    Role,
)
from legalaid.core.models import Commune, CommuneFlag, Organisation, Province, User

DEMO_PASSWORD = "TroGiup@2026"
#: The demo accounts' authenticator key (base32, as an authenticator app takes it): one key for every demo account, so
#: that one entry in an app (or `manage.py otp_code USERNAME`) gives the second factor of all of them. As public as
#: DEMO_PASSWORD, and like it never in production (seed_demo refuses there; docs/security.md).
DEMO_TOTP_SECRET = "KRDVATCMDJKUMZ2HJ5KSSNKRGYYDEMRS"
#: The demo Centre's API key for the national database (``legalaid.api.demo``), so that the API can be tried with curl
#: at once: "<prefix>.<secret>", as public as DEMO_PASSWORD and like it never in production.
DEMO_API_KEY = "de300de3.thu-api-trogiup-2026"
PROVINCE_CODE = 20  # Lạng Sơn
TERRITORY_FROM = dt.date(2025, 7, 1)


@dataclass(frozen=True)
class DemoAccount:
    username: str
    full_name: str
    role: str
    unit: str  # key in the units dict
    job_title: str = ""


BRANCHES = {
    "cn1": (
        "Chi nhánh số 1 (Tràng Định, Bình Gia)",
        "CN1",
        ["Xã Thất Khê", "Xã Tràng Định", "Xã Quốc Khánh", "Xã Bình Gia", "Xã Hoa Thám", "Xã Tân Văn"],
    ),
    "cn2": (
        "Chi nhánh số 2 (Lộc Bình, Đình Lập)",
        "CN2",
        ["Xã Lộc Bình", "Xã Mẫu Sơn", "Xã Na Dương", "Xã Đình Lập", "Xã Châu Sơn", "Xã Thái Bình"],
    ),
    "cn3": (
        "Chi nhánh số 3 (Hữu Lũng, Chi Lăng)",
        "CN3",
        ["Xã Hữu Lũng", "Xã Tuấn Sơn", "Xã Vân Nham", "Xã Chi Lăng", "Xã Nhân Lý", "Xã Quan Sơn"],
    ),
}

ACCOUNTS = [
    DemoAccount("giamdoc", "Hoàng Văn Đức", Role.DIRECTOR, "centre", "Giám đốc"),
    DemoAccount("phogiamdoc", "Nguyễn Thị Thu Hà", Role.DEPUTY_DIRECTOR, "centre", "Phó Giám đốc"),
    DemoAccount("tgv.lan", "Lăng Thị Lan", Role.OFFICER, "nghiep_vu", "Trợ giúp viên pháp lý"),
    DemoAccount("tgv.minh", "Vi Văn Minh", Role.OFFICER, "nghiep_vu", "Trợ giúp viên pháp lý"),
    DemoAccount("tgv.hung", "Lương Văn Hùng", Role.OFFICER, "cn1", "Trợ giúp viên pháp lý"),
    DemoAccount("tiepnhan", "Đinh Thị Mai", Role.INTAKE, "nghiep_vu", "Chuyên viên pháp lý"),
    DemoAccount("tiepnhan.cn2", "Hà Văn Tú", Role.INTAKE, "cn2", "Chuyên viên pháp lý"),
    DemoAccount("truongcn1", "Nông Văn Sơn", Role.BRANCH_HEAD, "cn1", "Trưởng Chi nhánh"),
    DemoAccount("truongcn2", "Chu Thị Hằng", Role.BRANCH_HEAD, "cn2", "Trưởng Chi nhánh"),
    DemoAccount("truongcn3", "Mã Văn Quân", Role.BRANCH_HEAD, "cn3", "Trưởng Chi nhánh"),
    DemoAccount("hanhchinh", "Phùng Thị Ngọc", Role.ADMIN_STAFF, "hanh_chinh", "Trưởng phòng Hành chính – Tổng hợp"),
    DemoAccount("luatsu.binh", "Trần Quốc Bình", Role.LAWYER, "vpls_an_binh", "Luật sư"),
    DemoAccount("luatsu.yen", "Lê Thị Yến", Role.LAWYER, "cty_luat_kl", "Luật sư"),
    DemoAccount("ctv.thao", "Hoàng Thị Thảo", Role.COLLABORATOR, "cn1", "Cộng tác viên"),
    DemoAccount("ctv.phuc", "Triệu Văn Phúc", Role.COLLABORATOR, "cn3", "Cộng tác viên"),
    DemoAccount("so.botro", "Bế Văn Thành", Role.DOJ_OFFICER, "btp", "Chuyên viên Phòng Bổ trợ tư pháp"),
    DemoAccount("so.thanhtra", "Dương Thị Hoa", Role.DOJ_OFFICER, "thanh_tra", "Thanh tra viên"),
    DemoAccount("dieutra", "Lý Văn Cường", Role.AGENCY_OFFICER, "csdt", "Điều tra viên"),
    DemoAccount("quantri", "Tô Văn Long", Role.SYSADMIN, "hanh_chinh", "Quản trị hệ thống"),
]


def accounts_table() -> str:
    """The demo accounts and their password, as ``seed_demo`` and ``make run`` print them."""
    lines = [
        f"Demo accounts (password for all: {DEMO_PASSWORD})",
        f"  Second factor for all: authenticator key {DEMO_TOTP_SECRET}, or `manage.py otp_code USERNAME`",
        f"  {'admin':<14} Quản trị toàn hệ thống (superuser)",
    ]
    lines += [f"  {a.username:<14} {a.full_name} – {a.role.label}" for a in ACCOUNTS]
    lines.append(
        f"  API (national database key, read only): curl -H 'Authorization: Api-Key {DEMO_API_KEY}' "
        "http://127.0.0.1:8000/api/v1/cases/  (docs: /api/v1/docs/)"
    )
    return "\n".join(lines)


def ensure_second_factor() -> int:
    """Give every demo account that has no authenticator yet the demo key (idempotent; seed_demo runs it every time,
    so a database seeded before the second factor existed gets it too). Returns how many were given one."""
    import base64

    from django_otp.plugins.otp_totp.models import TOTPDevice

    key_hex = base64.b32decode(DEMO_TOTP_SECRET).hex()
    usernames = ["admin", *(a.username for a in ACCOUNTS)]
    given = 0
    for user in User.objects.filter(username__in=usernames):
        if not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
            TOTPDevice.objects.create(user=user, name="default", key=key_hex, confirmed=True)
            given += 1
    return given


def already_seeded() -> bool:
    return Organisation.objects.filter(kind=OrganisationKind.CENTRE, province__code=PROVINCE_CODE).exists()


@transaction.atomic
def seed() -> list[DemoAccount]:
    """Create the demonstration province. Call only on an empty database (``already_seeded`` guards it)."""
    root = User(username="admin", full_name="Quản trị toàn hệ thống", is_superuser=True, is_staff=True)
    root.set_password(DEMO_PASSWORD)
    root.save()
    province = Province.objects.get(code=PROVINCE_CODE)
    communes = {c.name: c for c in Commune.objects.filter(province=province)}

    def unit(**fields) -> Organisation:
        fields.setdefault("province", province)
        return services.organisation_save(actor=root, organisation=Organisation(**fields))

    units: dict[str, Organisation] = {}
    units["doj"] = unit(
        kind=OrganisationKind.DOJ,
        name="Sở Tư pháp tỉnh Lạng Sơn",
        short_name="STP",
        commune=communes["Phường Đông Kinh"],
        street="Số 2 đường Hùng Vương",
        phone="0205 3812 327",
    )
    units["btp"] = unit(kind=OrganisationKind.DOJ_DIVISION, name="Phòng Bổ trợ tư pháp", parent=units["doj"])
    units["thanh_tra"] = unit(kind=OrganisationKind.DOJ_DIVISION, name="Thanh tra Sở", parent=units["doj"])
    centre = units["centre"] = unit(
        kind=OrganisationKind.CENTRE,
        name="Trung tâm Trợ giúp pháp lý nhà nước tỉnh Lạng Sơn",
        short_name="TGPL",
        code="TT",
        parent=units["doj"],
        commune=communes["Phường Lương Văn Tri"],
        street="Số 35 đường Lê Lợi",
        phone="0205 3898 189",
        email="tgpl@langson.gov.vn",
        head_name="Hoàng Văn Đức",
        opening_hours="Sáng 7:30–11:30, chiều 13:30–16:30, thứ Hai đến thứ Sáu",
    )
    units["hanh_chinh"] = unit(kind=OrganisationKind.DEPARTMENT, name="Phòng Hành chính – Tổng hợp", parent=centre)
    units["nghiep_vu"] = unit(kind=OrganisationKind.DEPARTMENT, name="Phòng Nghiệp vụ", parent=centre)
    for key, (name, code, commune_names) in BRANCHES.items():
        branch = units[key] = unit(
            kind=OrganisationKind.BRANCH,
            name=name,
            code=code,
            parent=centre,
            commune=communes[commune_names[0]],
        )
        for commune_name in commune_names:
            services.branch_commune_add(
                actor=root, branch=branch, commune=communes[commune_name], valid_from=TERRITORY_FROM
            )
    units["vpls_an_binh"] = unit(
        kind=OrganisationKind.PARTNER,
        name="Văn phòng Luật sư An Bình",
        centre=centre,
        partner_type=PartnerType.CONTRACTED,
        partner_form=PartnerForm.LAW_FIRM,
        contract_number="05/2025/HĐ-TGPL",
        valid_from=dt.date(2025, 1, 1),
        valid_to=dt.date(2027, 12, 31),
    )
    units["cty_luat_kl"] = unit(
        kind=OrganisationKind.PARTNER,
        name="Công ty Luật TNHH Kỳ Lừa",
        centre=centre,
        partner_type=PartnerType.CONTRACTED,
        partner_form=PartnerForm.LAW_FIRM,
        contract_number="06/2025/HĐ-TGPL",
        valid_from=dt.date(2025, 1, 1),
        valid_to=dt.date(2026, 12, 31),
    )
    units["ttv_hoi_luat_gia"] = unit(
        kind=OrganisationKind.PARTNER,
        name="Trung tâm Tư vấn pháp luật – Hội Luật gia tỉnh",
        centre=centre,
        partner_type=PartnerType.REGISTERED,
        partner_form=PartnerForm.CONSULTING_CENTRE,
        contract_number="01/GĐK-STP",
        valid_from=dt.date(2024, 3, 1),
    )
    for key, name, agency_type in [
        ("csdt", "Cơ quan Cảnh sát điều tra Công an tỉnh Lạng Sơn", AgencyType.INVESTIGATION),
        ("vks", "Viện kiểm sát nhân dân tỉnh Lạng Sơn", AgencyType.PROCURACY),
        ("toa", "Tòa án nhân dân tỉnh Lạng Sơn", AgencyType.COURT),
        ("toa_kv1", "Tòa án nhân dân khu vực 1 – Lạng Sơn", AgencyType.COURT),
        ("trai_tam_giam", "Trại tạm giam Công an tỉnh Lạng Sơn", AgencyType.DETENTION),
    ]:
        units[key] = unit(kind=OrganisationKind.AGENCY, name=name, centre=centre, agency_type=agency_type)

    for name in ("Xã Mẫu Sơn", "Xã Châu Sơn", "Xã Quốc Khánh", "Xã Vân Nham"):
        services.commune_flag_save(
            actor=root,
            flag=CommuneFlag(
                commune=communes[name],
                kind=CommuneFlagKind.ESPECIALLY_DIFFICULT,
                valid_from=dt.date(2025, 7, 1),
                source_document="Dữ liệu minh họa – thay bằng quyết định của Thủ tướng Chính phủ",
            ),
        )
    for name in communes:
        if name.startswith("Xã"):
            services.commune_flag_save(
                actor=root,
                flag=CommuneFlag(
                    commune=communes[name],
                    kind=CommuneFlagKind.ETHNIC_MINORITY_AREA,
                    valid_from=dt.date(2025, 7, 1),
                    source_document="Dữ liệu minh họa",
                ),
            )

    for account in ACCOUNTS:
        services.user_save(
            actor=root,
            user=User(
                username=account.username,
                full_name=account.full_name,
                role=account.role,
                organisation=units[account.unit],
                job_title=account.job_title,
                email=f"{account.username}@demo.tgpl.invalid",
            ),
            password=DEMO_PASSWORD,
        )
    return ACCOUNTS


class DemoClock:
    """A controlled clock for backdating demonstration data: inside ``with clock:``, ``django.utils.timezone.now``
    (and with it ``localdate``, ``auto_now`` fields and the services' "today") returns ``clock.at``, which the seeding
    moves forward event by event. Model fields whose default is ``timezone.now`` itself follow it too.

    Only the demo seed uses it; the services are called exactly as a user's request would call them.
    """

    def __init__(self, at: dt.datetime):
        self.at = at
        self._patch = None
        self._fields: list = []

    def _now(self) -> dt.datetime:
        return self.at

    def __enter__(self) -> DemoClock:
        from unittest import mock

        from django.apps import apps
        from django.utils import timezone

        real_now = timezone.now
        self._patch = mock.patch.object(timezone, "now", self._now)
        self._patch.start()
        for model in apps.get_models():
            for field in model._meta.concrete_fields:
                if field.default is real_now:
                    self._fields.append((field, real_now))
                    field.default = self._now
                    field.__dict__.pop("_get_default", None)  # a cached_property of Field
        return self

    def __exit__(self, *exc) -> None:
        for field, default in self._fields:
            field.default = default
            field.__dict__.pop("_get_default", None)
        self._fields.clear()
        self._patch.stop()
