import pytest
from django.test import RequestFactory

from legalaid.core.middleware import client_ip


@pytest.mark.parametrize(
    ("proxies", "remote", "forwarded", "expected"),
    [
        (0, "10.0.0.5", "", "10.0.0.5"),
        (0, "10.0.0.5", "1.2.3.4", "10.0.0.5"),  # no proxy configured: a forged header is ignored
        (1, "127.0.0.1", "203.0.113.7", "203.0.113.7"),  # nginx in front
        (1, "127.0.0.1", "6.6.6.6, 203.0.113.7", "203.0.113.7"),  # the client's own forged entry is skipped
        (2, "127.0.0.1", "6.6.6.6, 203.0.113.7, 10.0.0.2", "203.0.113.7"),
        (2, "127.0.0.1", "203.0.113.7", "203.0.113.7"),
        (1, "127.0.0.1", "", "127.0.0.1"),
    ],
)
def test_the_lockout_sees_the_client_behind_trusted_proxies(settings, proxies, remote, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    extra = {"REMOTE_ADDR": remote}
    if forwarded:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    assert client_ip(RequestFactory().get("/", **extra)) == expected
