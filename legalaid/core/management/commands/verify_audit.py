"""Recompute the hash chains of the audit trail and the access log; name the first broken row (exit status 1)."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from legalaid.core import chain
from legalaid.core.models import AuditChainHead


class Command(BaseCommand):
    help = (
        "Recompute the hash chains of the audit trail and of the access log (docs/security.md). Prints each chain's "
        "last hash (keep it outside the server to anchor the chain); exits with status 1 at the first broken row."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=2000)
        parser.add_argument(
            "--no-record", action="store_true", help="do not record the result for the audit page's status line"
        )

    def handle(self, *args, batch_size, no_record, **options):
        reports = chain.verify_all(batch_size=batch_size)
        for report in reports:
            name = chain.NAMES[report.chain]
            if report.ok:
                self.stdout.write(
                    f"{name}: {report.rows} bản ghi nguyên vẹn, đến số thứ tự {report.last_seq}; "
                    f"mã băm cuối {report.last_hash or '-'}"
                )
        broken = next((r.broken for r in reports if not r.ok), None)
        if not no_record:
            by_chain = {r.chain: r for r in reports}
            AuditChainHead.objects.filter(pk=1).update(
                verified_at=timezone.now(),
                verified_audit_seq=by_chain["audit"].last_seq,
                verified_access_seq=by_chain["access"].last_seq,
                verified_broken=str(broken)[:255] if broken else "",
            )
        if broken is not None:
            raise CommandError(str(broken))
