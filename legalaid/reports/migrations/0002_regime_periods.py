"""The periods of the reporting regime of TT 03/2019/TT-BTP (in force 15/05/2019; DOMAIN.md section 5 [C]):
6 months 01/01-30/06 with actual data to 31/05; the year 01/01-31/12 with actual data to 31/10 for provincial
reporters (some others to 30/11); the official annual report with full actual data. Whether TT 17/2025/TT-BTP
replaces them is UNCONFIRMED (docs/rules-to-confirm.md): a new regime is new rows with a later ``valid_from``."""

import datetime as dt

from django.db import migrations

REFERENCE = "Thông tư 03/2019/TT-BTP"
ROWS = [
    # kind, start (month, day), end, cut-off
    ("half_year", (1, 1), (6, 30), (5, 31)),
    ("year", (1, 1), (12, 31), (10, 31)),
    ("official_year", (1, 1), (12, 31), None),
]


def load(apps, schema_editor):
    ReportingPeriod = apps.get_model("reports", "ReportingPeriod")
    for kind, start, end, cutoff in ROWS:
        ReportingPeriod.objects.update_or_create(
            kind=kind,
            valid_from=dt.date(2019, 5, 15),
            defaults={
                "start_month": start[0],
                "start_day": start[1],
                "end_month": end[0],
                "end_day": end[1],
                "cutoff_month": cutoff[0] if cutoff else None,
                "cutoff_day": cutoff[1] if cutoff else None,
                "reference": REFERENCE,
                "confirmed": True,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
