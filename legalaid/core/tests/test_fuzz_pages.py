"""No 5xx from any input (issue 14 item 6): every page of the URL resolver, opened as every role of the world, and
every form it renders (list filters, search boxes, edit forms, action buttons) sent generated input with Hypothesis.

Each form is sent, once, every edge value in every field and then each field broken in turn with the others as the
page rendered them; then, for each role that sees it, a few derandomised Hypothesis examples (CI is reproducible).
A failure names the method, URL, role and input. See legalaid/core/tests/fuzzing.py.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from legalaid.core.tests.factories import PERSONAS
from legalaid.core.tests.fuzzing import SKIPPED_ACTIONS, Fuzzer, page_urls, parse_forms, resolvable

pytestmark = pytest.mark.django_db

#: Hypothesis examples per form and role (on top of the edge values sent once per form).
EXAMPLES = 2


def _records(world) -> SimpleNamespace:
    """One record of each kind a page with an id shows, in Centre A."""
    from legalaid.cases.tests.factories import accepted_case
    from legalaid.commendations.tests.factories import make_campaign, propose
    from legalaid.intake.tests.factories import receive_request
    from legalaid.people.tests.factories import PersonFactory
    from legalaid.plans.models import PlanTask, TaskTarget
    from legalaid.plans.tests.factories import make_plan
    from legalaid.providers.tests.factories import assigned_case, provider_for
    from legalaid.studies.tests.factories import make_study

    a = world.a
    r = SimpleNamespace(world=world)
    r.person = PersonFactory(centre=a.centre)
    r.request = receive_request(a.intake)
    r.case = accepted_case(a.director)
    r.provider = provider_for(a.officer)
    r.assigned = assigned_case(a.director, r.provider)
    r.campaign = make_campaign(a)
    r.nomination = propose(a, r.campaign, user=a.officer)
    r.study = make_study(a)
    r.plan = make_plan(a.centre, actor=a.director)
    r.task = PlanTask.objects.filter(plan=r.plan).order_by("pk").first()
    r.target = TaskTarget.objects.filter(task__plan=r.plan).order_by("pk").first()
    r.entry = _feedback_entry(a)
    r.training, r.duty = _training(a, r.provider)
    r.outreach = _outreach_session(a)
    return r


def _training(a, provider):
    from django.utils import timezone

    from legalaid.training.tests.factories import record_event, schedule

    event = record_event(a.director, [provider], "4")
    return event, schedule(a.director, provider, date=timezone.localdate())


def _outreach_session(a):
    from legalaid.outreach.tests.factories import record_session

    return record_session(a.officer)


def _feedback_entry(a):
    from django.utils import timezone

    from legalaid.feedback import services
    from legalaid.feedback.models import FeedbackEntry

    entry = FeedbackEntry(
        source="letter",
        kind="complaint_provider",
        ground="no_aid",
        received_on=timezone.localdate(),
        sender_name="Nguyễn Thị Khiếu Nại",
        content="Người thực hiện không liên lạc với tôi.",
    )
    return services.entry_register(actor=a.intake, entry=entry)


#: Pages with arguments, and the record they open.
ARGS_FOR = {
    "core:organisation_detail": lambda r: {"pk": r.world.a.branch1.pk},
    "core:organisation_edit": lambda r: {"pk": r.world.a.branch1.pk},
    "core:branch_commune_add": lambda r: {"pk": r.world.a.branch1.pk},
    "core:user_detail": lambda r: {"pk": r.world.a.officer.pk},
    "core:user_edit": lambda r: {"pk": r.world.a.officer.pk},
    "core:commune_detail": lambda r: {"pk": r.world.a.centre.province.communes.order_by("pk").first().pk},
    "core:calendar_year": lambda r: {"year": 2026},
    "people:person_detail": lambda r: {"pk": r.person.pk},
    "people:person_edit": lambda r: {"pk": r.person.pk},
    "intake:request_detail": lambda r: {"pk": r.request.pk},
    "intake:request_accept": lambda r: {"pk": r.request.pk},
    "intake:request_ask_papers": lambda r: {"pk": r.request.pk},
    "intake:request_refuse": lambda r: {"pk": r.request.pk},
    "intake:request_transfer": lambda r: {"pk": r.request.pk},
    "cases:case_detail": lambda r: {"pk": r.assigned.pk},
    "cases:details_edit": lambda r: {"pk": r.assigned.pk},
    "cases:hearing_add": lambda r: {"pk": r.assigned.pk},
    "cases:papers_received": lambda r: {"pk": r.assigned.pk},
    "cases:worklog_add": lambda r: {"pk": r.assigned.pk},
    "cases:attachment_add": lambda r: {"pk": r.assigned.pk},
    "cases:case_complete": lambda r: {"pk": r.assigned.pk},
    "cases:archive_handover": lambda r: {"pk": r.assigned.pk},
    "cases:case_archive": lambda r: {"pk": r.assigned.pk},
    "providers:provider_detail": lambda r: {"pk": r.provider.pk},
    "providers:provider_edit": lambda r: {"pk": r.provider.pk},
    "providers:contract_add": lambda r: {"pk": r.provider.pk},
    "providers:quota_set": lambda r: {"pk": r.provider.pk},
    "providers:case_assign": lambda r: {"pk": r.case.pk},
    "providers:case_change": lambda r: {"pk": r.assigned.pk},
    "providers:change_application_create": lambda r: {"pk": r.assigned.pk},
    "commendations:campaign_detail": lambda r: {"pk": r.campaign.pk},
    "commendations:campaign_update": lambda r: {"pk": r.campaign.pk},
    "commendations:nomination_create": lambda r: {"pk": r.campaign.pk},
    "commendations:decision_create": lambda r: {"pk": r.campaign.pk},
    "commendations:nomination_decide": lambda r: {"pk": r.nomination.pk},
    "studies:study_detail": lambda r: {"pk": r.study.pk},
    "studies:study_update": lambda r: {"pk": r.study.pk},
    "studies:version_upload": lambda r: {"pk": r.study.pk},
    "plans:plan_detail": lambda r: {"pk": r.plan.pk},
    "plans:plan_edit": lambda r: {"pk": r.plan.pk},
    "plans:plan_report": lambda r: {"pk": r.plan.pk},
    "plans:task_add": lambda r: {"plan_pk": r.plan.pk},
    "plans:task_detail": lambda r: {"pk": r.task.pk},
    "plans:task_edit": lambda r: {"pk": r.task.pk},
    "plans:task_progress": lambda r: {"pk": r.task.pk},
    "plans:target_edit": lambda r: {"pk": r.target.pk},
    "feedback:entry_detail": lambda r: {"pk": r.entry.pk},
    "feedback:entry_assign": lambda r: {"pk": r.entry.pk},
    "feedback:entry_resolve": lambda r: {"pk": r.entry.pk},
    "feedback:entry_decide": lambda r: {"pk": r.entry.pk},
    "feedback:entry_escalate": lambda r: {"pk": r.entry.pk},
    "feedback:survey_enter": lambda r: {"case_pk": r.assigned.pk},
    "feedback:invitation_create": lambda r: {"case_pk": r.assigned.pk},
    "payments:payment_propose": lambda r: {"case_pk": r.assigned.pk},
    "payments:decision_create": lambda r: {"case_pk": r.assigned.pk},
    "quality:appraisal_assign": lambda r: {"case_pk": r.assigned.pk},
    "people:correction_create": lambda r: {"pk": r.person.pk},
    "training:event_detail": lambda r: {"pk": r.training.pk},
    "training:event_edit": lambda r: {"pk": r.training.pk},
    "training:participant_add": lambda r: {"pk": r.training.pk},
    "training:participant_edit": lambda r: {"pk": r.training.participations.first().pk},
    "training:duty_detail": lambda r: {"pk": r.duty.pk},
    "outreach:session_detail": lambda r: {"pk": r.outreach.pk},
    "outreach:session_edit": lambda r: {"pk": r.outreach.pk},
}

#: Not opened here, with the reason. Their forms are still reached when another page renders them (an action button
#: posts to a URL listed here), and an out-of-range id in any path is tested in test_path_ids.py.
SKIP = {
    "admin": "Django's own admin (django-admin/), for the system administrator only",
    "logout": "would end the session",
    "core:calendar_load_year": "POST only, reached through the calendar page's button",
    "core:branch_commune_end": "POST only, reached through the unit page's buttons",
    "core:commune_flag_delete": "POST only, reached through the commune page's buttons",
    "core:calendar_override_delete": "POST only, reached through the calendar page's buttons",
    "core:audit_detail": "read only, no form",
    "core:export_detail": "read only, no form; the user's own background export (test_background_exports.py)",
    "core:export_download": "a file download, no form (test_background_exports.py)",
    "cases:case_move": "POST only, reached through the case page's buttons",
    "cases:attachment_download": "a file, no form",
    "intake:case_detail": "redirects to the case page",
    "intake:request_form_docx": "a file, no form",
    "intake:acceptance_notice_docx": "a file, no form",
    "intake:decision_docx": "a file, no form",
    "intake:register_xlsx": "a file, no form",
    "intake:register_docx": "a file, no form",
    "providers:change_application_reject": "POST only, reached through the case page's buttons",
    "providers:decision_docx": "a file, no form",
    "commendations:campaign_transition": "POST only, reached through the campaign page's buttons",
    "commendations:nomination_refresh": "POST only, reached through the campaign page's buttons",
    "commendations:decision_download": "a file, no form",
    "studies:step_complete": "POST only, reached through the study page's buttons",
    "studies:version_download": "a file, no form",
    "studies:comment_add": "POST only, reached through the study page's form",
    "plans:draft_review": "a draft exists only after an upload (plans' own tests)",
    "plans:draft_discard": "POST only, with a draft",
    "plans:plan_source": "a file, no form",
    "plans:plan_report_docx": "a file, no form",
    "plans:plan_report_xlsx": "a file, no form",
    "plans:task_remove": "POST only, reached through the task page's button",
    "plans:evidence_download": "a file, no form",
    "password_reset_confirm": "a one-time link from an e-mail (its form is the new password twice)",
    "core:user_otp_reset": "POST only, reached through the user page's button",
    "feedback:entry_action": "POST only, reached through the entry page's buttons",
    "feedback:entry_withdraw": "POST only, reached through the entry page's button",
    "feedback:decision_download": "a file, no form",
    "feedback:response_detail": "read only, no form",
    "payments:payment_detail": "needs a payment record (not yet in the fuzz world)",
    "payments:payment_action": "POST only, reached through the payment page's buttons",
    "payments:payment_file": "a file, no form",
    "quality:appraisal_detail": "needs an appraisal record (not yet in the fuzz world)",
    "quality:appraisal_complete": "needs an appraisal record (not yet in the fuzz world)",
    "quality:appraisal_report": "a file or read-only report of an appraisal",
    "survey_public": "a one-time survey link (feedback's own tests send it bad answers)",
    "people:person_data_export": "a file, no form",
    "people:correction_decide": "needs a correction request (not yet in the fuzz world)",
    "quality:evaluation_detail": "needs an evaluation (not yet in the fuzz world)",
    "quality:team_add": "needs an evaluation (not yet in the fuzz world)",
    "quality:opinion_record": "needs an evaluation and an invited expert (not yet in the fuzz world)",
    "quality:evaluation_conclude": "needs an evaluation (not yet in the fuzz world)",
    "quality:plan_detail": "needs an evaluation plan (not yet in the fuzz world)",
    "quality:plan_approve": "needs an evaluation plan (not yet in the fuzz world)",
    "quality:follow_up_done": "needs a follow-up of an evaluation (not yet in the fuzz world)",
    "quality:delegation_end": "POST only, reached through the delegation list's button",
    "portal:request_done": "shows a receipt only once after a sending (portal's own tests); otherwise redirects",
    "portal:status": "opens only after a successful lookup in the same session (portal's own tests)",
    "portal:paper_download": "a file, no form",
    "api": "the JSON API, fuzzed against its OpenAPI schema in legalaid/api/tests/test_schema_fuzz.py",
    "apikeys:key_revoke": "POST only, reached through the key page's buttons",
    "training:participant_remove": "POST only, reached through the event page's buttons",
    "training:certificate_download": "a file, no form",
    "training:duty_help_matter": "POST only, reached through the duty page's form",
    "training:duty_help_request": "POST only, reached through the duty page's form",
    "training:duty_cancel": "POST only, reached through the duty page's button",
    "outreach:photo_add": "POST only, reached through the session page's form",
    "outreach:photo_download": "a file, no form",
    "outreach:mobile_worker": "a script (the service worker), no form",
    "outreach:mobile_token": "JSON, no form",
    "outreach:mobile_sync": "a JSON POST from the offline page's script (outreach's own tests send it bad bodies)",
    "outreach:target_edit": "needs a target (outreach's own tests); its form is the target list's",
    "outreach:entry_decide": "needs an entry waiting for a decision (outreach's own tests)",
    "outreach:call_detail": "read only, no form",
    "imports:import_detail": "needs an uploaded register (imports' own tests upload messy ones)",
    "imports:import_start": "POST only, reached through the dry run's button",
    "imports:import_error_file": "a file, no form",
}

ROLES = ["root", *PERSONAS]


def _user(world, role):
    return world.root if role == "root" else getattr(world.a, role)


def _fuzz(client, world, roles, *, apps):
    records = _records(world)
    urls = [u for u in page_urls(records, ARGS_FOR, SKIP) if _app(resolvable(u)) in apps]
    assert urls
    fuzzed_once: set = set()
    total = 0
    counts: dict = {}
    failures: dict = {}
    for role in roles:
        client.force_login(_user(world, role))
        fuzzer = Fuzzer(client, role)
        seen: set = set()
        for url in urls:
            response = fuzzer.send("get", url)
            if response is None or response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                continue
            for form in parse_forms(response.content.decode(), url):
                view = resolvable(form.action)
                if view is None or view in SKIPPED_ACTIONS or form.key in seen:
                    continue
                seen.add(form.key)
                fuzzer.fuzz_form(form, examples=EXAMPLES, thorough=form.key not in fuzzed_once)
                fuzzed_once.add(form.key)
                # A form that signed the user out or switched the language must not end the rest of the run.
                client.force_login(_user(world, role))
        total += fuzzer.requests
        for kind, n in fuzzer.counts.items():
            counts[kind] = counts.get(kind, 0) + n
        for key, failure in fuzzer.failures.items():
            failures.setdefault(key, failure)
    print(f"{total} requests {counts}, {len(fuzzed_once)} distinct forms")
    assert not failures, f"{len(failures)} inputs gave a server error:\n" + "\n".join(failures.values())


def _app(view_name: str | None) -> str:
    return view_name.split(":")[0] if view_name and ":" in view_name else ""


APP_GROUPS = {
    "core": ["core", "eligibility", "people", "", "api", "apikeys"],
    "intake": ["intake", "cases", "feedback", "quality"],
    "providers": ["providers", "commendations", "payments", "training"],
    "plans": ["plans", "studies", "reports", "imports"],
    "portal": ["portal"],
    "outreach": ["outreach"],
}


def test_every_app_is_fuzzed():
    from legalaid.core.tests.fuzzing import url_patterns

    apps = {name.split(":")[0] if ":" in name else "" for name, _route, _converters in url_patterns()}
    grouped = {app for group in APP_GROUPS.values() for app in group}
    assert apps - grouped <= {"admin"}, f"apps in no group of APP_GROUPS: {apps - grouped - {'admin'}}"


@pytest.mark.parametrize("group", list(APP_GROUPS))
def test_no_page_gives_a_server_error_whatever_the_input(client, world, group):
    _fuzz(client, world, ROLES, apps=APP_GROUPS[group])
