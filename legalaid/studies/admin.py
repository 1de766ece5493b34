"""Django admin: the outline sections are reference data edited here; studies are managed in the pages."""

from django.contrib import admin

from .models import StudyOutlineSection


@admin.register(StudyOutlineSection)
class StudyOutlineSectionAdmin(admin.ModelAdmin):
    list_display = ["sort_order", "code", "title", "required", "is_active"]
    list_editable = ["required", "is_active"]
    ordering = ["sort_order"]
