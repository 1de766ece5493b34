from .audit import AccessLogEntry, AuditChainHead, AuditEntry
from .base import TimeStampedModel
from .calendar import CalendarOverride, PublicHoliday
from .exports import ExportJob, ExportStatus
from .geo import AddressFields, Commune, CommuneFlag, Province
from .organisation import BranchCommune, Organisation
from .parameters import LegalParameter, ParameterUnit
from .users import User

__all__ = [
    "AccessLogEntry",
    "AddressFields",
    "AuditChainHead",
    "AuditEntry",
    "BranchCommune",
    "CalendarOverride",
    "Commune",
    "CommuneFlag",
    "ExportJob",
    "ExportStatus",
    "LegalParameter",
    "Organisation",
    "ParameterUnit",
    "Province",
    "PublicHoliday",
    "TimeStampedModel",
    "User",
]
