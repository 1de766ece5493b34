"""API keys in Django's admin: read only (the secret exists only in the answer to the creation, on the key page
/khoa-api/ or ``manage.py create_api_key``); revocation through the service, which also deactivates the key's
account and writes the audit trail."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from . import services
from .models import ApiKey, ApiReferral


@admin.register(ApiKey)
class ApiKeyAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "prefix", "owner", "agency", "expires_at", "revoked_at", "last_used_at"]
    list_filter = ["kind"]
    readonly_fields = [f.name for f in ApiKey._meta.fields if f.name != "key_hash"]
    exclude = ["key_hash"]
    actions = ["revoke"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Thu hồi khóa API"))
    def revoke(self, request, queryset):
        for key in queryset:
            services.key_revoke(actor=request.user, key=key)
        messages.success(request, _("Đã thu hồi."))


@admin.register(ApiReferral)
class ApiReferralAdmin(admin.ModelAdmin):
    list_display = ["agency_reference", "agency", "request", "created_at"]
    readonly_fields = ["agency", "agency_reference", "request", "key"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
