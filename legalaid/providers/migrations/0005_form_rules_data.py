from django.db import migrations


def load(apps, schema_editor):
    from legalaid.providers.reference import FORM_RULES, LAW_START

    ProviderFormRule = apps.get_model("providers", "ProviderFormRule")
    FormOfAid = apps.get_model("intake", "FormOfAid")
    forms = dict(FormOfAid.objects.values_list("code", "pk"))
    for kind, form, allowed, reference, confirmed in FORM_RULES:
        if form not in forms:
            continue
        ProviderFormRule.objects.update_or_create(
            provider_kind=kind,
            form_of_aid_id=forms[form],
            valid_from=LAW_START,
            defaults={"allowed": allowed, "reference": reference, "confirmed": confirmed},
        )


class Migration(migrations.Migration):
    dependencies = [("providers", "0004_provider_form_rule")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
