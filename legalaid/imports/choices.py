"""Codes of the register import."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportStatus(models.TextChoices):
    """The life of one imported file: checked first (a dry run, nothing written), then imported whole or not at all."""

    UPLOADED = "uploaded", _("Chờ kiểm tra")
    CHECKING = "checking", _("Đang kiểm tra")
    CHECKED = "checked", _("Đã kiểm tra")
    QUEUED = "queued", _("Chờ nhập")
    IMPORTING = "importing", _("Đang nhập")
    DONE = "done", _("Đã nhập")
    FAILED = "failed", _("Không nhập được")


#: The statuses during which a task is working on the file (the page polls).
RUNNING = (ImportStatus.UPLOADED, ImportStatus.CHECKING, ImportStatus.QUEUED, ImportStatus.IMPORTING)
