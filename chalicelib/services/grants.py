"""The provincial office's part after the admin's selection: granting credits (records, certificates and the
person-year ledger, idempotent), returning the list to the admin, extending the admin's deadline, and the granted
credits of a session."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from pynamodb.exceptions import PutError

from chalicelib.errors import Conflict
from chalicelib.models import Attendance, CreditRecord, ExecutionReport, Session
from chalicelib.principal import Principal
from chalicelib.services import aggregates, deadlines, ledger
from chalicelib.services.certificates import CertificateService
from chalicelib.services.credit_rules import CREDIT_CLASS, CreditRule, rule_on
from chalicelib.services.execution_reports import ExecutionReports
from chalicelib.services.selection_rules import Candidate, apply_selection, candidates
from chalicelib.services.workflow import apply
from chalicelib.timeutil import china_today, parse_instant, to_iso, utc_now


class Grants:
    """The office's review of a submitted selection."""

    def __init__(self, reports: ExecutionReports, certificates: CertificateService) -> None:
        self._reports = reports
        self._certificates = certificates

    def credits(self, principal: Principal, session_id: str) -> list[CreditRecord]:
        """The session's credit records of its grant (none before the grant is complete)."""
        session, report = self._reports.report(principal, session_id)
        if session.report_status != "granted":
            return []
        return [record for record in CreditRecord.query(session.session_id) if record.grant_id == report.grant_id]

    def grant(self, principal: Principal, session_id: str) -> tuple[Session, ExecutionReport]:
        """Idempotent and all-or-nothing for readers: records carry the grant's id and count only once the session
        says granted; a grant interrupted midway is finished by the next call with the same id."""
        session, report = self._reports.report(principal, session_id)
        if session.report_status == "granted" and principal.is_office:
            return session, report
        transition = self._reports.check(principal, session, "grant")
        rule = rule_on(session.start_date)
        people = apply_selection(candidates(session, list(Attendance.query(session_id)), utc_now()), report.selection)
        if not report.grant_id:
            now = utc_now()
            report.grant_id = f"{to_iso(now)}#{uuid.uuid4().hex[:12]}"
            lecturers = len(report.lecturers or [])
            report.certificate_base = self._certificates.allocate_numbers(
                str(china_today(now).year), max(1, sum(1 for person in people if person.selected) + lecturers)
            )
            report.updated_at = to_iso(utc_now())
            try:
                report.save()  # guarded by its version: of two offices granting at once, one goes on
            except PutError as error:
                if error.cause_response_code != "ConditionalCheckFailedException":
                    raise
                raise Conflict("CONCURRENT_UPDATE", "学分正在由他人授予，请刷新后查看") from None
        granted_at = report.grant_id.partition("#")[0]
        issued_on = china_today(parse_instant(granted_at)).isoformat()
        records = [
            _attendee_record(session, rule, person, report.grant_id, granted_at) for person in people if person.selected
        ]
        records += [
            _lecturer_record(session, rule, index, lecturer, report.grant_id, granted_at)
            for index, lecturer in enumerate(report.lecturers or [])
        ]
        with CreditRecord.batch_write() as batch:
            for record in records:
                batch.save(record)
        certificates = self._certificates.issue(session, records, int(report.certificate_base), issued_on)
        ledger.record_session(records, certificates)  # before the session says granted: a retry counts nobody twice
        session.granted_at = granted_at
        deadlines.close(session)
        selected = sum(1 for person in people if person.selected)
        aggregates.settle(session)  # credits and credited people, before the session says granted: a retry recounts
        return self._reports.advance(principal, transition, session, report, selected=selected)

    def return_selection(self, principal: Principal, session_id: str, reason: str) -> tuple[Session, ExecutionReport]:
        """The office sends the list back to the admin, who gets a fresh term."""
        session, report = self._reports.report(principal, session_id)
        transition = self._reports.check(principal, session, "office_return", reason)
        if report.grant_id:
            raise Conflict("GRANT_IN_PROGRESS", "学分正在授予中，请重试授予")
        report.return_reason = reason
        report.updated_at = to_iso(utc_now())
        deadlines.reopen_admin_term(session, china_today(utc_now()))
        answer = self._reports.advance(principal, transition, session, report, reason=reason)
        aggregates.settle(session, recount=False)  # an overdue office term is no longer counted as overdue
        return answer

    def extend(
        self, principal: Principal, session_id: str, until: date, reason: str
    ) -> tuple[Session, ExecutionReport]:
        """The office extends the admin's deadline to ``until`` (China date)."""
        session, report = self._reports.report(principal, session_id)
        transition = self._reports.check(principal, session, "extend", reason)
        now = utc_now()
        deadlines.check_extension(session, until, china_today(now))
        before = deadlines.extension_snapshot(session)
        deadlines.extend(session, until, reason, principal.username, now)
        session.updated_at = to_iso(now)
        apply(
            principal,
            transition,
            "session",
            session_id,
            before,
            deadlines.extension_snapshot(session),
            saves=(session,),
        )
        self._reports.announce(transition, session, until=until.isoformat(), reason=reason)
        aggregates.settle(session, recount=False)  # an extended deadline is no longer counted as overdue
        return session, report


def _attendee_record(
    session: Session, rule: CreditRule, person: Candidate, grant_id: str, granted_at: str
) -> CreditRecord:
    return CreditRecord(
        session_id=session.session_id,
        credit_key=f"attendee#{person.person_key}",
        kind="attendee",
        person_key=person.person_key,
        name=person.name,
        id_masked=person.id_masked,
        id_encrypted=person.id_encrypted,
        id_context=person.id_context,
        credits=rule.attendee_credits(session.project_level, session.credits, float(session.teaching_hours)),
        hours=person.hours,
        **_session_fields(session, rule, grant_id, granted_at),
    )


def _lecturer_record(
    session: Session, rule: CreditRule, index: int, lecturer: dict[str, Any], grant_id: str, granted_at: str
) -> CreditRecord:
    return CreditRecord(
        session_id=session.session_id,
        credit_key=f"lecturer#{index + 1:02d}",
        kind="lecturer",
        name=lecturer["name"],
        credits=rule.lecturer_credits(session.project_level, float(lecturer["hours"])),
        hours=float(lecturer["hours"]),
        **_session_fields(session, rule, grant_id, granted_at),
    )


def _session_fields(session: Session, rule: CreditRule, grant_id: str, granted_at: str) -> dict[str, Any]:
    return {
        "project_id": session.project_id,
        "project_number": session.project_number,
        "project_name": session.project_name,
        "project_level": session.project_level,
        "org_id": session.org_id,
        "org_name": session.org_name,
        "start_date": session.start_date,
        "end_date": session.end_date,
        "credit_class": CREDIT_CLASS,
        "rules_version": rule.version,
        "grant_id": grant_id,
        "granted_at": granted_at,
    }
