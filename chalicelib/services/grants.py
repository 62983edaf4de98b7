"""The provincial office's part after the admin's selection: granting credits as a background job (the request
allocates the grant and starts the job; the job writes records, certificates and the person-year ledger in chunks,
each idempotent, then counts them in the aggregates within each step's time, and the final step marks the session
granted), returning the list to the admin, extending the admin's deadline, and the granted credits of a session."""

from __future__ import annotations

import itertools
import math
import time
import uuid
from datetime import date
from typing import TYPE_CHECKING, Any

from pynamodb.exceptions import PutError

from chalicelib.errors import AppError, Conflict
from chalicelib.models import Attendance, CreditRecord, ExecutionReport, Job, Session
from chalicelib.observability import count
from chalicelib.principal import Principal
from chalicelib.services import aggregates, credit_rule_book, deadlines, ledger
from chalicelib.services.batch_writes import save_all
from chalicelib.services.certificates import CertificateService
from chalicelib.services.credit_rules import CreditRule
from chalicelib.services.execution_reports import ExecutionReports
from chalicelib.services.jobs import FAILED, JobService, keyed_id
from chalicelib.services.lecturer_ids import id_fields
from chalicelib.services.selection_rules import Candidate, apply_selection, candidates
from chalicelib.services.sessions import audit_title
from chalicelib.services.workflow import apply
from chalicelib.timeutil import china_today, parse_instant, to_iso, utc_now

if TYPE_CHECKING:
    from chalicelib.services.schedule_runs import TimeBudget

GRANT = "grant"  # the job kind
GRANT_ROWS = 500  # attendance records a chunk reads: 500 people (fewer in daily mode), a few seconds on Lambda
# A step's time for the aggregates' count (after the last chunk, and steps of its own while it goes on): about 400
# chunks of 23-48 people on Lambda, well inside the worker's run with its reserve (jobs.RESERVE_SECONDS).
SETTLE_SECONDS = 20.0


class Grants:
    """The office's review of a submitted selection."""

    def __init__(self, reports: ExecutionReports, certificates: CertificateService, jobs: JobService) -> None:
        self._reports = reports
        self._certificates = certificates
        self._jobs = jobs

    def credits(self, principal: Principal, session_id: str) -> list[CreditRecord]:
        """The session's credit records of its grant (none before the grant is complete)."""
        session, report = self._reports.report(principal, session_id)
        if session.report_status != "granted":
            return []
        return [record for record in CreditRecord.query(session.session_id) if record.grant_id == report.grant_id]

    # --- the request ----------------------------------------------------------------------------

    def grant(self, principal: Principal, session_id: str, key: str | None = None) -> Job:
        """Start the grant as a background job and answer it. The grant's id and its certificate numbers are
        allocated here, under the report's version (of two offices granting at once, one gets CONCURRENT_UPDATE);
        while the job runs, every request answers it (not a second job); after a failed job, a new one resumes the
        same grant. A granted session answers a job that finds nothing to do. ``key``: the Idempotency-Key."""
        params = {"session_id": session_id}
        job_id = keyed_id(principal, key) if key is not None else None
        if job_id is not None and (replayed := self._jobs.replay(job_id, GRANT, params)) is not None:
            return replayed
        session, report = self._reports.report(principal, session_id)
        granted = session.report_status == "granted"
        if not (granted and principal.is_office):
            self._reports.check(principal, session, "grant")
        live = self._jobs.find(report.grant_job) if report.grant_job else None
        if live is not None and live.state != FAILED:
            return live
        if granted:
            return self._jobs.create(principal, GRANT, params, job_id)
        if not report.grant_id:
            now = utc_now()
            report.grant_id = f"{to_iso(now)}#{uuid.uuid4().hex[:12]}"
            report.certificate_base = self._certificates.allocate_numbers(
                str(china_today(now).year), _numbers(session, report)
            )
        report.grant_job = job_id or uuid.uuid4().hex
        report.updated_at = to_iso(utc_now())
        try:
            report.save()  # guarded by its version: of two offices granting at once, one goes on
        except PutError as error:
            if error.cause_response_code != "ConditionalCheckFailedException":
                raise
            raise Conflict("CONCURRENT_UPDATE", "学分正在由他人授予，请刷新后查看") from None
        # Recorded before the job exists: the loser of a race never starts one, and a job that could not be created
        # is replaced by the next request.
        return self._jobs.create(principal, GRANT, {**params, "numbers": _numbers(session, report)}, report.grant_job)

    # --- the job ----------------------------------------------------------------------------------

    def grant_chunk(self, principal: Principal, params: dict[str, Any], cursor: Any) -> tuple[int, Any, int | None]:
        """One chunk of the grant: the credit records of up to ``GRANT_ROWS`` attendance records' people (a person's
        days never split between chunks), their certificates (numbered from the grant's base, in credit-key order
        across chunks, as ``cursor`` carries the offset) and their ledger counts; the last chunk adds the lecturers,
        then settles the aggregates (credits, credited people) for the rest of the step's ``SETTLE_SECONDS``; when
        the count is not done, steps of the count alone follow, each from its cursor. Every write is keyed by the
        grant, so a chunk done again writes the same items and counts nobody twice.
        Returns (people granted, the next cursor or None, the chunks expected when first known)."""
        session, report = self._reports.report(principal, params["session_id"])
        if session.report_status == "granted":
            return 0, None, 1  # an earlier job granted it: nothing to write
        if not report.grant_id or report.certificate_base is None:
            raise Conflict("GRANT_NOT_STARTED", "学分授予未开始，请重新授予")
        budget = step_budget()
        if cursor is not None and cursor.get("settle"):  # every record written: the aggregates' count goes on
            return 0, _settled(session, report, budget), None
        at = cursor or {"after": None, "offset": 0}
        total = None
        if cursor is None:  # a count reads no item out; it sizes the progress bar
            total = max(1, math.ceil(Attendance.count(session.session_id) / GRANT_ROWS))
        rows, after = _people_page(session.session_id, at["after"])
        people = apply_selection(candidates(session, rows, utc_now()), report.selection)
        rule = credit_rule_book.of_session(session)
        granted_at = report.grant_id.partition("#")[0]
        records = [
            _attendee_record(session, rule, person, report.grant_id, granted_at) for person in people if person.selected
        ]
        chosen = len(records)
        if after is None:
            records += [
                _lecturer_record(session, rule, index, lecturer, report.grant_id, granted_at)
                for index, lecturer in enumerate(report.lecturers or [])
            ]
        offset = int(at["offset"])
        if offset + len(records) > int(params["numbers"]):
            # More people than numbers were allocated for (the selection changed under the grant): stop rather than
            # hand out another session's certificate numbers.
            raise AppError("GRANT_COUNT_CHANGED", "授予名单与分配的证书编号数量不一致，请联系系统管理员", status=409)
        save_all(CreditRecord, records)
        issued_on = china_today(parse_instant(granted_at)).isoformat()
        certificates = self._certificates.issue(session, records, int(report.certificate_base) + offset, issued_on)
        ledger.record_session(records, certificates)  # before the session says granted: a retry counts nobody twice
        if after is not None:
            return chosen, {"after": after, "offset": offset + len(records)}, total
        return chosen, _settled(session, report, budget), total

    def finish_grant(self, principal: Principal, session_id: str, selected: int) -> None:
        """The job's final step, once every chunk is written and the aggregates have counted its credits and credited
        people: the session says granted (readers count the records from now on), its deadline closes (the totals'
        overdue follows), and the step's audit event and notices go out. Done already: nothing."""
        session, report = self._reports.report(principal, session_id)
        if session.report_status == "granted":
            return
        transition = self._reports.check(principal, session, "grant")
        session.granted_at = report.grant_id.partition("#")[0]
        deadlines.close(session)
        # The count was finished by the chunks' steps: this recount finds nothing left but the deadline's change
        # (or the few people a concurrent settle left), so it needs no budget; before the session says granted.
        aggregates.settle(session)
        self._reports.advance(principal, transition, session, report, selected=selected)
        count("Grants")

    def return_selection(self, principal: Principal, session_id: str, reason: str) -> tuple[Session, ExecutionReport]:
        """The office sends the list back to the admin, who gets a fresh term."""
        session, report = self._reports.report(principal, session_id)
        transition = self._reports.check(principal, session, "office_return", reason)
        if report.grant_id:
            raise Conflict("GRANT_IN_PROGRESS", "学分正在授予中，请重试授予")
        report.return_reason = reason
        report.updated_at = to_iso(utc_now())
        deadlines.reopen_admin_term(
            session, china_today(utc_now()), credit_rule_book.of_session(session).admin_deadline_days
        )
        answer = self._reports.advance(principal, transition, session, report, reason=reason)
        aggregates.settle_after_step(session)  # an overdue office term is no longer counted as overdue
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
            title=audit_title(session),
        )
        self._reports.announce(transition, session, until=until.isoformat(), reason=reason)
        aggregates.settle_after_step(session)  # an extended deadline is no longer counted as overdue
        return session, report


def step_budget(seconds: float | None = None) -> TimeBudget:
    """The time one job step may spend on the aggregates' count: ``SETTLE_SECONDS`` from now, and always one chunk
    (so every step moves the count on). The worker keeps its reserve plus the slowest step before its timeout."""
    deadline = time.monotonic() + (SETTLE_SECONDS if seconds is None else seconds)
    looks = itertools.count()
    return lambda: next(looks) == 0 or time.monotonic() < deadline


def _settled(session: Session, report: ExecutionReport, budget: TimeBudget) -> dict[str, Any] | None:
    """Settle the session's aggregates with its credit records (``granted_at`` set on this copy only: the session
    says granted at the final step) within ``budget``: None when done, else the cursor of a step that goes on from
    the count's own cursor (on the session's totals: nobody is counted twice)."""
    session.granted_at = report.grant_id.partition("#")[0]
    return None if aggregates.settle(session, budget=budget) else {"settle": True}


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
        **id_fields(lecturer, session.session_id),  # an ID number registered on the report: the public query finds it
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
        "credit_class": rule.level(session.project_level).credit_class,
        "rules_version": rule.version,
        "grant_id": grant_id,
        "granted_at": granted_at,
    }


def _numbers(session: Session, report: ExecutionReport) -> int:
    """Certificate numbers the grant takes: one per selected attendee (the submitted list is frozen) and lecturer."""
    selected = report.selected_count
    if selected is None:  # a selection submitted before its count was kept: counted from the attendance
        people = candidates(session, list(Attendance.query(session.session_id)), utc_now())
        selected = sum(1 for person in apply_selection(people, report.selection) if person.selected)
    return max(1, int(selected) + len(report.lecturers or []))


def _people_page(session_id: str, after: Any) -> tuple[list[Attendance], Any]:
    """Up to ``GRANT_ROWS`` attendance records after ``after`` (a key), and the key to go on from (None at the end).
    Records are in key order, a person's days adjacent (``{person}#{day}``); when more follow, the page's last
    person is left to the next page, so every chunk sees each of its people's days whole."""
    found = Attendance.query(
        session_id, limit=GRANT_ROWS, page_size=GRANT_ROWS, last_evaluated_key=after, consistent_read=True
    )
    rows = list(found)
    following = found.last_evaluated_key
    if following is None:
        return rows, None
    last = rows[-1].person_key or rows[-1].attendee_key
    kept = [row for row in rows if (row.person_key or row.attendee_key) != last]
    if not kept:  # one person with more days than a page: not a real session's shape; take the page whole
        return rows, following
    return kept, {"session_id": {"S": session_id}, "attendee_key": {"S": kept[-1].attendee_key}}
