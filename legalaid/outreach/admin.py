from django.contrib import admin

from .models import HotlineCall, OutreachSession, OutreachTarget


@admin.register(OutreachSession)
class OutreachSessionAdmin(admin.ModelAdmin):
    list_display = ["date", "form", "commune", "centre", "branch", "audience_total"]
    list_filter = ["form"]
    raw_id_fields = ["commune", "organiser", "created_by", "centre", "branch"]


@admin.register(OutreachTarget)
class OutreachTargetAdmin(admin.ModelAdmin):
    list_display = ["year", "measure", "comparison", "value", "centre", "branch"]


@admin.register(HotlineCall)
class HotlineCallAdmin(admin.ModelAdmin):
    list_display = ["called_at", "caller_type", "outcome", "centre"]
    raw_id_fields = ["request", "feedback_entry", "taken_by", "centre", "branch", "field_of_law"]
