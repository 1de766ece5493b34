"""The background work of a register import: the check (dry run) and the import itself (``services``)."""

from __future__ import annotations

from django.conf import settings
from django.utils import translation
from django_tasks import task


@task()
def check_register(*, batch_id: int) -> int:
    """Check the uploaded register ``batch_id``; returns the number of rows in error (-1: not a register)."""
    from .choices import ImportStatus
    from .models import RegisterImport
    from .services import import_check

    batch = RegisterImport.objects.select_related("unit__centre").filter(pk=batch_id).first()
    if batch is None or batch.status not in (ImportStatus.UPLOADED, ImportStatus.CHECKED):
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        try:
            result = import_check(batch=batch)
        except Exception:
            RegisterImport.objects.filter(pk=batch_id).update(
                status=ImportStatus.FAILED, message=translation.gettext("Không kiểm tra được tệp.")
            )
            raise
    return -1 if result is None else result.blocking


@task()
def import_register(*, batch_id: int) -> int:
    """Import the checked register ``batch_id`` whole; returns the number of cases written."""
    from .choices import ImportStatus
    from .models import RegisterImport
    from .services import import_run

    batch = RegisterImport.objects.select_related("unit__centre", "imported_by").filter(pk=batch_id).first()
    if batch is None or batch.status != ImportStatus.QUEUED:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        return import_run(batch=batch).get("cases_written", 0)
