"""Models of the life of a case. The case itself is ``intake.LegalAidCase``."""

from .archive import ArchiveChecklistItem, CaseArchive
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
    "CaseRepresentation",
    "ComplexityCriterion",
    "DeadlineReminderLog",
    "Hearing",
    "SuccessCriterion",
    "WorkLogEntry",
]
