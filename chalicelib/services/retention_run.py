"""The daily removal run (数据保留): strips the personal details from the attendance records of sessions past the
policy's period (and deletes their link items), and deletes refused-scan rows past theirs before their TTL (a
shortened policy). It walks the sessions by start date through the year index, a session at a time under the run's
time budget, from a cursor the next run goes on from; counts go to the logs, the metrics and one audit event."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

from pynamodb.exceptions import UpdateError

from chalicelib.models import Aggregate, Attendance, ScanRejection, Session
from chalicelib.observability import count, logger
from chalicelib.principal import Principal
from chalicelib.services import aggregates, schedule_runs
from chalicelib.services.attendance_close import chunks
from chalicelib.services.attendance_rules import link_partition
from chalicelib.services.audit import append, audit_event
from chalicelib.services.retention import RetentionPolicies
from chalicelib.services.retention_rules import REMOVED_FIELDS, Policy, details_cutoff, rejections_cutoff
from chalicelib.services.schedule_runs import TimeBudget
from chalicelib.timeutil import china_date, china_today, to_iso
from chalicelib.upstream import PARALLEL_CALLS

FUNCTION = "remove-personal-details"
SYSTEM = Principal("system", "system", "-", None)  # the audit log's actor of a scheduled run
FIRST_YEAR = 2020  # no session of this system starts before (the walk's first year index partition)
CHUNK = 200  # attendance records read and stripped between two looks at the budget
PHASES = ("details", "rejections")


@dataclass
class Counts:
    """What one run removed."""

    sessions: int = 0  # sessions whose details were removed (finished in this run)
    records: int = 0  # attendance records stripped
    links: int = 0  # link items deleted
    rejections: int = 0  # refused-scan rows deleted

    def any(self) -> bool:
        return any(asdict(self).values())


class RetentionRun:
    """The removal run; ``policies`` gives the policy in force, read once per run (a changed policy applies from the
    next run)."""

    def __init__(self, policies: RetentionPolicies) -> None:
        self._policies = policies

    def run(self, now: datetime, budget: TimeBudget = schedule_runs.unlimited) -> Counts:
        """Remove what is past the policy's periods on ``now``, while ``budget()`` holds. One run at a time holds the
        cursor; a second run (a retry, the next tick) finds nothing more to do once the first finished: the cursor is
        past every session it handled, and each record's removal is conditional on its not being removed yet."""
        counts = Counts()
        cursor = schedule_runs.hold(FUNCTION, now)
        if cursor is None:
            return counts
        positions: dict[str, Any] = dict(cursor.after or {})
        policy = Policy()
        try:
            policy = self._policies.policy()
            with ThreadPoolExecutor(max_workers=PARALLEL_CALLS, thread_name_prefix="retention") as pool:
                walk = _Walk(now, policy, budget, counts, pool)
                for phase in PHASES:
                    positions[phase] = position = dict(positions.get(phase) or {"year": FIRST_YEAR})
                    if not walk.phase(phase, position):
                        logger.info("retention run stops at its budget", extra={"phase": phase})
                        break
        finally:
            cursor.after = positions
            schedule_runs.leave(cursor)
            _report(counts, policy, now)
        return counts


def _report(counts: Counts, policy: Policy, now: datetime) -> None:
    figures = asdict(counts)
    logger.info("retention run", extra={**figures, **asdict(policy)})
    if counts.records:
        count("DetailsRemoved", counts.records)
    if counts.any():
        append(audit_event(SYSTEM, "retention.run", "retention", china_date(now), None, {**figures, **asdict(policy)}))


class _Walk:
    """One run's walk of the sessions in start order (year index ``year_key`` / ``start_date#session_id``)."""

    def __init__(
        self, now: datetime, policy: Policy, budget: TimeBudget, counts: Counts, pool: ThreadPoolExecutor
    ) -> None:
        self.now, self.policy, self.budget, self.counts, self.pool = now, policy, budget, counts, pool

    def cutoff(self, phase: str) -> date:
        if phase == "details":
            return details_cutoff(china_today(self.now), self.policy)
        return date.fromisoformat(china_date(rejections_cutoff(self.now, self.policy)))

    def phase(self, phase: str, position: dict[str, Any]) -> bool:
        """Handle the sessions that ended before the phase's cutoff, from ``position`` ({year, after: the last sort
        key done, attendee: the last record stripped of the session in hand}); False when the budget ran out."""
        cutoff = self.cutoff(phase).isoformat()
        while int(position["year"]) <= int(cutoff[:4]):
            after = position.get("after")
            condition = Session.sort_key > after if after else None
            for session in Session.year_index.query(str(position["year"]), condition, page_size=25):
                if session.start_date >= cutoff or session.end_date >= cutoff:
                    return True  # not due yet (a session that ends later holds the ones after it for a few days)
                if phase == "details" and session.attendance_open:
                    # Its close is due (the 5-minute run settles it); until then nothing after it is stripped.
                    logger.warning("retention waits for the attendance close", extra={"session_id": session.session_id})
                    return True
                if not self.budget():
                    return False
                done = self.details(session, position) if phase == "details" else self.rejections(session)
                if not done:
                    return False
                position.pop("attendee", None)
                position["after"] = session.sort_key
            if int(position["year"]) == int(cutoff[:4]):
                return True
            year = int(position["year"])
            position.clear()
            position["year"] = year + 1
        return True

    # --- attendance details ---------------------------------------------------------------------------------------

    def details(self, session: Session, position: dict[str, Any]) -> bool:
        """Strip one session's attendance records (from ``position["attendee"]``), then delete its link items. The
        session is marked first (``details_removed_at``): from then on a settle keeps its stored figures and never
        recounts them from stripped records. Its figures are made final before (a settle of the full records)."""
        if session.status != "approved":
            return True  # never approved: no attendance
        if not session.details_removed_at:
            if not _final(session) and not aggregates.settle(session, now=self.now, budget=self.budget):
                return False
            _mark(session, to_iso(self.now))
        start = None
        if position.get("attendee"):
            start = {"session_id": {"S": session.session_id}, "attendee_key": {"S": position["attendee"]}}
        records = Attendance.query(session.session_id, last_evaluated_key=start, page_size=CHUNK)
        stamp = to_iso(self.now)
        for chunk in chunks(records, CHUNK):
            due = [record for record in chunk if not record.details_removed_at]
            self.counts.records += sum(self.pool.map(lambda record: _strip(record, stamp), due))
            position["attendee"] = chunk[-1].attendee_key
            if len(chunk) == CHUNK and not self.budget():
                return False
        links = list(
            Attendance.query(link_partition(session.session_id), attributes_to_get=["session_id", "attendee_key"])
        )
        with Attendance.batch_write() as batch:
            for link in links:
                batch.delete(link)
        self.counts.links += len(links)
        self.counts.sessions += 1
        logger.info("attendance details removed", extra={"session_id": session.session_id})
        return True

    # --- refused scans --------------------------------------------------------------------------------------------

    def rejections(self, session: Session) -> bool:
        """Delete the session's refused-scan rows from before the period (rows written later, e.g. old codes scanned
        after the session, are left to their TTL)."""
        if session.status != "approved":
            return True  # never approved: no scans
        before = to_iso(rejections_cutoff(self.now, self.policy))
        rows = list(
            ScanRejection.query(
                session.session_id,
                ScanRejection.rejection_key < before,
                attributes_to_get=["session_id", "rejection_key"],
            )
        )
        with ScanRejection.batch_write() as batch:
            for row in rows:
                batch.delete(row)
        self.counts.rejections += len(rows)
        return True


def _final(session: Session) -> bool:
    """The session's stored figures are counted from its records and its people are all counted (so nothing needs
    the stripped details again)."""
    stored: Aggregate | None = aggregates.stored(session)
    if stored is None or not stored.recounted or stored.people_counted is None:
        return False
    return not aggregates.granted(session) or stored.credited_counted is not None


def _mark(session: Session, stamp: str) -> None:
    """``details_removed_at`` on the session, read fresh (the index's copy may be behind) and saved under its
    version."""
    for _ in range(3):
        fresh = Session.get(session.session_id, consistent_read=True)
        try:
            fresh.update(actions=[Session.details_removed_at.set(stamp)])
        except UpdateError as error:
            if error.cause_response_code != "ConditionalCheckFailedException":
                raise
            continue  # changed meanwhile: read again
        session.details_removed_at = stamp
        return
    raise aggregates.busy()


def _strip(record: Attendance, stamp: str) -> int:
    """REMOVE the personal details of one record and mark it; 0 when another run did it first."""
    actions: list[Any] = [getattr(Attendance, name).remove() for name in REMOVED_FIELDS]
    actions.append(Attendance.details_removed_at.set(stamp))
    try:
        record.update(actions=actions, condition=Attendance.details_removed_at.does_not_exist())
    except UpdateError as error:
        if error.cause_response_code != "ConditionalCheckFailedException":
            raise
        return 0
    return 1
