"""``manage.py restore ARCHIVE``: put a backup back into an empty database and MEDIA_ROOT (docs/deploy.md, 8)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from legalaid.core import backup


class Command(BaseCommand):
    help = (
        "Restore an archive made by `manage.py backup` into the configured database and MEDIA_ROOT. Checks every "
        "checksum first (decrypting with BACKUP_KEY), refuses a database with tables or a MEDIA_ROOT with files "
        "unless --force, then counts the rows of every table against the manifest."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument(
            "--force", action="store_true", help="Replace the content of a database that is not empty (drops it)."
        )
        parser.add_argument("--verify-only", action="store_true", help="Check the archive; restore nothing.")

    def handle(self, *args, archive, force, verify_only, **options):
        try:
            result = backup.restore_backup(
                archive, key=settings.BACKUP_KEY or None, force=force, verify_only=verify_only
            )
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        manifest = result.manifest
        self.stdout.write(
            f"{'Verified' if verify_only else 'Restored'}: {manifest['engine']} backup of {manifest['created_at']}, "
            f"{len(manifest['tables'])} tables, {sum(manifest['tables'].values()):,} rows, "
            f"{manifest['media']['files']:,} media files ({manifest['media']['bytes']:,} bytes); "
            "every checksum matches."
        )
        if result.unknown_migrations:
            self.stdout.write(
                self.style.WARNING(
                    f"The backup comes from a newer release: {len(result.unknown_migrations)} migrations unknown "
                    f"to this code (first: {result.unknown_migrations[0]}). Deploy that release before using it."
                )
            )
        elif result.pending_migrations:
            self.stdout.write(
                f"The backup comes from an older release: run `manage.py migrate` "
                f"({len(result.pending_migrations)} migrations to apply)."
            )
