"""Lock-out after repeated login failures (django-axes), with one limit per kind of count.

Axes counts failures for each combination in ``AXES_LOCKOUT_PARAMETERS`` but compares them all to one limit. This
handler gives each combination its own limit (docs/security.md):

* a username from one address: ``AXES_FAILURE_LIMIT`` (5), the classic guessing limit;
* one address across all usernames: ``AXES_IP_FAILURE_LIMIT`` (20), which stops password spraying but lets an office
  behind one shared address make a few typos without locking everyone out;
* one username across all addresses: ``AXES_USERNAME_FAILURE_LIMIT`` (10), which stops guessing one account from
  many addresses.

Usernames are counted lower-cased, as they are matched at login (``User.objects.get_by_natural_key``).
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_failure_limit, get_lockout_parameters
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum


def lockout_username(request, credentials) -> str | None:
    """The username axes records and counts: lower-cased, so GiamDoc and giamdoc share one count."""
    field = settings.AXES_USERNAME_FORM_FIELD
    if credentials:
        username = credentials.get(field)
    else:
        username = getattr(request, "data", request.POST).get(field) if request is not None else None
    return username.strip().lower() if isinstance(username, str) else username


def limit_for(parameters, request=None, credentials=None) -> int:
    """The failure limit for one entry of AXES_LOCKOUT_PARAMETERS (a name or a list of names)."""
    names = frozenset([parameters] if isinstance(parameters, str) else parameters)
    if names == {"ip_address"}:
        return settings.AXES_IP_FAILURE_LIMIT
    if names == {"username"}:
        return settings.AXES_USERNAME_FAILURE_LIMIT
    return get_failure_limit(request, credentials)


class LockoutHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None) -> int:
        """Axes compares this number to AXES_FAILURE_LIMIT: return at least that limit when any combination has
        reached its own limit, and less otherwise."""
        base_limit = get_failure_limit(request, credentials)
        parameters = get_lockout_parameters(request, credentials)
        worst = 0
        for combination, attempts in zip(parameters, self.get_user_attempts(request, credentials), strict=True):
            count = attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            if count >= limit_for(combination, request, credentials):
                return max(count, base_limit)
            worst = max(worst, min(count, base_limit - 1))
        return worst

    def reset_user_attempts(self, request, credentials=None) -> int:
        """A successful login forgives that user's own failures, from every address, and nobody else's.

        Axes' default deletes every attempt matching any combination, so one good login from an address would also
        wipe that address's count across usernames: an attacker with one account could spray, log in, and spray
        again.
        """
        username = get_client_username(request, credentials)
        if not username:
            return 0
        count, _ = AccessAttempt.objects.filter(username=username).delete()
        return count
