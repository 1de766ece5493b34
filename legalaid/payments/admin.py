"""Django admin: the coefficients of Decree 144/2017 Art. 13 are reference data edited here; base salary values are
added on the rates page (checked and audited by ``services.base_salary_add``)."""

from django.contrib import admin

from .models import BaseSalary, FeeRate


@admin.register(FeeRate)
class FeeRateAdmin(admin.ModelAdmin):
    list_display = [
        "provider_kind",
        "form_of_aid",
        "session_coefficient",
        "max_sessions",
        "share_percent",
        "lump_min",
        "lump_max",
        "valid_from",
        "valid_to",
        "confirmed",
    ]
    list_filter = ["provider_kind", "form_of_aid", "confirmed"]


@admin.register(BaseSalary)
class BaseSalaryAdmin(admin.ModelAdmin):
    list_display = ["valid_from", "amount", "reference", "created_by"]
    readonly_fields = ["created_by"]
