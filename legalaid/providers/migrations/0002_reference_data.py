from django.db import migrations


def load(apps, schema_editor):
    from legalaid.providers.reference import LANGUAGES, LAW_START, PARAMETERS

    Language = apps.get_model("providers", "Language")
    Ethnicity = apps.get_model("people", "Ethnicity")
    LegalParameter = apps.get_model("core", "LegalParameter")
    ethnicities = dict(Ethnicity.objects.values_list("code", "pk"))
    for order, (code, name, ethnicity) in enumerate(LANGUAGES):
        Language.objects.update_or_create(
            code=code,
            defaults={"name": name, "ethnicity_id": ethnicities.get(ethnicity), "sort_order": order},
        )
    for code, label, value, unit, reference, confirmed in PARAMETERS:
        LegalParameter.objects.update_or_create(
            code=code,
            valid_from=LAW_START,
            defaults={"label": label, "value": value, "unit": unit, "reference": reference, "confirmed": confirmed},
        )


class Migration(migrations.Migration):
    dependencies = [("providers", "0001_initial"), ("people", "0002_load_ethnicities"), ("core", "0003_legal_parameter")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
