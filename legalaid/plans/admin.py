from django.contrib import admin

from .models import Plan, PlanDraft, PlanTask, TaskTarget, TaskUnit


class TaskUnitInline(admin.TabularInline):
    model = TaskUnit
    extra = 0
    raw_id_fields = ["organisation"]


class TaskTargetInline(admin.TabularInline):
    model = TaskTarget
    extra = 0


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ["number", "date", "title", "centre", "status"]
    list_filter = ["status"]
    search_fields = ["number", "title"]
    raw_id_fields = ["centre", "issuer", "created_by"]


@admin.register(PlanTask)
class PlanTaskAdmin(admin.ModelAdmin):
    list_display = ["ref", "plan", "status", "end"]
    list_filter = ["status"]
    raw_id_fields = ["plan", "parent"]
    inlines = [TaskUnitInline, TaskTargetInline]


@admin.register(PlanDraft)
class PlanDraftAdmin(admin.ModelAdmin):
    list_display = ["source_name", "owner", "created_at"]
    raw_id_fields = ["owner", "centre"]
