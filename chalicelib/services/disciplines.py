"""The discipline catalogue (学科目录) packaged as data/disciplines.csv: entries and the label of a code."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

_CATALOGUE = Path(__file__).resolve().parent.parent / "data" / "disciplines.csv"


@dataclass(frozen=True)
class Discipline:
    code: str
    name: str
    children: list[Discipline] = field(default_factory=list)


@lru_cache(maxsize=1)
def catalogue() -> tuple[Discipline, ...]:
    """Second-level disciplines with their third-level ones, from the packaged national catalogue."""
    groups: dict[str, Discipline] = {}
    with _CATALOGUE.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            group = groups.setdefault(row["level2_code"], Discipline(row["level2_code"], row["level2_name"]))
            group.children.append(Discipline(row["level3_code"], row["level3_name"]))
    return tuple(groups.values())


@lru_cache(maxsize=1)
def _labels() -> dict[str, str]:
    return {child.code: f"{group.name}/{child.name}" for group in catalogue() for child in group.children}


def label(code: str) -> str | None:
    """``二级/三级`` name of a third-level code such as ``14-02``, or None when unknown."""
    return _labels().get(code)
