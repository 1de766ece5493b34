"""Django admin for the reference data of providers: who may perform which form of aid (Law Arts 31-33)."""

from django.contrib import admin

from legalaid.providers.models import ProviderFormRule


@admin.register(ProviderFormRule)
class ProviderFormRuleAdmin(admin.ModelAdmin):
    list_display = ["form_of_aid", "provider_kind", "allowed", "reference", "confirmed", "valid_from", "valid_to"]
    list_filter = ["form_of_aid", "provider_kind", "allowed", "confirmed"]
    search_fields = ["reference"]
