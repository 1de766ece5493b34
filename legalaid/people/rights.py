"""Everything the system holds about one person, for a data subject's request (docs/privacy.md).

Decree 13/2023/NĐ-CP Art. 9 and Art. 14 (the right to be given one's data; UNCONFIRMED article numbers, from memory)
and the Law on Personal Data Protection 2025. ``collect(person)`` walks the records that point to the person
(requests made or received, cases, simple matters, correction requests, and any later app's records with a foreign
key to ``Person``), then the records that point to those requests and cases (events, work log, hearings, attachments,
decisions, assignments, completion, archive, ...), then the audit-trail and access-log rows about all of them. It is
generic on purpose: a new app holding data about a person (surveys, complaints) is included without being listed.

``build_zip`` writes the result as a .zip holding ``du-lieu.json`` (exact values, as stored), ``du-lieu.xlsx`` (one
sheet per kind of record, with labels as people read them) and ``doc-truoc.txt`` (what the file holds). Uploaded files
are listed (name, date), not included: the data subject asks for them by name.
"""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from legalaid.core import audit
from legalaid.core.audit_display import display_value
from legalaid.core.models import AccessLogEntry, AuditEntry
from legalaid.lib.formatting import format_datetime
from legalaid.lib.xlsx import build_workbook_sheets

from .models import Person

#: Records whose own related records are collected too (a request's decisions, a case's events and work log, a
#: survey response's answers, a complaint's actions, ...).
EXPANDED = {
    ("intake", "legalaidrequest"),
    ("intake", "simplematter"),
    ("cases", "legalaidcase"),
    ("feedback", "surveyresponse"),
    ("feedback", "feedbackentry"),
}

#: Relations left out: a request in which the person is only the opposing party is another person's request (giving
#: it to them would disclose the beneficiary's data; Decree 13/2023 limits the right where it harms others' rights,
#: UNCONFIRMED article).
EXCLUDED_RELATIONS = {("intake.legalaidrequest", "other_party")}

#: Search keys and bookkeeping that say nothing the other fields do not.
SKIPPED_FIELDS = frozenset({"version"})


@dataclass
class Section:
    key: str  # "app_label.model"
    title: str
    model: type[models.Model]
    rows: list[models.Model] = field(default_factory=list)


@dataclass
class SubjectData:
    person: Person
    sections: list[Section]
    audit_rows: list[AuditEntry]
    access_rows: list[AccessLogEntry]

    @property
    def record_count(self) -> int:
        return sum(len(s.rows) for s in self.sections)


def _key(model) -> str:
    return f"{model._meta.app_label}.{model._meta.model_name}"


def _related(instances: list[models.Model], model) -> list[tuple[type[models.Model], list[models.Model]]]:
    """For each model with a foreign key (or one-to-one) to ``model``: its rows pointing to ``instances``."""
    found = []
    ids = [i.pk for i in instances]
    for relation in model._meta.related_objects:
        if relation.many_to_many or not ids:
            continue
        related = relation.related_model
        if related in (AuditEntry, AccessLogEntry) or (_key(related), relation.field.name) in EXCLUDED_RELATIONS:
            continue
        rows = list(related._default_manager.filter(**{f"{relation.field.name}__in": ids}).order_by("pk"))
        if rows:
            found.append((related, rows))
    return found


def collect(person: Person) -> SubjectData:
    sections: dict[str, Section] = {}

    def add(model, rows):
        section = sections.setdefault(
            _key(model), Section(_key(model), capfirst(str(model._meta.verbose_name_plural)), model)
        )
        seen = {r.pk for r in section.rows}
        section.rows.extend(r for r in rows if r.pk not in seen)

    add(Person, [person])
    wave = _related([person], Person)
    expanded: set[str] = set()
    while wave:  # each wave adds all its rows before any of them is expanded
        for model, rows in wave:
            add(model, rows)
        wave = []
        for key, section in list(sections.items()):
            label = (section.model._meta.app_label, section.model._meta.model_name)
            if label in EXPANDED and key not in expanded:
                expanded.add(key)
                wave.extend(_related(section.rows, section.model))
    ordered = list(sections.values())
    objects = Q()
    for section in ordered:
        content_type = ContentType.objects.get_for_model(section.model)
        objects |= Q(content_type=content_type, object_id__in=[str(r.pk) for r in section.rows])
    audit_rows = list(AuditEntry.objects.filter(objects).select_related("content_type").order_by("seq"))
    access_rows = list(AccessLogEntry.objects.filter(objects).select_related("content_type").order_by("seq"))
    return SubjectData(person, ordered, audit_rows, access_rows)


def _fields(model) -> list[models.Field]:
    return [
        f
        for f in model._meta.concrete_fields
        if f.name not in audit.SECRET_FIELDS
        and f.name not in SKIPPED_FIELDS
        and not f.name.endswith(("_key", "_hash"))  # search keys; secrets such as a survey link's token hash
    ]


def _many(row) -> dict[str, list]:
    """The row's many-to-many values (a request's eligibility categories, ...): {field name: [related records]}."""
    return {f.name: list(getattr(row, f.name).all()) for f in row._meta.many_to_many}


def as_json(data: SubjectData) -> dict:
    """The exact values as stored (foreign keys as ids, dates in ISO 8601), by kind of record."""
    records = {}
    for section in data.sections:
        fields = _fields(section.model)
        records[section.key] = []
        for row in section.rows:
            snapshot = audit.snapshot(row)
            values = {f.attname: snapshot.get(f.attname) for f in fields}
            values.update({name: [r.pk for r in related] for name, related in _many(row).items()})
            records[section.key].append(values)
    return {
        "exported_at": timezone.now().isoformat(),
        "person_id": data.person.pk,
        "records": records,
        "audit_trail": [
            {
                "at": e.at.isoformat(),
                "actor": e.actor_display,
                "action": e.action,
                "object": f"{e.content_type.app_label}.{e.content_type.model}",
                "object_id": e.object_id,
                "message": e.message,
                "before": e.before,
                "after": e.after,
            }
            for e in data.audit_rows
        ],
        "access_log": [
            {
                "at": e.at.isoformat(),
                "user": e.user_display,
                "action": e.action,
                "object": f"{e.content_type.app_label}.{e.content_type.model}",
                "object_id": e.object_id,
            }
            for e in data.access_rows
        ],
    }


def _sheets(data: SubjectData):
    for section in data.sections:
        fields = _fields(section.model)
        many = section.model._meta.many_to_many
        rows = []
        for row in section.rows:
            snapshot = audit.snapshot(row)
            values = [display_value(f, snapshot.get(f.attname)) for f in fields]
            values += ["; ".join(str(r) for r in related) for related in _many(row).values()]
            rows.append(values)
        headers = [capfirst(str(f.verbose_name)) for f in (*fields, *many)]
        yield section.title, headers, rows
    yield (
        _("Nhật ký thay đổi"),
        [_("Thời điểm"), _("Người thao tác"), _("Thao tác"), _("Loại đối tượng"), _("Mã đối tượng"), _("Nội dung")],
        [
            [
                format_datetime(e.at),
                e.actor_display or _("hệ thống"),
                e.get_action_display(),
                str(e.content_type.name),
                e.object_id,
                "; ".join(f"{label}: {before} → {after}" for label, before, after in e.display_changes())
                or e.display_message(),
            ]
            for e in data.audit_rows
        ],
    )
    yield (
        _("Nhật ký truy cập"),
        [_("Thời điểm"), _("Người xem"), _("Thao tác"), _("Loại đối tượng"), _("Mã đối tượng")],
        [
            [format_datetime(e.at), e.user_display, e.get_action_display(), str(e.content_type.name), e.object_id]
            for e in data.access_rows
        ],
    )


def _readme(data: SubjectData) -> str:
    lines = [
        _("Dữ liệu cá nhân do Trung tâm Trợ giúp pháp lý nhà nước lưu giữ về người có mã %(id)s.")
        % {"id": data.person.pk},
        _("Xuất lúc %(at)s theo yêu cầu của chủ thể dữ liệu.") % {"at": format_datetime(timezone.now())},
        "",
        _("du-lieu.xlsx: mỗi loại hồ sơ một trang tính, với tên trường và giá trị dễ đọc."),
        _("du-lieu.json: cùng dữ liệu, đúng giá trị đã lưu (mã, ngày theo ISO 8601)."),
        _("Tệp đính kèm chỉ được liệt kê (tên, ngày); bản sao tệp được cung cấp khi chủ thể dữ liệu yêu cầu."),
        "",
    ]
    lines += [f"- {s.title}: {len(s.rows)}" for s in data.sections]
    lines.append(f"- {_('Nhật ký thay đổi')}: {len(data.audit_rows)}")
    lines.append(f"- {_('Nhật ký truy cập')}: {len(data.access_rows)}")
    return "\n".join(lines) + "\n"


def build_zip(data: SubjectData) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("du-lieu.json", json.dumps(as_json(data), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2))
        archive.writestr("du-lieu.xlsx", build_workbook_sheets(_sheets(data)))
        archive.writestr("doc-truoc.txt", _readme(data))
    return buffer.getvalue()
