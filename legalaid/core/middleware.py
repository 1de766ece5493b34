import uuid
from contextvars import ContextVar

from django.core.exceptions import BadRequest
from django.http import QueryDict

_request_id: ContextVar[str] = ContextVar("legalaid_request_id", default="")


def current_request_id() -> str:
    return _request_id.get()


class RequestIdMiddleware:
    """Gives each request an id that the audit and access logs record (and the response echoes)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = uuid.uuid4().hex
        token = _request_id.set(request_id)
        request.request_id = request_id
        try:
            response = self.get_response(request)
        finally:
            _request_id.reset(token)
        response["X-Request-ID"] = request_id
        return response


def client_ip(request) -> str | None:
    """The client's address as the lock-out (django-axes) should see it.

    Behind ``TRUSTED_PROXY_COUNT`` reverse proxies, each appends the address it received from to X-Forwarded-For,
    so the client is the entry that many places from the right; entries further left are whatever the client sent
    and are never trusted. With no proxy configured, REMOTE_ADDR.
    """
    from django.conf import settings

    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if count > 0 and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return hops[-count] if len(hops) >= count else hops[0]
    return request.META.get("REMOTE_ADDR")


class VietnameseFirstLocaleMiddleware:
    """Vietnamese unless the user chose another language (the language cookie set by the switch in the sidebar).

    Django's LocaleMiddleware would follow the browser's Accept-Language, and many office computers run an English
    browser: their staff would get an English interface they never asked for. This runs just before it and hides
    that header.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)


class RefuseNulMiddleware:
    """A request whose parameters (query string or form fields, names or values) hold a NUL character is a 400.

    No browser sends one from a form; PostgreSQL refuses it in any text ("A string literal cannot contain NUL"), so
    it would otherwise be a 500 wherever a view reads a parameter outside a Django form field (which refuses it
    itself). Issue 14 item 6.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        for params in (request.GET, request.POST if request.method == "POST" else QueryDict()):
            for key, values in params.lists():
                if "\x00" in key or any("\x00" in value for value in values if isinstance(value, str)):
                    raise BadRequest("NUL character in a request parameter")
        return self.get_response(request)
