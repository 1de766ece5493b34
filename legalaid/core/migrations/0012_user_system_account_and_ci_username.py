import django.db.models.functions.text
from django.db import migrations, models


def refuse_case_variants(apps, schema_editor):
    """Accounts created before usernames were compared case-insensitively may differ only by case: the unique index
    cannot be built over them, so say which to rename rather than fail with the database's message."""
    User = apps.get_model("core", "User")
    seen, clashes = {}, []
    for pk, username in User.objects.values_list("pk", "username").iterator():
        other = seen.setdefault(username.lower(), pk)
        if other != pk:
            clashes.append(username)
    if clashes:
        raise RuntimeError(
            "Usernames differing only by case must be renamed before this migration (ids shown by "
            "`User.objects.filter(username__iexact=...)`): " + ", ".join(sorted(clashes))
        )


def mark_portal_accounts(apps, schema_editor):
    # The portal's per-unit account (legalaid.portal.services.portal_actor); the API keys' accounts are marked by
    # the api app's migration.
    User = apps.get_model("core", "User")
    User.objects.filter(username__startswith="cong-dich-vu-").update(is_system_account=True)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("core", "0011_export_job"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="is_system_account",
            field=models.BooleanField(default=False, editable=False, verbose_name="tài khoản hệ thống"),
        ),
        migrations.RunPython(mark_portal_accounts, migrations.RunPython.noop),
        migrations.RunPython(refuse_case_variants, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="user",
            constraint=models.UniqueConstraint(
                django.db.models.functions.text.Lower("username"), name="core_user_username_ci_unique"
            ),
        ),
    ]
