from django.db import migrations


def mark_key_accounts(apps, schema_editor):
    # Each API key acts through its own account (legalaid.api.services.key_create): a system account.
    User = apps.get_model("core", "User")
    ApiKey = apps.get_model("api", "ApiKey")
    User.objects.filter(pk__in=ApiKey.objects.values("user_id")).update(is_system_account=True)


class Migration(migrations.Migration):
    dependencies = [
        ("api", "0001_initial"),
        ("core", "0012_user_system_account_and_ci_username"),
    ]

    operations = [migrations.RunPython(mark_key_accounts, migrations.RunPython.noop)]
