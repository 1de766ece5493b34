"""No copy of a page with personal data in any cache (issue 14 item 4): every answer to a signed-in user and every
download carries ``Cache-Control: no-store`` and ``Pragma: no-cache``, so neither the browser (its cache, its
back button after logout) nor a proxy keeps it. Static files never get here: WhiteNoise answers them earlier in the
middleware chain, with its own long-lived caching.
"""

from __future__ import annotations

from legalaid.lib.downloads import no_store


class NoStoreMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        signed_in = user is not None and user.is_authenticated
        if signed_in or response.streaming or response.has_header("Content-Disposition"):
            no_store(response)
        return response
