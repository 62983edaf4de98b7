"""The app's scheduled functions, run in the local system as EventBridge would run them in AWS."""

from __future__ import annotations

import importlib
import threading
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from chalice.app import Rate, ScheduledEventConfig

from chalicelib.observability import logger

_SECONDS = {"MINUTES": 60, "HOURS": 3600, "DAYS": 86400}


def scheduled_handlers(app: Any) -> list[tuple[str, int, Callable[..., Any]]]:
    """(name, interval seconds, handler) of every scheduled function of ``app``; locally a cron (the daily
    reminders) runs at start and then once a day."""
    found = []
    for source in app.event_sources:
        if isinstance(source, ScheduledEventConfig):
            module, _, name = source.handler_string.rpartition(".")
            handler = getattr(importlib.import_module(module), name)
            expression = source.schedule_expression
            interval = expression.value * _SECONDS[expression.unit] if isinstance(expression, Rate) else 86400
            found.append((source.name, interval, handler))
    return found


def scheduled_event(name: str) -> dict[str, Any]:
    """The EventBridge "Scheduled Event" a rule named ``name`` delivers."""
    return {
        "version": "0",
        "id": str(uuid.uuid4()),
        "detail-type": "Scheduled Event",
        "source": "aws.events",
        "account": "000000000000",
        "time": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "region": "us-east-1",
        "resources": [f"arn:aws:events:us-east-1:000000000000:rule/{name}"],
        "detail": {},
    }


def run_schedules(app: Any, stop: threading.Event) -> threading.Thread:
    """Call each scheduled function at start and then at its rate until ``stop`` is set."""

    def loop() -> None:
        due = {name: 0.0 for name, _, _ in scheduled_handlers(app)}
        while not stop.is_set():
            for name, interval, handler in scheduled_handlers(app):
                if time.monotonic() >= due[name]:
                    try:
                        handler(scheduled_event(name), None)
                    except Exception:  # noqa: BLE001 - keep the local system up, as EventBridge would retry
                        logger.exception("scheduled function failed", extra={"schedule": name})
                    due[name] = time.monotonic() + interval
            stop.wait(5)

    thread = threading.Thread(target=loop, name="schedules", daemon=True)
    thread.start()
    return thread
