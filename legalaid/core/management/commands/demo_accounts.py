import time
import urllib.error
import urllib.request

from django.core.management.base import BaseCommand

from legalaid.core import demo


class Command(BaseCommand):
    help = "Print the demo accounts; with --after URL, once that URL answers (`make run`: after the server started)."

    def add_arguments(self, parser):
        parser.add_argument("--after", metavar="URL", help="Wait until this URL answers before printing.")
        parser.add_argument("--timeout", type=int, default=120, help="Give up waiting after this many seconds.")

    def handle(self, *args, **options):
        url = options["after"]
        if url:
            deadline = time.monotonic() + options["timeout"]
            while True:
                try:
                    urllib.request.urlopen(url, timeout=2).close()
                    break
                except urllib.error.HTTPError:
                    break  # the server answered
                except OSError:
                    if time.monotonic() > deadline:
                        return
                    time.sleep(1)
            time.sleep(2)  # let runserver log the request and the task worker start first
        self.stdout.write("")
        self.stdout.write(demo.accounts_table())
        if url:
            self.stdout.write(f"  Open {url.split('/', 3)[0]}//{url.split('/', 3)[2]}/ and sign in.")
        self.stdout.write("")
