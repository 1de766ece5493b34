from django.db import migrations


def load(apps, schema_editor):
    from legalaid.intake.reference import FIELDS_OF_LAW, FORMS_OF_AID, LAW_START, PARAMETERS

    FieldOfLaw = apps.get_model("intake", "FieldOfLaw")
    FormOfAid = apps.get_model("intake", "FormOfAid")
    LegalParameter = apps.get_model("core", "LegalParameter")
    for order, (code, name, in_scope) in enumerate(FIELDS_OF_LAW):
        FieldOfLaw.objects.update_or_create(
            code=code,
            defaults={"name": name, "in_scope": in_scope, "sort_order": order, "reference": "Luật TGPL Điều 27"},
        )
    for order, (code, name, register_code, reference, confirmed) in enumerate(FORMS_OF_AID):
        FormOfAid.objects.update_or_create(
            code=code,
            defaults={"name": name, "register_code": register_code, "reference": reference,
                      "confirmed": confirmed, "sort_order": order},
        )
    for code, label, value, unit, reference, confirmed in PARAMETERS:
        LegalParameter.objects.update_or_create(
            code=code,
            valid_from=LAW_START,
            defaults={"label": label, "value": value, "unit": unit, "reference": reference, "confirmed": confirmed},
        )


class Migration(migrations.Migration):
    dependencies = [("intake", "0001_initial"), ("core", "0003_legal_parameter")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
