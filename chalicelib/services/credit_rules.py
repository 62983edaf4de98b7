"""Credit rules as dated versions, as rules without I/O: hours per credit, lecturer credits, the cap per project and
the lowest 规定学时 per level, the admin's and the office's terms, and a professional's yearly requirement. Which
version judges what is services/credit_rule_book.py's: a session the version in force on its approval day, a year's
credits the version in force on its first day."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from chalicelib.errors import ValidationFailed

SHIPPED = Path(__file__).resolve().parent.parent / "data" / "credit_rules.json"


@dataclass(frozen=True)
class LevelRule:
    hours_per_credit: float
    lecturer_credits_per_hour: float
    cap_per_project: float
    required_hours_min_ratio: float
    credit_class: str


@dataclass(frozen=True)
class ClassMinimum:
    credit_class: str
    credits: float


@dataclass(frozen=True)
class YearlyRequirement:
    """What one professional must earn in a year: credits in all, and the least of them in each class named."""

    total_credits: float
    class_minimums: tuple[ClassMinimum, ...]
    source: str


@dataclass(frozen=True)
class CreditRule:
    version: str
    effective_from: str  # China date
    source_title: str
    national: LevelRule
    provincial: LevelRule
    admin_deadline_days: int
    office_deadline_days: int
    source_number: str | None = None
    source_url: str | None = None
    note: str | None = None
    yearly_requirement: YearlyRequirement | None = None
    updated_by: str | None = None
    updated_at: str | None = None  # UTC ISO

    @classmethod
    def of(cls, data: dict[str, Any]) -> CreditRule:
        yearly = data.get("yearly_requirement")
        return cls(
            **{
                **{k: v for k, v in data.items() if k in _FIELDS},
                "national": _level(data["national"]),
                "provincial": _level(data["provincial"]),
                "admin_deadline_days": int(data["admin_deadline_days"]),
                "office_deadline_days": int(data["office_deadline_days"]),
                "yearly_requirement": (
                    YearlyRequirement(
                        float(yearly["total_credits"]),
                        tuple(ClassMinimum(m["credit_class"], float(m["credits"])) for m in yearly["class_minimums"]),
                        yearly["source"],
                    )
                    if yearly
                    else None
                ),
            }
        )

    def dump(self) -> dict[str, Any]:
        data = asdict(self)  # tuples of dataclasses become lists of dicts
        if data["yearly_requirement"] is not None:
            data["yearly_requirement"]["class_minimums"] = list(data["yearly_requirement"]["class_minimums"])
        return data

    def figures(self) -> dict[str, Any]:
        """What the version says, without who wrote it: the before/after of its audit events."""
        return {k: v for k, v in self.dump().items() if k not in ("updated_by", "updated_at")}

    def level(self, level: str) -> LevelRule:
        return self.national if level == "national" else self.provincial

    def attendee_credits(self, level: str, project_credits: float, teaching_hours: float) -> float:
        """The project's credits, bounded by the cap and by what the teaching hours earn (rounded down to 0.1)."""
        figures = self.level(level)
        earned = _floor_tenth(teaching_hours / figures.hours_per_credit)
        return min(float(project_credits), figures.cap_per_project, earned)

    def schedule_credits(self, level: str, project_credits: float, teaching_hours: float) -> tuple[float, float]:
        """What an attendee can earn at most from the schedule's teaching hours (``attendee_credits``), and how far
        that falls short of the project's credits (0 when it does not): shown before the grant, never refused."""
        credits = self.attendee_credits(level, project_credits, teaching_hours)
        return credits, max(0.0, round(float(project_credits) - credits, 1))

    def lecturer_credits(self, level: str, hours: float) -> float:
        figures = self.level(level)
        return min(figures.cap_per_project, _floor_tenth(hours * figures.lecturer_credits_per_hour))

    def check_required_hours(self, level: str, required: float, teaching_hours: float) -> None:
        # rounded first: 6 h × 0.8 is 4.800000000000001 in floating point, whose ceiling to a tenth would be 4.9
        lowest = math.ceil(round(teaching_hours * self.level(level).required_hours_min_ratio * 10, 6)) / 10
        if not lowest <= required <= teaching_hours:
            raise ValidationFailed(
                "REQUIRED_HOURS_OUT_OF_RANGE",
                f"规定学时应在{lowest:g}至{teaching_hours:g}学时之间",
                "required_hours",
            )


_FIELDS = set(CreditRule.__dataclass_fields__)


def _level(data: dict[str, Any]) -> LevelRule:
    return LevelRule(
        float(data["hours_per_credit"]),
        float(data["lecturer_credits_per_hour"]),
        float(data["cap_per_project"]),
        float(data["required_hours_min_ratio"]),
        data["credit_class"],
    )


def _floor_tenth(value: float) -> float:
    return math.floor(value * 10 + 1e-9) / 10


def shipped_rules() -> tuple[CreditRule, ...]:
    """The packaged first version: the seed of the office's book, read only until the office first changes it (so a
    new version goes in through the console, never into this file)."""
    return ordered(CreditRule.of(item) for item in json.loads(SHIPPED.read_text(encoding="utf-8")))


def ordered(rules: Iterable[CreditRule]) -> tuple[CreditRule, ...]:
    """Oldest first."""
    return tuple(sorted(rules, key=lambda rule: rule.effective_from))


def rule_on(day: str, rules: tuple[CreditRule, ...]) -> CreditRule:
    """The version in force on China date ``day``: the latest whose effective date is not after it."""
    candidates = [rule for rule in rules if rule.effective_from <= day]
    if not candidates:
        raise ValueError(f"no credit rules in force on {day}")
    return candidates[-1]


def rule_of_year(year: int, rules: tuple[CreditRule, ...]) -> CreditRule:
    """The version a year's credits are judged by: the one in force on 1 January of that year."""
    return rule_on(f"{year:04d}-01-01", rules)
