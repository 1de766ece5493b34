from django.db import migrations


def load(apps, schema_editor):
    from legalaid.cases import reference as ref

    ActivityType = apps.get_model("cases", "ActivityType")
    SuccessCriterion = apps.get_model("cases", "SuccessCriterion")
    ComplexityCriterion = apps.get_model("cases", "ComplexityCriterion")
    ArchiveChecklistItem = apps.get_model("cases", "ArchiveChecklistItem")
    FormOfAid = apps.get_model("intake", "FormOfAid")
    LegalParameter = apps.get_model("core", "LegalParameter")
    for order, (code, name) in enumerate(ref.ACTIVITY_TYPES):
        ActivityType.objects.update_or_create(code=code, defaults={"name": name, "sort_order": order})
    for order, (code, text, procedure, is_principle, confirmed) in enumerate(ref.SUCCESS_CRITERIA):
        SuccessCriterion.objects.update_or_create(
            code=code,
            defaults={
                "text": text,
                "procedure": procedure,
                "is_principle": is_principle,
                "confirmed": confirmed,
                "reference": ref.SUCCESS_REFERENCE,
                "sort_order": order,
            },
        )
    for order, (code, text) in enumerate(ref.COMPLEXITY_CRITERIA):
        ComplexityCriterion.objects.update_or_create(
            code=code, defaults={"text": text, "reference": ref.COMPLEXITY_REFERENCE, "sort_order": order}
        )
    forms = {form.code: form for form in FormOfAid.objects.all()}
    for order, (form, code, text, reference, required, applies_to) in enumerate(ref.CHECKLIST):
        if form not in forms:
            continue
        ArchiveChecklistItem.objects.update_or_create(
            form_of_aid=forms[form],
            code=code,
            defaults={
                "text": text,
                "reference": reference,
                "required": required,
                "applies_to": applies_to,
                "sort_order": order,
            },
        )
    for code, label, value, unit, reference, confirmed in ref.PARAMETERS:
        LegalParameter.objects.update_or_create(
            code=code,
            valid_from=ref.LAW_START,
            defaults={"label": label, "value": value, "unit": unit, "reference": reference, "confirmed": confirmed},
        )


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0002_details_worklog_completion_archive"),
        ("intake", "0002_reference_data"),
        ("core", "0003_legal_parameter"),
    ]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
