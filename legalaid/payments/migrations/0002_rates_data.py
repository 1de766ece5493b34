from decimal import Decimal

from django.db import migrations


def load(apps, schema_editor):
    from legalaid.payments.reference import BASE_SALARIES, DECREE_144_START, FEE_RATES

    BaseSalary = apps.get_model("payments", "BaseSalary")
    FeeRate = apps.get_model("payments", "FeeRate")
    FormOfAid = apps.get_model("intake", "FormOfAid")
    for valid_from, amount, reference in BASE_SALARIES:
        BaseSalary.objects.update_or_create(valid_from=valid_from, defaults={"amount": amount, "reference": reference})
    forms = dict(FormOfAid.objects.values_list("code", "pk"))
    for kind, form, coefficient, cap, share, lump_min, lump_max, reference, confirmed in FEE_RATES:
        if form not in forms:
            continue
        FeeRate.objects.update_or_create(
            provider_kind=kind,
            form_of_aid_id=forms[form],
            valid_from=DECREE_144_START,
            defaults={
                "session_coefficient": Decimal(coefficient),
                "max_sessions": Decimal(cap),
                "share_percent": Decimal(share),
                "lump_min": Decimal(lump_min) if lump_min else None,
                "lump_max": Decimal(lump_max) if lump_max else None,
                "reference": reference,
                "confirmed": confirmed,
            },
        )


def unload(apps, schema_editor):
    apps.get_model("payments", "FeeRate").objects.all().delete()
    apps.get_model("payments", "BaseSalary").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("payments", "0001_rates")]

    operations = [migrations.RunPython(load, unload)]
