"""Queue the day's deadline e-mails: one digest per person of what is overdue, due today and due tomorrow.

Run once a day (cron or a systemd timer, see docs/deploy.md); the e-mails go out through the task worker
(``manage.py db_worker``). Running it again the same day sends nothing more (``DeadlineReminderLog``).
"""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from legalaid.cases.reminders import due_for, recipients, send_deadline_reminders


class Command(BaseCommand):
    help = "Queue one e-mail per user with deadlines overdue, due today or tomorrow (at most one per user and day)."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="the day to compute for (YYYY-MM-DD); default: today")
        parser.add_argument("--dry-run", action="store_true", help="list who would be reminded, queue nothing")

    def handle(self, *args, **options):
        try:
            today = dt.date.fromisoformat(options["date"]) if options["date"] else timezone.localdate()
        except ValueError as error:
            raise CommandError(f"--date: {error}") from error
        if options["dry_run"]:
            for user in recipients(today):
                items = due_for(user, today)
                if items:
                    self.stdout.write(f"{user.username}\t{user.email}\t{len(items)}")
            return
        count = send_deadline_reminders(today)
        self.stdout.write(f"{count} reminder(s) queued for {today:%d/%m/%Y}.")
