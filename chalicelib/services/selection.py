"""The admin's selection of attendees for credits (学员遴选): the candidates paged by person with their hours and
flags, the counts from the session's candidate summary, the admin's draft saved as they work (under the report's
version), and the submission of the draft as the selected list to the office before the admin's deadline."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pynamodb.exceptions import PutError

from chalicelib.errors import Conflict, ValidationFailed
from chalicelib.models import Attendance, ExecutionReport, Session
from chalicelib.paging import decode_cursor, encode_cursor
from chalicelib.principal import Principal
from chalicelib.services import credit_rule_book, deadlines
from chalicelib.services.attendance_console import page_links
from chalicelib.services.attendance_rules import attendance_plan, linked_flags, session_windows
from chalicelib.services.execution_reports import ExecutionReports
from chalicelib.services.selection_rules import (
    SUMMARY_FIELDS,
    Candidate,
    Change,
    apply_change,
    apply_selection,
    attendance_final,
    candidate_summary,
    candidates,
    check_size,
    draft_of,
    in_view,
    required_hours,
    selected_count,
    submitted_selection,
    summary_current,
)
from chalicelib.timeutil import china_today, to_iso, utc_now

# A page holds at most PAGE_MAX people, read by one Query of at most PAGE_MAX records a day of the session (capped
# at PAGE_RECORDS: a person's days are contiguous in the partition), and their phones' and mobiles' link items in
# one or two BatchGetItems: with the session and the report, four or five DynamoDB calls whatever the session's size.
PAGE_MAX = 50
PAGE_RECORDS = 100
# A view other than 全部 keeps only matching people, so a page may need more than one read: it reads VIEW_RECORDS a
# Query and stops at VIEW_RECORDS_MAX records a request (answering a short page with the cursor to go on). That bounds
# a request at about a dozen DynamoDB calls and well under a second of work whatever the session's size, and still
# crosses a 2,000-person session in two or three requests when the matching people are few.
VIEW_RECORDS = 250
VIEW_RECORDS_MAX = 1000
# Each change of a draft save reads that person's records (one Query).
CHANGES_MAX = 20
# Sorts after every character of a person key (hex) and after "#<day>": the keys of the next person follow it.
_PAST = "~"
# Once submitted, the list is frozen (report.selection["selected"]); before, the admin's draft applies.
_FROZEN = frozenset({"submitted", "granted"})


def _stale() -> Conflict:
    return Conflict("CONCURRENT_UPDATE", "学员名单已被本单位其他管理员修改，请刷新后继续遴选")


@dataclass(frozen=True)
class Counts:
    """共 N 人 / 预选 P 人 / 已选 S 人, the report's version (the draft's concurrency token) and who saved the draft."""

    total: int
    preselected: int
    selected: int
    version: int
    frozen: bool
    draft_updated_by: str | None
    draft_updated_at: str | None


@dataclass(frozen=True)
class SelectionPage:
    session: Session
    counts: Counts
    people: list[Candidate]
    next_cursor: str | None


class Selection:
    """Who of a session's attendees get credits, as the admin of its organisation chooses."""

    def __init__(self, reports: ExecutionReports) -> None:
        self._reports = reports

    # --- reading --------------------------------------------------------------------------------

    def page(
        self, principal: Principal, session_id: str, limit: int, cursor: str | None, view: str = "all"
    ) -> SelectionPage:
        """One page of people (at most ``PAGE_MAX``, in key order; the cursor resumes after the last person, whose
        days all are on the page), with hours, status, flags and the choice in force (the draft, or the frozen
        list once submitted), and the session's counts. A ``view`` other than ``all`` keeps only the people it
        matches (``in_view``), reading on until the page is full or ``VIEW_RECORDS_MAX`` records were read: the
        page may then be short, and ``next_cursor`` is None only at the end of the session's people."""
        session, report = self._reports.report(principal, session_id)
        now = utc_now()
        summary, changed = self._summary(session, report, now)
        if changed:
            report = self._store(report)
        start = decode_cursor(cursor, ("session_id", "attendee_key"), {"session_id": session.session_id})
        after = start["attendee_key"]["S"] if start else None
        frozen = session.report_status in _FROZEN
        choice = report.selection if frozen else draft_of(report.selection, report.selection_draft)
        want = min(limit, PAGE_MAX)
        if view == "all":
            groups, last = self._people(session, want, after, PAGE_RECORDS)
        else:
            groups, last = self._matching(
                session, want, after, lambda group: self._keep(session, group, now, choice, view)
            )
        records = [record for group in groups for record in group]
        flags = linked_flags(records, page_links(session.session_id, records))
        people = apply_selection(candidates(session, records, now, flags), choice)
        key = {"session_id": {"S": session.session_id}, "attendee_key": {"S": last}} if last else None
        return SelectionPage(session, self._counts(session, report, summary), people, encode_cursor(key))

    def _matching(
        self, session: Session, want: int, after: str | None, keep: Callable[[list[Attendance]], bool]
    ) -> tuple[list[list[Attendance]], str | None]:
        """Up to ``want`` people's records after ``after`` that ``keep`` accepts, read ``VIEW_RECORDS`` at a time
        and at most about ``VIEW_RECORDS_MAX`` in all, and the key to continue after (None at the end)."""
        kept: list[list[Attendance]] = []
        read = 0
        while True:
            groups, last = self._people(session, VIEW_RECORDS, after, min(VIEW_RECORDS, VIEW_RECORDS_MAX - read))
            read += sum(len(group) for group in groups)
            for index, group in enumerate(groups):
                if keep(group):
                    kept.append(group)
                    if len(kept) == want:
                        more = last is not None or index < len(groups) - 1
                        return kept, (_person(group[0]) if more else None)
            if last is None or read >= VIEW_RECORDS_MAX:
                return kept, last
            after = last

    @staticmethod
    def _keep(
        session: Session, group: list[Attendance], now: datetime, choice: dict[str, Any] | None, view: str
    ) -> bool:
        """Whether one person (their records) is in ``view``, their choice applied as on the page (links are read
        only for the people kept: flags play no part in a view)."""
        (person,) = apply_selection(candidates(session, group, now, defaultdict(list)), choice)
        return in_view(person, view)

    def _people(
        self, session: Session, want: int, after: str | None, records_max: int
    ) -> tuple[list[list[Attendance]], str | None]:
        """Up to ``want`` people's records (at most ``records_max`` read, unless one person's days are more) after
        the person key ``after``, and the last person's key if more may follow."""
        plan = attendance_plan(session)
        days = len({w.day for w in session_windows(session)}) if plan.mode == "daily" else 1
        limit = max(1, min(want * days, records_max))
        condition = Attendance.attendee_key > after + _PAST if after else None
        result = Attendance.query(session.session_id, range_key_condition=condition, limit=limit, page_size=limit)
        groups: list[list[Attendance]] = []
        for record in result:
            if groups and _person(groups[-1][0]) == _person(record):
                groups[-1].append(record)
            else:
                groups.append([record])
        more = len([r for g in groups for r in g]) == limit
        if more and days > 1:
            if len(groups) == 1:  # one person's days fill the whole read: read the rest of them
                last_read = {"session_id": {"S": session.session_id}, "attendee_key": {"S": groups[0][-1].attendee_key}}
                rest = Attendance.attendee_key.startswith(_person(groups[0][0]))
                groups[0] += list(
                    Attendance.query(session.session_id, range_key_condition=rest, last_evaluated_key=last_read)
                )
            else:
                groups.pop()  # the last person's other days may lie past the read: the next page reads them whole
        if len(groups) > want:
            groups, more = groups[:want], True
        return groups, (_person(groups[-1][0]) if more and groups else None)

    # --- the counts -----------------------------------------------------------------------------

    def _summary(self, session: Session, report: ExecutionReport, now: datetime) -> tuple[dict[str, Any], bool]:
        """The session's candidate summary: the stored one, else counted now (one read of the partition's few
        counted attributes) and kept on the report once attendance is final and the report submitted (the
        second value says the report changed)."""
        if summary_current(report.candidate_summary, session):
            return report.candidate_summary, False
        records = Attendance.query(session.session_id, attributes_to_get=list(SUMMARY_FIELDS))
        summary = candidate_summary(session, records, now)
        if report.submitted_at and attendance_final(session, now):
            report.candidate_summary = summary
            return summary, True
        return summary, False

    @staticmethod
    def _store(report: ExecutionReport) -> ExecutionReport:
        """Keep a summary counted on first read (reports submitted before summaries existed, or while sign-outs
        could still arrive); if another write came first, answer from that one."""
        try:
            report.save()
        except PutError as error:
            if error.cause_response_code != "ConditionalCheckFailedException":
                raise
            return ExecutionReport.get(report.session_id, consistent_read=True)
        return report

    @staticmethod
    def _counts(session: Session, report: ExecutionReport, summary: dict[str, Any]) -> Counts:
        frozen = session.report_status in _FROZEN
        draft = report.selection_draft or {}
        if frozen and report.selected_count is not None:
            selected = int(report.selected_count)
        else:
            selected = selected_count(summary, draft_of(report.selection, report.selection_draft))
        return Counts(
            total=int(summary["persons"]),
            preselected=int(summary["preselected"]),
            selected=selected,
            version=int(report.version or 0),
            frozen=frozen,
            draft_updated_by=draft.get("updated_by"),
            draft_updated_at=draft.get("updated_at"),
        )

    # --- the admin's draft ----------------------------------------------------------------------

    def save_draft(self, principal: Principal, session_id: str, version: int, changes: Sequence[Change]) -> Counts:
        """Apply ``changes`` to the draft of the report at ``version`` (another admin's save since: 409
        CONCURRENT_UPDATE), each checked against that person's hours; answer the counts and the new version."""
        session, report = self._reports.report(principal, session_id)
        self._reports.check(principal, session, "select")
        if version != int(report.version or 0):
            raise _stale()
        draft = draft_of(report.selection, report.selection_draft)
        for index, change in enumerate(changes):
            preselected = self._preselected(session, change.attendee_id, f"changes.{index}")
            draft = apply_change(draft, change, preselected, f"changes.{index}")
        check_size(draft, "SELECTION_TOO_LARGE", "补选理由过多过长，无法保存，请精简补选理由")
        now = utc_now()
        summary, _ = self._summary(session, report, now)
        report.selection_draft = {**draft, "updated_by": principal.username, "updated_at": to_iso(now)}
        try:
            report.save()  # under the version read: of two admins saving at once, one goes on
        except PutError as error:
            if error.cause_response_code != "ConditionalCheckFailedException":
                raise
            raise _stale() from None
        return self._counts(session, report, summary)

    @staticmethod
    def _preselected(session: Session, attendee_id: str, field_name: str) -> bool:
        """Whether the person ``attendee_id`` (the first 16 characters of the person key) reaches the 规定学时,
        from their records (one Query of their days); UNKNOWN_ATTENDEE when the session has no such person."""
        unknown = ValidationFailed("UNKNOWN_ATTENDEE", "本期没有该学员的签到记录", f"{field_name}.attendee_id")
        if len(attendee_id) != 16:
            raise unknown
        condition = Attendance.attendee_key.startswith(attendee_id)
        records = [
            record
            for record in Attendance.query(
                session.session_id, range_key_condition=condition, attributes_to_get=list(SUMMARY_FIELDS)
            )
            if _person(record)[:16] == attendee_id
        ]
        if not records:
            raise unknown
        hours = sum(float(record.hours or 0) for record in records)
        return hours + 1e-9 >= required_hours(session)

    # --- submitting -----------------------------------------------------------------------------

    def submit(
        self, principal: Principal, session_id: str, version: int | None = None
    ) -> tuple[Session, ExecutionReport]:
        """Submit the draft (the preselection less those deselected plus those included with reasons), checked
        against every candidate and frozen as ``report.selection``; the draft is cleared and the office's term
        starts. ``version``, when given, must be the report's (the list the admin last saw)."""
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
        if version is not None and version != int(report.version or 0):
            raise _stale()
        records = list(Attendance.query(session_id))
        people = candidates(session, records, now)
        draft = draft_of(report.selection, report.selection_draft)
        report.selection = submitted_selection(people, draft["deselected"], list(draft["included"].items()))
        check_size(report.selection, "SELECTION_TOO_LARGE", "学员名单过大，无法保存，请精简补选理由")
        report.selection_draft = None
        if not summary_current(report.candidate_summary, session) and attendance_final(session, now):
            report.candidate_summary = candidate_summary(session, records, now)
        report.selected_count = len(report.selection["selected"])
        report.updated_at = to_iso(now)
        session.admin_submitted_on = today.isoformat()
        deadlines.open_office_term(session, today, credit_rule_book.of_session(session).office_deadline_days)
        return self._reports.advance(
            principal, transition, session, report, org_name=session.org_name, selected_count=report.selected_count
        )


def _person(record: Attendance) -> str:
    return record.person_key or record.attendee_key
