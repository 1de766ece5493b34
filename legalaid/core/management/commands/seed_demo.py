import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from legalaid.core import demo
from legalaid.core.services import holidays_load_year


class Command(BaseCommand):
    help = (
        "Load the demonstration province once (refuses in production): a year of activity of its Centre ending "
        "today; prints the demo accounts."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-accounts",
            action="store_true",
            help="Do not print the demo accounts (`make run` prints them once the server answers).",
        )

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            raise CommandError("The demonstration data never goes into a production database.")
        year = timezone.localdate().year
        for y in (year - 1, year, year + 1):
            holidays_load_year(actor=None, year=y)
        if demo.already_seeded():
            self.stdout.write("Demo data already loaded.")
        else:
            started = time.monotonic()
            self.stdout.write("Loading the demo data (a year of activity, about a minute)...")
            self.verbosity = options["verbosity"]
            self.seed()
            self.stdout.write("Demo data loaded. (%.0f s)" % (time.monotonic() - started))
        demo.ensure_second_factor()
        from legalaid.api import demo as api_demo  # also into a database seeded before the API existed

        api_demo.seed()
        if not options["no_accounts"]:
            self.stdout.write("")
            self.stdout.write(demo.accounts_table())

    def seed(self):
        # The apps depend on core, not the reverse: their demo modules are imported here.
        from legalaid.cases import demo as cases_demo
        from legalaid.commendations import demo as commendations_demo
        from legalaid.feedback import demo as feedback_demo
        from legalaid.intake import demo as intake_demo
        from legalaid.outreach import demo as outreach_demo
        from legalaid.payments import demo as payments_demo
        from legalaid.plans import demo as plans_demo
        from legalaid.providers import demo as providers_demo
        from legalaid.quality import demo as quality_demo
        from legalaid.studies import demo as studies_demo
        from legalaid.training import demo as training_demo

        demo.seed()
        providers_demo.seed()
        # The year that ends yesterday, backdated event by event, then today's requests of the intake demo (the
        # newest numbers of the registers) and today's assignment.
        done = cases_demo.seed()
        if cases_demo.seeder_errors:
            self.stderr.write(
                "%d steps of the demo year were refused by a rule (their matters stop there):\n  %s"
                % (len(cases_demo.seeder_errors), "\n  ".join(cases_demo.seeder_errors[:20]))
            )
        if self.verbosity > 1:
            self.stdout.write(", ".join(f"{kind}: {n}" for kind, n in sorted(done.items())))
        intake_demo.seed()
        providers_demo.assign_today()
        studies_demo.seed()
        commendations_demo.seed()
        plans_demo.seed()
        # Quality and payment (issue 9): appraisals of the completed cases, their payments, surveys and complaints.
        quality_demo.seed()
        payments_demo.seed()
        feedback_demo.seed()
        training_demo.seed()
        outreach_demo.seed()
