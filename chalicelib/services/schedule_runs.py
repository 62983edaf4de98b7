"""What keeps a scheduled run inside its Lambda timeout: a time budget read from the Lambda context (injectable in
tests), and a cursor item that one run at a time holds and leaves where it stopped, for the next run to go on."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime, timedelta

from pynamodb.exceptions import PutError, UpdateError

from chalicelib.models import RunCursor
from chalicelib.observability import logger
from chalicelib.timeutil import to_iso

TimeBudget = Callable[[], bool]  # True while a run may start one more unit of work
RESERVE_MS = 12_000  # left for the unit in hand and the cursor's save: a unit's AWS calls take up to 10 s when slow
HOLD = timedelta(minutes=2)  # longer than a run may last (the Lambda timeout, .chalice/config.json)


def unlimited() -> bool:
    return True


def seconds_left(context: object, local_seconds: float | None = None) -> Callable[[], float]:
    """Seconds left in this Lambda run, from its context; without one (``make run``, tests call the functions
    directly) ``local_seconds`` from now, or no limit."""
    remaining = getattr(context, "get_remaining_time_in_millis", None)
    if callable(remaining):
        return lambda: int(remaining()) / 1000
    if local_seconds is None:
        return lambda: float("inf")
    deadline = time.monotonic() + local_seconds
    return lambda: deadline - time.monotonic()


def time_left(event: object, reserve_ms: int = RESERVE_MS) -> TimeBudget:
    """The budget of a scheduled Lambda run (Chalice hands the Lambda context on the event); without a context
    the run is not limited."""
    left = seconds_left(getattr(event, "context", None))
    return lambda: left() * 1000 > reserve_ms


def hold(function: str, now: datetime) -> RunCursor | None:
    """The function's cursor, held by this run (one conditional update, which also creates it); None when another
    run holds it, so two runs (a retry and the next tick) never work side by side."""
    cursor = RunCursor(claim=f"run#{function}")
    try:
        cursor.update(
            actions=[RunCursor.held_until.set(to_iso(now + HOLD))],
            condition=RunCursor.held_until.does_not_exist() | (RunCursor.held_until < to_iso(now)),
        )
    except UpdateError as error:
        if error.cause_response_code == "ConditionalCheckFailedException":
            logger.info("scheduled run skipped: another run holds the cursor", extra={"function": function})
            return None
        raise
    return cursor


def leave(cursor: RunCursor) -> None:
    """Save where this run stopped and release the cursor, unless the run overstayed its hold and another run took
    it over (then that run's progress stands)."""
    held = cursor.held_until
    cursor.held_until = ""
    try:
        cursor.save(condition=RunCursor.held_until == held)
    except PutError as error:
        if error.cause_response_code != "ConditionalCheckFailedException":
            raise
        logger.warning("scheduled run's cursor taken over; its progress is left to the other run")
