"""Who may do what with thematic studies. Which studies a user sees is ``ThematicStudy.objects.visible_to(user)``.

- Centre staff (branch staff included) and Department of Justice officers view the Centre's studies.
- The Centre's board (director, deputies) and the administration department (which the plan makes responsible for
  following the studies, seeds/plan-2025-lang-son-thematic-topics.txt III.1) create studies and edit any of them;
  the members of a study's lead department and its authors edit that study and upload its versions.
- Every member of the Centre may comment ("giao toàn thể viên chức của Trung tâm tham gia đóng góp ý kiến", I.2).
- The draft step is confirmed by the study's editors, the critique step by the reviewing department (or the board),
  the study session only by the board or the administration department.
- Lawyers, collaborators and agency officers have no access.
"""

import rules

from legalaid.core.choices import Role
from legalaid.core.rules import has_role, is_centre_staff, is_doj_officer, writes_allowed

is_study_manager = has_role(Role.DIRECTOR, Role.DEPUTY_DIRECTOR, Role.ADMIN_STAFF)


@rules.predicate
def same_centre(user, study):
    if study is None:
        return True
    return user.centre is not None and user.centre.pk == study.centre_id


@rules.predicate
def in_lead_department(user, study):
    return study is not None and user.organisation_id == study.lead_department_id


@rules.predicate
def in_reviewing_department(user, study):
    return study is not None and user.organisation_id == study.reviewing_department_id


@rules.predicate
def is_author(user, study):
    # Reads the prefetched authors when the page prefetched them.
    return study is not None and any(author.pk == user.pk for author in study.authors.all())


can_view = rules.is_superuser | is_centre_staff | is_doj_officer
can_manage = (rules.is_superuser | is_study_manager) & writes_allowed
can_edit = rules.is_superuser | (
    is_centre_staff & writes_allowed & same_centre & (is_study_manager | in_lead_department | is_author)
)

rules.add_perm("studies.view_study", can_view)
rules.add_perm("studies.export_study", can_view)
rules.add_perm("studies.add_study", can_manage)
rules.add_perm("studies.change_study", can_edit)
rules.add_perm("studies.comment_study", rules.is_superuser | (is_centre_staff & writes_allowed & same_centre))
rules.add_perm("studies.confirm_draft", can_edit)
rules.add_perm(
    "studies.confirm_critique",
    rules.is_superuser
    | (is_centre_staff & writes_allowed & same_centre & (is_study_manager | in_reviewing_department)),
)
rules.add_perm(
    "studies.confirm_session",
    rules.is_superuser | (is_centre_staff & writes_allowed & same_centre & is_study_manager),
)
