"""Reading plans as Centres write them: time frames (``timeframes``) and whole plan documents (``document``).

A pure package: no models, no database. ``parse_plan(source)`` returns plain data that the plans services save after
a person has reviewed it.
"""

from .document import parse_plan
from .timeframes import Timeframe, parse_timeframe

__all__ = ["Timeframe", "parse_plan", "parse_timeframe"]
