from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from legalaid.core import demo
from legalaid.core.services import holidays_load_year


class Command(BaseCommand):
    help = "Load the demonstration province once (refuses in production); prints the demo accounts."

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            raise CommandError("The demonstration data never goes into a production database.")
        year = timezone.localdate().year
        for y in (year - 1, year, year + 1):
            holidays_load_year(actor=None, year=y)
        if demo.already_seeded():
            self.stdout.write("Demo data already loaded.")
        else:
            demo.seed()
            # Persons and requests of the demo province (the intake app depends on core, not the reverse).
            from legalaid.intake import demo as intake_demo

            intake_demo.seed()
            from legalaid.providers import demo as providers_demo

            providers_demo.seed()
            from legalaid.studies import demo as studies_demo

            studies_demo.seed()
            from legalaid.commendations import demo as commendations_demo

            commendations_demo.seed()
            from legalaid.plans import demo as plans_demo

            plans_demo.seed()
            self.stdout.write("Demo data loaded.")
        self.stdout.write("")
        self.stdout.write("Demo accounts (password for all: %s)" % demo.DEMO_PASSWORD)
        self.stdout.write(f"  {'admin':<14} Quản trị toàn hệ thống (superuser)")
        for account in demo.ACCOUNTS:
            self.stdout.write(f"  {account.username:<14} {account.full_name} – {account.role.label}")
