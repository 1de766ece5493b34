"""Django admin: read-only views of trainings and duty (they are written through the pages and their services)."""

from django.contrib import admin

from .models import DutySlot, TrainingEvent


@admin.register(TrainingEvent)
class TrainingEventAdmin(admin.ModelAdmin):
    list_display = ["topic", "centre", "kind", "starts_on", "ends_on"]
    list_filter = ["kind", "form"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(DutySlot)
class DutySlotAdmin(admin.ModelAdmin):
    list_display = ["date", "session", "court", "provider", "centre"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
