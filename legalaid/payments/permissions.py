"""Who may do what with payments (django-rules; ``rules.py`` of this app is the fee rule, so the predicates live here).

Chosen from DOMAIN 4 and the roles of the system (docs/payments.md, "Who does what"):

- Rates: every member of a Centre and the Department's officers read the rates page; a system administrator adds a
  base salary value there (the coefficients of Art. 13 are edited in the Django admin).
- Payments the Centre makes (its officers, contracted lawyers, collaborators): the administration department
  (Phòng Hành chính – Tổng hợp, which keeps the Centre's accounts) proposes the payment from the case's appraisal and
  records it as paid; the director approves it, returns it, and records the decision on a case whose appraisal was
  not satisfactory. The director approves what someone else proposed.
- Payments the Department makes (contracted organisations, Law Art. 14): the Department's officers of the Centres
  they oversee propose, approve and record them, and decide on unsatisfactory appraisals; the officer who proposed
  a payment cannot approve it (the system has no separate Department director role: a second officer approves).
- The Centre's management, administration department and branch heads (their branch) and the Department's officers
  read payments and totals. Providers do not see this module (they see their cases).

Each object predicate takes a ``Payment`` or a ``selectors.Owed`` (both carry ``payer`` and ``centre_id``).
"""

import rules

from legalaid.core.choices import Role
from legalaid.core.rules import has_role, is_centre_staff, is_doj_officer, is_sysadmin, writes_allowed
from legalaid.core.scoping import scope_of

from .choices import Payer

is_director = has_role(Role.DIRECTOR)
is_admin_staff = has_role(Role.ADMIN_STAFF)
can_read_payments = has_role(
    Role.DIRECTOR, Role.DEPUTY_DIRECTOR, Role.ADMIN_STAFF, Role.BRANCH_HEAD, Role.DOJ_OFFICER, Role.SYSADMIN
)


@rules.predicate
def in_scope(user, obj):
    """The object belongs to a Centre the user sees (None: no object to check)."""
    if obj is None:
        return True
    scope = scope_of(user)
    return scope.sees_everything or obj.centre_id in scope.centre_ids


@rules.predicate
def centre_pays(user, obj):
    return obj is None or obj.payer == Payer.CENTRE


@rules.predicate
def department_pays(user, obj):
    return obj is None or obj.payer == Payer.DEPARTMENT


@rules.predicate
def not_the_proposer(user, obj):
    return obj is None or getattr(obj, "proposed_by_id", None) != user.pk


@rules.predicate
def at_head_office(user):
    """Centre staff of the head office (not of a branch): the Centre pays, not its branches."""
    return user.organisation is not None and user.organisation.kind != "branch"


centre_accounts = is_admin_staff & at_head_office & writes_allowed & centre_pays & in_scope
centre_director = is_director & writes_allowed & centre_pays & in_scope
department = is_doj_officer & department_pays & in_scope

rules.add_perm("payments.view_rates", is_centre_staff | is_doj_officer | rules.is_superuser)
rules.add_perm("payments.manage_rates", is_sysadmin & writes_allowed)
rules.add_perm("payments.view_payment", rules.is_superuser | (can_read_payments & in_scope))
rules.add_perm("payments.propose_payment", rules.is_superuser | centre_accounts | department)
rules.add_perm("payments.approve_payment", (rules.is_superuser | centre_director | department) & not_the_proposer)
rules.add_perm("payments.pay_payment", rules.is_superuser | centre_accounts | department)
rules.add_perm("payments.decide_appraisal", rules.is_superuser | centre_director | department)
