"""The scheduled close (every 5 minutes): ended sign-out windows mark their missing sign-outs, and the session's
code secret is replaced so that old codes die."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import datetime

from pynamodb.exceptions import UpdateError

from chalicelib.models import Attendance, Session
from chalicelib.observability import logger
from chalicelib.services.attendance_rules import session_windows
from chalicelib.timeutil import to_iso


class AttendanceClose:
    """Closes due sign-out windows; ``forget`` drops a closed session from this process's sign-in cache."""

    def __init__(self, forget: Callable[[str], None]) -> None:
        self._forget = forget

    def close_due(self, now: datetime) -> int:
        """Close every sign-out window that ended by ``now``: attendees without a sign-out are marked (0 hours),
        the session's code secret is replaced so old codes die, and the next close is scheduled. Safe to run
        twice or concurrently: marks are conditional and the session is saved under its version."""
        closed = 0
        for session in Session.due_index.query("open", Session.attendance_due <= to_iso(now)):
            self._forget(session.session_id)
            try:
                closed += self._close(session, now)
            except Exception:  # noqa: BLE001 - one bad session must not stop the others; the next run retries
                logger.exception("attendance close failed", extra={"session_id": session.session_id})
        return closed

    @staticmethod
    def _close(session: Session, now: datetime) -> int:
        outs = [window for window in session_windows(session) if window.kind == "out"]
        through = session.attendance_closed_through
        closing = [w for w in outs if w.closes <= now and (through is None or to_iso(w.closes) > through)]
        days = {window.day for window in closing}
        for attendee in Attendance.query(session.session_id):
            if attendee.day not in days or attendee.signed_out_at or attendee.missing_sign_out:
                continue
            try:
                attendee.update(
                    actions=[Attendance.missing_sign_out.set(True), Attendance.hours.set(0)],
                    condition=Attendance.signed_out_at.does_not_exist(),
                )
            except UpdateError as error:
                if error.cause_response_code != "ConditionalCheckFailedException":
                    raise
        remaining = [window for window in outs if window.closes > now]
        session.qr_secret = secrets.token_urlsafe(32)
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
