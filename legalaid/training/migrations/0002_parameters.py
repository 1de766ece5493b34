"""The yearly training requirement (TT 12/2018/TT-BTP Art. 4) and the Centre's settings of the training app, as
dated ``LegalParameter`` rows (``legalaid.training.reference``)."""

from django.db import migrations


def load(apps, schema_editor):
    from legalaid.training import reference as ref

    LegalParameter = apps.get_model("core", "LegalParameter")
    for code, label, value, unit, valid_from, reference, confirmed in ref.PARAMETERS:
        LegalParameter.objects.update_or_create(
            code=code,
            valid_from=valid_from,
            defaults={"label": label, "value": value, "unit": unit, "reference": reference, "confirmed": confirmed},
        )


def unload(apps, schema_editor):
    from legalaid.training import reference as ref

    LegalParameter = apps.get_model("core", "LegalParameter")
    LegalParameter.objects.filter(code__in=[row[0] for row in ref.PARAMETERS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("training", "0001_initial"),
        ("core", "0001_initial"),
    ]

    operations = [migrations.RunPython(load, unload)]
