"""Reading plans as Centres write them: time frames (``timeframes``) and whole plan documents (``document``).

A pure package: no models, no database. ``parse_plan(source)`` returns plain data that the plans services save after
a person has reviewed it; ``PlanSourceError`` (a ``ValueError``) says why a file cannot be read. See
docs/plan-parsing.md.
"""

from .document import parse_plan
from .sources import PlanSourceError
from .timeframes import Timeframe, parse_timeframe

__all__ = ["PlanSourceError", "Timeframe", "parse_plan", "parse_timeframe"]
