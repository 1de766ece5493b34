"""Django admin: a read-only back door for the deployment's superuser. Staff use the application's pages, whose
writes go through ``legalaid.people.services`` (validation, audit, locking)."""

from django.contrib import admin

from .models import Ethnicity, Person


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Ethnicity)
class EthnicityAdmin(ReadOnlyAdmin):
    list_display = ["code", "name", "other_names", "is_minority"]
    search_fields = ["name", "name_key"]


@admin.register(Person)
class PersonAdmin(ReadOnlyAdmin):
    list_display = ["full_name", "sex", "date_of_birth", "birth_year", "id_number", "centre", "branch"]
    list_filter = ["sex", "id_type"]
    search_fields = ["name_key", "id_number"]
    list_select_related = ["centre", "branch"]
