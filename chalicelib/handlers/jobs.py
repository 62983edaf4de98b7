"""Scheduled functions."""

from __future__ import annotations

from chalice import Blueprint, Rate

from chalicelib.container import services
from chalicelib.observability import logger
from chalicelib.timeutil import utc_now

bp = Blueprint(__name__)


@bp.schedule(Rate(5, unit=Rate.MINUTES), name="close-attendance-windows")
def close_attendance_windows(event: object) -> None:
    """Every 5 minutes: close ended sign-out windows, mark missing sign-outs, rotate code secrets."""
    closed = services().attendance.close_due(utc_now())
    logger.info("attendance close run", extra={"windows_closed": closed})
