"""Scheduled functions (EventBridge rules): the 5-minute attendance close and the daily credit reminders."""

from __future__ import annotations

from chalice import Blueprint, Cron, Rate

from chalicelib.container import services
from chalicelib.observability import logger
from chalicelib.timeutil import utc_now

bp = Blueprint(__name__)


@bp.schedule(Rate(5, unit=Rate.MINUTES), name="close-attendance-windows")
def close_attendance_windows(event: object) -> None:
    """Every 5 minutes: close ended sign-out windows, mark missing sign-outs, rotate code secrets."""
    closed = services().attendance_close.close_due(utc_now())
    logger.info("attendance close run", extra={"windows_closed": closed})


@bp.schedule(Cron(0, 0, "*", "*", "?", "*"), name="credit-deadline-reminders")
def credit_deadline_reminders(event: object) -> None:
    """Daily at 08:00 China time (00:00 UTC): deadline reminders 7, 3 and 1 days ahead and overdue notices."""
    sent = services().reminders.send(utc_now())
    logger.info("credit reminder run", extra={"reminders_sent": sent})
