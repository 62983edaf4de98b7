"""The organizer's execution report (执行情况) after the session: reading it, saving, submitting (with the session's
candidate summary, once attendance is final) and the admin's return; and how every step of the report workflow
(services/workflow_tables.py REPORT) is checked, written and announced."""

from __future__ import annotations

from typing import Any

from pynamodb.exceptions import DoesNotExist

from chalicelib.errors import Conflict, ValidationFailed
from chalicelib.models import Attendance, ExecutionReport, Project, Session
from chalicelib.principal import Principal
from chalicelib.services import credit_rule_book, drafts
from chalicelib.services.attendance_rules import teaching_blocks
from chalicelib.services.deadlines import deadline_of
from chalicelib.services.lecturer_ids import lecturer_rows
from chalicelib.services.notifications import Notifier
from chalicelib.services.schedule import check_in_year
from chalicelib.services.selection_rules import SUMMARY_FIELDS, attendance_final, candidate_summary, summary_current
from chalicelib.services.sessions import SessionService, audit_title, session_title
from chalicelib.services.workflow import Transition, announce, apply
from chalicelib.services.workflow_tables import REPORT
from chalicelib.settings import Keyring
from chalicelib.timeutil import china_today, to_iso, utc_now


def snapshot(report: ExecutionReport) -> dict[str, Any]:
    """What the audit log keeps of a report."""
    return {
        "actual_start_date": report.actual_start_date,
        "actual_end_date": report.actual_end_date,
        "venue": report.venue,
        "lecturers": len(report.lecturers or []),
        "selected_count": report.selected_count,
        "return_reason": report.return_reason,
    }


def deadline_fields(session: Session) -> dict[str, Any]:
    """The admin's term as the submission notice tells it: its length, its last China day and what remains."""
    deadline = deadline_of(session)
    term = credit_rule_book.of_session(session).admin_deadline_days
    if deadline is None:  # no open term (cannot happen before selection; the notice still reads)
        return {"term": term, "due": "—", "left": "请尽快办理"}
    due = f"{deadline.due.year}年{deadline.due.month}月{deadline.due.day}日"
    if deadline.overdue:
        left = f"已逾期{-deadline.days_left}天"
    elif deadline.days_left == 0:
        left = "今天截止"
    else:
        left = f"还剩{deadline.days_left}天"
    return {"term": term, "due": due, "left": left}


class ExecutionReports:
    """A held session's report and its workflow steps; the selection and grant rooms take their steps through it."""

    def __init__(self, sessions: SessionService, notifier: Notifier, pii_keys: Keyring, id_keys: Keyring) -> None:
        self._sessions = sessions
        self._notifier = notifier
        self._pii_keys = pii_keys  # a lecturer's optional ID number: hashed and sealed as attendees' are
        self._id_keys = id_keys

    # --- reading ------------------------------------------------------------------------------

    def report(self, principal: Principal, session_id: str) -> tuple[Session, ExecutionReport]:
        """The session (as the caller may see it) and its report, empty until first saved."""
        session = self._sessions.get(principal, session_id)
        if session.report_status is None:
            raise Conflict("SESSION_NOT_APPROVED", "举办申请审核通过后才有执行情况")
        return session, self._report(session)

    def actions(self, principal: Principal, session: Session) -> list[str]:
        """The steps the caller may take now, in the workflow's order."""
        if session.report_status is None or not self._sessions.can_see(principal, session):
            return []
        allowed = REPORT.actions_for(principal.role, session.report_status)
        if allowed and principal.role == "organizer" and not self._ended(session):
            return []
        return allowed

    @staticmethod
    def attendance_counts(session: Session) -> tuple[int, int]:
        """Signed in and signed out, reading only the sign-out time of each record."""
        records = list(Attendance.query(session.session_id, attributes_to_get=["signed_out_at"]))
        return len(records), sum(1 for record in records if record.signed_out_at)

    # --- the organizer's report ---------------------------------------------------------------

    def save_report(self, principal: Principal, session_id: str, data: Any) -> tuple[Session, ExecutionReport]:
        """Save the report's fields (``schemas.credits.ReportIn``; a lecturer's ID number is kept masked, hashed
        and sealed, services/lecturer_ids.py); no state changes."""
        session, report = self.report(principal, session_id)
        transition = self.check(principal, session, "edit")
        if data.actual_end_date < data.actual_start_date:
            raise ValidationFailed("INVALID_DATES", "实际结束日期不能早于开始日期", "actual_end_date")
        check_in_year(
            data.actual_start_date, data.actual_end_date, int(Project.get(session.project_id).year), actual=True
        )
        for index, lecturer in enumerate(data.lecturers):
            if lecturer.hours > float(session.teaching_hours):
                raise ValidationFailed(
                    "LECTURER_HOURS_TOO_MANY",
                    f"授课学时不能超过本期教学总学时（{float(session.teaching_hours):g}）",
                    f"lecturers.{index}.hours",
                )
        lecturers = lecturer_rows(
            session, data.lecturers, report.lecturers or [], self._pii_keys, self._id_keys, china_today(utc_now())
        )
        before = snapshot(report)
        report.actual_start_date = data.actual_start_date.isoformat()
        report.actual_end_date = data.actual_end_date.isoformat()
        report.venue = data.venue
        report.summary = data.summary
        report.lecturers = lecturers
        report.updated_at = to_iso(utc_now())
        cleared = drafts.clearing(drafts.report_key(session_id))
        apply(
            principal,
            transition,
            "session",
            session_id,
            before,
            snapshot(report),
            saves=(report,),
            deletes=cleared,
            title=audit_title(session),
        )
        return session, report

    def submit_report(self, principal: Principal, session_id: str) -> tuple[Session, ExecutionReport]:
        """The organizer hands a complete report to the admin."""
        session, report = self.report(principal, session_id)
        transition = self.check(principal, session, "submit")
        if not report.summary or not report.lecturers:
            raise ValidationFailed(
                "REPORT_INCOMPLETE", "请先填写并保存执行情况（实际日期、地点、总结和授课人）", "summary"
            )
        now = utc_now()
        report.submitted_at = to_iso(now)
        report.return_reason = None
        if attendance_final(session, now) and not summary_current(report.candidate_summary, session):
            # Counted once, here, when no sign-out can still arrive; a report submitted earlier (the sign-out window
            # may close hours after teaching ends) is counted on the selection's first read after the window.
            records = Attendance.query(session.session_id, attributes_to_get=list(SUMMARY_FIELDS))
            report.candidate_summary = candidate_summary(session, records, now)
        report.updated_at = report.submitted_at
        cleared = drafts.clearing(drafts.report_key(session_id))
        return self.advance(principal, transition, session, report, deletes=cleared, **deadline_fields(session))

    def return_report(self, principal: Principal, session_id: str, reason: str) -> tuple[Session, ExecutionReport]:
        """The admin sends the report back to the organizer."""
        session, report = self.report(principal, session_id)
        transition = self.check(principal, session, "return", reason)
        report.return_reason = reason
        report.updated_at = to_iso(utc_now())
        return self.advance(principal, transition, session, report, reason=reason)

    # --- the steps of the workflow ------------------------------------------------------------

    def check(self, principal: Principal, session: Session, action: str, reason: str | None = None) -> Transition:
        """The step ``action`` from the session's report status (Forbidden, ILLEGAL_TRANSITION, REASON_REQUIRED as
        ``Workflow.step``); the organizer's steps also wait for the end of the session."""
        transition = REPORT.step(principal, action, session.report_status, reason)
        if transition.role == "organizer" and not self._ended(session):
            raise Conflict("SESSION_NOT_ENDED", "本期项目结束后才能提交执行情况")
        return transition

    def advance(
        self,
        principal: Principal,
        transition: Transition,
        session: Session,
        report: ExecutionReport,
        deletes: tuple[Any, ...] = (),
        **fields: Any,
    ) -> tuple[Session, ExecutionReport]:
        """Move the report to the step's state, writing session and report with the audit event at once, then send
        the step's notices (``fields`` fill their templates); ``deletes``: the report form's draft at submission."""
        if transition.target is None:
            raise ValueError(f"{transition.action} changes no state")  # such steps write what their service writes
        before = {"report_status": session.report_status, "deadline_due": session.deadline_due}
        session.report_status = transition.target
        session.updated_at = to_iso(utc_now())
        after = {"report_status": session.report_status, "deadline_due": session.deadline_due, **snapshot(report)}
        apply(
            principal,
            transition,
            "session",
            session.session_id,
            before,
            after,
            saves=(session, report),
            deletes=deletes,
            title=audit_title(session),
        )
        self.announce(transition, session, **fields)
        return session, report

    def announce(self, transition: Transition, session: Session, **fields: Any) -> None:
        """The step's notices about ``session``, linking to its report page."""
        link = f"/sessions/{session.session_id}/report"
        announce(
            transition,
            self._notifier.notify,
            session.org_id,
            session.department,
            link,
            title=session_title(session),
            **fields,
        )

    # --- helpers ------------------------------------------------------------------------------

    @staticmethod
    def _report(session: Session) -> ExecutionReport:
        try:
            return ExecutionReport.get(session.session_id)
        except DoesNotExist:
            return ExecutionReport(session_id=session.session_id, lecturers=[], updated_at=to_iso(utc_now()))

    @staticmethod
    def _ended(session: Session) -> bool:
        return utc_now() >= max(block.ends for block in teaching_blocks(session))
