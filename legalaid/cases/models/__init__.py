"""The case (``LegalAidCase``) and the models of its life: details, hearings, work log, completion, archive."""

from .archive import ArchiveChecklistItem, CaseArchive
from .case import CaseQuerySet, LegalAidCase
from .completion import CaseCompletion, ComplexityCriterion, SuccessCriterion
from .details import CaseAdvice, CaseLitigation, CaseRepresentation, Hearing
from .events import CaseEvent
from .reminders import DeadlineReminderLog
from .worklog import ActivityType, Attachment, WorkLogEntry

__all__ = [
    "ActivityType",
    "ArchiveChecklistItem",
    "Attachment",
    "CaseAdvice",
    "CaseArchive",
    "CaseCompletion",
    "CaseEvent",
    "CaseLitigation",
    "CaseQuerySet",
    "CaseRepresentation",
    "ComplexityCriterion",
    "DeadlineReminderLog",
    "Hearing",
    "LegalAidCase",
    "SuccessCriterion",
    "WorkLogEntry",
]
