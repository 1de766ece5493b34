"""Django admin for the reference data of cases (activities, criteria, the file checklist). Cases themselves change
only through the services (the case pages)."""

from django.contrib import admin

from legalaid.cases.models import ActivityType, ArchiveChecklistItem, ComplexityCriterion, SuccessCriterion


@admin.register(ActivityType)
class ActivityTypeAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "is_active", "sort_order"]
    list_editable = ["is_active", "sort_order"]


@admin.register(SuccessCriterion)
class SuccessCriterionAdmin(admin.ModelAdmin):
    list_display = ["code", "text", "procedure", "is_principle", "confirmed", "is_active"]
    list_filter = ["procedure", "is_principle", "confirmed", "is_active"]
    search_fields = ["code", "text"]


@admin.register(ComplexityCriterion)
class ComplexityCriterionAdmin(admin.ModelAdmin):
    list_display = ["code", "text", "procedure", "reference", "confirmed", "is_active"]
    list_filter = ["procedure", "confirmed", "is_active"]
    search_fields = ["code", "text"]


@admin.register(ArchiveChecklistItem)
class ArchiveChecklistItemAdmin(admin.ModelAdmin):
    list_display = ["form_of_aid", "code", "text", "reference", "required", "applies_to", "is_active"]
    list_filter = ["form_of_aid", "applies_to", "required", "is_active"]
