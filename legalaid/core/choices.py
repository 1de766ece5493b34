"""Codes of the core app: roles, kinds of organisation, calendar and audit codes."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """The people who log in (PRODUCT.md, 'Who uses it')."""

    DIRECTOR = "director", _("Giám đốc Trung tâm")
    DEPUTY_DIRECTOR = "deputy_director", _("Phó Giám đốc Trung tâm")
    OFFICER = "officer", _("Trợ giúp viên pháp lý")
    INTAKE = "intake", _("Chuyên viên pháp lý, người tiếp nhận")
    BRANCH_HEAD = "branch_head", _("Trưởng Chi nhánh")
    ADMIN_STAFF = "admin_staff", _("Phòng Hành chính – Tổng hợp")
    # One label per role, agreeing with the provider record (Law on Legal Aid 2017, Art. 17): a lawyer's account may be
    # a lawyer under contract with the Centre (Art. 17(1)(b)) or of a participating organisation (Art. 17(1)(c));
    # ``User.role_label`` then names which, from the provider record.
    LAWYER = "lawyer", _("Luật sư")
    COLLABORATOR = "collaborator", _("Cộng tác viên trợ giúp pháp lý")
    DOJ_OFFICER = "doj_officer", _("Cán bộ Sở Tư pháp")
    AGENCY_OFFICER = "agency_officer", _("Cán bộ cơ quan tiến hành tố tụng")
    SYSADMIN = "sysadmin", _("Quản trị hệ thống")


class OrganisationKind(models.TextChoices):
    DOJ = "doj", _("Sở Tư pháp")
    DOJ_DIVISION = "doj_division", _("Phòng thuộc Sở Tư pháp")
    CENTRE = "centre", _("Trung tâm Trợ giúp pháp lý nhà nước")
    DEPARTMENT = "department", _("Phòng thuộc Trung tâm")
    BRANCH = "branch", _("Chi nhánh")
    PARTNER = "partner", _("Tổ chức tham gia trợ giúp pháp lý")
    AGENCY = "agency", _("Cơ quan tiến hành tố tụng")


class PartnerType(models.TextChoices):
    """Law Art. 14 (contracted) and Art. 15 (registered) organisations."""

    CONTRACTED = "contracted", _("Tổ chức ký hợp đồng (Điều 14)")
    REGISTERED = "registered", _("Tổ chức đăng ký tham gia (Điều 15)")


class PartnerForm(models.TextChoices):
    LAW_FIRM = "law_firm", _("Tổ chức hành nghề luật sư")
    CONSULTING_CENTRE = "consulting_centre", _("Tổ chức tư vấn pháp luật")


class AgencyType(models.TextChoices):
    """Procedure-conducting agencies (cơ quan tiến hành tố tụng)."""

    INVESTIGATION = "investigation", _("Cơ quan điều tra")
    PROCURACY = "procuracy", _("Viện kiểm sát")
    COURT = "court", _("Tòa án")
    DETENTION = "detention", _("Cơ sở giam giữ")


class CommuneFlagKind(models.TextChoices):
    ESPECIALLY_DIFFICULT = "especially_difficult", _("Xã đặc biệt khó khăn")
    ETHNIC_MINORITY_AREA = "ethnic_minority_area", _("Vùng đồng bào dân tộc thiểu số và miền núi")
    COASTAL_ISLAND = "coastal_island", _("Xã bãi ngang, ven biển, hải đảo")


class HolidaySource(models.TextChoices):
    PACKAGE = "package", _("Gói holidays (Bộ luật Lao động, Điều 112)")
    MANUAL = "manual", _("Nhập tay")


class OverrideKind(models.TextChoices):
    DAY_OFF = "day_off", _("Ngày nghỉ")
    WORKING_DAY = "working_day", _("Ngày làm việc")


class AuditAction(models.TextChoices):
    CREATE = "create", _("Tạo mới")
    UPDATE = "update", _("Sửa")
    DELETE = "delete", _("Xóa")
    ACTION = "action", _("Thao tác")
    #: An administrator set another user's password (never the password itself; issue 14 item 3).
    PASSWORD_RESET = "pwd_reset", _("Đặt lại mật khẩu")


class AccessAction(models.TextChoices):
    VIEW = "view", _("Xem")
    DOWNLOAD = "download", _("Tải về")
    EXPORT = "export", _("Xuất danh sách")
    #: An attempt to open a record the user may not see (answered 404 or 403): the requested id, never a name.
    REFUSED = "refused", _("Bị từ chối")
