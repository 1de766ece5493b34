"""The case's table, indexes and constraint take the cases app's names (the rows are kept)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0006_legalaidcase_moved_here"),
        ("intake", "0005_legalaidcase_moved_to_cases"),
    ]

    operations = [
        migrations.AlterModelTable(name="legalaidcase", table=None),
        migrations.RenameIndex(
            model_name="legalaidcase", new_name="cases_case_centre_acc_idx", old_name="intake_case_centre_acc_idx"
        ),
        migrations.RenameIndex(
            model_name="legalaidcase", new_name="cases_case_branch_acc_idx", old_name="intake_case_branch_acc_idx"
        ),
        migrations.RenameIndex(
            model_name="legalaidcase", new_name="cases_case_centre_status_idx", old_name="intake_case_centre_status_idx"
        ),
        migrations.RemoveConstraint(model_name="legalaidcase", name="intake_case_unique_register_number"),
        migrations.AddConstraint(
            model_name="legalaidcase",
            constraint=models.UniqueConstraint(
                fields=("register", "number"),
                name="cases_case_unique_register_number",
                violation_error_message="Số thụ lý này đã được cấp trong sổ.",
            ),
        ),
    ]
