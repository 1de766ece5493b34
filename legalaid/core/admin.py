"""Django admin: a back door for the deployment's superuser. Staff manage everything in the application's pages."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from legalaid.core.models import (
    AccessLogEntry,
    AuditEntry,
    BranchCommune,
    CalendarOverride,
    Commune,
    CommuneFlag,
    LegalParameter,
    Organisation,
    Province,
    PublicHoliday,
    User,
)


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "full_name", "role", "organisation", "is_active"]
    list_filter = ["role", "is_active"]
    search_fields = ["username", "full_name", "name_key"]
    fieldsets = [
        *BaseUserAdmin.fieldsets,
        ("TGPL", {"fields": ["full_name", "role", "organisation", "job_title", "phone"]}),
    ]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "code", "centre", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "short_name", "code"]
    raw_id_fields = ["parent", "centre", "province", "commune"]


@admin.register(Province)
class ProvinceAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "division_type"]


@admin.register(Commune)
class CommuneAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "province"]
    search_fields = ["name", "name_key"]
    list_filter = ["province"]


admin.site.register(CommuneFlag)
admin.site.register(BranchCommune)
admin.site.register(PublicHoliday)
admin.site.register(CalendarOverride)


@admin.register(LegalParameter)
class LegalParameterAdmin(admin.ModelAdmin):
    list_display = ["code", "label", "value", "unit", "valid_from", "valid_to", "confirmed"]
    list_filter = ["confirmed", "unit"]
    search_fields = ["code", "label", "reference"]


@admin.register(AuditEntry, AccessLogEntry)
class ReadOnlyLogAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
