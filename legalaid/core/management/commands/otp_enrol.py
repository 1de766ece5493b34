import base64
import binascii
import secrets

from django.core.management.base import BaseCommand, CommandError

from legalaid.core import otp
from legalaid.core.models import User


class Command(BaseCommand):
    help = (
        "Give a user a confirmed authenticator (TOTP) key, replacing theirs: for provisioning and for scripts that "
        "log in with the second factor (.ci/). Prints the key in base32 and the otpauth:// address. Audited."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--secret", metavar="BASE32", help="The key in base32 (default: 20 random bytes).")

    def handle(self, *args, **options):
        try:
            user = User.objects.get_by_natural_key(options["username"])
        except User.DoesNotExist as error:
            raise CommandError("No such user.") from error
        secret = (options["secret"] or base64.b32encode(secrets.token_bytes(20)).decode()).replace(" ", "").upper()
        try:
            key = base64.b32decode(secret + "=" * (-len(secret) % 8))
        except binascii.Error as error:
            raise CommandError("--secret must be base32 (A-Z, 2-7).") from error
        if len(key) < 10:
            raise CommandError("--secret must hold at least 10 bytes (16 base32 characters).")
        device = otp.set_totp_key(user=user, key_hex=key.hex())
        self.stdout.write(f"secret: {secret}")
        self.stdout.write(f"url: {device.config_url}")
