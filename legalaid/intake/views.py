"""Intake pages: receive a request, decide on it, the request and case lists with their exports, the case page."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from legalaid.cases.models import LegalAidCase
from legalaid.cases.next_step import decided
from legalaid.core import audit, confirm, exports
from legalaid.core.choices import CommuneFlagKind
from legalaid.core.models import CommuneFlag
from legalaid.core.views import apply_form_errors
from legalaid.eligibility import evaluate
from legalaid.eligibility.forms import FactsForm
from legalaid.eligibility.models import Category, ProofDocument
from legalaid.eligibility.rules import Facts
from legalaid.eligibility.views import render_form_result
from legalaid.lib.formatting import format_date
from legalaid.lib.pagination import paginate
from legalaid.lib.parsing import parse_date, parse_id, parse_int
from legalaid.lib.xlsx import xlsx_response
from legalaid.people import services as people_services
from legalaid.people.forms import PersonForm
from legalaid.people.models import Ethnicity, Person

from . import papers, selectors, services
from .choices import Channel, DecisionKind, RefusalGround, UrgencyReason
from .filters import RequestFilter
from .forms import AcceptForm, AskPapersForm, ReferralForm, RefuseForm, RequestForm, SimpleMatterForm, TransferForm
from .models import LegalAidRequest, SimpleMatter

#: The FactsForm fields the intake page shows (date of birth and year come from the beneficiary).
FACT_FLAGS = [
    "revolutionary_merit",
    "martyr_relative",
    "agent_orange",
    "disability",
    "hiv",
    "domestic_violence_victim",
    "ethnic_minority",
    "lives_in_especially_difficult_area",
    "receives_social_allowance",
    "in_social_protection_facility",
    "trafficking_victim",
    "trafficking_under_identification",
    "accompanying_trafficking_victim",
    "foreigner",
]


def _parse_date(text: str | None) -> dt.date | None:
    return parse_date(text)


# --- Eligibility facts of the request form ---------------------------------------------------------------------


def _especially_difficult(commune_id, on_date: dt.date) -> bool:
    if not commune_id:
        return False
    return (
        CommuneFlag.objects.active_on(on_date)
        .filter(commune_id=commune_id, kind=CommuneFlagKind.ESPECIALLY_DIFFICULT)
        .exists()
    )


def _facts_form(data, *, person: dict, on_date: dt.date) -> FactsForm:
    """The eligibility FactsForm of the posted facts, completed with what the beneficiary's record says: date or
    year of birth, ethnicity, disability, and the especially-difficult flag of their commune on the request date."""
    data = data.copy()
    for key in ("date_of_birth", "birth_year", "on_date"):
        data.pop(key, None)
    data["on_date"] = on_date.strftime("%d/%m/%Y")
    if person.get("date_of_birth"):
        data["date_of_birth"] = person["date_of_birth"].strftime("%d/%m/%Y")
    elif person.get("birth_year"):
        data["birth_year"] = str(person["birth_year"])
    if person.get("minority"):
        data["ethnic_minority"] = "on"
    if person.get("disability"):
        data["disability"] = "on"
    if _especially_difficult(person.get("commune_id"), on_date):
        data["lives_in_especially_difficult_area"] = "on"
    return FactsForm(data)


def _person_facts(person: Person) -> dict:
    return {
        "date_of_birth": person.date_of_birth,
        "birth_year": person.birth_year,
        "minority": person.is_minority,
        "disability": person.has_disability,
        "commune_id": person.commune_id,
    }


def _posted_person_facts(data, user) -> dict:
    """Best-effort facts from the raw POST (the live preview): the chosen person, or the new person's fields."""
    chosen = parse_id(data.get("beneficiary"))
    if chosen:
        person = Person.objects.visible_to(user).select_related("ethnicity").filter(pk=chosen).first()
        if person is not None:
            return _person_facts(person)
    ethnicity = parse_id(data.get("person-ethnicity"))
    minority = bool(ethnicity and Ethnicity.objects.filter(pk=ethnicity).values_list("is_minority", flat=True).first())
    return {
        "date_of_birth": _parse_date(data.get("person-date_of_birth")),
        "birth_year": parse_int(data.get("person-birth_year"), min_value=1000, max_value=9999),
        "minority": minority,
        "disability": bool(data.get("person-has_disability")),
        "commune_id": parse_id(data.get("person-commune")),
    }


def _facts_json(facts: Facts, on_date: dt.date) -> dict:
    out = {}
    for key, value in facts.__dict__.items():
        if isinstance(value, dt.date):
            value = value.isoformat()
        elif isinstance(value, frozenset):
            value = sorted(value)
        out[key] = value
    out["on_date"] = on_date.isoformat()
    return out


@login_required
@permission_required("intake.add_request", raise_exception=True)
@require_POST
def eligibility_preview(request):
    """htmx: the eligibility result of the facts entered so far (the eligibility app's partial)."""
    on_date = _parse_date(request.POST.get("received_on")) or timezone.localdate()
    if on_date > timezone.localdate():
        on_date = timezone.localdate()
    form = _facts_form(request.POST, person=_posted_person_facts(request.POST, request.user), on_date=on_date)
    return render_form_result(request, form)


# --- Receiving a request -----------------------------------------------------------------------------------------


@login_required
@permission_required("intake.add_request", raise_exception=True)
@require_POST
def person_search(request):
    """htmx: persons the user sees, by folded name or ID number, as radio buttons named ``beneficiary`` or
    ``requester``. By POST only: the name or number typed never goes into a URL (issue 14 item 4)."""
    name = "requester" if request.POST.get("field") == "requester" else "beneficiary"
    text = (request.POST.get(f"{name}_q") or request.POST.get("q") or "").strip()
    people = []
    if len(text) >= 2:
        people = list(Person.objects.visible_to(request.user).search(text).select_related("commune", "province")[:10])
    return render(request, "intake/_person_choices.html", {"people": people, "name": name, "q": text})


@login_required
@permission_required("intake.add_request", raise_exception=True)
def referral_fields(request):
    """htmx: the referral fields when the channel is "referral", nothing otherwise."""
    form = (
        ReferralForm(user=request.user, prefix="referral") if request.GET.get("channel") == Channel.REFERRAL else None
    )
    return render(request, "intake/_referral_fields.html", {"referral_form": form})


@login_required
@permission_required("intake.add_request", raise_exception=True)
def request_create(request):
    post = request.POST if request.method == "POST" else None
    form = RequestForm(post, user=request.user)
    person_form = PersonForm(post, user=request.user, prefix="person")
    requester_form = PersonForm(post, user=request.user, prefix="requester")
    referral_form = ReferralForm(post, user=request.user, prefix="referral")
    facts_form = FactsForm(post)
    if post is None:
        return _render_create(request, form, person_form, requester_form, referral_form, facts_form, None)

    valid = form.is_valid()
    chosen = form.cleaned_data.get("beneficiary")
    if chosen is None:
        valid = person_form.is_valid() and valid
    new_requester = form.cleaned_data.get("requester_mode") == "new"
    if new_requester:
        valid = requester_form.is_valid() and valid
    referral = post.get("channel") == Channel.REFERRAL
    if referral:
        valid = referral_form.is_valid() and valid
    facts_form = None
    if valid:
        on_date = form.cleaned_data["received_on"]
        if chosen is not None:
            person_facts = _person_facts(chosen)
        else:
            data = person_form.cleaned_data
            ethnicity = data.get("ethnicity")
            person_facts = {
                "date_of_birth": data.get("date_of_birth"),
                "birth_year": data.get("birth_year"),
                "minority": bool(ethnicity and ethnicity.is_minority),
                "disability": data.get("has_disability"),
                "commune_id": data["commune"].pk if data.get("commune") else None,
            }
        facts_form = _facts_form(post, person=person_facts, on_date=on_date)
        valid = facts_form.is_valid()
    else:
        facts_form = FactsForm(post)
    if valid:
        created = _receive(
            request, form, person_form, requester_form, referral_form, facts_form, chosen, new_requester, referral
        )
        if created is not None:
            messages.success(request, _("Đã tiếp nhận yêu cầu số %(id)s.") % {"id": created.pk})
            return redirect("intake:request_detail", pk=created.pk)
    return _render_create(request, form, person_form, requester_form, referral_form, facts_form, chosen)


def _receive(request, form, person_form, requester_form, referral_form, facts_form, chosen, new_requester, referral):
    """Create the person(s), then receive the request: one transaction; errors go back beside their fields."""
    actor = request.user
    on_date = form.cleaned_data["received_on"]
    facts = facts_form.to_facts()
    result = evaluate(facts, on_date)
    categories = list(Category.objects.active_on(on_date).filter(ref__in=result.refs))
    step = form
    try:
        with transaction.atomic():
            if chosen is None:
                step = person_form
                beneficiary = people_services.person_create(actor=actor, person=person_form.save(commit=False))
            else:
                beneficiary = chosen
            mode = form.cleaned_data["requester_mode"]
            if mode == "new":
                step = requester_form
                requester = people_services.person_create(actor=actor, person=requester_form.save(commit=False))
            elif mode == "existing":
                requester = form.cleaned_data["requester"]
            else:
                requester = beneficiary
            step = form
            obj = form.save(commit=False)
            obj.beneficiary = beneficiary
            obj.requester = requester
            obj.received_at = form.received_at
            obj.eligibility_facts = _facts_json(facts, on_date)
            obj.papers_received = sorted(facts.proofs_provided)
            referral_data = None
            if referral:
                step = referral_form
                cd = referral_form.cleaned_data
                referral_data = services.ReferralData(
                    agency=cd["agency"],
                    procedural_status=cd["procedural_status"],
                    requested_at_agency=referral_form.requested_at,
                    officer_name=cd["officer_name"],
                    referral_number=cd["referral_number"],
                    referral_date=cd["referral_date"],
                )
            step = form
            return services.request_receive(actor=actor, request=obj, categories=categories, referral=referral_data)
    except ValidationError as error:
        if chosen is None:
            person_form.instance.pk = None
        if new_requester:
            requester_form.instance.pk = None
        apply_form_errors(step, error)
    except PermissionDenied as error:
        form.add_error(None, str(error))
    return None


def _render_create(request, form, person_form, requester_form, referral_form, facts_form, chosen):
    channel = form.data.get("channel") if form.is_bound else form.initial.get("channel")
    requester_mode = (form.data.get("requester_mode") if form.is_bound else None) or "same"
    chosen_requester = form.cleaned_data.get("requester") if form.is_bound and hasattr(form, "cleaned_data") else None
    forms = [form, facts_form]
    if form.is_bound and chosen is None:
        forms.append(person_form)
    if requester_mode == "new":
        forms.append(requester_form)
    if channel == Channel.REFERRAL:
        forms.append(referral_form)
    return render(
        request,
        "intake/request_form.html",
        {
            "form": form,
            "person_form": person_form,
            "requester_form": requester_form,
            "referral_form": referral_form if channel == Channel.REFERRAL else None,
            "facts_form": facts_form,
            "fact_flags": FACT_FLAGS,
            "chosen": chosen,
            "chosen_requester": chosen_requester,
            "requester_mode": requester_mode,
            "all_forms": [f for f in forms if f is not None and f.is_bound and f.errors],
        },
    )


# --- Request detail and decisions --------------------------------------------------------------------------------


def _visible_request(user, pk: int) -> LegalAidRequest:
    """The request if ``user`` sees it; else a 404, and the attempt goes to the access log."""
    return audit.visible_or_404(
        user,
        LegalAidRequest.objects.visible_to(user).select_related(
            "beneficiary",
            "requester",
            "field_of_law",
            "desired_form",
            "centre",
            "branch",
            "received_by",
            "referral",
            "referral__agency",
            "case",
        ),
        pk,
    )


def _eligibility(obj: LegalAidRequest):
    if not obj.eligibility_facts:
        return None
    on_date = _parse_date(obj.eligibility_facts.get("on_date")) or timezone.localdate(obj.received_at)
    try:
        return evaluate(obj.eligibility_facts, on_date)
    except ValueError:
        return None


def _action_forms(obj: LegalAidRequest, bound: dict | None = None) -> dict:
    reasons = services.urgency_reasons(obj)
    initial = {"version": obj.version}
    forms = {
        "accept_form": AcceptForm(
            prefix="accept",
            initial={
                **initial,
                "form_of_aid": obj.desired_form_id,
                "immediate": bool(reasons),
                "urgency_reason": reasons[0] if reasons else "",
            },
        ),
        "papers_form": AskPapersForm(prefix="papers", initial=initial),
        "refuse_form": RefuseForm(prefix="refuse", initial=initial),
        "transfer_form": TransferForm(prefix="transfer", initial=initial),
    }
    forms.update(bound or {})
    return forms


def _render_detail(request, obj: LegalAidRequest, bound: dict | None = None, status: int = 200):
    audit.log_access(user=request.user, instance=obj)
    reasons = services.urgency_reasons(obj)
    is_open = obj.status in services.OPEN_STATUSES
    context = {
        "obj": obj,
        "result": _eligibility(obj),
        "urgency": [UrgencyReason(r).label for r in reasons],
        "conflicts": services.find_conflicts(obj) if is_open else [],
        "decisions": obj.decisions.select_related("decided_by"),
        "categories": list(obj.categories.all()),
        "papers_received": ProofDocument.objects.filter(code__in=obj.papers_received or []),
        "can_decide": is_open and request.user.has_perm("intake.decide_request"),
        "is_open": is_open,
        "open_action": next(iter(bound), None) if bound else None,
        "papers": papers.request_papers(request.user, obj),
        "now": timezone.now(),
        **selectors.deadlines(),
        **_action_forms(obj, bound),
    }
    return render(request, "intake/request_detail.html", context, status=status)


@login_required
@permission_required("intake.view_request", raise_exception=True)
def request_detail(request, pk: int):
    """The request with its panels; each view is written to the access log (personal data)."""
    return _render_detail(request, _visible_request(request.user, pk))


def _success_message(obj: LegalAidRequest, result) -> str:
    """What was decided and what comes next (``cases.next_step``)."""
    if isinstance(result, LegalAidCase):
        return decided(
            _("Đã thụ lý vụ việc %(code)s.") % {"code": result.code},
            "accept_branch" if result.branch_id else "accept",
        )
    if result.kind == DecisionKind.ASK_PAPERS:
        return decided(
            _("Đã yêu cầu bổ sung giấy tờ cho yêu cầu số %(id)s.") % {"id": obj.pk},
            "ask_papers",
            due=format_date(result.papers_due_on),
        )
    if result.kind == DecisionKind.REFUSE:
        return decided(_("Đã từ chối yêu cầu số %(id)s.") % {"id": obj.pk}, "refuse")
    if result.kind == DecisionKind.TRANSFER:
        return decided(
            _("Đã chuyển yêu cầu số %(id)s đến %(to)s.") % {"id": obj.pk, "to": result.transfer_to},
            "transfer",
            to=result.transfer_to,
        )
    return _("Đã ghi quyết định: %(kind)s.") % {"kind": result.get_kind_display()}


def _request_rows(obj: LegalAidRequest) -> list[tuple[str, str]]:
    return [
        (_("Yêu cầu"), _("Số %(id)s, tiếp nhận ngày %(day)s") % {"id": obj.pk, "day": format_date(obj.received_at)}),
        (_("Người được trợ giúp"), obj.beneficiary.full_name),
        (_("Người yêu cầu"), obj.requester.full_name),
        (_("Lĩnh vực"), str(obj.field_of_law)),
    ]


def _refusal_preview(obj: LegalAidRequest, data: dict) -> dict:
    return {
        "title": _("Xác nhận từ chối yêu cầu"),
        "rows": [
            *_request_rows(obj),
            (_("Lý do từ chối"), RefusalGround(data["ground"]).label),
            (_("Nội dung lý do"), data["note"]),
            (_("Ngày từ chối"), format_date(timezone.localdate())),
        ],
        "grounds": [_("Khoản 3 Điều 30 Luật Trợ giúp pháp lý số 11/2017/QH14")],
        "notes": [
            _(
                "Sau khi xác nhận, yêu cầu kết thúc ở trạng thái “Từ chối” và không thể quyết định lại; "
                "người yêu cầu được thông báo bằng văn bản nêu rõ lý do."
            )
        ],
        "confirm_label": _("Xác nhận từ chối"),
        "danger": True,
    }


def _transfer_preview(obj: LegalAidRequest, data: dict) -> dict:
    rows = [
        *_request_rows(obj),
        (_("Chuyển đến"), data["transfer_to"]),
        (_("Ngày chuyển"), format_date(timezone.localdate())),
    ]
    if data.get("note"):
        rows.append((_("Ghi chú"), data["note"]))
    return {
        "title": _("Xác nhận chuyển yêu cầu"),
        "rows": rows,
        "notes": [_("Sau khi xác nhận, yêu cầu kết thúc ở trạng thái “Đã chuyển” và không thể quyết định lại.")],
        "confirm_label": _("Xác nhận chuyển"),
    }


def _decision_view(form_class, prefix: str, key: str, call, preview=None):
    """The POST of one decision form of the request page. With ``preview`` (refusal, transfer: final decisions), the
    first POST shows the decision for confirmation and only the confirming POST calls the service
    (``legalaid.core.confirm``)."""

    @login_required
    @permission_required("intake.view_request", raise_exception=True)
    @require_POST
    def view(request, pk: int):
        obj = _visible_request(request.user, pk)
        if not request.user.has_perm("intake.decide_request"):
            raise PermissionDenied
        form = form_class(request.POST, prefix=prefix)
        step = confirm.step_of(request) if preview else confirm.CONFIRM
        if form.is_valid() and step != confirm.BACK:
            data = dict(form.cleaned_data)
            version = data.pop("version")
            try:
                if step == confirm.PREVIEW:
                    services.request_decision_check(actor=request.user, request=obj, expected_version=version)
                else:
                    result = call(actor=request.user, request=obj, expected_version=version, **data)
            except ValidationError as error:
                apply_form_errors(form, error)
            else:
                if step == confirm.PREVIEW:
                    page = confirm.Preview(
                        action=request.path,
                        hidden=confirm.replay(form),
                        breadcrumbs=[
                            (_("Tiếp nhận yêu cầu"), reverse("intake:request_list")),
                            (_("Yêu cầu số %(id)s") % {"id": obj.pk}, reverse("intake:request_detail", args=[obj.pk])),
                        ],
                        **preview(obj, form.cleaned_data),
                    )
                    return render(request, "core/confirm.html", {"preview": page})
                messages.success(request, _success_message(obj, result))
                if isinstance(result, LegalAidCase):
                    return redirect("cases:case_detail", pk=result.pk)
                return redirect("intake:request_detail", pk=obj.pk)
        return _render_detail(request, obj, {key: form})

    view.__name__ = f"request_{prefix}"
    return view


request_accept = _decision_view(AcceptForm, "accept", "accept_form", services.request_accept)
request_ask_papers = _decision_view(AskPapersForm, "papers", "papers_form", services.request_ask_papers)
request_refuse = _decision_view(RefuseForm, "refuse", "refuse_form", services.request_refuse, _refusal_preview)
request_transfer = _decision_view(
    TransferForm, "transfer", "transfer_form", services.request_transfer, _transfer_preview
)


# --- Case detail -------------------------------------------------------------------------------------------------


@login_required
def case_detail(request, pk: int):
    """The case's home is the cases app's page (``cases:case_detail``) since issue 4; old links still work."""
    return redirect("cases:case_detail", pk=pk)


# --- Lists and exports -------------------------------------------------------------------------------------------


@login_required
@permission_required("intake.view_request", raise_exception=True)
def request_list(request):
    filterset = RequestFilter(request.GET, queryset=selectors.request_list(user=request.user), user=request.user)
    if request.GET.get("export") == "xlsx":
        if not request.user.has_perm("intake.export_request"):
            raise PermissionDenied
        rows = exports.rows_or_none(request, filterset.qs)
        if rows is None:
            return exports.start_background(request, "requests")
        exports.log_export(request.user, rows, LegalAidRequest)
        return xlsx_response(
            "yeu-cau-tro-giup.xlsx",
            _("Yêu cầu trợ giúp pháp lý"),
            _request_export_headers(),
            _request_export_rows(rows),
        )
    page = paginate(request, filterset.qs)
    template = "intake/_request_table.html" if request.htmx and not request.htmx.boosted else "intake/request_list.html"
    return render(
        request,
        template,
        {
            "filter": filterset,
            "page": page,
            "can_add": request.user.has_perm("intake.add_request"),
            **selectors.deadlines(),
        },
    )


def _request_export_headers() -> list[str]:
    return [
        _("Số yêu cầu"),
        _("Thời điểm tiếp nhận"),
        _("Người được trợ giúp"),
        _("Số giấy tờ"),
        _("Đơn vị tiếp nhận"),
        _("Hình thức tiếp nhận"),
        _("Lĩnh vực"),
        _("Hình thức trợ giúp đề nghị"),
        _("Diện"),
        _("Trạng thái"),
        _("Hạn bổ sung giấy tờ"),
        _("Mã hồ sơ"),
    ]


def _request_export_rows(rows):
    return (
        (
            r.pk,
            timezone.localtime(r.received_at).replace(tzinfo=None),
            r.beneficiary.full_name,
            r.beneficiary.id_number,
            str(r.receiving_unit),
            r.get_channel_display(),
            str(r.field_of_law),
            str(r.desired_form),
            ", ".join(c.ref for c in r.categories.all()),
            r.get_status_display(),
            r.papers_due_on,
            _case_code(r),
        )
        for r in rows
    )


def export_spec(user, params) -> exports.ExportSpec:
    """The request list's export with ``params`` as ``user`` sees it (a background export, ``core.exports``)."""
    filterset = RequestFilter(params, queryset=selectors.request_list(user=user), user=user)
    return exports.ExportSpec(
        filename="yeu-cau-tro-giup.xlsx",
        title=_("Yêu cầu trợ giúp pháp lý"),
        headers=_request_export_headers(),
        queryset=filterset.qs,
        rows=_request_export_rows,
        model=LegalAidRequest,
    )


def _case_code(req: LegalAidRequest) -> str:
    try:
        return req.case.code
    except LegalAidCase.DoesNotExist:
        return ""


def case_list(request):
    """The case list lives beside the case page (``cases:case_list``) since issue 8; old links keep their filters."""
    query = getattr(request, "url_params", request.GET).urlencode()  # a stored search keeps its key
    return redirect(reverse("cases:case_list") + (f"?{query}" if query else ""))


# --- Simple matters (việc TGPL) ----------------------------------------------------------------------------------


@login_required
@permission_required("intake.view_simplematter", raise_exception=True)
def simple_matter_list(request):
    matters = SimpleMatter.objects.visible_to(request.user).select_related(
        "person", "field_of_law", "register", "register__organisation", "answered_by"
    )
    page = paginate(request, matters)
    return render(
        request,
        "intake/simple_matter_list.html",
        {"page": page, "can_add": request.user.has_perm("intake.add_simplematter")},
    )


@login_required
@permission_required("intake.add_simplematter", raise_exception=True)
def simple_matter_create(request):
    form = SimpleMatterForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            matter = services.simple_matter_record(actor=request.user, matter=form.save(commit=False))
        except ValidationError as error:
            apply_form_errors(form, error)
        except PermissionDenied as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Đã ghi vào sổ, số %(n)s.") % {"n": matter.number})
            return redirect("intake:simple_matter_list")
    return render(request, "intake/simple_matter_form.html", {"form": form})
