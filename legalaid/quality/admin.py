"""Django admin: the criteria, their points and the result levels are reference data edited here (the figures
DOMAIN.md marks UNCONFIRMED are flagged ``confirmed=False``); appraisals and evaluations live in the pages."""

from django.contrib import admin

from .models import AppraisalDelegation, CriteriaSet, Criterion, ResultLevel


class CriterionInline(admin.TabularInline):
    model = Criterion
    extra = 0
    fields = ["sort_order", "group", "code", "text", "max_points", "reference", "confirmed"]


@admin.register(CriteriaSet)
class CriteriaSetAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "valid_from", "valid_to"]
    inlines = [CriterionInline]


@admin.register(ResultLevel)
class ResultLevelAdmin(admin.ModelAdmin):
    list_display = ["sort_order", "code", "name", "satisfactory", "min_points", "confirmed", "is_active"]
    list_editable = ["min_points", "confirmed", "is_active"]
    ordering = ["sort_order"]


@admin.register(AppraisalDelegation)
class AppraisalDelegationAdmin(admin.ModelAdmin):
    list_display = ["centre", "delegate", "granted_by", "valid_from", "valid_to"]
    raw_id_fields = ["delegate", "granted_by"]
