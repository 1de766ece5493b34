"""The demo Centre's API key for the national database, with the public secret ``core.demo.DEMO_API_KEY`` (printed
by ``make run``), so that the API can be tried at once. Created through ``services.key_create`` (its service account,
its audit row), then given the demo's known prefix and secret instead of random ones. Idempotent; never in production
(seed_demo refuses there)."""

from legalaid.core import demo
from legalaid.core.choices import OrganisationKind
from legalaid.core.models import Organisation, User

from . import keys, services
from .choices import SCOPES_BY_KIND, KeyKind
from .models import ApiKey


def seed() -> ApiKey | None:
    prefix, secret = demo.DEMO_API_KEY.split(".", 1)
    existing = ApiKey.objects.filter(prefix=prefix).first()
    if existing is not None:
        return existing
    centre = Organisation.objects.filter(kind=OrganisationKind.CENTRE, province__code=demo.PROVINCE_CODE).first()
    director = User.objects.filter(username="giamdoc").first()
    if centre is None or director is None:
        return None
    key, _random_secret = services.key_create(
        actor=director,
        name="Cơ sở dữ liệu quốc gia về trợ giúp pháp lý (thử)",
        kind=KeyKind.NATIONAL,
        owner=centre,
        scopes=SCOPES_BY_KIND[KeyKind.NATIONAL],
    )
    ApiKey.objects.filter(pk=key.pk).update(prefix=prefix, key_hash=keys.digest(secret))
    User.objects.filter(pk=key.user_id).update(username=f"api-{prefix}")
    key.refresh_from_db()
    return key
