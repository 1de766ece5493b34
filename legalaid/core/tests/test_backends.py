"""The rules answer their own permissions alone (``legalaid.core.backends``, docs/security.md "Permissions")."""

import pytest
from django.contrib.auth.models import Permission

pytestmark = pytest.mark.django_db


def test_a_rule_saying_no_reads_no_model_permissions(world, django_assert_num_queries):
    lawyer = world.a.lawyer
    with django_assert_num_queries(0):
        assert not lawyer.has_perm("core.manage_units")
        assert not lawyer.has_perm("api.manage_keys")
    assert world.a.director.has_perm("core.view_units")


def test_a_rule_cannot_be_granted_in_the_database_but_the_admin_permissions_can(world):
    user = world.a.lawyer
    user.user_permissions.add(Permission.objects.get(codename="view_organisation", content_type__app_label="core"))
    user = type(user).objects.get(pk=user.pk)  # a fresh permission cache
    assert user.has_perm("core.view_organisation")  # not a rule: the model permission, as before
    assert not user.has_perm("core.view_units")  # a rule: the rules alone decide


def test_a_superuser_still_has_every_permission(world):
    admin = type(world.a.lawyer)(username="root", is_superuser=True, is_active=True)
    assert admin.has_perm("core.manage_units") and admin.has_perm("core.view_organisation")
