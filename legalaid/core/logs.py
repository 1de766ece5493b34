"""Log lines without query strings (issue 14 item 4): no name or ID number typed into a search reaches a log.

``DropQueryStrings`` is a logging filter set on every handler (``settings.LOGGING``): it removes the query string
from every URL-like token of a record's message and of its traceback text, so ``"GET /vu-viec/?q=Nguyễn HTTP/1.1"``
(runserver's ``django.server`` line) is written ``"GET /vu-viec/ HTTP/1.1"``. Django's ``django.request`` lines
already hold only ``request.path``; gunicorn's access log has its own format without the query (``gunicorn.conf.py``).
Our own log lines never format a URL, a name or an ID number (docs/security.md).
"""

from __future__ import annotations

import logging
import re

#: A "?" followed by name=value pairs, up to the next space or quote: a URL's query string.
QUERY_STRING = re.compile(r"\?[^\s\"'<>?]*=[^\s\"'<>]*")
#: An encoded "?" (%3F) followed by an encoded "=" (%3D): a query string inside a quoted URL (``next=...``).
ENCODED_QUERY_STRING = re.compile(r"%3F[^\s\"'<>]*%3D[^\s\"'<>]*", re.IGNORECASE)


def strip_query_strings(text: str) -> str:
    return ENCODED_QUERY_STRING.sub("", QUERY_STRING.sub("", text))


class DropQueryStrings(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed record: leave it to the handler's own error reporting
            return True
        stripped = strip_query_strings(message)
        if stripped != message:
            record.msg, record.args = stripped, ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = strip_query_strings(record.exc_text)
        return True
