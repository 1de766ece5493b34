"""Matching the units a plan names ("Phòng Nghiệp vụ", "Phòng HC-TH", "Chi nhánh số 1", "Trung tâm", "các Chi nhánh")
to the organisations of the Centre. What matches nothing is kept as written ("Báo Lạng Sơn", "Đài Phát thanh ...")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from legalaid.core.choices import OrganisationKind
from legalaid.core.models import Organisation
from legalaid.lib.text import fold

from .choices import UnitGroup

#: Words that do not name the unit: "giao", "đơn vị", "các" before a single unit, trailing punctuation.
_LEADING = re.compile(r"^(?:giao|do|la|cac don vi|don vi)\s+")
_BRANCH_NUMBER = re.compile(r"\bchi nhanh (?:tro giup phap ly |tgpl )?(?:so )?(\d+)\b")
_CN_CODE = re.compile(r"^cn\s*(\d+)$")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_GENERIC_WORDS = {"phong", "chi", "nhanh", "trung", "tam", "so", "tu", "phap", "va", "cac"}


@dataclass(frozen=True)
class UnitMatch:
    organisation: Organisation | None
    group: str = UnitGroup.NONE


def _compact(text: str) -> str:
    return _NON_ALNUM.sub("", text)


def _normalise(text: str) -> str:
    key = fold(text).strip(" .;:,-–")
    key = _LEADING.sub("", key)
    key = _BRANCH_NUMBER.sub(lambda m: f"chi nhanh {m.group(1)}", key)
    code = _CN_CODE.match(key)
    if code:
        key = f"chi nhanh {code.group(1)}"
    return key


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in (_compact(w) for w in words) if w)


def _aliases(org: Organisation) -> set[str]:
    """Compact keys an organisation may be written as."""
    names = {fold(org.name), fold(org.short_name)} - {""}
    aliases = {_compact(n) for n in names}
    if org.code:
        aliases.add(_compact(fold(org.code)))
    for name in names:
        words = name.split()
        if org.kind == OrganisationKind.DEPARTMENT and words[:1] == ["phong"]:
            # "Phòng Hành chính – Tổng hợp" is written "Phòng HC-TH", "Phòng HCTH".
            aliases.add("phong" + _initials(words[1:]))
        if org.kind == OrganisationKind.BRANCH:
            number = _BRANCH_NUMBER.search(_normalise(name))
            if number:
                aliases.add(f"chinhanh{number.group(1)}")
    if org.kind == OrganisationKind.BRANCH and org.code:
        code = _CN_CODE.match(fold(org.code))
        if code:
            aliases.add(f"chinhanh{code.group(1)}")
    return aliases - {""}


def candidates(centre: Organisation) -> list[Organisation]:
    """The organisations a plan of ``centre`` may name: the Centre, its departments and branches, its Department of
    Justice and that Department's divisions."""
    kinds = [OrganisationKind.CENTRE, OrganisationKind.DEPARTMENT, OrganisationKind.BRANCH]
    orgs = list(Organisation.objects.filter(centre=centre, kind__in=kinds, is_active=True))
    if centre.parent_id:
        orgs += list(
            Organisation.objects.filter(pk=centre.parent_id)
            | Organisation.objects.filter(parent_id=centre.parent_id, kind=OrganisationKind.DOJ_DIVISION)
        )
    return orgs


class UnitMatcher:
    """Built once per plan (one query), then ``match(text)`` for each unit named."""

    def __init__(self, centre: Organisation):
        self.centre = centre
        self.orgs = candidates(centre)
        self.by_alias: dict[str, list[Organisation]] = {}
        for org in self.orgs:
            for alias in _aliases(org):
                self.by_alias.setdefault(alias, []).append(org)

    def match(self, text: str) -> UnitMatch:
        key = _normalise(text)
        if not key:
            return UnitMatch(None)
        group = self._group(key)
        if group:
            return UnitMatch(None, group)
        if key in ("trung tam", "lanh dao trung tam", "ban lanh dao trung tam") or (
            key.startswith("trung tam") and "tro giup phap ly" in key
        ):
            return UnitMatch(self.centre)
        if key in ("so tu phap", "so") and self.centre.parent_id:
            return UnitMatch(self._by_pk(self.centre.parent_id))
        found = self.by_alias.get(_compact(key), [])
        if len(found) == 1:
            return UnitMatch(found[0])
        # A unique organisation whose folded name starts with what is written ("Phòng Nghiệp vụ" for "Phòng Nghiệp
        # vụ A"), as whole words, and the words are not only generic ones.
        words = key.split()
        if set(words) - _GENERIC_WORDS:
            prefixed = [o for o in self.orgs if (fold(o.name) + " ").startswith(key + " ")]
            if len(prefixed) == 1:
                return UnitMatch(prefixed[0])
        return UnitMatch(None)

    def _by_pk(self, pk: int) -> Organisation | None:
        return next((o for o in self.orgs if o.pk == pk), None)

    @staticmethod
    def _group(key: str) -> str:
        if key in ("cac chi nhanh", "chi nhanh", "cac chi nhanh tro giup phap ly", "cac chi nhanh tgpl"):
            return UnitGroup.BRANCHES
        if key in ("cac phong", "cac phong chuyen mon", "cac phong thuoc trung tam", "cac phong nghiep vu"):
            return UnitGroup.DEPARTMENTS
        return UnitGroup.NONE


def split_units(text: str) -> list[str]:
    """ "Phòng HC-TH, Các Chi nhánh;" -> ["Phòng HC-TH", "Các Chi nhánh"]; "Các Phòng, Chi nhánh" keeps the group
    ("Các Phòng", "các Chi nhánh"). The parser usually splits already; this serves the review form's text boxes."""
    parts = [p.strip(" .;:-–") for p in re.split(r"[;,]|\s+và\s+", text or "")]
    parts = [p for p in parts if p]
    out: list[str] = []
    for i, part in enumerate(parts):
        if i and fold(parts[i - 1]).startswith("cac ") and fold(part) == "chi nhanh":
            part = "các Chi nhánh"
        out.append(part)
    return out
