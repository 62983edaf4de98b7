"""The daily reminders of the credit deadlines (7, 3 and 1 days ahead, and once overdue), each delivered once to each
recipient under a lease (models/reminder_lease.py) that a retried run takes over."""

from __future__ import annotations

from datetime import datetime, timedelta

from pynamodb.exceptions import PutError, UpdateError
from pynamodb.expressions.update import Action

from chalicelib.models import ReminderLease, Session
from chalicelib.observability import logger
from chalicelib.services import deadlines
from chalicelib.services.deadlines import Deadline
from chalicelib.services.notifications import Notifier, recipients
from chalicelib.services.sessions import session_title
from chalicelib.timeutil import china_today, to_iso

REMINDER_ATTEMPTS = 3  # runs that try one reminder before it is given up (logged) for those it never reached
REMINDER_LEASE = timedelta(minutes=2)  # longer than a run may last (the Lambda timeout, .chalice/config.json)


class RemindersFailed(Exception):
    """A reminder run left some undelivered (logged one by one); running it again delivers them."""


class Reminders:
    """The scheduled reminders of the admin's and the office's deadlines."""

    def __init__(self, notifier: Notifier) -> None:
        self._notifier = notifier

    def send(self, now: datetime) -> int:
        """Reminders 7, 3 and 1 days before each deadline and one overdue notice, each delivered once to each
        recipient. A lease names who has had it; a run that could not reach everyone raises RemindersFailed after
        the others (so the run is retried), and the retry delivers only to the rest (up to REMINDER_ATTEMPTS)."""
        today = china_today(now)
        sent = failed = 0
        for session in Session.deadline_index.query("open", Session.deadline_due <= deadlines.reminder_horizon(today)):
            deadline = deadlines.deadline_of(session, today)
            mark = deadlines.reminder_mark(deadline) if deadline is not None else None
            if deadline is None or mark is None:
                continue
            key = f"reminder#{session.session_id}#{deadline.kind}#{deadline.due.isoformat()}#{mark}"
            lease = None
            try:
                lease = _take(key, session.session_id, now)
                if lease is None:
                    continue
                if self._remind(session, deadline, lease):
                    sent += 1
                else:
                    failed += 1
            except Exception:  # noqa: BLE001 - the other sessions' reminders still go out
                logger.exception("reminder not delivered", extra={"session_id": session.session_id})
                failed += 1
                if lease is not None:
                    _release(lease)
        if failed:
            raise RemindersFailed(f"{failed} reminder(s) not delivered to everyone ({sent} were); a rerun does it")
        return sent

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
