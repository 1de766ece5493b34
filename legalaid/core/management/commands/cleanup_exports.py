"""``manage.py cleanup_exports``: delete the background exports past their time (``EXPORT_KEEP_HOURS``), with their
files. Run it hourly (cron, or a systemd timer: docs/deploy.md)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from legalaid.core.tasks import cleanup_exports


class Command(BaseCommand):
    help = "Delete background exports (and their files) older than EXPORT_KEEP_HOURS."

    def handle(self, *args, **options):
        removed = cleanup_exports.call()
        if options["verbosity"]:
            self.stdout.write(f"{removed} export(s) deleted.")
