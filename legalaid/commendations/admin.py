"""Django admin: the titles and forms of commendation are reference data edited here; campaigns in the pages."""

from django.contrib import admin

from .models import CommendationForm


@admin.register(CommendationForm)
class CommendationFormAdmin(admin.ModelAdmin):
    list_display = ["sort_order", "code", "name", "category", "nominee_kind", "confirmed", "is_active"]
    list_editable = ["confirmed", "is_active"]
    ordering = ["sort_order"]
