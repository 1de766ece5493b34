from .audit import AccessLogEntry, AuditEntry
from .base import TimeStampedModel
from .calendar import CalendarOverride, PublicHoliday
from .geo import AddressFields, Commune, CommuneFlag, Province
from .organisation import BranchCommune, Organisation
from .parameters import LegalParameter, ParameterUnit
from .users import User

__all__ = [
    "AccessLogEntry",
    "AddressFields",
    "AuditEntry",
    "BranchCommune",
    "CalendarOverride",
    "Commune",
    "CommuneFlag",
    "LegalParameter",
    "Organisation",
    "ParameterUnit",
    "Province",
    "PublicHoliday",
    "TimeStampedModel",
    "User",
]
