"""Queue the day's plan reminders: tasks due within N working days, and overdue ones, to their lead units' users.

Run once a day (cron or a systemd timer, see docs/plans.md); the e-mails go out through the task worker
(``manage.py db_worker``).
"""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from legalaid.plans.reminders import due_reminders, queue_plan_reminders


class Command(BaseCommand):
    help = "Queue e-mail reminders for plan tasks due soon or overdue."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="the day to compute for (YYYY-MM-DD); default: today")
        parser.add_argument("--dry-run", action="store_true", help="list the reminders, queue nothing")

    def handle(self, *args, **options):
        try:
            today = dt.date.fromisoformat(options["date"]) if options["date"] else timezone.localdate()
        except ValueError as error:
            raise CommandError(f"--date: {error}") from error
        if options["dry_run"]:
            for reminder in due_reminders(today):
                self.stdout.write(
                    f"{reminder.kind}\t{reminder.deadline:%d/%m/%Y}\t{reminder.task.plan}\t{reminder.task}"
                )
            return
        with transaction.atomic():
            count = queue_plan_reminders(today)
        self.stdout.write(f"{count} reminder(s) queued for {today:%d/%m/%Y}.")
