"""Operations on commendation campaigns: create, edit, launch and close a campaign; propose a nominee (with the
figures measured for them); approve or reject a nomination; record a decision and the awards it confers.

Each function is one transaction, checks the actor's right (``PermissionDenied``) and writes the audit trail.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from legalaid.core import audit
from legalaid.core.choices import AuditAction, OrganisationKind
from legalaid.core.models import Organisation, User
from legalaid.core.scoping import scope_of
from legalaid.lib.text import fold
from legalaid.studies.files import check_document

from . import figures as figures_module
from .choices import CAMPAIGN_TRANSITIONS, NOMINATION_TRANSITIONS, CampaignStatus, NominationStatus, UnitRole
from .models import Award, Campaign, CampaignUnit, Decision, Nomination

#: The units that may be nominated as collectives.
NOMINEE_UNIT_KINDS = (OrganisationKind.CENTRE, OrganisationKind.DEPARTMENT, OrganisationKind.BRANCH)


def _require(actor, perm: str, campaign: Campaign | None = None) -> None:
    if scope_of(actor).read_only:
        raise PermissionDenied(_("Bạn chỉ có quyền xem."))
    if not actor.has_perm(perm, campaign):
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này."))


def _lock(campaign: Campaign, expected_version: int | None = None) -> Campaign:
    locked = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if expected_version is not None and locked.version != expected_version:
        raise ValidationError(
            _("Phong trào vừa được người khác cập nhật. Hãy tải lại trang để xem thông tin mới nhất."), code="stale"
        )
    return locked


def _check_plan(campaign: Campaign) -> None:
    if campaign.plan_id and campaign.plan.centre_id != campaign.centre_id:
        raise ValidationError({"plan": _("Kế hoạch thuộc Trung tâm khác.")})
    if campaign.plan_task_id:
        if campaign.plan_task.plan.centre_id != campaign.centre_id:
            raise ValidationError({"plan_task": _("Nhiệm vụ thuộc kế hoạch của Trung tâm khác.")})
        if campaign.plan_id and campaign.plan_task.plan_id != campaign.plan_id:
            raise ValidationError({"plan_task": _("Nhiệm vụ không thuộc kế hoạch đã chọn.")})
        campaign.plan_id = campaign.plan_task.plan_id


def _set_units(campaign: Campaign, lead_text: str | None, partner_text: str | None) -> None:
    """Split the units as written, one per line or between semicolons ("Văn phòng Sở; Đài Phát thanh và Truyền hình
    tỉnh": commas and "và" stay inside a name), and link each to an organisation when its name matches one of the
    Centre's (the plans app's matcher)."""
    from legalaid.plans.units import UnitMatcher

    matcher = None
    for role, text in ((UnitRole.LEAD, lead_text), (UnitRole.PARTNER, partner_text)):
        if text is None:
            continue
        campaign.units.filter(role=role).delete()
        names = [n.strip(" .,:-–") for n in re.split(r"[;\n]", text)]
        for position, name in enumerate(n for n in names if n):
            matcher = matcher or UnitMatcher(campaign.centre)
            unit = CampaignUnit(
                campaign=campaign,
                role=role,
                organisation=matcher.match(name).organisation,
                text=name[:255],
                position=position,
            )
            unit.full_clean()
            unit.save()


@transaction.atomic
def campaign_create(*, actor, campaign: Campaign, lead_units: str = "", partner_units: str = "") -> Campaign:
    """Create a campaign (as a draft) of the actor's Centre, with its lead and partner units as written."""
    _require(actor, "commendations.manage_campaign")
    if campaign.centre_id is None:
        if actor.centre is None:
            raise PermissionDenied(_("Tài khoản chưa thuộc một Trung tâm."))
        campaign.centre = actor.centre
    elif not actor.is_superuser and (actor.centre is None or actor.centre.pk != campaign.centre_id):
        raise PermissionDenied(_("Phong trào thuộc Trung tâm khác."))
    campaign.status = CampaignStatus.DRAFT
    campaign.created_by = actor
    campaign.title = campaign.title.strip()
    campaign.title_key = fold(campaign.title)
    _check_plan(campaign)
    campaign.full_clean()
    campaign.save()
    _set_units(campaign, lead_units or campaign.centre.name, partner_units)
    audit.record(actor=actor, action=AuditAction.CREATE, instance=campaign)
    return campaign


@transaction.atomic
def campaign_update(
    *,
    actor,
    campaign: Campaign,
    lead_units: str | None = None,
    partner_units: str | None = None,
    expected_version: int | None = None,
) -> Campaign:
    locked = _lock(campaign, expected_version)
    _require(actor, "commendations.manage_campaign", locked)
    before = audit.snapshot(locked)
    campaign.centre_id, campaign.status, campaign.created_by_id = locked.centre_id, locked.status, locked.created_by_id
    campaign.title = campaign.title.strip()
    campaign.title_key = fold(campaign.title)
    campaign.version = locked.version + 1
    _check_plan(campaign)
    campaign.full_clean()
    campaign.save()
    _set_units(campaign, lead_units, partner_units)
    audit.record(actor=actor, action=AuditAction.UPDATE, instance=campaign, before=before)
    return campaign


@transaction.atomic
def campaign_transition(*, actor, campaign: Campaign, to_status: str, expected_version: int | None = None) -> Campaign:
    """Launch (phát động) or close (tổng kết) a campaign."""
    locked = _lock(campaign, expected_version)
    _require(actor, "commendations.manage_campaign", locked)
    if to_status not in CAMPAIGN_TRANSITIONS[CampaignStatus(locked.status)]:
        raise ValidationError(
            _("Không thể chuyển phong trào từ “%(old)s” sang “%(new)s”.")
            % {"old": locked.get_status_display(), "new": CampaignStatus(to_status).label},
            code="transition",
        )
    before = audit.snapshot(locked)
    locked.status = to_status
    locked.version += 1
    locked.save(update_fields=["status", "version", "updated_at"])
    audit.record(actor=actor, action=AuditAction.UPDATE, instance=locked, before=before, message=f"status:{to_status}")
    return locked


def _check_nominee(actor, nomination: Nomination, campaign: Campaign) -> None:
    user, unit = nomination.nominee_user, nomination.nominee_unit
    if (user is None) == (unit is None):
        raise ValidationError(_("Chọn một cá nhân hoặc một tập thể (không chọn cả hai)."), code="one_nominee")
    if user is not None:
        if user.centre is None or user.centre.pk != campaign.centre_id:
            raise ValidationError({"nominee_user": _("Người này không thuộc Trung tâm.")})
        if not actor.is_superuser and not User.objects.visible_to(actor).filter(pk=user.pk).exists():
            raise PermissionDenied(_("Bạn không đề nghị được cho người ngoài phạm vi của mình."))
    else:
        centre_id = unit.pk if unit.kind == OrganisationKind.CENTRE else unit.centre_id
        if unit.kind not in NOMINEE_UNIT_KINDS or centre_id != campaign.centre_id:
            raise ValidationError({"nominee_unit": _("Chọn Trung tâm, một phòng hoặc một Chi nhánh của Trung tâm.")})
        if not actor.is_superuser and not Organisation.objects.visible_to(actor).filter(pk=unit.pk).exists():
            raise PermissionDenied(_("Bạn không đề nghị được cho đơn vị ngoài phạm vi của mình."))
    form = nomination.proposed_form
    if form is not None and not form.suits(nomination.nominee_kind):
        raise ValidationError(
            {
                "proposed_form": _("“%(form)s” chỉ dành cho %(kind)s.")
                % {"form": form.name, "kind": form.get_nominee_kind_display().lower()}
            }
        )


@transaction.atomic
def nomination_propose(*, actor, nomination: Nomination) -> Nomination:
    """Propose a staff member or a unit while the campaign runs; the figures of the period are computed now."""
    campaign = _lock(nomination.campaign)
    _require(actor, "commendations.propose_nomination", campaign)
    if campaign.status != CampaignStatus.LAUNCHED:
        raise ValidationError(_("Chỉ đề nghị khen thưởng khi phong trào đang được phát động."), code="not_launched")
    nomination.campaign = campaign
    _check_nominee(actor, nomination, campaign)
    nomination.status = NominationStatus.PROPOSED
    nomination.proposed_by = actor
    nomination.achievements = (nomination.achievements or "").strip()
    nomination.figures = figures_module.compute(nomination.nominee, campaign.period_start, campaign.period_end)
    nomination.figures_computed_at = timezone.now()
    nomination.full_clean()
    nomination.save()
    audit.record(actor=actor, action=AuditAction.CREATE, instance=nomination, centre_id=campaign.centre_id)
    return nomination


@transaction.atomic
def nomination_refresh_figures(*, actor, nomination: Nomination) -> Nomination:
    """Measure the nominee's figures again (records entered late, a period changed)."""
    campaign = nomination.campaign
    _require(actor, "commendations.propose_nomination", campaign)
    locked = Nomination.objects.select_for_update().get(pk=nomination.pk)
    before = audit.snapshot(locked)
    locked.figures = figures_module.compute(locked.nominee, campaign.period_start, campaign.period_end)
    locked.figures_computed_at = timezone.now()
    locked.save(update_fields=["figures", "figures_computed_at", "updated_at"])
    audit.record(actor=actor, action=AuditAction.UPDATE, instance=locked, before=before, centre_id=campaign.centre_id)
    return locked


@transaction.atomic
def nomination_decide(*, actor, nomination: Nomination, approve: bool, note: str = "") -> Nomination:
    """Approve or reject a proposed nomination (the board, on the emulation council's advice)."""
    campaign = nomination.campaign
    _require(actor, "commendations.manage_campaign", campaign)
    locked = Nomination.objects.select_for_update().get(pk=nomination.pk)
    new = NominationStatus.APPROVED if approve else NominationStatus.REJECTED
    if new not in NOMINATION_TRANSITIONS[NominationStatus(locked.status)]:
        raise ValidationError(_("Đề nghị này đã được xét."), code="transition")
    if not approve and not (note or "").strip():
        raise ValidationError({"note": _("Nêu lý do không xét duyệt.")})
    before = audit.snapshot(locked)
    locked.status = new
    locked.decided_by = actor
    locked.decided_at = timezone.now()
    locked.decision_note = (note or "").strip()
    locked.full_clean()
    locked.save()
    audit.record(actor=actor, action=AuditAction.UPDATE, instance=locked, before=before, centre_id=campaign.centre_id)
    return locked


@dataclass(frozen=True)
class AwardLine:
    nomination: Nomination
    form: object | None = None  # CommendationForm; the proposed one when None


@transaction.atomic
def decision_record(*, actor, decision: Decision, awards: Iterable[AwardLine], file=None) -> Decision:
    """Record a decision on commendation with the awards it confers on approved nominations of the campaign."""
    campaign = _lock(decision.campaign)
    _require(actor, "commendations.manage_campaign", campaign)
    if campaign.status == CampaignStatus.DRAFT:
        raise ValidationError(_("Phong trào chưa được phát động."), code="not_launched")
    lines = list(awards)
    if not lines:
        raise ValidationError({"nominations": _("Chọn ít nhất một đề nghị đã được xét duyệt.")})
    decision.campaign = campaign
    decision.recorded_by = actor
    decision.number = decision.number.strip()
    if decision.issuer_id and not decision.issuer_name:
        decision.issuer_name = decision.issuer.name
    if file is not None:
        check_document(file)
        decision.original_name = file.name.rsplit("/", 1)[-1][:255]
        decision.file.save(decision.original_name, file, save=False)
    decision.full_clean()
    decision.save()
    audit.record(actor=actor, action=AuditAction.CREATE, instance=decision, centre_id=campaign.centre_id)
    for line in lines:
        nomination = line.nomination
        if nomination.campaign_id != campaign.pk:
            raise ValidationError({"nominations": _("Đề nghị không thuộc phong trào này.")})
        if nomination.status != NominationStatus.APPROVED:
            raise ValidationError(
                {"nominations": _("%(nominee)s chưa được xét duyệt.") % {"nominee": nomination.nominee}}
            )
        form = line.form or nomination.proposed_form
        if not form.suits(nomination.nominee_kind):
            raise ValidationError(
                {
                    "nominations": _("“%(form)s” không dành cho %(nominee)s.")
                    % {"form": form, "nominee": nomination.nominee}
                }
            )
        award = Award(nomination=nomination, decision=decision, form=form, awarded_on=decision.date)
        try:
            award.full_clean()
        except ValidationError as error:
            raise ValidationError({"nominations": error.messages}) from error
        award.save()
        audit.record(actor=actor, action=AuditAction.CREATE, instance=award, centre_id=campaign.centre_id)
    return decision
