from django.core.management.base import BaseCommand
from django.utils import timezone

from legalaid.core.services import holidays_load_year


class Command(BaseCommand):
    help = "Load public holidays of Vietnam from the holidays package (default: last, this and next year)."

    def add_arguments(self, parser):
        parser.add_argument("years", nargs="*", type=int)

    def handle(self, *args, years, **options):
        this_year = timezone.localdate().year
        for year in years or [this_year - 1, this_year, this_year + 1]:
            added, swaps = holidays_load_year(actor=None, year=year)
            self.stdout.write(f"{year}: {added} holidays and {swaps} worked Saturdays added.")
