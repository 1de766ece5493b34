from django.core.management.base import BaseCommand

from legalaid.core.models import Commune, Province
from legalaid.core.reference_data import load_admin_units


class Command(BaseCommand):
    help = "Load or update the 34 provinces and their communes from the vietnam-provinces package."

    def handle(self, *args, **options):
        provinces, communes = load_admin_units(Province, Commune)
        self.stdout.write(
            f"Administrative units: {provinces} provinces and {communes} communes added; "
            f"{Province.objects.count()} provinces, {Commune.objects.count()} communes in total."
        )
