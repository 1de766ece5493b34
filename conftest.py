"""Shared test set-up: fast hashing, a clean cache per test, two Centres with branches and one persona per role."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fast_and_clean(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def world(db):
    """Two provinces' worth of organisations and a persona for every role (see legalaid/core/tests/factories.py)."""
    from legalaid.core.tests.factories import build_world

    return build_world()
