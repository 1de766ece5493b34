"""Create an API key from the command line (the key page /khoa-api/ does the same): prints the key once.

    manage.py create_api_key --by admin --owner 3 --kind national --name "CSDL quốc gia" --scope cases:read \
        --scope national:read [--agency 12] [--expires 31/12/2027]
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from legalaid.api import services
from legalaid.api.choices import ApiScope, KeyKind
from legalaid.core.models import Organisation, User


class Command(BaseCommand):
    help = "Create an API key (shown once) for an integration: agency, national database or portal."

    def add_arguments(self, parser):
        parser.add_argument("--by", required=True, help="username of the manager creating it (audited)")
        parser.add_argument("--owner", type=int, required=True, help="id of the owner Centre or Department")
        parser.add_argument("--kind", required=True, choices=KeyKind.values)
        parser.add_argument("--name", required=True)
        parser.add_argument("--scope", action="append", required=True, choices=ApiScope.values)
        parser.add_argument("--agency", type=int, help="id of the agency (kind agency)")
        parser.add_argument("--expires", help="last day of validity, dd/mm/yyyy")

    def handle(self, *args, **options):
        try:
            actor = User.objects.get(username=options["by"])
            owner = Organisation.objects.get(pk=options["owner"])
            agency = Organisation.objects.get(pk=options["agency"]) if options["agency"] else None
        except (User.DoesNotExist, Organisation.DoesNotExist) as error:
            raise CommandError(str(error)) from None
        expires_at = None
        if options["expires"]:
            try:
                day = dt.datetime.strptime(options["expires"], "%d/%m/%Y").date()
            except ValueError:
                raise CommandError("--expires: dd/mm/yyyy") from None
            expires_at = timezone.make_aware(dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min))
        try:
            key, secret = services.key_create(
                actor=actor,
                name=options["name"],
                kind=options["kind"],
                owner=owner,
                agency=agency,
                scopes=options["scope"],
                expires_at=expires_at,
            )
        except (ValidationError, PermissionDenied) as error:
            raise CommandError("; ".join(getattr(error, "messages", [str(error)]))) from None
        self.stdout.write(f"{key.name} ({key.prefix}): {secret}")
        self.stderr.write("The key is shown this once; only its hash is kept.")
