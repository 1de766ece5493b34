"""The hash chains of the audit trail and of the access log (issue 14 item 3; docs/security.md, "Audit trail").

Each row of ``AuditEntry`` (chain ``audit``) and of ``AccessLogEntry`` (chain ``access``) carries

* ``seq``: its place in its chain, 1, 2, 3, ... without gaps (a rolled-back write rolls its number back too);
* ``prev_hash``: the ``hash`` of the row before it ("" for the first);
* ``hash``: SHA-256 over a canonical serialisation of its content (``canonical``), ``prev_hash`` included.

Changing, deleting or inserting a row therefore breaks the chain at that row or the next, and
``manage.py verify_audit`` (``verify``) names the first broken row. The last ``seq`` and ``hash`` of each chain are
kept in the single ``AuditChainHead`` row, which also catches rows cut off the end and rows appended behind the
application's back.

Appending (``append``) locks the head row (``SELECT ... FOR UPDATE`` on PostgreSQL; on SQLite the project's IMMEDIATE
transactions already serialise writers), so two transactions never chain to the same previous row; it costs one
indexed read and one update of the head, never a scan of the table. Both chains share the one head row, so no two
transactions can wait on each other's heads (no deadlock between the chains).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.db import router, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

#: Version of the canonical serialisation, hashed with the content (a future change keeps old rows verifiable).
VERSION = 1

#: The fields hashed, per chain. ``actor_id`` is left out on purpose: deleting a user sets it to NULL (the row keeps
#: the actor's name and username, which are hashed); ``content_type`` is hashed as "app_label.model".
FIELDS = {
    "audit": (
        "seq",
        "at",
        "actor_username",
        "actor_name",
        "request_id",
        "action",
        "content_type",
        "object_id",
        "object_repr",
        "message",
        "before",
        "after",
        "centre_id",
    ),
    "access": (
        "seq",
        "at",
        "user_id",
        "user_username",
        "user_name",
        "request_id",
        "action",
        "content_type",
        "object_id",
        "object_repr",
        "centre_id",
    ),
}

#: JSON fields, stored as they read back (``json_ready``) so that the hash computed at write time is the one
#: recomputed later from the database.
JSON_FIELDS = {"audit": ("before", "after"), "access": ()}


def now() -> dt.datetime:
    """The time written into a new row (a function of its own so that tests can fix it)."""
    return timezone.now()


def json_ready(value):
    """``value`` as it reads back from a JSON column: tuples become lists, dates and decimals strings."""
    if value is None:
        return None
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def _stable(value):
    """Numbers as PostgreSQL's jsonb gives them back: an integral float (1.0, 1e16) compares as the integer."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, list):
        return [_stable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _stable(v) for k, v in value.items()}
    return value


def _timestamp(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical(chain: str, row, content_type_label: Callable[[int], str]) -> bytes:
    """The bytes hashed for ``row``: its fields as sorted, compact JSON in UTF-8, with ``prev_hash`` and the version."""
    data = {"v": VERSION, "chain": chain, "prev_hash": row.prev_hash}
    for name in FIELDS[chain]:
        if name == "content_type":
            data[name] = content_type_label(row.content_type_id)
            continue
        value = getattr(row, name)
        data[name] = _timestamp(value) if isinstance(value, dt.datetime) else _stable(value)
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def row_hash(chain: str, row, content_type_label: Callable[[int], str] | None = None) -> str:
    return hashlib.sha256(canonical(chain, row, content_type_label or _label)).hexdigest()


def _label(content_type_id: int) -> str:
    from django.contrib.contenttypes.models import ContentType

    content_type = ContentType.objects.get_for_id(content_type_id)  # cached by Django
    return f"{content_type.app_label}.{content_type.model}"


# --- Appending ------------------------------------------------------------------------------------------------------


def _locked_head(using: str):
    """The head row, locked until the end of the transaction; created (from the tables' last rows) if missing."""
    from legalaid.core.models import AuditChainHead

    head = AuditChainHead.objects.using(using).select_for_update().filter(pk=1).first()
    if head is None:
        AuditChainHead.objects.using(using).bulk_create([initial_head(using)], ignore_conflicts=True)
        head = AuditChainHead.objects.using(using).select_for_update().get(pk=1)
    return head


def initial_head(using: str):
    """A head row agreeing with the last row of each table (after a flush of the tables, or a lost head row)."""
    from legalaid.core.models import AccessLogEntry, AuditChainHead, AuditEntry

    head = AuditChainHead(pk=1)
    for chain, model in (("audit", AuditEntry), ("access", AccessLogEntry)):
        last = model.objects.using(using).order_by("-seq").only("seq", "hash").first()
        if last is not None:
            setattr(head, f"{chain}_seq", last.seq)
            setattr(head, f"{chain}_hash", last.hash)
    return head


def append(chain: str, model, rows: list, insert: Callable[[], object]):
    """Number and hash ``rows`` (unsaved instances of ``model``) after the head of ``chain``, then ``insert()`` them.

    Runs inside the caller's transaction when there is one (no savepoint: a failure fails the caller's write too),
    else in its own.
    """
    using = router.db_for_write(model)
    for row in rows:  # what does not depend on the head, before the head is locked
        row.copy_names()
        for name in JSON_FIELDS[chain]:
            setattr(row, name, json_ready(getattr(row, name)))
    with transaction.atomic(using=using, savepoint=False):
        head = _locked_head(using)
        seq, prev = getattr(head, f"{chain}_seq"), getattr(head, f"{chain}_hash")
        moment = now()
        for row in rows:
            if row.at is None:
                row.at = moment
            seq += 1
            row.seq, row.prev_hash = seq, prev
            row.hash = prev = row_hash(chain, row)
        result = insert()
        setattr(head, f"{chain}_seq", seq)
        setattr(head, f"{chain}_hash", prev)
        head.save(using=using, update_fields=[f"{chain}_seq", f"{chain}_hash"])
    return result


# --- Verifying ------------------------------------------------------------------------------------------------------


#: Why a chain broke, as ``verify_audit`` and the audit page say it.
REASONS = {
    "missing": _("thiếu bản ghi ngay trước bản ghi này (đã bị xóa)"),
    "unexpected": _("số thứ tự sai (bản ghi bị chèn hoặc đánh số lại)"),
    "previous": _("không nối với bản ghi trước (bản ghi trước bị xóa, chèn hoặc sửa)"),
    "content": _("nội dung không khớp mã băm (bản ghi đã bị sửa)"),
    "truncated": _("thiếu các bản ghi cuối chuỗi (đã bị xóa)"),
    "head": _("đầu chuỗi không khớp bản ghi cuối"),
    "beyond_head": _("bản ghi được ghi ngoài hệ thống (không có trong đầu chuỗi)"),
}

#: The chains as people name them.
NAMES = {"audit": _("Nhật ký thay đổi"), "access": _("Nhật ký truy cập hồ sơ")}


@dataclass(frozen=True)
class Break:
    """The first row at which a chain does not hold, and why."""

    chain: str
    seq: int
    pk: int | None
    reason: str

    def __str__(self) -> str:
        where = (
            _("bản ghi #%(pk)s (số thứ tự %(seq)s)") % {"pk": self.pk, "seq": self.seq}
            if self.pk is not None
            else _("số thứ tự %(seq)s") % {"seq": self.seq}
        )
        return _("%(chain)s: hỏng tại %(where)s: %(reason)s") % {
            "chain": NAMES[self.chain],
            "where": where,
            "reason": REASONS[self.reason],
        }


@dataclass(frozen=True)
class Report:
    chain: str
    rows: int
    last_seq: int
    last_hash: str
    broken: Break | None

    @property
    def ok(self) -> bool:
        return self.broken is None


def verify(chain: str, *, batch_size: int = 2000, using: str = "default") -> Report:
    """Recompute ``chain`` from its first row to the head; the first row where it breaks, if any.

    Reads the table in ``seq`` order by batches (keyset on the unique ``seq`` index), one batch in memory at a time.
    Rows appended while it runs are not its business: it checks the rows up to the head it read first, then (in one
    statement, so that a write committing meanwhile cannot look like an intruder) that no row lies beyond the head.
    """
    from django.db.models import Subquery

    from legalaid.core.models import AccessLogEntry, AuditChainHead, AuditEntry

    model = {"audit": AuditEntry, "access": AccessLogEntry}[chain]
    head = AuditChainHead.objects.using(using).filter(pk=1).first()
    base_seq = getattr(head, f"{chain}_base_seq") if head else 0
    prev = getattr(head, f"{chain}_base_hash") if head else ""
    expected, count = base_seq + 1, 0

    def report(broken: Break | None = None) -> Report:
        return Report(chain, count, expected - 1, prev, broken)

    queryset = model.objects.using(using).order_by("seq")
    if head is not None:
        queryset = queryset.filter(seq__lte=getattr(head, f"{chain}_seq"))
    last_seq = base_seq
    while rows := list(queryset.filter(seq__gt=last_seq)[:batch_size]):
        for row in rows:
            if row.seq != expected:
                return report(Break(chain, row.seq, row.pk, "missing" if row.seq > expected else "unexpected"))
            if row.prev_hash != prev:
                return report(Break(chain, row.seq, row.pk, "previous"))
            if row_hash(chain, row) != row.hash:
                return report(Break(chain, row.seq, row.pk, "content"))
            prev, expected, count = row.hash, expected + 1, count + 1
        last_seq = rows[-1].seq
    if head is None:
        return report()
    if getattr(head, f"{chain}_seq") > expected - 1:
        return report(Break(chain, expected, None, "truncated"))  # the head says the chain goes further
    if getattr(head, f"{chain}_hash") != prev:
        return report(Break(chain, expected - 1, None, "head"))
    current_head = AuditChainHead.objects.using(using).filter(pk=1).values(f"{chain}_seq")
    intruder = model.objects.using(using).filter(seq__gt=Subquery(current_head)).order_by("seq").first()
    if intruder is not None:
        # A row the head never recorded: written behind the application's back.
        return report(Break(chain, intruder.seq, intruder.pk, "beyond_head"))
    return report()


def verify_all(**kwargs) -> list[Report]:
    return [verify(chain, **kwargs) for chain in FIELDS]


def content_type_labels(content_types: Iterable) -> dict[int, str]:
    """{id: "app_label.model"} for historical ContentType rows (used by the backfill migration)."""
    return {ct.pk: f"{ct.app_label}.{ct.model}" for ct in content_types}
