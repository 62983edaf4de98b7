"""The deployment's home province (chalicelib/data/home_region.json): whether an attendee's 单位所在地 lies in it.

The sign-in form takes 单位所在地 as free text (南京, 江苏省苏州市, 昆山市, 上海…). A text naming the province or
one of its cities (prefecture- or county-level) is in the region; anything else counts as out of the region.
Another province configures its own name and cities in the data file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).resolve().parent.parent / "data" / "home_region.json"


@dataclass(frozen=True)
class HomeRegion:
    province: str
    places: tuple[str, ...]  # the province's short name and its cities, without 省/市

    def contains(self, region: str | None) -> bool:
        text = (region or "").strip()
        return bool(text) and any(place in text for place in self.places)


@lru_cache(maxsize=1)
def home_region() -> HomeRegion:
    data = json.loads(_DATA.read_text(encoding="utf-8"))
    places = (data["province"], *data["cities"], *data.get("county_level_cities", ()))
    return HomeRegion(province=data["province_full"], places=tuple(places))
