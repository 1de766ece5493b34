"""Pages of the feedback app.

Staff (login): the register (list, new entry, entry page with its actions, decisions as .docx), survey answers (list,
one answer, the report of satisfaction rates by unit and provider), typing in a paper form and printing an invitation
from a case. Public (no login): the questionnaire behind a one-time link, which shows only the questions and the
Centre's name, rate-limited per address.
"""

from __future__ import annotations

import datetime as dt

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_POST

from legalaid.cases.selectors import case_for
from legalaid.core import audit
from legalaid.core.choices import AccessAction
from legalaid.core.views import apply_form_errors
from legalaid.intake.documents.rendering import DOCX_CONTENT_TYPE
from legalaid.lib.formatting import format_date
from legalaid.lib.pagination import paginate
from legalaid.lib.parsing import parse_date, parse_id

from . import figures, ratelimit, services
from .choices import Audience, EntryStatus, Level
from .forms import (
    ActionForm,
    AssignForm,
    DecisionForm,
    DepartmentComplaintForm,
    EntryFilterForm,
    EntryForm,
    EscalateForm,
    InvitationForm,
    PaperHeaderForm,
    QuestionnaireForm,
    ResolveForm,
    WithdrawForm,
)
from .models import ComplaintDecision, FeedbackEntry, SurveyResponse

# --- Helpers ------------------------------------------------------------------------------------------------------


def _period(request) -> tuple[dt.date | None, dt.date | None]:
    """``from`` / ``to`` (dd/mm/yyyy) of a drill-down link, or ``start`` / ``end`` of the filter form."""
    out = []
    for keys in (("from", "start"), ("to", "end")):
        value = next((request.GET.get(k) for k in keys if request.GET.get(k)), "")
        out.append(parse_date(value))
    return out[0], out[1]


def _centre_filter(request, qs):
    centre = parse_id(request.GET.get("centre"))
    return qs.filter(centre_id=centre) if centre else qs


def _entry(user, pk: int) -> FeedbackEntry:
    qs = FeedbackEntry.objects.visible_to(user).select_related(
        "centre", "branch", "case", "provider", "responsible", "survey_response"
    )
    return get_object_or_404(qs, pk=pk)


def _next_step(entry: FeedbackEntry) -> str:
    """What comes next for ``entry`` and who does it (every success message says so)."""
    if entry.status == EntryStatus.OPEN:
        if entry.is_complaint and entry.level == Level.FIRST:
            return _(
                "Tiếp theo: Giám đốc Trung tâm (người đứng đầu tổ chức) ra quyết định giải quyết khiếu nại lần đầu "
                "trước %(due)s (03 ngày làm việc, Điều 45 khoản 2)."
            ) % {"due": format_date(entry.due_on)}
        if entry.is_complaint:
            return _(
                "Tiếp theo: Sở Tư pháp trình Giám đốc Sở quyết định giải quyết khiếu nại lần hai trước %(due)s "
                "(Điều 45 khoản 3)."
            ) % {"due": format_date(entry.due_on)}
        who = entry.responsible.full_name if entry.responsible_id else _("Giám đốc Trung tâm (giao người phụ trách)")
        return _("Tiếp theo: %(who)s xử lý và ghi kết quả trước %(due)s.") % {
            "who": who,
            "due": format_date(entry.due_on),
        }
    if entry.status == EntryStatus.RESOLVED and entry.is_complaint and entry.level == Level.FIRST:
        return _(
            "Tiếp theo: người phụ trách gửi quyết định cho người khiếu nại; nếu không đồng ý, người khiếu nại có "
            "quyền khiếu nại lần hai đến Giám đốc Sở Tư pháp (Điều 45 khoản 3)."
        )
    if entry.status == EntryStatus.RESOLVED and entry.is_complaint:
        return _(
            "Quyết định của Giám đốc Sở Tư pháp có hiệu lực thi hành; người khiếu nại có quyền khởi kiện tại Tòa án. "
            "Tiếp theo: người phụ trách gửi quyết định cho người khiếu nại và Trung tâm."
        )
    return _("Hồ sơ đã kết thúc; người phụ trách báo kết quả cho người gửi.")


# --- The register -------------------------------------------------------------------------------------------------


@login_required
@permission_required("feedback.view_entry", raise_exception=True)
def entry_list(request):
    form = EntryFilterForm(request.GET or None)
    qs = FeedbackEntry.objects.visible_to(request.user).select_related("case", "responsible", "branch")
    qs = _centre_filter(request, qs)
    start, end = _period(request)
    if start:
        qs = qs.filter(received_on__gte=start)
    if end:
        qs = qs.filter(received_on__lte=end)
    if form.is_valid():
        data = form.cleaned_data
        for name in ("status", "kind", "source"):
            if data.get(name):
                qs = qs.filter(**{name: data[name]})
        if data.get("mine"):
            qs = qs.filter(responsible=request.user)
    page = paginate(request, qs.order_by("-received_on", "-id"))
    return render(
        request,
        "feedback/entry_list.html",
        {
            "form": form,
            "page": page,
            "today": timezone.localdate(),
            "can_add": request.user.has_perm("feedback.add_entry"),
        },
    )


@login_required
@permission_required("feedback.add_entry", raise_exception=True)
def entry_create(request):
    initial = {}
    case_pk = request.GET.get("case", "")
    if case_pk.isdigit():
        case = case_for(request.user, int(case_pk))
        initial["case_code"] = case.code
    form = EntryForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            entry = services.entry_register(actor=request.user, entry=form.save(commit=False))
        except ValidationError as error:
            apply_form_errors(form, error)
        else:
            messages.success(
                request,
                _("Đã vào sổ số %(code)s.") % {"code": entry.code} + " " + _next_step(entry),
            )
            return redirect("feedback:entry_detail", pk=entry.pk)
    return render(request, "feedback/entry_form.html", {"form": form})


@login_required
@permission_required("feedback.register_second_level", raise_exception=True)
def complaint_create_department(request):
    """A Department officer registers a second complaint sent straight to the Director of the Department."""
    form = DepartmentComplaintForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            entry = services.complaint_register_at_department(
                actor=request.user,
                entry=form.save(commit=False),
                centre=form.cleaned_data["centre"],
                second_received_on=form.cleaned_data["second_received_on"],
                first_decision=form.cleaned_data["first_decision"],
            )
        except ValidationError as error:
            apply_form_errors(form, error)
        else:
            messages.success(
                request,
                _("Đã vào sổ số %(code)s (khiếu nại lần hai).") % {"code": entry.code} + " " + _next_step(entry),
            )
            return redirect("feedback:entry_detail", pk=entry.pk)
    return render(request, "feedback/department_complaint_form.html", {"form": form})


@login_required
@permission_required("feedback.view_entry", raise_exception=True)
def entry_detail(request, pk: int):
    entry = _entry(request.user, pk)
    audit.log_access(user=request.user, instance=entry)
    user = request.user
    can_work = entry.status == EntryStatus.OPEN and user.has_perm("feedback.work_entry", entry)
    decide_perm = "feedback.decide_first_level" if entry.level == Level.FIRST else "feedback.decide_second_level"
    can_decide = entry.is_complaint and entry.status == EntryStatus.OPEN and user.has_perm(decide_perm, entry)
    today = timezone.localdate()
    can_escalate = (
        entry.is_complaint
        and entry.level == Level.FIRST
        and (entry.status == EntryStatus.RESOLVED or (entry.status == EntryStatus.OPEN and entry.due_on < today))
        and user.has_perm("feedback.escalate_entry", entry)
    )
    return render(
        request,
        "feedback/entry_detail.html",
        {
            "entry": entry,
            "actions": list(entry.actions.select_related("actor")),
            "decisions": list(entry.decisions.select_related("decided_by")),
            "today": today,
            "can_work": can_work,
            "can_decide": can_decide,
            "can_escalate": can_escalate,
            "can_resolve": can_work and not entry.is_complaint,
            "action_form": ActionForm() if can_work else None,
            "assign_form": AssignForm(entry=entry) if can_work and entry.level == Level.FIRST else None,
            "next_step": _next_step(entry),
        },
    )


def _entry_form_page(request, pk: int, form_class, perm: str, title: str, submit: str, call):
    entry = _entry(request.user, pk)
    if not request.user.has_perm(perm, entry):
        raise PermissionDenied
    form = form_class(request.POST or None, entry=entry)
    if request.method == "POST" and form.is_valid():
        try:
            call(entry, form)
        except ValidationError as error:
            apply_form_errors(form, error)
        else:
            entry.refresh_from_db()
            messages.success(request, _("Đã lưu.") + " " + _next_step(entry))
            return redirect("feedback:entry_detail", pk=entry.pk)
    return render(request, "feedback/entry_step.html", {"entry": entry, "form": form, "title": title, "submit": submit})


@login_required
def entry_assign(request, pk: int):
    return _entry_form_page(
        request,
        pk,
        AssignForm,
        "feedback.work_entry",
        _("Giao người phụ trách"),
        _("Giao"),
        lambda entry, form: services.entry_assign(
            actor=request.user,
            entry=entry,
            responsible=form.cleaned_data["responsible"],
            expected_version=form.cleaned_data.get("version"),
        ),
    )


@login_required
def entry_resolve(request, pk: int):
    return _entry_form_page(
        request,
        pk,
        ResolveForm,
        "feedback.work_entry",
        _("Kết thúc giải quyết phản ánh, kiến nghị"),
        _("Ghi kết quả"),
        lambda entry, form: services.entry_resolve(
            actor=request.user,
            entry=entry,
            resolution=form.cleaned_data["resolution"],
            on=form.cleaned_data["on"],
            expected_version=form.cleaned_data.get("version"),
        ),
    )


@login_required
def entry_decide(request, pk: int):
    entry = _entry(request.user, pk)
    perm = "feedback.decide_first_level" if entry.level == Level.FIRST else "feedback.decide_second_level"

    def call(entry, form):
        decision = ComplaintDecision(
            decision_code=form.cleaned_data["decision_code"],
            decided_on=form.cleaned_data["decided_on"],
            result=form.cleaned_data["result"],
            reasoning=form.cleaned_data["reasoning"],
        )
        services.complaint_decide(
            actor=request.user, entry=entry, decision=decision, expected_version=form.cleaned_data.get("version")
        )

    title = (
        _("Quyết định giải quyết khiếu nại lần đầu")
        if entry.level == Level.FIRST
        else _("Quyết định giải quyết khiếu nại lần hai")
    )
    return _entry_form_page(request, pk, DecisionForm, perm, title, _("Ra quyết định"), call)


@login_required
def entry_escalate(request, pk: int):
    return _entry_form_page(
        request,
        pk,
        EscalateForm,
        "feedback.escalate_entry",
        _("Ghi nhận khiếu nại lần hai gửi Giám đốc Sở Tư pháp"),
        _("Ghi nhận"),
        lambda entry, form: services.complaint_escalate(
            actor=request.user,
            entry=entry,
            received_on=form.cleaned_data["received_on"],
            expected_version=form.cleaned_data.get("version"),
        ),
    )


@login_required
def entry_withdraw(request, pk: int):
    return _entry_form_page(
        request,
        pk,
        WithdrawForm,
        "feedback.work_entry",
        _("Rút đơn"),
        _("Ghi nhận rút đơn"),
        lambda entry, form: services.entry_withdraw(
            actor=request.user,
            entry=entry,
            reason=form.cleaned_data["reason"],
            on=form.cleaned_data["on"],
            expected_version=form.cleaned_data.get("version"),
        ),
    )


@login_required
@require_POST
def entry_action(request, pk: int):
    entry = _entry(request.user, pk)
    if not request.user.has_perm("feedback.work_entry", entry):
        raise PermissionDenied
    form = ActionForm(request.POST)
    if form.is_valid():
        try:
            services.entry_add_action(
                actor=request.user, entry=entry, text=form.cleaned_data["text"], on=form.cleaned_data.get("on")
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Đã ghi việc đã làm.") + " " + _next_step(entry))
    else:
        messages.error(request, _("Hãy ghi việc đã làm và ngày (dd/mm/yyyy)."))
    return redirect("feedback:entry_detail", pk=entry.pk)


@login_required
@permission_required("feedback.view_entry", raise_exception=True)
def decision_download(request, pk: int):
    from .documents import decision_docx

    decision = get_object_or_404(
        ComplaintDecision.objects.select_related("entry", "decided_by"),
        pk=pk,
        entry__in=FeedbackEntry.objects.visible_to(request.user),
    )
    audit.log_access(user=request.user, instance=decision.entry, action=AccessAction.DOWNLOAD)
    response = HttpResponse(decision_docx(decision), content_type=DOCX_CONTENT_TYPE)
    name = f"quyet-dinh-giai-quyet-khieu-nai-lan-{decision.level}-{decision.entry.number}-{decision.entry.year}.docx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


# --- Surveys (staff) ----------------------------------------------------------------------------------------------


@login_required
@permission_required("feedback.view_survey", raise_exception=True)
def survey_list(request):
    qs = (
        SurveyResponse.objects.visible_to(request.user)
        .select_related("case", "version__questionnaire", "branch")
        .annotate(
            rated=Count("answers", filter=Q(answers__satisfied__isnull=False)),
            satisfied_count=Count("answers", filter=Q(answers__satisfied=True)),
        )
    )
    qs = _centre_filter(request, qs)
    start, end = _period(request)
    if start:
        qs = qs.filter(answered_on__gte=start)
    if end:
        qs = qs.filter(answered_on__lte=end)
    audience = request.GET.get("audience", "")
    if audience in Audience.values:
        qs = qs.filter(version__questionnaire__audience=audience)
    page = paginate(request, qs.order_by("-answered_on", "-id"))
    return render(
        request,
        "feedback/survey_list.html",
        {"page": page, "start": start, "end": end, "audience": audience, "audiences": Audience.choices},
    )


@login_required
@permission_required("feedback.view_survey", raise_exception=True)
def survey_report(request):
    """Satisfaction rates over a period by unit and provider, each linked to the list of answers behind it."""
    today = timezone.localdate()
    start, end = _period(request)
    start = start or today.replace(month=1, day=1)
    end = end or today
    visible = SurveyResponse.objects.visible_to(request.user)
    centre = request.GET.get("centre", "")
    if centre.isdigit():
        visible = visible.filter(centre_id=int(centre))
    tables = []
    for audience, label in Audience.choices:
        answers = figures.rated_answers(start, end, audience).filter(response__in=visible)
        satisfied, total, rate = figures.satisfaction(answers)
        tables.append(
            {
                "audience": audience,
                "label": label,
                "satisfied": satisfied,
                "total": total,
                "rate": rate,
                "units": figures.rates_by_unit(answers, _("Trụ sở Trung tâm")),
                "providers": figures.rates_by_provider(answers),
            }
        )
    return render(
        request,
        "feedback/survey_report.html",
        {"tables": tables, "start": start, "end": end, "centre": centre if centre.isdigit() else ""},
    )


@login_required
@permission_required("feedback.view_survey", raise_exception=True)
def response_detail(request, pk: int):
    response = get_object_or_404(
        SurveyResponse.objects.visible_to(request.user).select_related(
            "case", "version__questionnaire", "entered_by", "feedback_entry"
        ),
        pk=pk,
    )
    audit.log_access(user=request.user, instance=response)
    return render(
        request,
        "feedback/response_detail.html",
        {
            "response": response,
            "answers": list(response.answers.select_related("question")),
            "providers": list(response.providers.all()),
        },
    )


@login_required
@permission_required("feedback.enter_survey", raise_exception=True)
def survey_enter(request, case_pk: int):
    """Type in a paper questionnaire answered about the case."""
    case = case_for(request.user, case_pk)
    header = PaperHeaderForm(request.POST or None)
    respondent = request.POST.get("respondent") or request.GET.get("respondent") or "beneficiary"
    from .choices import AUDIENCE_OF

    version = services.current_version(AUDIENCE_OF.get(respondent, Audience.BENEFICIARY))
    if version is None:
        raise Http404
    form = QuestionnaireForm(request.POST or None, version=version)
    if request.method == "POST" and header.is_valid() and form.is_valid():
        try:
            response = services.response_enter(
                actor=request.user,
                case=case,
                respondent=header.cleaned_data["respondent"],
                answered_on=header.cleaned_data["answered_on"],
                answers=form.answers(),
                comment=form.cleaned_data["comment"],
                comment_is_complaint=form.cleaned_data["comment_is_complaint"],
                version=version,
            )
        except ValidationError as error:
            apply_form_errors(form, error)
        else:
            text = _("Đã nhập phiếu khảo sát của vụ việc %(code)s.") % {"code": case.code}
            if hasattr(response, "feedback_entry"):
                text += " " + _(
                    "Ý kiến đã vào sổ phản ánh số %(code)s: Giám đốc Trung tâm giao người phụ trách giải quyết."
                ) % {"code": response.feedback_entry.code}
            else:
                text += " " + _("Tỷ lệ hài lòng được cập nhật ngay trong báo cáo khảo sát.")
            messages.success(request, text)
            return redirect("cases:case_detail", pk=case.pk)
    return render(
        request,
        "feedback/survey_enter.html",
        {"case": case, "header": header, "form": form, "version": version, "respondent": respondent},
    )


@login_required
@permission_required("feedback.enter_survey", raise_exception=True)
def invitation_create(request, case_pk: int):
    """Choose who is invited; on POST, the printable invitation with the link and its QR code. The token is shown
    only here (only its hash is stored): a lost invitation is replaced by a new one, which revokes the old."""
    case = case_for(request.user, case_pk)
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            issued = services.invitation_create(
                actor=request.user, case=case, respondent=form.cleaned_data["respondent"]
            )
        except ValidationError as error:
            apply_form_errors(form, error)
        else:
            link = request.build_absolute_uri(reverse("survey_public", kwargs={"token": issued.token}))
            qr = segno.make(link, error="m").svg_inline(scale=4)
            response = render(
                request,
                "feedback/invitation_print.html",
                {"case": case, "invitation": issued.invitation, "link": link, "qr": qr},
            )
            response["Cache-Control"] = "no-store"
            return response
    return render(request, "feedback/invitation_form.html", {"case": case, "form": form})


# --- The public questionnaire (no login) --------------------------------------------------------------------------

UNUSABLE_STATUS = {services.UNKNOWN: 404, services.EXPIRED: 410, services.USED: 410, services.REVOKED: 410}


def _public(request, template: str, context: dict, status: int = 200):
    response = render(request, template, context, status=status)
    response["Cache-Control"] = "no-store"
    # The token never leaks to another site. Not "no-referrer": with it Chromium sends "Origin: null" with the
    # form's own POST, which Django's CSRF check refuses (the browser test answers a survey through its link).
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex"
    return response


def _unusable(request, state: str):
    return _public(request, "feedback/public_unusable.html", {"state": state}, status=UNUSABLE_STATUS[state])


@never_cache
@csrf_protect
def survey_public(request, token: str):
    """The questionnaire behind a one-time link: only the questions and the Centre's name, never the case or the
    person. Tampered, unknown, expired, used or revoked links get a plain page saying so; nothing is saved twice."""
    if not ratelimit.allow(request):
        return _public(request, "feedback/public_limited.html", {}, status=429)
    invitation = services.invitation_for_token(token)
    state = services.invitation_state(invitation)
    if state:
        return _unusable(request, state)
    form = QuestionnaireForm(request.POST or None, version=invitation.version)
    if request.method == "POST" and form.is_valid():
        try:
            services.response_submit_by_link(
                token=token,
                answers=form.answers(),
                comment=form.cleaned_data["comment"],
                comment_is_complaint=form.cleaned_data["comment_is_complaint"],
            )
        except services.LinkUnusable as exc:
            return _unusable(request, exc.state)
        except ValidationError as error:
            apply_form_errors(form, error)
        else:
            return redirect("survey_thanks")
    return _public(
        request,
        "feedback/public_survey.html",
        {"form": form, "centre_name": invitation.centre.name, "version": invitation.version},
    )


def survey_thanks(request):
    return _public(request, "feedback/public_thanks.html", {})
