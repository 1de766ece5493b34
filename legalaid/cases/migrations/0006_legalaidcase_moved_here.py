"""The case moves from intake to cases (issue 8: "the case has one home").

State only: the table keeps its rows (and, until 0007, its name); the foreign keys of the case's details, work log,
events, completion and archive now point at ``cases.LegalAidCase``. intake 0005 removes the model from intake's state.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('cases', '0005_deadline_reminder_log'),
        ('core', '0003_legal_parameter'),
        ('intake', '0004_case_papers_completed_on'),
        ('people', '0002_load_ethnicities'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='LegalAidCase',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='tạo lúc')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='sửa lúc')),
                        ('number', models.PositiveIntegerField(verbose_name='số thụ lý')),
                        ('code', models.CharField(max_length=40, unique=True, verbose_name='mã hồ sơ')),
                        ('accepted_at', models.DateTimeField(verbose_name='thời điểm thụ lý')),
                        ('immediate', models.BooleanField(default=False, verbose_name='thụ lý ngay')),
                        ('papers_due_on', models.DateField(blank=True, null=True, verbose_name='hạn bổ sung giấy tờ')),
                        ('papers_completed_on', models.DateField(blank=True, help_text='Sau khi thụ lý ngay, người yêu cầu bổ sung giấy tờ (Điều 30(4) Luật TGPL; Điều 6 Thông tư 12/2018).', null=True, verbose_name='ngày nhận đủ giấy tờ')),
                        ('status', models.CharField(choices=[('accepted', 'Đã thụ lý'), ('assigned', 'Đã cử người thực hiện'), ('in_progress', 'Đang thực hiện'), ('suspended', 'Tạm ngừng'), ('completed', 'Kết thúc'), ('discontinued', 'Không tiếp tục thực hiện'), ('archived', 'Đã lưu trữ')], db_index=True, default='accepted', max_length=20, verbose_name='trạng thái')),
                        ('version', models.PositiveIntegerField(default=1, editable=False)),
                        ('accepted_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='người thụ lý')),
                        ('beneficiary', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='cases', to='people.person', verbose_name='người được trợ giúp')),
                        ('branch', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='core.organisation', verbose_name='Chi nhánh')),
                        ('centre', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='core.organisation', verbose_name='Trung tâm')),
                        ('field_of_law', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, to='intake.fieldoflaw', verbose_name='lĩnh vực')),
                        ('form_of_aid', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, to='intake.formofaid', verbose_name='hình thức trợ giúp')),
                        ('register', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='cases', to='intake.register', verbose_name='sổ')),
                        ('request', models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='case', to='intake.legalaidrequest', verbose_name='yêu cầu')),
                    ],
                    options={
                        'verbose_name': 'vụ việc trợ giúp pháp lý',
                        'verbose_name_plural': 'vụ việc trợ giúp pháp lý',
                        'ordering': ['-accepted_at', '-id'],
                        'db_table': 'intake_legalaidcase',
                    },
                ),
                migrations.AlterField(
                    model_name='attachment',
                    name='case',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='attachments', to='cases.legalaidcase', verbose_name='vụ việc'),
                ),
                migrations.AlterField(
                    model_name='caseadvice',
                    name='case',
                    field=models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='advice', to='cases.legalaidcase', verbose_name='vụ việc'),
                ),
                migrations.AlterField(
                    model_name='casearchive',
                    name='case',
                    field=models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='archive', to='cases.legalaidcase', verbose_name='vụ việc'),
                ),
                migrations.AlterField(
                    model_name='casecompletion',
                    name='case',
                    field=models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='completion', to='cases.legalaidcase', verbose_name='vụ việc'),
                ),
                migrations.AlterField(
                    model_name='caseevent',
                    name='case',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='events', to='cases.legalaidcase', verbose_name='vụ việc'),
                ),
                migrations.AlterField(
                    model_name='caselitigation',
                    name='case',
                    field=models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='litigation', to='cases.legalaidcase', verbose_name='vụ việc'),
                ),
                migrations.AlterField(
                    model_name='caserepresentation',
                    name='case',
                    field=models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='representation', to='cases.legalaidcase', verbose_name='vụ việc'),
                ),
                migrations.AlterField(
                    model_name='hearing',
                    name='case',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='hearings', to='cases.legalaidcase', verbose_name='vụ việc'),
                ),
                migrations.AlterField(
                    model_name='worklogentry',
                    name='case',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='work_log', to='cases.legalaidcase', verbose_name='vụ việc'),
                ),
                migrations.AddIndex(
                    model_name='legalaidcase',
                    index=models.Index(fields=['centre', '-accepted_at'], name='intake_case_centre_acc_idx'),
                ),
                migrations.AddIndex(
                    model_name='legalaidcase',
                    index=models.Index(fields=['branch', '-accepted_at'], name='intake_case_branch_acc_idx'),
                ),
                migrations.AddIndex(
                    model_name='legalaidcase',
                    index=models.Index(fields=['centre', 'status'], name='intake_case_centre_status_idx'),
                ),
                migrations.AddConstraint(
                    model_name='legalaidcase',
                    constraint=models.UniqueConstraint(fields=('register', 'number'), name='intake_case_unique_register_number', violation_error_message='Số thụ lý này đã được cấp trong sổ.'),
                ),
            ],
            database_operations=[],
        ),
    ]
