"""gunicorn settings for production (docs/deploy.md, section 5): ``gunicorn -c gunicorn.conf.py legalaid.wsgi``.

The access log never holds a query string (issue 14 item 4; docs/security.md): ``%(U)s`` is the path alone, and
neither the request line ``%(r)s`` nor the query ``%(q)s`` nor the referrer ``%(f)s`` (a URL of ours, with its own
query) is written. Searches do not put names in URLs anyway (``legalaid.core.saved_search``); this is the second
line of defence for a hand-typed or old URL.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
workers = int(os.environ.get("GUNICORN_WORKERS", "4"))  # about two per CPU core
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")  # "-": standard output, so the journal
errorlog = "-"
# client address, time, method, path WITHOUT query string, protocol, status, bytes, duration (µs), request id
access_log_format = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(D)s %({x-request-id}o)s'
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
