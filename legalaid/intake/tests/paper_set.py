"""One of every paper the system generates, from realistic data: a Centre of Lạng Sơn with its branch, a woman whose
case is accepted at once, assigned, given another provider and completed; a request asked for papers, one refused,
one transferred; a branch case discontinued; a simple matter; the plan report. Shared by the print tests."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from django.utils import timezone

from legalaid.cases import services as case_services
from legalaid.cases.choices import CaseStatus, DiscontinuationReason
from legalaid.cases.models import CaseCompletion
from legalaid.cases.workflow import case_transition
from legalaid.core.models import Province
from legalaid.core.tests.factories import build_world
from legalaid.intake import documents, services
from legalaid.intake.choices import RefusalGround, UrgencyReason
from legalaid.intake.models import FieldOfLaw, SimpleMatter
from legalaid.intake.tests.factories import receive_request
from legalaid.people.choices import Sex
from legalaid.people.tests.factories import PersonFactory
from legalaid.plans.documents.report import plan_report_docx
from legalaid.plans.selectors import plan_report
from legalaid.plans.tests.factories import make_plan
from legalaid.providers import documents as provider_documents
from legalaid.providers import services as provider_services
from legalaid.providers.tests.factories import provider_for


def _rename(world) -> None:
    """The test world's short names ("Trung tâm TGPL A") made as long as a real province's."""
    a = world.a
    for org, name in (
        (a.doj, "Sở Tư pháp tỉnh Lạng Sơn"),
        (a.centre, "Trung tâm Trợ giúp pháp lý nhà nước tỉnh Lạng Sơn"),
        (a.branch1, "Chi nhánh số 1 Trung tâm Trợ giúp pháp lý nhà nước tỉnh Lạng Sơn"),
    ):
        org.name = name
        org.save(update_fields=["name"])
    province = Province.objects.filter(name__icontains="Lạng Sơn").first()
    if province is not None:
        for org in (a.doj, a.centre):
            org.province = province
            org.save(update_fields=["province"])
    for user, name in (
        (a.director, "Nguyễn Văn Minh"),
        (a.intake, "Lý Thị Hồng"),
        (a.officer, "Hoàng Văn Quyết"),
        (a.lawyer, "Trần Quốc Bình"),
        (a.branch_officer, "Vi Thị Thu"),
    ):
        user.full_name = name
        user.save(update_fields=["full_name"])


def build_papers() -> tuple[SimpleNamespace, dict[str, bytes]]:
    """The records (``world``, ``request``, ``case``, ``first``, ``change``, ``asked``, ``refused``, ``transferred``,
    ``branch_case``, ``woman``, ``unknown``) and every paper as .docx bytes, by name. Call inside a test's database."""
    world = build_world()
    _rename(world)
    a = world.a
    today = timezone.localdate()

    woman = PersonFactory(
        centre=a.centre,
        full_name="Hoàng Thị Lan",
        sex=Sex.FEMALE,
        date_of_birth=dt.date(1979, 3, 8),
        street="Số 12, đường Bà Triệu, khối 4",
    )
    man = PersonFactory(centre=a.centre, full_name="Nông Văn Tuấn", sex=Sex.MALE, street="Thôn Khòn Pịt")
    unknown = PersonFactory(centre=a.centre, full_name="Lộc Thị Mai", sex=Sex.OTHER, street="Bản Pò Mạ")

    # The woman's case: accepted at once (trial in a few days), assigned, the provider changed, completed.
    request = receive_request(
        a.intake,
        beneficiary=woman,
        form="litigation",
        field="criminal",
        summary="Bị hại trong vụ án cố ý gây thương tích, đề nghị cử người bảo vệ quyền lợi tại phiên tòa sơ thẩm.",
        papers_received=["Giấy chứng nhận hộ nghèo năm 2026"],
    )
    case = services.request_accept(
        actor=a.intake,
        request=request,
        immediate=True,
        urgency_reason=UrgencyReason.TRIAL_SOON,
        papers_due_on=today + dt.timedelta(days=7),
    )
    officer = provider_for(a.officer, card_number="TGV-0123/2019")
    lawyer = provider_for(a.lawyer, card_number="12345/TP/LS-CCHN")
    first = provider_services.case_assign(actor=a.director, case=case, provider=officer)
    case.refresh_from_db()
    change = provider_services.case_change_provider(
        actor=a.director,
        case=case,
        new_provider=lawyer,
        reason="Người thực hiện trợ giúp pháp lý có quan hệ họ hàng với bị cáo.",
        requested_on=today,
    )
    case.refresh_from_db()
    case_transition(actor=a.director, case=case, to_status=CaseStatus.IN_PROGRESS)
    case_services.case_complete(
        actor=a.director,
        case=case,
        completion=CaseCompletion(
            completed_on=today,
            outcome="Tòa án chấp nhận yêu cầu bồi thường của bị hại",
            decision_number="25/2026/HS-ST",
            decision_date=today,
            beneficiary_change="Được bồi thường 35.000.000 đồng",
        ),
    )

    asked = services.request_ask_papers(
        actor=a.intake,
        request=receive_request(a.intake, beneficiary=man),
        missing_papers=["Giấy chứng nhận hộ nghèo năm 2026", "Bản sao căn cước"],
        papers_due_on=today + dt.timedelta(days=10),
    )
    refused = services.request_refuse(
        actor=a.intake,
        request=receive_request(a.intake, beneficiary=unknown),
        ground=RefusalGround.HANDLED_ELSEWHERE,
        note="Vụ việc đang do Văn phòng luật sư Hữu Nghị thực hiện theo hợp đồng dịch vụ pháp lý.",
    )
    transferred = services.request_transfer(
        actor=a.intake,
        request=receive_request(a.intake, beneficiary=PersonFactory(centre=a.centre, sex=Sex.FEMALE)),
        transfer_to="Trung tâm Trợ giúp pháp lý nhà nước tỉnh Cao Bằng",
        note="Người yêu cầu cư trú và vụ việc xảy ra tại tỉnh Cao Bằng.",
    )

    # A branch case, discontinued on withdrawal.
    branch_case = services.request_accept(
        actor=a.branch_officer, request=receive_request(a.branch_officer, form="litigation", field="criminal")
    )
    branch_provider = provider_for(a.branch_officer)
    provider_services.case_assign(actor=a.branch_head, case=branch_case, provider=branch_provider)
    branch_case.refresh_from_db()
    case_transition(actor=a.branch_head, case=branch_case, to_status=CaseStatus.IN_PROGRESS)
    case_services.case_discontinue(
        actor=a.branch_head, case=branch_case, ground=DiscontinuationReason.WITHDRAWAL, reason="Người yêu cầu rút đơn"
    )

    services.simple_matter_record(
        actor=a.intake,
        matter=SimpleMatter(
            person=man,
            field_of_law=FieldOfLaw.objects.get(code="civil"),
            question="Thủ tục chia thừa kế quyền sử dụng đất khi không có di chúc",
            answer="Hướng dẫn thỏa thuận phân chia di sản tại tổ chức hành nghề công chứng theo Bộ luật Dân sự 2015.",
            answered_at=timezone.now(),
            channel="in_person_centre",
        ),
    )

    year = today.year
    papers = {
        "request_form": documents.request_form_docx(request),
        "acceptance_notice": documents.acceptance_notice_docx(case),
        "missing_papers": documents.missing_papers_docx(asked),
        "refusal_notice": documents.refusal_notice_docx(refused),
        "transfer_notice": documents.transfer_notice_docx(transferred),
        "assignment_decision": provider_documents.decision_docx(first),
        "change_decision": provider_documents.decision_docx(change),
        "branch_acceptance_notice": documents.acceptance_notice_docx(branch_case),
        "register_cases": documents.register_docx(a.centre, year, "cases"),
        "register_cases_branch": documents.register_docx(a.branch1, year, "cases"),
        "register_simple": documents.register_docx(a.centre, year, "simple"),
        "plan_report": plan_report_docx(plan_report(make_plan(a.centre))),
    }
    records = SimpleNamespace(
        world=world,
        request=request,
        case=case,
        first=first,
        change=change,
        asked=asked,
        refused=refused,
        transferred=transferred,
        branch_case=branch_case,
        woman=woman,
        unknown=unknown,
    )
    return records, papers
