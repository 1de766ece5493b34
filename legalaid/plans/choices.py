"""Codes of plans: the plan's and the task's status, the role of a unit in a task, target comparisons."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PlanStatus(models.TextChoices):
    ACTIVE = "active", _("Đang thực hiện")
    COMPLETED = "completed", _("Đã hoàn thành")
    CANCELLED = "cancelled", _("Đã hủy")


class TaskStatus(models.TextChoices):
    """Stored statuses. "Late" is not stored: it is derived from the end date and the working-day calendar."""

    NOT_STARTED = "not_started", _("Chưa thực hiện")
    IN_PROGRESS = "in_progress", _("Đang thực hiện")
    DONE = "done", _("Đã hoàn thành")


class UnitRole(models.TextChoices):
    """ "Chủ trì" / "Thực hiện" / "Phân công đơn vị thực hiện" are leads; "Phối hợp" are partners."""

    LEAD = "lead", _("Chủ trì / thực hiện")
    PARTNER = "partner", _("Phối hợp")


class UnitGroup(models.TextChoices):
    """A unit written as a group ("các Chi nhánh", "các Phòng") rather than one organisation."""

    NONE = "", _("Một đơn vị")
    BRANCHES = "branches", _("Các Chi nhánh")
    DEPARTMENTS = "departments", _("Các Phòng")


class Comparison(models.TextChoices):
    AT_LEAST = ">=", _("đạt ít nhất")
    MORE_THAN = ">", _("trên")
    AT_MOST = "<=", _("không quá")
    LESS_THAN = "<", _("dưới")
    EQUAL = "=", _("bằng")
