"""The scheduled close (every 5 minutes): ended sign-out windows mark their missing sign-outs (in parallel, each write
conditional), and the session's code secret is replaced so that old codes die. A run stops at its time budget and the
next run goes on from the session's close cursor. Closing its last window settles the session's aggregates (totals
and distinct people, resumably under the same budget)."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from itertools import islice

from pynamodb.exceptions import UpdateError

from chalicelib.models import Attendance, Session
from chalicelib.observability import logger
from chalicelib.services import aggregates, schedule_runs
from chalicelib.services.attendance_rules import session_windows
from chalicelib.services.schedule_runs import TimeBudget
from chalicelib.timeutil import to_iso
from chalicelib.upstream import PARALLEL_CALLS

CHUNK = 200  # attendees read and marked between two looks at the budget (the cursor moves per chunk)


class AttendanceClose:
    """Closes due sign-out windows; ``forget`` drops a closed session from this process's sign-in cache."""

    def __init__(self, forget: Callable[[str], None]) -> None:
        self._forget = forget

    def close_due(self, now: datetime, budget: TimeBudget = schedule_runs.unlimited) -> int:
        """Close every sign-out window that ended by ``now``: attendees without a sign-out are marked (0 hours),
        the session's code secret is replaced so old codes die, and the next close is scheduled. Safe to run
        twice or concurrently: marks are conditional (a sign-out is never overwritten) and the session is saved
        under its version. While ``budget()`` is false no further chunk is started: a half-closed session keeps
        its cursor and stays due, so the next run goes on from there."""
        closed = 0
        with ThreadPoolExecutor(max_workers=PARALLEL_CALLS, thread_name_prefix="close") as pool:
            for session in Session.due_index.query("open", Session.attendance_due <= to_iso(now)):
                if not budget():
                    logger.info("attendance close stops at its budget", extra={"windows_closed": closed})
                    break
                self._forget(session.session_id)
                try:
                    closed += self._close(session, now, budget, pool)
                except Exception:  # noqa: BLE001 - one bad session must not stop the others; the next run retries
                    logger.exception("attendance close failed", extra={"session_id": session.session_id})
        return closed

    @staticmethod
    def _close(session: Session, now: datetime, budget: TimeBudget, pool: ThreadPoolExecutor) -> int:
        outs = [window for window in session_windows(session) if window.kind == "out"]
        through = session.attendance_closed_through
        closing = [w for w in outs if w.closes <= now and (through is None or to_iso(w.closes) > through)]
        if closing and not _mark_missing(session, to_iso(closing[-1].closes), {w.day for w in closing}, budget, pool):
            session.save()  # half done: the cursor, for the next run
            logger.info("attendance close continues next run", extra={"session_id": session.session_id})
            return 0
        remaining = [window for window in outs if window.closes > now]
        if not remaining and not aggregates.settle(session, now=now, budget=budget):  # its totals and people, once
            session.save()  # half counted: the totals keep the counting's cursor, the session stays due
            logger.info("attendance close continues next run", extra={"session_id": session.session_id})
            return 0
        session.qr_secret = secrets.token_urlsafe(32)
        session.attendance_close_cursor = None
        if closing:
            session.attendance_closed_through = to_iso(closing[-1].closes)
        if remaining:
            session.attendance_due = to_iso(remaining[0].closes)
        else:
            session.attendance_open = None
            session.attendance_due = None
        session.save()
        logger.info("attendance windows closed", extra={"session_id": session.session_id, "windows": len(closing)})
        return len(closing)


def _mark_missing(
    session: Session, through: str, days: set[str | None], budget: TimeBudget, pool: ThreadPoolExecutor
) -> bool:
    """Mark the attendees of ``days`` who did not sign out, a chunk at a time in parallel, from the session's cursor;
    False (the cursor left on the session) when the budget ran out first."""
    cursor = session.attendance_close_cursor or {}
    start = None
    if cursor.get("through") == through and cursor.get("after"):
        start = {"session_id": {"S": session.session_id}, "attendee_key": {"S": cursor["after"]}}
    attendees = Attendance.query(session.session_id, last_evaluated_key=start, page_size=CHUNK)
    for chunk in chunks(attendees, CHUNK):
        due = [a for a in chunk if a.day in days and not a.signed_out_at and not a.missing_sign_out]
        list(pool.map(_mark, due))  # re-raises the first failure: the session is retried next run
        session.attendance_close_cursor = {"through": through, "after": chunk[-1].attendee_key}
        if len(chunk) == CHUNK and not budget():
            return False
    return True


def _mark(attendee: Attendance) -> None:
    """Missing sign-out, 0 hours; a sign-out that arrived meanwhile wins (the write's condition)."""
    try:
        attendee.update(
            actions=[Attendance.missing_sign_out.set(True), Attendance.hours.set(0)],
            condition=Attendance.signed_out_at.does_not_exist(),
        )
    except UpdateError as error:
        if error.cause_response_code != "ConditionalCheckFailedException":
            raise


def chunks(items: Iterator[Attendance], size: int) -> Iterator[list[Attendance]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
