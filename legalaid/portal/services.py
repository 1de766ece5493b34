"""The portal's operations: send an online request, look up its status, add the papers asked for, send feedback.

An online request becomes intake's request through intake's own services (``people.services.person_create`` and
``intake.services.request_receive``), with channel "online" and the receiving unit that serves the commune; the
portal writes only its own record (receipt code hash, consent, papers). Every sending is one transaction: a bad
paper, a bad field or a rule of intake refused leaves nothing behind. Every operation writes the audit trail.
"""

from __future__ import annotations

import datetime as dt
import logging
import unicodedata
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from legalaid.core import audit
from legalaid.core.choices import AuditAction, Role
from legalaid.core.hotlines import national_hotline
from legalaid.core.tasks import notify_after_commit
from legalaid.intake import services as intake_services
from legalaid.intake.choices import Channel, DecisionKind, Relationship, RequestStatus
from legalaid.intake.models import FieldOfLaw, FormOfAid, LegalAidRequest
from legalaid.lib.formatting import format_date
from legalaid.people import services as people_services
from legalaid.people.choices import IdType
from legalaid.people.models import Person

from . import codes, consent, uploads
from .choices import Applicant, PaperStage, SecondItem
from .models import OnlineRequest, SubmittedPaper
from .selectors import office_for

log = logging.getLogger("legalaid.portal")


# --- The portal's service account ---------------------------------------------------------------------------------


def portal_actor(unit):
    """The account in whose name the portal records what the public sends to ``unit`` (a Centre or a branch).

    Intake's services record who received a request and check that the receiver works for the unit; an online
    request has no member of staff behind it, so each receiving unit has one system account, named for the portal,
    with the intake role, no usable password and no e-mail: it can never sign in (docs/portal.md)."""
    User = get_user_model()
    user = User.objects.filter(username=f"cong-dich-vu-{unit.pk}").first()
    if user is None:
        user = User(
            username=f"cong-dich-vu-{unit.pk}",
            full_name=str(_("Cổng dịch vụ công trực tuyến")),
            role=Role.INTAKE,
            organisation=unit,
            job_title=str(_("Tài khoản hệ thống, không đăng nhập được")),
            is_system_account=True,
        )
        user.set_unusable_password()
        user.save()
    return user


# --- Sending a request --------------------------------------------------------------------------------------------


@dataclass
class PersonData:
    full_name: str
    sex: str
    date_of_birth: dt.date | None = None
    birth_year: int | None = None


@dataclass
class RequestData:
    """What the online form collects (``forms.RequestForm.to_data``)."""

    applicant: str  # Applicant
    requester: PersonData
    phone: str
    province_id: int
    commune_id: int
    street: str
    need: str  # Need: the code of intake's FormOfAid
    field_of_law_id: int
    summary: str
    consent: bool
    email: str = ""
    beneficiary: PersonData | None = None  # when the applicant writes for someone else
    relationship: str = Relationship.SELF
    papers: list = field(default_factory=list)


@dataclass(frozen=True)
class Receipt:
    code: str  # the code in clear, shown once
    online: OnlineRequest

    @property
    def display_code(self) -> str:
        return codes.display(self.code)


def _digits(phone: str) -> str:
    return "".join(ch for ch in phone or "" if ch.isdigit())


def _person(data: PersonData, *, actor, centre, branch, request_data: RequestData, phone: str) -> Person:
    person = Person(
        full_name=" ".join(data.full_name.split()),
        id_type=IdType.NONE,  # not asked online; staff enter and check the identity paper when they meet the person
        sex=data.sex,
        date_of_birth=data.date_of_birth,
        birth_year=data.birth_year,
        phone=phone,
        province_id=request_data.province_id,
        commune_id=request_data.commune_id,
        street=request_data.street.strip(),
        centre=centre,
        branch=branch,
        notes=str(_("Ghi từ yêu cầu gửi trực tuyến; chưa đối chiếu giấy tờ.")),
    )
    return people_services.person_create(actor=actor, person=person)


def _new_unique_code() -> str:
    for _attempt in range(5):
        code = codes.new_code()
        if not OnlineRequest.objects.filter(receipt_hash=codes.code_hash(code)).exists():
            return code
    raise RuntimeError("no free receipt code after 5 draws")  # 23**12 codes: never in practice


def _check_papers(files: list) -> None:
    """The uploads' checks, their messages put beside the papers field."""
    try:
        uploads.check(files)
    except ValidationError as error:
        raise ValidationError({"papers": error.messages}) from None


def _store_papers(online: OnlineRequest, files: list, *, stage: str, description: str = "") -> list[SubmittedPaper]:
    stored = []
    for upload in files:
        try:
            ready = uploads.prepared(upload)
        except ValidationError as error:
            raise ValidationError({"papers": error.messages}) from None
        paper = SubmittedPaper(
            online=online,
            original_name=(upload.name or "")[:255],
            size=ready.size,
            stage=stage,
            description=description[:255],
        )
        paper.file.save(upload.name or "giay-to", ready, save=False)
        paper.full_clean()
        paper.save()
        stored.append(paper)
    return stored


@transaction.atomic
def request_submit(*, data: RequestData, received_at: dt.datetime | None = None) -> Receipt:
    """Record an online request (Law Art. 29, electronic channel) in the intake queue of the office that serves the
    commune, with the person(s), the papers and the consent; return the receipt code (shown once, stored hashed)."""
    if not data.consent:
        raise ValidationError({"consent": _("Cần có sự đồng ý của ông/bà để Trung tâm xem xét yêu cầu.")})
    _check_papers(data.papers)
    office = office_for(province_id=data.province_id, commune_id=data.commune_id)
    if office is None:
        raise ValidationError(
            {
                "province": _("Tỉnh, thành phố này chưa nhận yêu cầu trực tuyến. Hãy gọi đường dây nóng %(hotline)s.")
                % {"hotline": national_hotline()}
            }
        )
    field_of_law = FieldOfLaw.objects.filter(pk=data.field_of_law_id).first()
    if field_of_law is None:
        raise ValidationError({"field_of_law": _("Hãy chọn lĩnh vực.")})
    form = FormOfAid.objects.filter(code=data.need).first()
    if form is None:
        raise ValidationError({"need": _("Hãy chọn điều ông/bà cần.")})
    actor = portal_actor(office.unit)
    phone = " ".join(data.phone.split())
    try:
        requester = _person(
            data.requester, actor=actor, centre=office.centre, branch=office.branch, request_data=data, phone=phone
        )
        if data.applicant == Applicant.RELATIVE and data.beneficiary is not None:
            beneficiary = _person(
                data.beneficiary, actor=actor, centre=office.centre, branch=office.branch, request_data=data, phone=""
            )
            relationship = data.relationship
        else:
            beneficiary, relationship = requester, Relationship.SELF
        request = LegalAidRequest(
            channel=Channel.ONLINE,
            received_at=received_at or timezone.now(),
            requester=requester,
            beneficiary=beneficiary,
            relationship=relationship,
            field_of_law=field_of_law,
            desired_form=form,
            summary=data.summary.strip(),
        )
        request = intake_services.request_receive(actor=actor, request=request)
    except PermissionDenied as error:  # the office's set-up, never the person's fault
        log.error("portal: the service account of unit %s was refused: %s", office.unit.pk, error)
        raise ValidationError(
            _("Chưa gửi được yêu cầu. Hãy gọi đường dây nóng %(hotline)s.") % {"hotline": national_hotline()}
        ) from None
    code = _new_unique_code()
    birth = data.requester.date_of_birth
    last4 = _digits(phone)[-4:]
    online = OnlineRequest(
        request=request,
        receipt_hash=codes.code_hash(code),
        birth_date_hash=codes.item_hash(code, SecondItem.BIRTH_DATE, birth.isoformat()) if birth else "",
        phone_hash=codes.item_hash(code, SecondItem.PHONE, last4) if len(last4) == 4 else "",
        consent_at=timezone.now(),
        consent_version=consent.CURRENT,
    )
    online.full_clean()
    online.save()
    audit.record(actor=actor, action=AuditAction.CREATE, instance=online, message="portal: online request")
    papers = _store_papers(online, data.papers, stage=PaperStage.WITH_REQUEST)
    for paper in papers:
        audit.record(actor=actor, action=AuditAction.CREATE, instance=paper, centre_id=request.centre_id)
    if data.email:
        notify_after_commit(
            to=data.email.strip(),
            subject=_("Trung tâm Trợ giúp pháp lý đã nhận yêu cầu của ông/bà"),
            body=receipt_text(code, request.received_at, office.unit),
        )
    return Receipt(code=code, online=online)


def receipt_text(code: str, received_at: dt.datetime, unit) -> str:
    """The receipt, short enough for a text message; also the body of the e-mail."""
    return _(
        "Trung tâm Trợ giúp pháp lý đã nhận yêu cầu của ông/bà ngày %(day)s. Mã tra cứu: %(code)s. "
        "Tra cứu tại trang Cổng dịch vụ công, mục “Tra cứu yêu cầu”, hoặc gọi %(phone)s."
    ) % {
        "day": format_date(timezone.localdate(received_at)),
        "code": codes.display(code),
        "phone": unit.phone or national_hotline(),
    }


def sms_text(text: str) -> str:
    """The text without diacritics (a message in plain Latin letters fits 160 characters to a part on any phone)."""
    text = text.replace("đ", "d").replace("Đ", "D").replace("“", '"').replace("”", '"')
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))


# --- Status lookup ------------------------------------------------------------------------------------------------


def find(
    *, typed_code: str, item: str, birth_date: dt.date | None = None, phone_last4: str = ""
) -> OnlineRequest | None:
    """The online request whose receipt code and second item both match, else None (and the refusal is written to
    the audit trail when the code matched: someone knows a code but not the person)."""
    code = codes.normalise(typed_code)
    if not code:
        return None
    online = OnlineRequest.objects.filter(receipt_hash=codes.code_hash(code)).select_related("request").first()
    if online is None:
        return None
    if item == SecondItem.BIRTH_DATE and birth_date:
        expected, given = online.birth_date_hash, codes.item_hash(code, SecondItem.BIRTH_DATE, birth_date.isoformat())
    elif item == SecondItem.PHONE and phone_last4:
        expected, given = online.phone_hash, codes.item_hash(code, SecondItem.PHONE, phone_last4)
    else:
        expected, given = "", "-"
    if not expected or expected != given:
        with transaction.atomic():
            audit.record(
                actor=None,
                action=AuditAction.ACTION,
                instance=online,
                message="portal: status lookup refused (second item wrong)",
                centre_id=online.request.centre_id,
            )
        return None
    return online


@dataclass(frozen=True)
class Status:
    """Where a request stands, in plain words, and nothing else about the case, the provider or anyone."""

    state: str  # RequestStatus
    title: str
    explanation: str
    received_on: dt.date
    missing_papers: tuple[str, ...] = ()
    papers_due_on: dt.date | None = None
    case_code: str = ""
    reason: str = ""
    can_upload: bool = False
    papers_sent: int = 0


def status_of(online: OnlineRequest) -> Status:
    request = online.request
    received_on = timezone.localdate(request.received_at)
    last = request.decisions.order_by("-decided_at", "-id").first()
    papers_sent = online.papers.count()
    common = {"state": request.status, "received_on": received_on, "papers_sent": papers_sent}
    if request.status == RequestStatus.AWAITING_PAPERS:
        asked = last if last is not None and last.kind == DecisionKind.ASK_PAPERS else None
        return Status(
            title=_("Cần bổ sung giấy tờ"),
            explanation=_(
                "Trung tâm đã xem yêu cầu và cần thêm những giấy tờ dưới đây. Ông/bà có thể chụp ảnh và gửi "
                "ngay ở đây, hoặc mang đến văn phòng."
            ),
            missing_papers=tuple(asked.missing_papers) if asked else (),
            papers_due_on=request.papers_due_on,
            can_upload=True,
            **common,
        )
    if request.status == RequestStatus.ACCEPTED:
        case = getattr(request, "case", None)
        return Status(
            title=_("Đã thụ lý"),
            explanation=_(
                "Trung tâm đã nhận giúp ông/bà (thụ lý). Người thực hiện trợ giúp pháp lý sẽ liên hệ với ông/bà."
            ),
            case_code=case.code if case else "",
            **common,
        )
    if request.status == RequestStatus.REFUSED:
        return Status(
            title=_("Trung tâm từ chối yêu cầu"),
            explanation=_(
                "Nếu không đồng ý, ông/bà có quyền khiếu nại với Giám đốc Trung tâm trong thời hạn luật định "
                "(Điều 45 Luật Trợ giúp pháp lý); gửi đơn tại văn phòng, qua đường bưu chính, hoặc mục “Góp ý, "
                "phản ánh” của trang này. Cần hỗ trợ, hãy gọi %(hotline)s."
            )
            % {"hotline": national_hotline()},
            reason=last.get_refusal_ground_display() if last is not None and last.refusal_ground else "",
            **common,
        )
    if request.status == RequestStatus.TRANSFERRED:
        return Status(
            title=_("Đã chuyển đến nơi có thẩm quyền"),
            explanation=_("Yêu cầu đã được chuyển đến: %(to)s. Nơi đó sẽ liên hệ với ông/bà.")
            % {"to": last.transfer_to if last is not None else ""},
            **common,
        )
    return Status(
        title=_("Đã nhận, đang xem xét"),
        explanation=_(
            "Trung tâm đã nhận yêu cầu và đang xem xét. Nếu cần thêm giấy tờ, trang này sẽ ghi rõ giấy tờ nào."
        ),
        can_upload=True,
        **common,
    )


@transaction.atomic
def papers_add(*, online: OnlineRequest, files: list, description: str = "") -> list[SubmittedPaper]:
    """Add the papers the person sends after the request (Law Art. 30(2)): only while it is still open."""
    request = LegalAidRequest.objects.select_for_update().get(pk=online.request_id)
    if request.status not in (RequestStatus.RECEIVED, RequestStatus.AWAITING_PAPERS):
        raise ValidationError(_("Yêu cầu đã được giải quyết; không gửi thêm giấy tờ ở đây được nữa."))
    if not files:
        raise ValidationError({"papers": _("Hãy chọn ít nhất một tệp.")})
    _check_papers(files)
    papers = _store_papers(online, files, stage=PaperStage.SUPPLEMENT, description=description.strip())
    for paper in papers:
        audit.record(actor=None, action=AuditAction.CREATE, instance=paper, centre_id=request.centre_id)
    audit.record(
        actor=None,
        action=AuditAction.ACTION,
        instance=request,
        message="portal: %(n)s papers added online" % {"n": len(papers)},
    )
    return papers


# --- Feedback -----------------------------------------------------------------------------------------------------


@transaction.atomic
def feedback_send(*, province_id: int, content: str, sender_name: str = "", sender_contact: str = ""):
    """Feedback about the quality of legal aid into the Centre's register (``feedback``'s seam for the web)."""
    from legalaid.feedback.services import entry_register_from_web

    office = office_for(province_id=province_id)
    if office is None:
        raise ValidationError({"province": _("Tỉnh, thành phố này chưa có Trung tâm nhận góp ý trực tuyến.")})
    if not (content or "").strip():
        raise ValidationError({"content": _("Hãy ghi nội dung góp ý.")})
    return entry_register_from_web(
        centre=office.centre, content=content.strip(), sender_name=sender_name, sender_contact=sender_contact
    )
