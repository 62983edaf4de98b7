"""The aggregates' rules, without I/O: the key design, which rollups a session's totals feed, the difference a new
set of totals adds, which markers count a person once per rollup, how people are counted a chunk at a time (how many
fit one transaction, what a chunk writes), and the reports' figures from rollup items."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

# Summed into every rollup by difference (a session's own value: sessions is 1 for an approved session, overdue 1
# while its overdue notice stands).
SUMMED = ("sessions", "overdue", "signed_in", "signed_out", "incomplete", "credits", "lecturer_credits")
# A session's own figures that are not summed (distinct people count through markers, shares derive from these).
OWN = ("attendees", "grassroots", "out_of_region", "credited")
YEAR_ITEM = "sum#year"
SUM_PREFIX = "sum#"
SESSION_PREFIX = "session#"
MONTHS = range(1, 13)

Kind = Literal["attended", "credited"]
Key = tuple[str, str]  # (scope, item)


def org_scope(org_id: str, year: str) -> str:
    return f"org#{org_id}#{year}"


def province_scope(year: str) -> str:
    return f"province#{year}"


def month_item(month: int) -> str:
    return f"sum#month#{month:02d}"


def session_item(session_id: str) -> str:
    return f"{SESSION_PREFIX}{session_id}"


def org_row_item(org_id: str) -> str:
    return f"org#{org_id}"


def marker_scope(person: str) -> str:
    return f"seen#{person}"


@dataclass(frozen=True)
class Place:
    """Where a session's figures are summed: its organisation, and the year and month it starts in (China date)."""

    org_id: str
    org_name: str
    year: str
    month: int

    @classmethod
    def of(cls, org_id: str, org_name: str, start_date: str) -> Place:
        return cls(org_id, org_name, start_date[:4], int(start_date[5:7]))

    def session_key(self, session_id: str) -> Key:
        return org_scope(self.org_id, self.year), session_item(session_id)

    def rollups(self) -> list[Key]:
        """Every rollup a session's summed figures go to."""
        org, province = org_scope(self.org_id, self.year), province_scope(self.year)
        return [
            (org, month_item(self.month)),
            (org, YEAR_ITEM),
            (province, month_item(self.month)),
            (province, YEAR_ITEM),
            (province, org_row_item(self.org_id)),
        ]

    def named(self) -> set[Key]:
        """The rollups that carry the organisation's name (the province's row, the organisation's year)."""
        return {(org_scope(self.org_id, self.year), YEAR_ITEM), (province_scope(self.year), org_row_item(self.org_id))}

    def markers(self, kind: Kind) -> list[tuple[str, list[Key]]]:
        """The distinct-person counts a person of ``kind`` is in: (marker item, the rollups its count goes to).
        Attendees are counted per organisation month and year and province month and year (the organisation's year
        is also the province's row of it); credited people per year only."""
        org, province = org_scope(self.org_id, self.year), province_scope(self.year)
        row = (province, org_row_item(self.org_id))
        targets: list[list[Key]] = [[(org, YEAR_ITEM), row], [(province, YEAR_ITEM)]]
        if kind == "attended":
            targets = [[(org, month_item(self.month))], *targets, [(province, month_item(self.month))]]
        return [(f"{keys[0][0]}#{keys[0][1]}#{kind}", keys) for keys in targets]


# DynamoDB's limits: TransactWriteItems takes 100 items (since 2022; moto's too), BatchGetItem 100 keys.
TRANSACTION_ITEMS = 100
BATCH_GET_KEYS = 100


def chunk_size(place: Place, kind: Kind) -> int:
    """People of ``kind`` one chunk counts: their markers in one BatchGetItem, and the missing ones, one ADD per rollup
    and the session's cursor in one TransactWriteItems (attended: 4 markers a person and 5 rollups, 23 people;
    credited: 2 markers and 3 rollups, 48)."""
    markers = place.markers(kind)
    rollups = {target for _, targets in markers for target in targets}
    per_person = len(markers)
    return max(1, min((TRANSACTION_ITEMS - len(rollups) - 1) // per_person, BATCH_GET_KEYS // per_person))


def marker_keys(place: Place, kind: Kind, people: Iterable[str]) -> list[Key]:
    """The markers of ``people`` (each person's in ``Place.markers`` order)."""
    return [(marker_scope(person), item) for person in people for item, _ in place.markers(kind)]


@dataclass(frozen=True)
class ChunkPlan:
    """What counting a chunk writes: the markers to create (each on condition it does not exist yet) and the number
    of people to ADD to each rollup's counter (once per rollup, however many people)."""

    markers: list[Key]
    adds: dict[Key, int]


def plan_chunk(place: Place, kind: Kind, people: Iterable[str], present: Iterable[Key]) -> ChunkPlan:
    """The writes that count ``people`` in every rollup of ``kind`` where their marker is not ``present``: a person
    already counted in a rollup (by this session before, or another session) adds nothing there."""
    seen = set(present)
    markers: list[Key] = []
    adds: dict[Key, int] = {}
    for person in dict.fromkeys(people):
        for item, targets in place.markers(kind):
            key = (marker_scope(person), item)
            if key in seen:
                continue
            seen.add(key)
            markers.append(key)
            for target in targets:
                adds[target] = adds.get(target, 0) + 1
    return ChunkPlan(markers, adds)


def chunks(people: list[str], size: int) -> list[list[str]]:
    """``people`` cut into consecutive chunks of at most ``size``."""
    return [people[start : start + size] for start in range(0, len(people), max(1, size))]


def counter_of(kind: Kind) -> str:
    """The rollup attribute a marker of ``kind`` adds one to."""
    return "people" if kind == "attended" else "credited_people"


def _number(value: Any) -> float:
    return float(value) if value is not None else 0.0


def delta(old: Mapping[str, Any] | None, new: Mapping[str, Any]) -> dict[str, float]:
    """What replacing a session's summed figures ``old`` (None: never counted) by ``new`` adds to each rollup: only
    the figures that changed, so settling unchanged figures adds nothing."""
    old = old or {}
    changes = {name: round(_number(new.get(name)) - _number(old.get(name)), 4) for name in SUMMED}
    return {name: change for name, change in changes.items() if change}


def unchanged(old: Mapping[str, Any] | None, new: Mapping[str, Any]) -> bool:
    """The stored totals already say ``new`` (nothing to write)."""
    if old is None:
        return False
    return all(old.get(name) == value for name, value in new.items())


# --- reading rollups --------------------------------------------------------------------------------------------


def _credits(value: Any) -> float:
    return round(_number(value), 1)


def _int(value: Any) -> int:
    return int(_number(value))


def year_figures(items: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """A report's figures from its partition's ``sum#`` items (by item key): the year's totals and the 12 months."""
    year = items.get(YEAR_ITEM, {})
    by_month = []
    for month in MONTHS:
        item = items.get(month_item(month), {})
        by_month.append(
            {
                "month": month,
                "sessions": _int(item.get("sessions")),
                "attendees": _int(item.get("people")),
                "credits": _credits(item.get("credits")),
            }
        )
    return {
        "sessions_held": _int(year.get("sessions")),
        "attendees": _int(year.get("people")),
        "credited_attendees": _int(year.get("credited_people")),
        "credits_granted": _credits(year.get("credits")),
        "lecturer_credits": _credits(year.get("lecturer_credits")),
        "overdue": _int(year.get("overdue")),
        "by_month": by_month,
    }


def organisation_row(item: Mapping[str, Any]) -> dict[str, Any]:
    """The province report's row of one organisation."""
    return {
        "org_id": item.get("org_id") or "",
        "org_name": item.get("org_name") or "",
        "sessions_held": _int(item.get("sessions")),
        "attendees": _int(item.get("people")),
        "credited_attendees": _int(item.get("credited_people")),
        "credits_granted": _credits(item.get("credits")),
        "overdue": _int(item.get("overdue")),
    }


def latest(stamps: Iterable[str | None]) -> str | None:
    """The time the figures are as of: their last write (UTC ISO strings sort as times)."""
    return max((stamp for stamp in stamps if stamp), default=None)
