"""Times are stored as UTC ISO 8601 and shown in China time."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

CHINA = timezone(timedelta(hours=8), "Asia/Shanghai")


def utc_now() -> datetime:
    return datetime.now(UTC)


def to_iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def china_today(now: datetime | None = None) -> date:
    """The date in China at ``now`` (default: the present). Modules whose clock tests set pass their ``utc_now()``."""
    return (now or utc_now()).astimezone(CHINA).date()


def china_date(moment: datetime) -> str:
    return moment.astimezone(CHINA).date().isoformat()


def parse_instant(text: str) -> datetime:
    """A stored UTC ISO 8601 instant (``…Z``) as an aware datetime."""
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def china_minute(moment: datetime) -> str:
    """China wall clock to the minute, as shown to people."""
    return moment.astimezone(CHINA).strftime("%Y-%m-%d %H:%M")
