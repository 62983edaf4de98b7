"""Scheduled functions (EventBridge rules): the 5-minute attendance close, the daily credit reminders and the nightly
removal of personal details past the retention policy; each hands its service the time budget of its Lambda run."""

from __future__ import annotations

from chalice import Blueprint, Cron, Rate

from chalicelib import services as rules
from chalicelib.container import services
from chalicelib.observability import logger
from chalicelib.timeutil import utc_now

bp = Blueprint(__name__)


@bp.schedule(Rate(5, unit=Rate.MINUTES), name="close-attendance-windows")
def close_attendance_windows(event: object) -> None:
    """Every 5 minutes: close ended sign-out windows, mark missing sign-outs, rotate code secrets."""
    closed = services().attendance_close.close_due(utc_now(), budget=rules.schedule_runs.time_left(event))
    logger.info("attendance close run", extra={"windows_closed": closed})


@bp.schedule(Cron("0/5", "0-1", "*", "*", "?", "*"), name="credit-deadline-reminders")
def credit_deadline_reminders(event: object) -> None:
    """Daily from 08:00 China time (00:00 UTC): deadline reminders 7, 3 and 1 days ahead and overdue notices. It ticks
    every 5 minutes until 09:55: the first tick starts the day's pass, the next go on where a run stopped at its
    budget, and once the pass is done a tick costs two small writes."""
    sent = services().reminders.send(utc_now(), budget=rules.schedule_runs.time_left(event))
    logger.info("credit reminder run", extra={"reminders_sent": sent})


@bp.schedule(Cron("0/10", "18-19", "*", "*", "?", "*"), name="remove-personal-details")
def remove_personal_details(event: object) -> None:
    """Nightly from 02:00 China time (18:00 UTC): attendance details and refused scans past the retention policy
    are removed. It ticks every 10 minutes until 03:50: a run that reaches its budget leaves its cursor for the next
    tick, and once the night's work is done a tick costs a few small reads."""
    counts = services().retention_run.run(utc_now(), budget=rules.schedule_runs.time_left(event))
    logger.info(
        "retention run done", extra={"records_stripped": counts.records, "rejections_deleted": counts.rejections}
    )
