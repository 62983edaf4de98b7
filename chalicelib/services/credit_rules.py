"""Credit rules as dated data (chalicelib/data/credit_rules.json): hours per credit, lecturer credits, the cap per
project, the lowest 规定学时, the deadlines and a professional's yearly requirement. A session is judged by the
version in force on its start date, a year's credits by the version in force on its first day."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from chalicelib.errors import ValidationFailed

_RULES = Path(__file__).resolve().parent.parent / "data" / "credit_rules.json"
CREDIT_CLASS = "I类"  # national and provincial CME projects both grant Class I credits


@dataclass(frozen=True)
class LevelRule:
    hours_per_credit: float
    lecturer_credits_per_hour: float


@dataclass(frozen=True)
class YearlyRequirement:
    """What one professional must earn in a year: credits in all, and the least of them in Class I."""

    total_credits: float
    class_i_min: float
    source: str


@dataclass(frozen=True)
class CreditRule:
    version: str
    effective_from: str  # China date
    source: str
    national: LevelRule
    provincial: LevelRule
    cap_per_project: float
    required_hours_min_ratio: float
    deadline_days: int
    yearly_requirement: YearlyRequirement | None = None

    @classmethod
    def of(cls, data: dict[str, Any]) -> CreditRule:
        yearly = data.get("yearly_requirement")
        return cls(
            **{
                **data,
                "national": LevelRule(**data["national"]),
                "provincial": LevelRule(**data["provincial"]),
                "yearly_requirement": YearlyRequirement(**yearly) if yearly else None,
            }
        )

    def level(self, level: str) -> LevelRule:
        return self.national if level == "national" else self.provincial

    def attendee_credits(self, level: str, project_credits: float, teaching_hours: float) -> float:
        """The project's credits, bounded by the cap and by what the teaching hours earn (rounded down to 0.1)."""
        earned = _floor_tenth(teaching_hours / self.level(level).hours_per_credit)
        return min(float(project_credits), self.cap_per_project, earned)

    def schedule_credits(self, level: str, project_credits: float, teaching_hours: float) -> tuple[float, float]:
        """What an attendee can earn at most from the schedule's teaching hours (``attendee_credits``), and how far
        that falls short of the project's credits (0 when it does not): shown before the grant, never refused."""
        credits = self.attendee_credits(level, project_credits, teaching_hours)
        return credits, max(0.0, round(float(project_credits) - credits, 1))

    def lecturer_credits(self, level: str, hours: float) -> float:
        return min(self.cap_per_project, _floor_tenth(hours * self.level(level).lecturer_credits_per_hour))

    def check_required_hours(self, required: float, teaching_hours: float) -> None:
        lowest = math.ceil(teaching_hours * self.required_hours_min_ratio * 10) / 10
        if not lowest <= required <= teaching_hours:
            raise ValidationFailed(
                "REQUIRED_HOURS_OUT_OF_RANGE",
                f"规定学时应在{lowest:g}至{teaching_hours:g}学时之间",
                "required_hours",
            )


def _floor_tenth(value: float) -> float:
    return math.floor(value * 10 + 1e-9) / 10


@lru_cache(maxsize=1)
def all_rules() -> tuple[CreditRule, ...]:
    """Every version, oldest first."""
    data = json.loads(_RULES.read_text(encoding="utf-8"))
    return tuple(sorted((CreditRule.of(item) for item in data), key=lambda rule: rule.effective_from))


def rule_of_year(year: int, rules: tuple[CreditRule, ...] | None = None) -> CreditRule:
    """The version a year's credits are judged by: the one in force on 1 January of that year."""
    return rule_on(f"{year:04d}-01-01", rules)


def rule_on(day: str, rules: tuple[CreditRule, ...] | None = None) -> CreditRule:
    """The version in force on China date ``day``: the latest whose effective date is not after it."""
    candidates = [rule for rule in (rules or all_rules()) if rule.effective_from <= day]
    if not candidates:
        raise ValueError(f"no credit rules in force on {day}")
    return candidates[-1]
