"""``manage.py backup``: one dated archive of the database and the media files (docs/deploy.md, section 8)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from legalaid.core import backup


class Command(BaseCommand):
    help = (
        "Write a dated archive of the database (pg_dump --format=custom, or SQLite's online backup) and MEDIA_ROOT, "
        "with a manifest of checksums; encrypted when BACKUP_KEY is set. With --keep-*, older archives in the same "
        "directory are then pruned."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dir", help="Where to write the archive (default: BACKUP_DIR).")
        parser.add_argument("--keep-daily", type=int, help="Keep the newest archive of each of the last N days.")
        parser.add_argument("--keep-weekly", type=int, help="... of each of the last N weeks.")
        parser.add_argument("--keep-monthly", type=int, help="... of each of the last N months.")
        parser.add_argument("--prune-only", action="store_true", help="Prune by --keep-* without a new archive.")
        parser.add_argument("--generate-key", action="store_true", help="Print a new BACKUP_KEY and stop.")

    def handle(self, *args, **options):
        if options["generate_key"]:
            self.stdout.write(backup.generate_key())
            return
        directory = options["dir"] or settings.BACKUP_DIR
        if not directory:
            raise CommandError("Say where: --dir DIRECTORY, or set BACKUP_DIR.")
        directory = Path(directory)
        keep = {name: options[f"keep_{name}"] for name in ("daily", "weekly", "monthly")}
        prune = any(value is not None for value in keep.values())
        if options["prune_only"] and not prune:
            raise CommandError("--prune-only needs --keep-daily, --keep-weekly and/or --keep-monthly.")
        try:
            if not options["prune_only"]:
                path = backup.create_backup(directory, key=settings.BACKUP_KEY or None)
                size = path.stat().st_size
                encrypted = "encrypted" if settings.BACKUP_KEY else "NOT encrypted (BACKUP_KEY is not set)"
                self.stdout.write(f"{path} ({size:,} bytes, {encrypted})")
            if prune:
                removed = backup.prune_backups(directory, **{name: value or 0 for name, value in keep.items()})
                for path in removed:
                    self.stdout.write(f"removed {path.name}")
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
