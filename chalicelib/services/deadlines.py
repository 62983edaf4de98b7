"""The deadlines of the credit workflow, as rules without I/O: the admin's term from the session's last day, the
office's term from the admin's submission, the admin's fresh term after an office return, extensions, the reminder
days and overdue. A term is the session's credit rules' ``admin_deadline_days`` or ``office_deadline_days`` (14);
every date is a China date, due inclusive.
An open deadline is in the sparse deadline index under OPEN (the reminders' daily worklist) until its overdue notice
went out, then under NOTICED: still open and overdue for every reader, but out of the reminders' way."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, Literal

from chalicelib.errors import ValidationFailed
from chalicelib.timeutil import china_today, to_iso, utc_now

if TYPE_CHECKING:
    from chalicelib.models import Session

DeadlineKind = Literal["admin", "office"]
REMIND_DAYS = (7, 3, 1)  # days before a deadline when its reminders go out (and once when it is overdue)
OPEN = "open"  # deadline_open of a deadline the reminders still watch
NOTICED = "overdue"  # deadline_open once its overdue notice went out: open, but off the daily worklist


@dataclass(frozen=True)
class Deadline:
    """Who must act next (the admin selects, the office grants), by when, and how many days remain."""

    kind: DeadlineKind
    due: date
    days_left: int
    extended: bool

    @property
    def overdue(self) -> bool:
        return self.days_left < 0


def deadline_of(session: Session, today: date | None = None) -> Deadline | None:
    """The session's open deadline as of ``today`` (default: today in China), None when nobody must act."""
    if not session.deadline_open or not session.deadline_due:
        return None
    today = today or china_today(utc_now())  # this module's utc_now: tests set the clock per module
    due = date.fromisoformat(session.deadline_due)
    extended = (
        bool(session.extension)
        and session.deadline_kind == "admin"
        and session.extension.get("until") == session.deadline_due
    )
    kind: DeadlineKind = "office" if session.deadline_kind == "office" else "admin"
    return Deadline(kind, due, (due - today).days, extended)


def is_overdue(session: Session, today: date) -> bool:
    """Whoever must act next (admin or office) let the deadline pass."""
    deadline = deadline_of(session, today)
    return deadline is not None and deadline.overdue


def open_admin_term(session: Session, days: int) -> None:
    """At approval: the admin must select within ``days`` (the rules' admin term) of the session's last day."""
    session.deadline_open = OPEN
    session.deadline_kind = "admin"
    session.deadline_due = (date.fromisoformat(session.end_date) + timedelta(days=days)).isoformat()


def open_office_term(session: Session, today: date, days: int) -> None:
    """At the admin's submission: the office must grant within ``days`` (the rules' office term) of today (watched
    again, even if the admin's term was overdue)."""
    session.deadline_open = OPEN
    session.deadline_kind = "office"
    session.deadline_due = (today + timedelta(days=days)).isoformat()


def reopen_admin_term(session: Session, today: date, days: int) -> None:
    """At an office return the admin gets a fresh term (``days``) from today: the delay is the office's."""
    session.deadline_open = OPEN
    session.deadline_kind = "admin"
    session.deadline_due = (today + timedelta(days=days)).isoformat()


def close(session: Session) -> None:
    """Credits granted: nobody must act any more (the session leaves the deadline index)."""
    session.deadline_open = None


def check_extension(session: Session, until: date, today: date) -> None:
    """An extension runs to today or later, and past the admin's current deadline."""
    if until < today:
        raise ValidationFailed("EXTENSION_IN_PAST", "延长后的期限不能早于今天", "until")
    if session.deadline_kind == "admin" and session.deadline_due and until.isoformat() <= session.deadline_due:
        raise ValidationFailed("EXTENSION_TOO_SHORT", f"延长后的期限须晚于当前期限（{session.deadline_due}）", "until")


def extend(session: Session, until: date, reason: str, granted_by: str, now: datetime) -> None:
    """The office extends the admin's deadline (also one already past, or after an office return) to ``until``."""
    session.extension = {
        "until": until.isoformat(),
        "reason": reason,
        "granted_by": granted_by,
        "granted_at": to_iso(now),
    }
    session.deadline_kind = "admin"
    session.deadline_due = until.isoformat()
    session.deadline_open = OPEN


def extension_snapshot(session: Session) -> dict[str, Any]:
    """What the audit log keeps of an extension, before and after."""
    return {"deadline_due": session.deadline_due, "extension": session.extension}


def reminder_mark(deadline: Deadline) -> str | None:
    """Which reminder of the deadline is due today ("7", "3", "1" or "overdue"), None when none is."""
    if deadline.overdue:
        return "overdue"
    if deadline.days_left in REMIND_DAYS:
        return str(deadline.days_left)
    return None


def reminder_horizon(today: date) -> str:
    """The latest due date a reminder may be sent for today (the index query's bound)."""
    return (today + timedelta(days=max(REMIND_DAYS))).isoformat()
