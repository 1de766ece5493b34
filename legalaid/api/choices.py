"""Codes of the API: the kinds of integration and the scopes a key may carry (docs/api.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class KeyKind(models.TextChoices):
    """Who holds the key (PRODUCT.md part 9): a referring agency, the national database, the public service portal."""

    AGENCY = "agency", _("Cơ quan tiến hành tố tụng chuyển yêu cầu")
    NATIONAL = "national", _("Cơ sở dữ liệu quốc gia về trợ giúp pháp lý")
    PORTAL = "portal", _("Cổng dịch vụ công")


class ApiScope(models.TextChoices):
    PERSONS_READ = "persons:read", _("Đọc người được trợ giúp")
    REQUESTS_READ = "requests:read", _("Đọc yêu cầu")
    CASES_READ = "cases:read", _("Đọc vụ việc")
    PROVIDERS_READ = "providers:read", _("Đọc người thực hiện")
    ORGANISATIONS_READ = "organisations:read", _("Đọc đơn vị, đơn vị hành chính")
    PLANS_READ = "plans:read", _("Đọc kế hoạch, nhiệm vụ")
    REFERRALS_READ = "referrals:read", _("Đọc văn bản chuyển yêu cầu của cơ quan mình")
    REFERRALS_WRITE = "referrals:write", _("Gửi văn bản chuyển yêu cầu")
    NATIONAL_READ = "national:read", _("Xuất dữ liệu cho cơ sở dữ liệu quốc gia")


#: The scopes each kind of key may carry: an agency only posts and follows its own referrals.
SCOPES_BY_KIND = {
    KeyKind.AGENCY: frozenset({ApiScope.REFERRALS_READ, ApiScope.REFERRALS_WRITE, ApiScope.ORGANISATIONS_READ}),
    KeyKind.NATIONAL: frozenset(set(ApiScope) - {ApiScope.REFERRALS_WRITE, ApiScope.REFERRALS_READ}),
    KeyKind.PORTAL: frozenset({ApiScope.ORGANISATIONS_READ, ApiScope.REQUESTS_READ}),
}

#: Reads a staff session may make (limited by ``visible_to`` as on the pages).
SESSION_READ_SCOPES = frozenset(s for s in ApiScope if s.endswith(":read"))
