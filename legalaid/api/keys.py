"""Making, finding and checking API keys. The key is ``<prefix>.<secret>``: the prefix finds the row, the SHA-256 of
the secret is compared in constant time. Only ``key_create`` ever sees the secret, and returns it once."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from legalaid.core.choices import OrganisationKind
from legalaid.core.scoping import Scope

from .choices import KeyKind

PREFIX_BYTES = 4
SECRET_BYTES = 32


def new_secret() -> tuple[str, str]:
    """A fresh (prefix, secret) pair."""
    return secrets.token_hex(PREFIX_BYTES), secrets.token_urlsafe(SECRET_BYTES)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def split(raw: str) -> tuple[str, str] | None:
    prefix, sep, secret = (raw or "").strip().partition(".")
    if not sep or not prefix or not secret or len(prefix) > 16 or len(secret) > 200:
        return None
    return prefix, secret


def matches(key, secret: str) -> bool:
    return hmac.compare_digest(key.key_hash, digest(secret))


def scope_for(key) -> Scope | None:
    """What the key's account reads. An agency's key reads as the agency's officers do (its own referrals only:
    ``RequestQuerySet.assigned_q``), computed by the scoping layer from its role; the national database's and the
    portal's keys read their owner's records, never write them: the owner Centre, or every Centre a Department
    oversees."""
    from legalaid.core.models import Organisation

    if key.kind == KeyKind.AGENCY:
        return None
    owner = key.owner
    if owner.kind == OrganisationKind.CENTRE:
        return Scope(centre_ids=frozenset({owner.pk}), read_only=True)
    if owner.kind == OrganisationKind.DOJ:
        centres = Organisation.objects.centres().filter(parent=owner).values_list("pk", flat=True)
        return Scope(centre_ids=frozenset(centres), read_only=True, doj_id=owner.pk)
    return Scope()
