"""``manage.py generate_data --cases N [--seed S]``: a national-scale dataset for measuring (legalaid.core.generate).

``--extras`` also creates, and ``--extras-only --seed S`` adds, the appraisals, payments and outreach of the
generated Centres (``--extras-only`` on a seed generated before: idempotent)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from legalaid.core.generate import DEFAULT_PASSWORD, Extras, Generator, Refused, check_allowed


class Command(BaseCommand):
    help = (
        "Create N generated cases (persons, requests, assignments, events...; with --extras also appraisals, "
        "payments, outreach) for several new Centres; or, with --extras-only, add the appraisals, payments and "
        "outreach of a seed already generated (running it twice adds nothing)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--cases", type=int, help="Number of cases (e.g. 1000000).")
        parser.add_argument("--seed", type=int, default=1, help="Random seed (same seed, same data).")
        parser.add_argument("--centres", type=int, default=4, help="New Centres to create (default 4).")
        parser.add_argument("--branches", type=int, default=3, help="Branches per Centre (default 3).")
        parser.add_argument("--years", type=int, default=10, help="Years the cases are spread over (default 10).")
        parser.add_argument(
            "--extras",
            action="store_true",
            help="Also create appraisals, payments and outreach for the new Centres.",
        )
        parser.add_argument(
            "--extras-only",
            action="store_true",
            help="Only add the missing appraisals, payments and outreach to the Centres generated with --seed.",
        )
        parser.add_argument("--force", action="store_true", help="Run with DEBUG off (never in production).")

    def handle(self, *args, cases, seed, centres, branches, years, extras, extras_only, force, **options):
        try:
            check_allowed(force=force)
        except Refused as refused:
            raise CommandError(str(refused)) from refused
        out = (lambda text: self.stdout.write(text)) if options["verbosity"] else None
        if extras_only:
            if cases is not None:
                raise CommandError("--extras-only adds to the Centres of --seed: give no --cases.")
            runner = Extras(seed=seed, out=out)
        else:
            if cases is None:
                raise CommandError("--cases is required (or --extras-only --seed S).")
            if cases < 1 or centres < 1 or branches < 0 or years < 1:
                raise CommandError("--cases, --centres and --years must be positive.")
            runner = Generator(
                cases=cases, seed=seed, centres=centres, branches=branches, years=years, extras=extras, out=out
            )
        try:
            counts = runner.run()
        except Refused as refused:
            raise CommandError(str(refused)) from refused
        if options["verbosity"]:
            for name, value in counts.items():
                self.stdout.write(f"{name:<32} {value:>12,}")
            if not extras_only:
                self.stdout.write(
                    f"Accounts: director.g{seed}c1, branchhead1.g{seed}c1, lawyer.g{seed}c1 "
                    f"(password {DEFAULT_PASSWORD})"
                )
