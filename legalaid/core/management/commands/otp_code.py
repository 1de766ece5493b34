import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import TOTP

from legalaid.core import otp
from legalaid.core.models import User


class Command(BaseCommand):
    help = (
        "Print the current 6-digit code of a user's authenticator (development and the demo only; refuses in "
        "production, where a code comes from the user's own app)."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            raise CommandError("otp_code never runs in production.")
        try:
            user = User.objects.get_by_natural_key(options["username"])
        except User.DoesNotExist as error:
            raise CommandError("No such user.") from error
        device = otp.totp_device(user)
        if device is None:
            raise CommandError("This user has no authenticator yet: they enrol at their next login.")
        totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
        totp.time = time.time()
        left = device.step - int(totp.time - device.t0) % device.step
        self.stdout.write(f"{totp.token():0{device.digits}d}")
        self.stderr.write(f"valid for {left} more seconds")
