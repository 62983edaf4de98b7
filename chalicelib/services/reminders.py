"""The daily reminders of the credit deadlines (7, 3 and 1 days ahead, and once overdue), each delivered once to each
recipient under a lease (models/reminder_lease.py) that a retried run takes over. A day's work is one pass over the
deadline index, upcoming reminders first; a run stops at its time budget and the next run (the schedule ticks every
5 minutes for two hours) goes on from the cursor it left (services/schedule_runs.py). An overdue deadline whose
notice went out leaves the worklist (deadlines.NOTICED), so it costs nothing on later days."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Literal

from pynamodb.exceptions import PutError, UpdateError
from pynamodb.expressions.update import Action

from chalicelib.models import ReminderLease, RunCursor, Session
from chalicelib.observability import count, logger
from chalicelib.services import aggregates, deadlines, schedule_runs
from chalicelib.services.deadlines import Deadline
from chalicelib.services.notifications import Notifier, recipients
from chalicelib.services.schedule_runs import TimeBudget
from chalicelib.services.sessions import session_title
from chalicelib.timeutil import china_today, to_iso

REMINDER_ATTEMPTS = 3  # runs that try one reminder before it is given up (logged) for those it never reached
REMINDER_LEASE = timedelta(minutes=2)  # longer than a run may last (the Lambda timeout, .chalice/config.json)
RUN = "credit-deadline-reminders"  # the cursor's name: the scheduled function's
PHASES = ("upcoming", "overdue")  # upcoming reminders first: a late overdue notice harms less than a missed T-1
DONE = "done"
MAX_PASSES = 2 * REMINDER_ATTEMPTS  # passes a day at most: each retries what the last left undelivered
PAGE = 100  # sessions a query page reads: a run stopped by its budget has read at most this many in vain

Outcome = Literal["sent", "failed", "skipped"]


class RemindersFailed(Exception):
    """A reminder run left some undelivered (logged one by one); running it again delivers them."""


class Reminders:
    """The scheduled reminders of the admin's and the office's deadlines."""

    def __init__(self, notifier: Notifier) -> None:
        self._notifier = notifier

    def send(self, now: datetime, budget: TimeBudget = schedule_runs.unlimited) -> int:
        """Reminders 7, 3 and 1 days before each deadline and one overdue notice, each delivered once to each
        recipient; returns how many this run delivered. A lease names who has had each; a pass that could not reach
        everyone raises RemindersFailed at its end (so the run is retried) and the next pass delivers only to the
        rest (up to REMINDER_ATTEMPTS). While ``budget()`` is false no further session is started: the run leaves
        its cursor and the next run of the day goes on from there. Runs are serialised by the cursor's hold."""
        today = china_today(now)
        cursor = schedule_runs.hold(RUN, now)
        if cursor is None:
            return 0
        if cursor.day != today.isoformat():
            _new_pass(cursor, today.isoformat(), passes=0)
        sent = 0
        try:
            if cursor.phase == DONE:
                return 0
            while cursor.phase != DONE:
                phase = cursor.phase or PHASES[0]
                for session in _worklist(phase, today, cursor.after):
                    if not budget():
                        logger.info("reminder run stops at its budget", extra={"phase": phase, "sent": sent})
                        return sent
                    outcome = self._handle(session, today, now)
                    sent += outcome == "sent"
                    cursor.failed = int(cursor.failed or 0) + (outcome == "failed")
                    if outcome == "failed":
                        count("ReminderFailures")
                    cursor.after = {"deadline_due": session.deadline_due, "session_id": session.session_id}
                cursor.after = None
                cursor.phase = PHASES[PHASES.index(phase) + 1] if phase != PHASES[-1] else DONE
            failed = int(cursor.failed or 0)
            if failed and int(cursor.passes or 0) + 1 < MAX_PASSES:
                _new_pass(cursor, today.isoformat(), passes=int(cursor.passes or 0) + 1)
                raise RemindersFailed(f"{failed} reminder(s) not delivered to everyone ({sent} were); a rerun does it")
            if failed:
                logger.error("reminder pass given up for the day", extra={"failed": failed})
            return sent
        finally:
            schedule_runs.leave(cursor)

    def _handle(self, session: Session, today: date, now: datetime) -> Outcome:
        """The reminder due today for one session, if any; an overdue one, once out, takes the session off the
        worklist."""
        deadline = deadlines.deadline_of(session, today)
        mark = deadlines.reminder_mark(deadline) if deadline is not None else None
        if deadline is None or mark is None:
            return "skipped"
        key = f"reminder#{session.session_id}#{deadline.kind}#{deadline.due.isoformat()}#{mark}"
        lease = None
        try:
            lease = _take(key, session.session_id, now)
            if lease is None:  # runs are serialised: a lease no run may take is done (or given up)
                outcome: Outcome = "skipped"
            else:
                outcome = "sent" if self._remind(session, deadline, lease) else "failed"
            if deadline.overdue and (lease is None or lease.delivered):
                _retire(session, deadline)
            return outcome
        except Exception:  # noqa: BLE001 - the other sessions' reminders still go out
            logger.exception("reminder not delivered", extra={"session_id": session.session_id})
            if lease is not None:
                _release(lease)
            return "failed"

    def _remind(self, session: Session, deadline: Deadline, lease: ReminderLease) -> bool:
        """Deliver to whoever has not had it yet; whether everyone now has."""
        if deadline.kind == "admin":
            who = recipients(session.org_id, "admin")
            if session.report_status in ("pending", "returned"):
                who += recipients(session.org_id, "organizer", session.department)
            task = "提交执行情况并上报学员名单"
            heading = "学员名单上报提醒"
        else:
            who = recipients("office", "office")
            task = "审核学员名单并授予学分"
            heading = "学分审核提醒"
        due = deadline.due.isoformat()
        if deadline.overdue:
            heading = f"已逾期：{heading}"
            body = f"{session_title(session)}须在{due}前{task}，已逾期{-deadline.days_left}天。"
        else:
            body = f"{session_title(session)}须在{due}前{task}，还剩{deadline.days_left}天。"
        link = f"/sessions/{session.session_id}/report"
        done = lease.delivered_to or set()
        pending = [account for account in who if account.username not in done]
        delivered = self._notifier.deliver(pending, heading, body, link, key=lease.claim, at=lease.claimed_at or "")
        complete = len(delivered) == len(pending)
        attempts = int(lease.attempts or 0)
        if not complete and attempts >= REMINDER_ATTEMPTS:
            logger.error("reminder given up", extra={"session_id": session.session_id, "attempts": attempts})
        actions: list[Action] = [ReminderLease.attempt_at.set("")]  # released: a retry may take it at once
        if delivered:
            actions.append(ReminderLease.delivered_to.add(set(delivered)))
        if complete or attempts >= REMINDER_ATTEMPTS:
            actions.append(ReminderLease.delivered.set(True))
        lease.update(actions=actions)
        return complete


def _new_pass(cursor: RunCursor, day: str, passes: int) -> None:
    cursor.day, cursor.phase, cursor.after, cursor.failed, cursor.passes = day, PHASES[0], None, 0, passes


def _worklist(phase: str, today: date, after: dict[str, str] | None) -> Iterator[Session]:
    """The phase's sessions in due order, after the cursor: deadlines due today up to the reminder horizon, or those
    already past (handled ones have left the OPEN partition)."""
    due = Session.deadline_due
    bounds = (
        due.between(today.isoformat(), deadlines.reminder_horizon(today))
        if phase == "upcoming"
        else due < today.isoformat()
    )
    start = None
    if after:
        start = {
            "deadline_open": {"S": deadlines.OPEN},
            "deadline_due": {"S": after["deadline_due"]},
            "session_id": {"S": after["session_id"]},
        }
    yield from Session.deadline_index.query(deadlines.OPEN, bounds, last_evaluated_key=start, page_size=PAGE)


def _retire(session: Session, deadline: Deadline) -> None:
    """The overdue notice is out: the deadline stays open (and overdue for every reader) under NOTICED, off the
    worklist, unless it changed meanwhile (an extension, a submission: then it is watched as it now is)."""
    kind = (
        Session.deadline_kind == session.deadline_kind
        if session.deadline_kind
        else Session.deadline_kind.does_not_exist()
    )
    # Counted overdue first, then off the worklist: a settle that fails leaves the session on the worklist, and the
    # next run (its notice already delivered under the lease) counts and retires it then.
    session.deadline_open = deadlines.NOTICED
    aggregates.settle(session, recount=False)
    try:
        session.update(
            actions=[Session.deadline_open.set(deadlines.NOTICED)],
            condition=(Session.deadline_open == deadlines.OPEN)
            & (Session.deadline_due == deadline.due.isoformat())
            & kind,
        )
    except UpdateError as error:
        if error.cause_response_code != "ConditionalCheckFailedException":
            raise
        aggregates.settle(Session.get(session.session_id, consistent_read=True), recount=False)  # as it now is
        logger.info("overdue session changed meanwhile; kept on the worklist", extra={"session_id": session.session_id})


def _take(key: str, session_id: str, now: datetime) -> ReminderLease | None:
    """The lease to deliver a reminder under, for this run: a new one, or an earlier run's that did not reach
    everyone and is not being worked on; None when it is done or another run holds it."""
    at = to_iso(now)
    lease = ReminderLease(claim=key, session_id=session_id, claimed_at=at, delivered=False, attempt_at=at, attempts=1)
    try:
        lease.save(condition=ReminderLease.claim.does_not_exist())
        return lease
    except PutError as error:
        if error.cause_response_code != "ConditionalCheckFailedException":
            raise
    earlier = ReminderLease(claim=key)
    try:  # delivered is None on leases from before delivery was recorded: those went out
        earlier.update(
            actions=[ReminderLease.attempt_at.set(at), ReminderLease.attempts.add(1)],
            condition=(ReminderLease.delivered == False)  # noqa: E712
            & (ReminderLease.attempt_at < to_iso(now - REMINDER_LEASE)),
        )
    except UpdateError as error:
        if error.cause_response_code == "ConditionalCheckFailedException":
            return None
        raise
    return earlier


def _release(lease: ReminderLease) -> None:
    """End this run's lease on a reminder it could not finish, so that the retry may take it at once."""
    try:
        lease.update(actions=[ReminderLease.attempt_at.set("")])
    except Exception:  # noqa: BLE001 - the lease then runs out by itself
        logger.exception("reminder lease not released", extra={"claim": lease.claim})
