"""Attendance rules: QR windows from the schedule, stateless HMAC codes per time slot, attended hours."""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta

SIGN_IN_OPENS_BEFORE = timedelta(minutes=60)
SIGN_OUT_OPENS_BEFORE_END = timedelta(minutes=30)
SIGN_OUT_CLOSES_AFTER = timedelta(hours=2)
KINDS = ("in", "out")


@dataclass(frozen=True)
class Window:
    kind: str
    opens: datetime
    closes: datetime

    def contains(self, moment: datetime) -> bool:
        return self.opens <= moment < self.closes


@dataclass(frozen=True)
class Teaching:
    starts: datetime
    ends: datetime
    hours: float


def default_windows(blocks: list[Teaching]) -> tuple[Window, Window]:
    """Sign-in from 60 min before the first block to the end of the last; sign-out from 30 min
    before the last block ends to 2 h after it."""
    first = min(block.starts for block in blocks)
    last = max(block.ends for block in blocks)
    return (
        Window("in", first - SIGN_IN_OPENS_BEFORE, last),
        Window("out", last - SIGN_OUT_OPENS_BEFORE_END, last + SIGN_OUT_CLOSES_AFTER),
    )


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


def slot_of(moment: datetime, refresh_seconds: int) -> int:
    """Time slot of a code; slots are aligned to China midnight, so a one-day code lasts one China day."""
    return (int(moment.timestamp()) + _CHINA_OFFSET) // refresh_seconds


def code_token(secret: bytes, session_id: str, kind: str, slot: int) -> str:
    """The token a QR code carries: an HMAC over session, kind and time slot (no state on the server)."""
    message = f"{session_id}|{kind}|{slot}".encode()
    digest = hmac.new(secret, message, hashlib.sha256).digest()[:12]
    return f"{slot}.{base64.urlsafe_b64encode(digest).decode().rstrip('=')}"


def check_token(secret: bytes, session_id: str, kind: str, token: str, now: datetime, refresh_seconds: int) -> bool:
    """True for this slot's token or the previous slot's (grace), compared in constant time."""
    slot_text, _, _ = token.partition(".")
    if not slot_text.isdigit():
        return False
    slot = int(slot_text)
    current = slot_of(now, refresh_seconds)
    if slot not in (current, current - 1):
        return False
    return hmac.compare_digest(code_token(secret, session_id, kind, slot), token)
