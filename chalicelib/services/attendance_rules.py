"""Attendance rules, pure (no I/O): QR windows from the schedule and their default offsets, stateless HMAC codes per
time slot, attended hours, and an attendee's status and flags as the roster, credits and reports show them."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, fields
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from itertools import groupby
from typing import TYPE_CHECKING, Any, Literal

from chalicelib.errors import ValidationFailed
from chalicelib.timeutil import china_date, parse_instant

if TYPE_CHECKING:
    from chalicelib.models import Attendance, Session

Kind = Literal["in", "out"]
WindowState = Literal["open", "not_yet", "closed"]
AttendeeStatus = Literal["present", "signed_out", "incomplete"]
Flag = Literal["SHARED_DEVICE", "SHARED_MOBILE"]
KINDS: tuple[Kind, ...] = ("in", "out")
MODES = ("whole", "daily")


def kind_of(value: str) -> Kind:
    """``value`` as a kind of code or window; ValueError for anything else."""
    for kind in KINDS:
        if kind == value:
            return kind
    raise ValueError(value)


@dataclass(frozen=True)
class Window:
    kind: Kind
    opens: datetime
    closes: datetime
    day: str | None = None  # China date of a daily window; None for one window over the whole session

    def contains(self, moment: datetime) -> bool:
        return self.opens <= moment < self.closes


@dataclass(frozen=True)
class Teaching:
    starts: datetime
    ends: datetime
    hours: float


@dataclass(frozen=True)
class AttendancePlan:
    """How a session's codes work: one pair of windows for the whole session or one per day, offsets in minutes
    from the schedule, and the code refresh interval (刷新时间). Defaults follow the manual; this is their one home
    (the request schema takes them from ``DEFAULT_PLAN``, the console from the API's answers)."""

    mode: Literal["whole", "daily"] = "whole"
    refresh_seconds: int = 86400
    sign_in_opens_before: int = 60
    sign_in_closes_after: int = 0
    sign_out_opens_before: int = 30
    sign_out_closes_after: int = 120

    @classmethod
    def load(cls, data: dict[str, Any] | None) -> AttendancePlan:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in (data or {}).items() if k in known})

    def dump(self) -> dict[str, Any]:
        return asdict(self)


DEFAULT_PLAN = AttendancePlan()


def plan_windows(blocks: list[Teaching], plan: AttendancePlan) -> list[Window]:
    """Windows in time order. Per group of blocks (the session, or each China day): sign-in opens
    ``sign_in_opens_before`` minutes before the first block and closes ``sign_in_closes_after`` minutes after the
    last block ends; sign-out opens ``sign_out_opens_before`` minutes before the last block ends and closes
    ``sign_out_closes_after`` minutes after it. Raises WINDOW_EMPTY / WINDOW_OVERLAP for unusable settings."""
    ordered = sorted(blocks, key=lambda block: block.starts)
    groups: list[tuple[str | None, list[Teaching]]]
    if plan.mode == "daily":
        groups = [(day, list(group)) for day, group in groupby(ordered, key=lambda block: china_date(block.starts))]
    else:
        groups = [(None, ordered)]
    result: list[Window] = []
    for day, group in groups:
        first = group[0].starts
        last = max(block.ends for block in group)
        minutes = timedelta(minutes=1)
        sign_in = Window(
            "in", first - plan.sign_in_opens_before * minutes, last + plan.sign_in_closes_after * minutes, day
        )
        sign_out = Window(
            "out", last - plan.sign_out_opens_before * minutes, last + plan.sign_out_closes_after * minutes, day
        )
        if sign_in.closes <= sign_in.opens:
            raise ValidationFailed(
                "WINDOW_EMPTY", "签到时间段为空：请调整签到开放或关闭时间", "attendance.sign_in_closes_after"
            )
        result += [sign_in, sign_out]
    for kind in KINDS:
        same = [window for window in result if window.kind == kind]
        for earlier, later in zip(same, same[1:], strict=False):
            if later.opens < earlier.closes:
                field = "attendance.sign_in_opens_before" if kind == "in" else "attendance.sign_out_closes_after"
                raise ValidationFailed("WINDOW_OVERLAP", f"相邻两天的{KIND_NAMES[kind]}时间段重叠，请缩短", field)
    return sorted(result, key=lambda window: (window.opens, window.kind))


KIND_NAMES = {"in": "签到", "out": "签退"}


def preview_windows(times: list[tuple[datetime, datetime]], plan: AttendancePlan) -> list[Window]:
    """The windows a schedule being edited would get (each block's start and end), by the rule saving uses: what
    the session form shows before saving. The schedule itself is checked only on saving (overlaps, dates); here
    blocks that end before they start are left out, and none give none."""
    blocks = [Teaching(starts, ends, 0.0) for starts, ends in times if ends > starts]
    return plan_windows(blocks, plan) if blocks else []


def current_window(windows: list[Window], kind: str, now: datetime) -> tuple[Window, WindowState]:
    """The window of ``kind`` that matters now and its state: the open one, else the next, else the last."""
    mine = [window for window in windows if window.kind == kind]
    for window in mine:
        if window.contains(now):
            return window, "open"
    upcoming = [window for window in mine if now < window.opens]
    if upcoming:
        return upcoming[0], "not_yet"
    return mine[-1], "closed"


def blocks_of(blocks: list[Teaching], window: Window) -> list[Teaching]:
    """The teaching blocks a window's attendance counts towards (the day's in daily mode)."""
    return [block for block in blocks if window.day is None or china_date(block.starts) == window.day]


def attended_hours(present_from: datetime, present_until: datetime, blocks: list[Teaching]) -> float:
    """Teaching hours credited for a presence: each block's hours in proportion to the overlap."""
    total = 0.0
    for block in blocks:
        overlap = min(present_until, block.ends) - max(present_from, block.starts)
        length = block.ends - block.starts
        if overlap > timedelta(0) and length > timedelta(0):
            total += block.hours * (overlap / length)
    return round(total, 2)


_CHINA_OFFSET = 8 * 3600
_TOKEN = re.compile(r"\d{1,12}\.[A-Za-z0-9_-]{16}", re.ASCII)


def slot_of(moment: datetime, refresh_seconds: int) -> int:
    """Time slot of a code; slots are aligned to China midnight, so a one-day code lasts one China day."""
    return (int(moment.timestamp()) + _CHINA_OFFSET) // refresh_seconds


def slot_start(slot: int, refresh_seconds: int) -> datetime:
    return datetime.fromtimestamp(slot * refresh_seconds - _CHINA_OFFSET, tz=UTC)


@lru_cache(maxsize=1024)
def code_token(secret: bytes, session_id: str, kind: str, slot: int) -> str:
    """The token a QR code carries: an HMAC over session, kind and time slot (no state on the server). Remembered,
    as every scan of a slot checks against the same token."""
    message = f"{session_id}|{kind}|{slot}".encode()
    digest = hmac.new(secret, message, hashlib.sha256).digest()[:12]
    return f"{slot}.{base64.urlsafe_b64encode(digest).decode().rstrip('=')}"


def check_token(secret: bytes, session_id: str, kind: str, token: str, now: datetime, refresh_seconds: int) -> bool:
    """True for this slot's token or the previous slot's (grace), compared in constant time."""
    if not _TOKEN.fullmatch(token):
        return False
    slot = int(token.partition(".")[0])
    current = slot_of(now, refresh_seconds)
    if slot not in (current, current - 1):
        return False
    return hmac.compare_digest(code_token(secret, session_id, kind, slot).encode(), token.encode())


# --- an attendee as the roster, credits and reports show them ---------------------------------------------------

STATUS_LABELS = {"present": "在场", "signed_out": "已签退", "incomplete": "未签退"}
FLAG_LABELS = {
    "SHARED_DEVICE": "同一手机提交了多个身份证号",
    "SHARED_MOBILE": "同一手机号对应多个身份证号",
}


def attendee_flags(attendees: list[Attendance]) -> dict[str, list[Flag]]:
    """Suspicious patterns, flagged (never blocked): several ID numbers from one phone or with one mobile."""
    people_by: dict[tuple[str, str], set[str]] = defaultdict(set)
    for attendee in attendees:
        person = attendee.person_key or attendee.attendee_key
        if attendee.client_id:
            people_by[("SHARED_DEVICE", attendee.client_id)].add(person)
        if attendee.session_mobile:  # none once the details are removed (retention_run.py)
            people_by[("SHARED_MOBILE", attendee.session_mobile)].add(person)
    flags: dict[str, list[Flag]] = {}
    for attendee in attendees:
        person = attendee.person_key or attendee.attendee_key
        found: list[Flag] = []
        if attendee.client_id and len(people_by[("SHARED_DEVICE", attendee.client_id)]) > 1:
            found.append("SHARED_DEVICE")
        if attendee.session_mobile and people_by[("SHARED_MOBILE", attendee.session_mobile)] - {person}:
            found.append("SHARED_MOBILE")
        flags[attendee.attendee_key] = found
    return flags


def link_partition(session_id: str) -> str:
    """The attendance partition of a session's link items (no roster, report or export reads it)."""
    return f"{session_id}#links"


def link_keys(client_id: str | None, session_mobile: str | None) -> list[str]:
    """The link items (range keys) an attendee's sign-in adds its person to: its phone's, if sent, and its mobile's
    (``session_mobile`` carries the day in daily mode, as the mobile flag is per day; a phone is per session)."""
    keys = [f"device#{client_id}"] if client_id else []
    return [*keys, f"mobile#{session_mobile}"] if session_mobile else keys  # no mobile once details are removed


def linked_flags(attendees: list[Attendance], people: Mapping[str, frozenset[str]]) -> dict[str, list[Flag]]:
    """The flags of ``attendees`` from their link items' people (by range key): what ``attendee_flags`` gives when
    reading every record, from a bounded read of one page's links."""
    flags: dict[str, list[Flag]] = {}
    for attendee in attendees:
        person = attendee.person_key or attendee.attendee_key
        found: list[Flag] = []
        device = f"device#{attendee.client_id}"
        if attendee.client_id and len(people.get(device, frozenset()) | {person}) > 1:
            found.append("SHARED_DEVICE")
        if attendee.session_mobile and people.get(f"mobile#{attendee.session_mobile}", frozenset()) - {person}:
            found.append("SHARED_MOBILE")
        flags[attendee.attendee_key] = found
    return flags


def attendee_status(attendee: Attendance, windows: list[Window], now: datetime) -> AttendeeStatus:
    """present, signed_out, or incomplete (marked by the close, or its day's sign-out window has ended)."""
    if attendee.signed_out_at:
        return "signed_out"
    if attendee.missing_sign_out:
        return "incomplete"
    out = [w for w in windows if w.kind == "out" and w.day == attendee.day]
    return "incomplete" if out and now >= out[0].closes else "present"


def summary(
    attendees: list[Attendance], statuses: Mapping[str, str], flags: Mapping[str, Sequence[str]]
) -> dict[str, int]:
    """The roster's counts: signed in, signed out, not signed out, flagged."""
    return {
        "signed_in": len(attendees),
        "signed_out": sum(1 for status in statuses.values() if status == "signed_out"),
        "incomplete": sum(1 for status in statuses.values() if status != "signed_out"),
        "flagged": sum(1 for found in flags.values() if found),
    }


# --- a stored session's schedule, plan and windows ----------------------------------------------------------------


def teaching_blocks(session: Session) -> list[Teaching]:
    return [
        Teaching(parse_instant(b["starts_at"]), parse_instant(b["ends_at"]), float(b["hours"]))
        for b in session.schedule
    ]


def attendance_plan(session: Session) -> AttendancePlan:
    return AttendancePlan.load(session.attendance)


def session_windows(session: Session) -> list[Window]:
    return plan_windows(teaching_blocks(session), attendance_plan(session))
