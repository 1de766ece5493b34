"""The criteria of TT 12/2018/TT-BTP Art. 16, the result levels and the time limits (``legalaid.quality.reference``)."""

from django.db import migrations


def load(apps, schema_editor):
    from legalaid.quality import reference as ref

    CriteriaSet = apps.get_model("quality", "CriteriaSet")
    Criterion = apps.get_model("quality", "Criterion")
    ResultLevel = apps.get_model("quality", "ResultLevel")
    LegalParameter = apps.get_model("core", "LegalParameter")
    criteria_set, _created = CriteriaSet.objects.update_or_create(
        code=ref.CRITERIA_SET["code"], defaults={k: v for k, v in ref.CRITERIA_SET.items() if k != "code"}
    )
    for position, (group, code, text, points, reference, confirmed) in enumerate(ref.CRITERIA, start=1):
        Criterion.objects.update_or_create(
            criteria_set=criteria_set,
            code=code,
            defaults={
                "group": group,
                "text": text,
                "max_points": points,
                "reference": reference,
                "confirmed": confirmed,
                "sort_order": position,
            },
        )
    for position, (code, name, satisfactory, min_points, reference, confirmed) in enumerate(ref.RESULT_LEVELS, 1):
        ResultLevel.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "satisfactory": satisfactory,
                "min_points": min_points,
                "reference": reference,
                "confirmed": confirmed,
                "sort_order": position,
            },
        )
    for code, label, value, unit, reference, confirmed in ref.PARAMETERS:
        LegalParameter.objects.update_or_create(
            code=code,
            valid_from=ref.PARAMETERS_FROM,
            defaults={"label": label, "value": value, "unit": unit, "reference": reference, "confirmed": confirmed},
        )


def unload(apps, schema_editor):
    from legalaid.quality import reference as ref

    apps.get_model("core", "LegalParameter").objects.filter(code__in=[p[0] for p in ref.PARAMETERS]).delete()
    apps.get_model("quality", "CriteriaSet").objects.filter(code=ref.CRITERIA_SET["code"]).delete()
    apps.get_model("quality", "ResultLevel").objects.filter(code__in=[r[0] for r in ref.RESULT_LEVELS]).delete()


class Migration(migrations.Migration):
    dependencies = [("quality", "0001_initial"), ("core", "0003_legal_parameter")]

    operations = [migrations.RunPython(load, unload)]
