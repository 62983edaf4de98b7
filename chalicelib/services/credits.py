"""After a session: the organizer's execution report, the admin's selection of attendees within 14 days, the
office's granting of credits within 14 days, extensions, and the daily reminders of those deadlines."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from pynamodb.exceptions import DoesNotExist, PutError, UpdateError

from chalicelib.errors import Conflict, Forbidden, ValidationFailed
from chalicelib.models import Attendance, CreditRecord, ExecutionReport, NameClaim, Project, Session
from chalicelib.observability import logger
from chalicelib.principal import Principal
from chalicelib.services import identity
from chalicelib.services.attendance_rules import attendee_flags, attendee_status
from chalicelib.services.audit import audit_event, commit
from chalicelib.services.certificates import CertificateService
from chalicelib.services.credit_rules import CREDIT_CLASS, CreditRule, rule_on
from chalicelib.services.notifications import Notifier, recipients
from chalicelib.services.schedule import check_in_year
from chalicelib.services.sessions import SessionService, session_windows, teaching_blocks
from chalicelib.timeutil import CHINA, parse_instant, to_iso, utc_now

REPORT_STATUS_LABELS = {
    "pending": "待提交执行情况",
    "reported": "待单位遴选上报",
    "returned": "执行情况被退回",
    "submitted": "待省继教办审核学分",
    "office_returned": "学员名单被退回",
    "granted": "已授予学分",
}
REMIND_DAYS = (7, 3, 1)
REMINDER_ATTEMPTS = 3  # runs that try one reminder before it is given up (logged) for those it never reached
REMINDER_LEASE = timedelta(minutes=2)  # longer than a run may last (the Lambda timeout, .chalice/config.json)


def china_today(now: datetime | None = None) -> date:
    return (now or utc_now()).astimezone(CHINA).date()


def required_hours(session: Session) -> float:
    return float(session.required_hours if session.required_hours is not None else session.teaching_hours)


@dataclass(frozen=True)
class Deadline:
    kind: str  # admin | office
    due: date
    days_left: int
    extended: bool

    @property
    def overdue(self) -> bool:
        return self.days_left < 0


def deadline_of(session: Session, today: date) -> Deadline | None:
    if not session.deadline_open or not session.deadline_due:
        return None
    due = date.fromisoformat(session.deadline_due)
    extended = (
        bool(session.extension)
        and session.deadline_kind == "admin"
        and session.extension.get("until") == session.deadline_due
    )
    return Deadline(session.deadline_kind or "admin", due, (due - today).days, extended)


@dataclass
class Candidate:
    """One person of a session's attendance (all days together in daily mode), as the admin selects them."""

    attendee_id: str
    person_key: str
    name: str
    id_masked: str
    id_encrypted: str | None
    id_context: str  # the attendance record id_encrypted is bound to (in daily mode, that of the first day)
    unit: str
    department: str
    days: list[str | None] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    signed_in_at: str = ""
    signed_out_at: str | None = None
    hours: float = 0.0
    status: str = "present"
    flags: list[str] = field(default_factory=list)
    questionnaire_done: bool = False
    preselected: bool = False
    selected: bool = False
    reason: str | None = None


def candidates(session: Session, attendees: list[Attendance], now: datetime) -> list[Candidate]:
    """Attendance per person: the hours of every day add up, the earliest sign-in and latest sign-out show."""
    windows = session_windows(session)
    flags = attendee_flags(attendees)
    people: dict[str, Candidate] = {}
    for record in sorted(attendees, key=lambda a: a.signed_in_at):
        person = record.person_key or record.attendee_key
        found = people.get(person)
        if found is None:
            found = people[person] = Candidate(
                attendee_id=person[:16],
                person_key=person,
                name=record.name,
                id_masked=record.id_masked,
                id_encrypted=record.id_encrypted,
                id_context=identity.record_context(record.session_id, record.attendee_key),
                unit=record.unit,
                department=record.department,
                signed_in_at=record.signed_in_at,
            )
        found.days.append(record.day)
        found.hours = round(found.hours + float(record.hours or 0), 2)
        if record.signed_out_at and (found.signed_out_at or "") < record.signed_out_at:
            found.signed_out_at = record.signed_out_at
        found.statuses.append(attendee_status(record, windows, now))
        found.flags = sorted(set(found.flags) | set(flags[record.attendee_key]))
        found.questionnaire_done = found.questionnaire_done or bool(record.answers)
    required = required_hours(session)
    for person in people.values():
        if "incomplete" in person.statuses:
            person.status = "incomplete"
        elif all(status == "signed_out" for status in person.statuses):
            person.status = "signed_out"
        person.preselected = person.hours + 1e-9 >= required
        person.selected = person.preselected
    return list(people.values())


def apply_selection(people: list[Candidate], selection: dict[str, Any] | None) -> list[Candidate]:
    if selection:
        deselected = set(selection.get("deselected", []))
        included = selection.get("included", {})
        # The submitted list is frozen: a sign-out arriving after the admin's submission changes nobody's choice.
        frozen = set(selection["selected"]) if "selected" in selection else None
        for person in people:
            if frozen is not None:
                person.selected = person.attendee_id in frozen
            else:
                person.selected = (person.preselected and person.attendee_id not in deselected) or (
                    person.attendee_id in included
                )
            person.reason = included.get(person.attendee_id)
    return people


class CreditService:
    """The credit workflow of one session after it is held."""

    def __init__(self, sessions: SessionService, notifier: Notifier, certificates: CertificateService) -> None:
        self._sessions = sessions
        self._notifier = notifier
        self._certificates = certificates

    # --- reading ------------------------------------------------------------------------------

    def report(self, principal: Principal, session_id: str) -> tuple[Session, ExecutionReport]:
        session = self._sessions.get(principal, session_id)
        if session.report_status is None:
            raise Conflict("SESSION_NOT_APPROVED", "举办申请审核通过后才有执行情况")
        return session, self._report(session)

    def actions(self, principal: Principal, session: Session) -> list[str]:
        status = session.report_status
        if status is None or not self._sessions.can_see(principal, session):
            return []
        allowed = []
        if principal.role == "organizer" and status in ("pending", "returned") and self._ended(session):
            allowed += ["edit", "submit"]
        if principal.is_admin and status == "reported":
            allowed.append("return")
        if principal.is_admin and status in ("reported", "office_returned"):
            allowed.append("select")
        if principal.is_office and status == "submitted":
            allowed += ["office_return", "grant"]
        if principal.is_office and status in ("pending", "reported", "returned", "office_returned"):
            allowed.append("extend")
        return allowed

    @staticmethod
    def attendance_counts(session: Session) -> tuple[int, int]:
        """Signed in and signed out, reading only the sign-out time of each record."""
        records = list(Attendance.query(session.session_id, attributes_to_get=["signed_out_at"]))
        return len(records), sum(1 for record in records if record.signed_out_at)

    def selection(self, principal: Principal, session_id: str) -> tuple[Session, list[Candidate]]:
        session, report = self.report(principal, session_id)
        attendees = list(Attendance.query(session.session_id))
        return session, apply_selection(candidates(session, attendees, utc_now()), report.selection)

    def credits(self, principal: Principal, session_id: str) -> list[CreditRecord]:
        session, report = self.report(principal, session_id)
        if session.report_status != "granted":
            return []
        return [record for record in CreditRecord.query(session.session_id) if record.grant_id == report.grant_id]

    # --- the organizer's execution report -----------------------------------------------------

    def save_report(self, principal: Principal, session_id: str, data: Any) -> tuple[Session, ExecutionReport]:
        session, report = self.report(principal, session_id)
        self._require(principal, session, "edit", "执行情况当前不能修改")
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
        before = _report_snapshot(report)
        report.actual_start_date = data.actual_start_date.isoformat()
        report.actual_end_date = data.actual_end_date.isoformat()
        report.venue = data.venue
        report.summary = data.summary
        report.lecturers = [lecturer.model_dump() for lecturer in data.lecturers]
        report.updated_at = to_iso(utc_now())
        commit(
            audit_event(principal, "report.save", "session", session_id, before, _report_snapshot(report)),
            saves=(report,),
        )
        return session, report

    def submit_report(self, principal: Principal, session_id: str) -> tuple[Session, ExecutionReport]:
        session, report = self.report(principal, session_id)
        self._require(principal, session, "submit", "执行情况当前不能提交")
        if not report.summary or not report.lecturers:
            raise ValidationFailed(
                "REPORT_INCOMPLETE", "请先填写并保存执行情况（实际日期、地点、总结和授课人）", "summary"
            )
        report.submitted_at = to_iso(utc_now())
        report.return_reason = None
        report.updated_at = report.submitted_at
        return self._step(principal, session, report, "report.submit", "reported")

    def return_report(self, principal: Principal, session_id: str, reason: str) -> tuple[Session, ExecutionReport]:
        session, report = self.report(principal, session_id)
        self._require(principal, session, "return", "只有待遴选的执行情况可以退回")
        report.return_reason = reason
        report.updated_at = to_iso(utc_now())
        result = self._step(principal, session, report, "report.return", "returned")
        self._notify(
            recipients(session.org_id, "organizer", session.department),
            "执行情况被退回",
            f"{_title(session)}的执行情况被退回：{reason}",
            session,
        )
        return result

    # --- the admin's selection ----------------------------------------------------------------

    def submit_selection(
        self, principal: Principal, session_id: str, deselected: list[str], included: list[tuple[str, str]]
    ) -> tuple[Session, ExecutionReport]:
        session, report = self.report(principal, session_id)
        self._require(principal, session, "select", "学员名单当前不能上报")
        today = china_today()
        deadline = deadline_of(session, today)
        if deadline is not None and deadline.overdue:
            raise Conflict(
                "DEADLINE_PASSED",
                f"已超过上报期限（{deadline.due.isoformat()}），请联系省继教办延长期限后再上报",
            )
        people = {p.attendee_id: p for p in candidates(session, list(Attendance.query(session_id)), utc_now())}
        for index, attendee_id in enumerate(deselected):
            if attendee_id not in people or not people[attendee_id].preselected:
                raise ValidationFailed("UNKNOWN_ATTENDEE", "取消选择的学员不在预选名单中", f"deselected.{index}")
        for index, (attendee_id, reason) in enumerate(included):
            if attendee_id not in people or people[attendee_id].preselected:
                raise ValidationFailed("UNKNOWN_ATTENDEE", "补选的学员不存在或已在预选名单中", f"included.{index}")
            if len(reason.strip()) < 2:
                raise ValidationFailed(
                    "REASON_REQUIRED", "未达到规定学时的学员须填写补选理由", f"included.{index}.reason"
                )
        selection: dict[str, Any] = {"deselected": sorted(set(deselected)), "included": dict(included)}
        chosen = apply_selection(list(people.values()), selection)
        selection["selected"] = sorted(person.attendee_id for person in chosen if person.selected)
        report.selection = selection
        report.selected_count = sum(1 for person in chosen if person.selected)
        report.updated_at = to_iso(utc_now())
        session.admin_submitted_on = today.isoformat()
        rule = rule_on(session.start_date)
        session.deadline_kind = "office"
        session.deadline_due = (today + timedelta(days=rule.deadline_days)).isoformat()
        result = self._step(principal, session, report, "selection.submit", "submitted")
        self._notify(
            recipients("office", "office"),
            "待审核的学员名单",
            f"{session.org_name}已上报{_title(session)}的学员名单（{report.selected_count}人），请审核授予学分。",
            session,
        )
        return result

    def return_selection(self, principal: Principal, session_id: str, reason: str) -> tuple[Session, ExecutionReport]:
        session, report = self.report(principal, session_id)
        self._require(principal, session, "office_return", "只有待审核的学员名单可以退回")
        if report.grant_id:
            raise Conflict("GRANT_IN_PROGRESS", "学分正在授予中，请重试授予")
        report.return_reason = reason
        report.updated_at = to_iso(utc_now())
        # The admin gets a fresh term: the delay is the office's.
        rule = rule_on(session.start_date)
        session.deadline_kind = "admin"
        session.deadline_due = (china_today() + timedelta(days=rule.deadline_days)).isoformat()
        result = self._step(principal, session, report, "selection.return", "office_returned")
        self._notify(
            recipients(session.org_id, "admin"),
            "学员名单被退回",
            f"{_title(session)}的学员名单被退回：{reason}",
            session,
        )
        return result

    def extend(
        self, principal: Principal, session_id: str, until: date, reason: str
    ) -> tuple[Session, ExecutionReport]:
        session, report = self.report(principal, session_id)
        self._require(principal, session, "extend", "当前没有可延长的上报期限")
        if until < china_today():
            raise ValidationFailed("EXTENSION_IN_PAST", "延长后的期限不能早于今天", "until")
        if session.deadline_kind == "admin" and session.deadline_due and until.isoformat() <= session.deadline_due:
            raise ValidationFailed(
                "EXTENSION_TOO_SHORT", f"延长后的期限须晚于当前期限（{session.deadline_due}）", "until"
            )
        before = {"deadline_due": session.deadline_due, "extension": session.extension}
        session.extension = {
            "until": until.isoformat(),
            "reason": reason,
            "granted_by": principal.username,
            "granted_at": to_iso(utc_now()),
        }
        session.deadline_kind = "admin"
        session.deadline_due = until.isoformat()
        session.deadline_open = "open"
        session.updated_at = to_iso(utc_now())
        commit(
            audit_event(
                principal,
                "deadline.extend",
                "session",
                session_id,
                before,
                {"deadline_due": session.deadline_due, "extension": session.extension},
            ),
            saves=(session,),
        )
        self._notify(
            recipients(session.org_id, "admin"),
            "上报期限已延长",
            f"{_title(session)}的学员名单上报期限延长至{until.isoformat()}：{reason}",
            session,
        )
        return session, report

    # --- the office's granting ----------------------------------------------------------------

    def grant(self, principal: Principal, session_id: str) -> tuple[Session, ExecutionReport]:
        """Idempotent and all-or-nothing for readers: records carry the grant's id and count only once the session
        says granted; a grant interrupted midway is finished by the next call with the same id."""
        session, report = self.report(principal, session_id)
        if session.report_status == "granted" and principal.is_office:
            return session, report
        self._require(principal, session, "grant", "只有待审核的学员名单可以授予学分")
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
        records = [self._attendee_record(session, rule, person, report.grant_id, granted_at) for person in people]
        records = [record for record in records if record is not None]
        records += [
            self._lecturer_record(session, rule, index, lecturer, report.grant_id, granted_at)
            for index, lecturer in enumerate(report.lecturers or [])
        ]
        with CreditRecord.batch_write() as batch:
            for record in records:
                batch.save(record)
        self._certificates.issue(session, records, int(report.certificate_base), issued_on)
        session.granted_at = granted_at
        session.deadline_open = None
        result = self._step(principal, session, report, "credits.grant", "granted")
        self._notify(
            recipients(session.org_id, "admin") + recipients(session.org_id, "organizer", session.department),
            "学分已授予",
            f"{_title(session)}已授予学分：{sum(1 for p in people if p.selected)}名学员。",
            session,
        )
        return result

    @staticmethod
    def _attendee_record(
        session: Session, rule: CreditRule, person: Candidate, grant_id: str, granted_at: str
    ) -> CreditRecord | None:
        if not person.selected:
            return None
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

    @staticmethod
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

    # --- reminders ----------------------------------------------------------------------------

    def send_reminders(self, now: datetime) -> int:
        """Reminders 7, 3 and 1 days before each deadline and one overdue notice, each delivered once to each
        recipient. A claim names who has had it; a run that could not reach everyone raises RemindersFailed after
        the others (so the run is retried), and the retry delivers only to the rest (up to REMINDER_ATTEMPTS)."""
        today = china_today(now)
        horizon = (today + timedelta(days=max(REMIND_DAYS))).isoformat()
        sent = failed = 0
        for session in Session.deadline_index.query("open", Session.deadline_due <= horizon):
            deadline = deadline_of(session, today)
            if deadline is None:
                continue
            if deadline.overdue:
                mark = "overdue"
            elif deadline.days_left in REMIND_DAYS:
                mark = str(deadline.days_left)
            else:
                continue
            key = f"reminder#{session.session_id}#{deadline.kind}#{deadline.due.isoformat()}#{mark}"
            claim = None
            try:
                claim = _reminder_claim(key, session.session_id, now)
                if claim is None:
                    continue
                if self._remind(session, deadline, claim):
                    sent += 1
                else:
                    failed += 1
            except Exception:  # noqa: BLE001 - the other sessions' reminders still go out
                logger.exception("reminder not delivered", extra={"session_id": session.session_id})
                failed += 1
                if claim is not None:
                    _release(claim)
        if failed:
            raise RemindersFailed(f"{failed} reminder(s) not delivered to everyone ({sent} were); a rerun does it")
        return sent

    def _remind(self, session: Session, deadline: Deadline, claim: NameClaim) -> bool:
        """Deliver to whoever has not had it yet; whether everyone now has."""
        if deadline.kind == "admin":
            who = recipients(session.org_id, "admin")
            if session.report_status in ("pending", "returned"):
                who += recipients(session.org_id, "organizer", session.department)
            task = "提交执行情况并上报学员名单"
            title = "学员名单上报提醒"
        else:
            who = recipients("office", "office")
            task = "审核学员名单并授予学分"
            title = "学分审核提醒"
        due = deadline.due.isoformat()
        if deadline.overdue:
            title = f"已逾期：{title}"
            body = f"{_title(session)}须在{due}前{task}，已逾期{-deadline.days_left}天。"
        else:
            body = f"{_title(session)}须在{due}前{task}，还剩{deadline.days_left}天。"
        link = f"/sessions/{session.session_id}/report"
        done = claim.delivered_to or set()
        pending = [account for account in who if account.username not in done]
        delivered = self._notifier.deliver(pending, title, body, link, key=claim.claim, at=claim.claimed_at or "")
        complete = len(delivered) == len(pending)
        if not complete and int(claim.attempts or 0) >= REMINDER_ATTEMPTS:
            logger.error("reminder given up", extra={"session_id": session.session_id, "attempts": claim.attempts})
        actions = [NameClaim.attempt_at.set("")]  # released: a retry may take it at once
        if delivered:
            actions.append(NameClaim.delivered_to.add(set(delivered)))
        if complete or int(claim.attempts or 0) >= REMINDER_ATTEMPTS:
            actions.append(NameClaim.delivered.set(True))
        claim.update(actions=actions)
        return complete

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

    def _require(self, principal: Principal, session: Session, action: str, message: str) -> None:
        if action in self.actions(principal, session):
            return
        roles = {
            "edit": "organizer",
            "submit": "organizer",
            "return": "admin",
            "select": "admin",
            "office_return": "office",
            "grant": "office",
            "extend": "office",
        }
        if principal.role != roles[action]:
            raise Forbidden()
        if action in ("edit", "submit") and session.report_status in ("pending", "returned"):
            raise Conflict("SESSION_NOT_ENDED", "本期项目结束后才能提交执行情况")
        raise Conflict("ILLEGAL_TRANSITION", f"{message}（当前：{REPORT_STATUS_LABELS[session.report_status]}）")

    @staticmethod
    def _step(
        principal: Principal, session: Session, report: ExecutionReport, action: str, status: str
    ) -> tuple[Session, ExecutionReport]:
        before = {"report_status": session.report_status, "deadline_due": session.deadline_due}
        session.report_status = status
        session.updated_at = to_iso(utc_now())
        after = {"report_status": status, "deadline_due": session.deadline_due, **_report_snapshot(report)}
        commit(audit_event(principal, action, "session", session.session_id, before, after), saves=(session, report))
        return session, report

    def _notify(self, accounts: list[Any], title: str, body: str, session: Session) -> None:
        try:
            self._notifier.notify(accounts, title, body, f"/sessions/{session.session_id}/report")
        except Exception:  # noqa: BLE001 - the step is committed; a lost notice must not turn it into an error
            logger.exception("credit notification failed", extra={"title": title})


def _reminder_claim(key: str, session_id: str, now: datetime) -> NameClaim | None:
    """The claim to deliver a reminder under, leased to this run: a new one, or an earlier run's that did not
    reach everyone and is not being worked on; None when it is done or another run holds it."""
    at = to_iso(now)
    claim = NameClaim(claim=key, owner_id=session_id, claimed_at=at, delivered=False, attempt_at=at, attempts=1)
    try:
        claim.save(condition=NameClaim.claim.does_not_exist())
        return claim
    except PutError as error:
        if error.cause_response_code != "ConditionalCheckFailedException":
            raise
    earlier = NameClaim(claim=key)
    try:  # delivered is None on claims from before delivery was recorded: those went out
        earlier.update(
            actions=[NameClaim.attempt_at.set(at), NameClaim.attempts.add(1)],
            condition=(NameClaim.delivered == False) & (NameClaim.attempt_at < to_iso(now - REMINDER_LEASE)),  # noqa: E712
        )
    except UpdateError as error:
        if error.cause_response_code == "ConditionalCheckFailedException":
            return None
        raise
    return earlier


def _release(claim: NameClaim) -> None:
    """End this run's lease on a claim it could not finish, so that the retry may take it at once."""
    try:
        claim.update(actions=[NameClaim.attempt_at.set("")])
    except Exception:  # noqa: BLE001 - the lease then runs out by itself
        logger.exception("reminder claim not released", extra={"claim": claim.claim})


class RemindersFailed(Exception):
    """A reminder run left some undelivered (logged one by one); running it again delivers them."""


def _title(session: Session) -> str:
    return f"{session.project_name}（第{int(session.seq)}期）"


def _report_snapshot(report: ExecutionReport) -> dict[str, Any]:
    return {
        "actual_start_date": report.actual_start_date,
        "actual_end_date": report.actual_end_date,
        "venue": report.venue,
        "lecturers": len(report.lecturers or []),
        "selected_count": report.selected_count,
        "return_reason": report.return_reason,
    }


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
