"""The deployment's home province, chosen by its code (the HOME_REGION setting) among the provinces of
chalicelib/data/regions.json: whether an attendee's 单位所在地 lies in it.

The sign-in form takes 单位所在地 as free text (南京, 江苏省苏州市, 昆山市, 上海…). A text naming the province or
one of its cities (prefecture- or county-level) is in the region, unless it names another province and not this
one (北京市朝阳区 is not 辽宁's 朝阳); anything else counts as out of the region.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

_DATA = Path(__file__).resolve().parent.parent / "data" / "regions.json"


@dataclass(frozen=True)
class HomeRegion:
    province: str
    places: tuple[str, ...]  # the province's short name and its cities, without 省/市
    others: tuple[str, ...] = ()  # the short names of every other province

    def contains(self, region: str | None) -> bool:
        text = (region or "").strip()
        if not text or not any(place in text for place in self.places):
            return False
        return self.places[0] in text or not any(other in text for other in self.others)


@lru_cache(maxsize=1)
def _provinces() -> dict[str, Any]:
    provinces: dict[str, Any] = json.loads(_DATA.read_text(encoding="utf-8"))["provinces"]
    return provinces


def province_codes() -> dict[str, str]:
    """Every known province code with its full name (``{"32": "江苏省", …}``)."""
    return {code: entry["name"] for code, entry in _provinces().items()}


def province_short_name(code: str) -> str:
    """The short name of a known province code (``32`` → ``江苏``); KeyError for an unknown code."""
    return str(_provinces()[code]["short"])


@lru_cache(maxsize=4)
def home_region(code: str) -> HomeRegion:
    """The home region of the province ``code`` (GB/T 2260, two digits); KeyError for an unknown code (the
    configuration refuses one before it gets here)."""
    provinces = _provinces()
    entry = provinces[code]
    places = (entry["short"], *entry["cities"], *entry.get("county_level_cities", ()))
    others = tuple(other["short"] for key, other in provinces.items() if key != code)
    return HomeRegion(province=entry["name"], places=tuple(places), others=others)
