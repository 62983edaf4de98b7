"""The admin's selection of attendees for credits (学员遴选): the candidates with their hours, and the submission of
the selected list to the office before the admin's deadline."""

from __future__ import annotations

from chalicelib.errors import Conflict
from chalicelib.models import Attendance, ExecutionReport, Session
from chalicelib.principal import Principal
from chalicelib.services import deadlines
from chalicelib.services.execution_reports import ExecutionReports
from chalicelib.services.selection_rules import Candidate, apply_selection, candidates, submitted_selection
from chalicelib.timeutil import china_today, to_iso, utc_now


class Selection:
    """Who of a session's attendees get credits, as the admin of its organisation chooses."""

    def __init__(self, reports: ExecutionReports) -> None:
        self._reports = reports

    def selection(self, principal: Principal, session_id: str) -> tuple[Session, list[Candidate]]:
        """Every attendee with hours, status and flags; preselected by 规定学时, then as the admin chose."""
        session, report = self._reports.report(principal, session_id)
        attendees = list(Attendance.query(session.session_id))
        return session, apply_selection(candidates(session, attendees, utc_now()), report.selection)

    def submit(
        self, principal: Principal, session_id: str, deselected: list[str], included: list[tuple[str, str]]
    ) -> tuple[Session, ExecutionReport]:
        """Submit the preselection less ``deselected`` plus ``included`` (with reasons); the office's term starts."""
        session, report = self._reports.report(principal, session_id)
        transition = self._reports.check(principal, session, "select")
        now = utc_now()
        today = china_today(now)
        deadline = deadlines.deadline_of(session, today)
        if deadline is not None and deadline.overdue:
            raise Conflict(
                "DEADLINE_PASSED",
                f"已超过上报期限（{deadline.due.isoformat()}），请联系省继教办延长期限后再上报",
            )
        people = candidates(session, list(Attendance.query(session_id)), now)
        report.selection = submitted_selection(people, deselected, included)
        report.selected_count = len(report.selection["selected"])
        report.updated_at = to_iso(utc_now())
        session.admin_submitted_on = today.isoformat()
        deadlines.open_office_term(session, today)
        return self._reports.advance(
            principal, transition, session, report, org_name=session.org_name, selected_count=report.selected_count
        )
