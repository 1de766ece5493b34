"""The Department's sample of cases to evaluate (TT 12/2018/TT-BTP Art. 15 as amended by TT 03/2021; DOMAIN.md 3):

- at the plan's ratio of the cases in scope (rounded up: 10% of 11 cases is 2);
- at least one case of every provider who finished a case in scope ("every provider must have at least one case
  evaluated"), even when that makes the sample larger than the ratio;
- no case evaluated twice: a case already evaluated (under any plan, or after a trigger) is not drawn again
  (Thừa Thiên Huế 2021 [C]); a provider whose every case was already evaluated is reported, not forced;
- reproducible: the same candidates and the same seed (stored on the plan) give the same sample.

Pure: no database here (``services.plan_sample_candidates`` reads the candidates), so the rules are unit-tested with
tables of cases.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Candidate:
    """A completed case in scope and the providers of record who finished it."""

    case_id: int
    provider_ids: frozenset[int] = field(default_factory=frozenset)


@dataclass(frozen=True)
class Sample:
    case_ids: tuple[int, ...]
    target: int  # the number the ratio asks for
    pool: int  # cases that could be drawn (in scope, never evaluated)
    uncovered_provider_ids: tuple[int, ...] = ()  # providers with no case left to draw


def target_size(pool: int, ratio: Decimal) -> int:
    """The cases the ratio (a percentage) asks for, rounded up; at least one when there is a case."""
    if pool <= 0:
        return 0
    return max(1, min(pool, math.ceil(Decimal(pool) * Decimal(ratio) / 100)))


def propose(candidates: Iterable[Candidate], *, ratio: Decimal, seed: int, evaluated: Iterable[int] = ()) -> Sample:
    """The proposed sample (see the module's docstring)."""
    every = sorted(candidates, key=lambda c: c.case_id)
    done = set(evaluated)
    all_providers = sorted({p for c in every for p in c.provider_ids})
    pool = [c for c in every if c.case_id not in done]
    order = list(pool)
    random.Random(seed).shuffle(order)  # deterministic: the input is sorted first
    chosen: list[Candidate] = []
    covered: set[int] = set()
    uncovered: list[int] = []
    for provider in all_providers:
        if provider in covered:
            continue
        pick = next((c for c in order if provider in c.provider_ids), None)
        if pick is None:
            uncovered.append(provider)
            continue
        chosen.append(pick)
        covered |= pick.provider_ids
    target = target_size(len(pool), ratio)
    taken = {c.case_id for c in chosen}
    for c in order:
        if len(taken) >= target:
            break
        if c.case_id not in taken:
            chosen.append(c)
            taken.add(c.case_id)
    return Sample(case_ids=tuple(sorted(taken)), target=target, pool=len(pool), uncovered_provider_ids=tuple(uncovered))
