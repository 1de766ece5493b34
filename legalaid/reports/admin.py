from django.contrib import admin

from .models import ReportingPeriod


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(admin.ModelAdmin):
    list_display = ["kind", "start_day", "start_month", "end_day", "end_month", "cutoff_day", "cutoff_month"]
    list_display += ["valid_from", "valid_to", "reference", "confirmed"]
    list_filter = ["kind", "confirmed"]
