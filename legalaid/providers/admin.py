"""Django admin for the reference data of providers: who may perform which form of aid (Law Arts 31-33)."""

from django.contrib import admin

from legalaid.providers.models import ChangeApplication, ProviderFormRule


@admin.register(ProviderFormRule)
class ProviderFormRuleAdmin(admin.ModelAdmin):
    list_display = ["form_of_aid", "provider_kind", "allowed", "reference", "confirmed", "valid_from", "valid_to"]
    list_filter = ["form_of_aid", "provider_kind", "allowed", "confirmed"]
    search_fields = ["reference"]


@admin.register(ChangeApplication)
class ChangeApplicationAdmin(admin.ModelAdmin):
    """Read only: applications are recorded and answered through the services (audited, 3-working-day rule)."""

    list_display = ["case", "received_on", "due_on", "status", "answered_on", "answered_late"]
    list_filter = ["status", "ground", "answered_late"]
    search_fields = ["case__code", "applicant"]
    raw_id_fields = ["case", "assignment", "decision"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
