from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from legalaid.core import otp, workqueue


def navigation(request):
    """The sidebar: only links to pages that exist and that the user may open."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": []}
    if otp.pending(user):
        # Logged in with a password, second step not passed: no navigation (nor the work count it loads).
        return {"nav_items": [], "otp_pending": True}
    items = [("home", _("Trang chủ"), reverse("home"))]
    # "Việc cần làm": the home page's work queue; its count loads after the page (core:work_count), so that no page
    # pays for it.
    has_queue = bool(workqueue.sections_for_role(user.role)) and not user.is_superuser
    if has_queue:
        items.append(("work", _("Việc cần làm"), reverse("home") + "#viec-can-lam"))
    if user.has_perm("people.view_person"):
        items.append(("people", _("Người được trợ giúp"), reverse("people:person_list")))
    if user.has_perm("intake.view_request"):
        items.append(("intake", _("Tiếp nhận yêu cầu"), reverse("intake:request_list")))
        items.append(("cases", _("Vụ việc"), reverse("cases:case_list")))
    elif user.has_perm("cases.view_case"):
        # Lawyers and collaborators: the cases assigned to them.
        items.append(("cases", _("Vụ việc được cử thực hiện"), reverse("cases:case_list")))
    if user.has_perm("intake.print_register"):
        items.append(("registers", _("Sổ sách"), reverse("intake:registers")))
    if user.has_perm("providers.view_provider"):
        items.append(("providers", _("Người thực hiện TGPL"), reverse("providers:provider_list")))
    items.append(("eligibility", _("Kiểm tra diện TGPL"), reverse("eligibility:check")))
    if user.has_perm("quality.view_appraisal"):
        items.append(("quality", _("Chất lượng vụ việc"), reverse("quality:appraisal_list")))
    if user.has_perm("payments.view_payment"):
        items.append(("payments", _("Thanh toán thù lao"), reverse("payments:payment_list")))
    if user.has_perm("quality.view_evaluation"):
        items.append(("evaluations", _("Đánh giá chất lượng"), reverse("quality:evaluation_list")))
    if user.has_perm("reports.view_reports"):
        items.append(("reports", _("Báo cáo thống kê"), reverse("reports:case_figures")))
    if user.has_perm("training.view_event"):
        items.append(("training", _("Tập huấn, hội nghị"), reverse("training:event_list")))
    if user.has_perm("training.view_duty"):
        items.append(("duty", _("Trực tại tòa"), reverse("training:duty_list")))
    if user.has_perm("plans.view_plan"):
        items.append(("plans", _("Kế hoạch"), reverse("plans:plan_list")))
    if user.has_perm("studies.view_study"):
        items.append(("studies", _("Chuyên đề"), reverse("studies:study_list")))
    if user.has_perm("commendations.view_campaign"):
        items.append(("commendations", _("Thi đua, khen thưởng"), reverse("commendations:campaign_list")))
    if user.has_perm("feedback.view_entry"):
        items.append(("feedback", _("Phản ánh, khiếu nại"), reverse("feedback:entry_list")))
    if user.has_perm("feedback.view_survey"):
        items.append(("surveys", _("Khảo sát sự hài lòng"), reverse("feedback:survey_list")))
    if user.has_perm("outreach.view_session"):
        items.append(("outreach", _("Truyền thông, lưu động"), reverse("outreach:session_list")))
    if user.has_perm("outreach.view_call"):
        items.append(("hotline", _("Đường dây nóng"), reverse("outreach:call_list")))
    admin_items = []
    if user.has_perm("core.view_units"):
        admin_items.append(("units", _("Đơn vị"), reverse("core:organisation_list")))
    if user.has_perm("core.view_users"):
        admin_items.append(("users", _("Người dùng"), reverse("core:user_list")))
    admin_items.append(("communes", _("Đơn vị hành chính"), reverse("core:commune_list")))
    admin_items.append(("calendar", _("Lịch làm việc"), reverse("core:calendar")))
    if user.has_perm("payments.view_rates"):
        admin_items.append(("rates", _("Mức thù lao, lương cơ sở"), reverse("payments:rates")))
    if user.has_perm("imports.import_register"):
        admin_items.append(("imports", _("Nhập sổ thụ lý cũ"), reverse("imports:import_list")))
    if user.has_perm("core.view_audit"):
        admin_items.append(("audit", _("Nhật ký hệ thống"), reverse("core:audit_list")))
    if user.has_perm("api.manage_keys"):
        admin_items.append(("apikeys", _("Khóa API"), reverse("apikeys:key_list")))
    return {
        "nav_items": items,
        "nav_admin_items": admin_items,
    }
