"""Structured JSON logs with a request id; secrets and ID numbers are redacted before output."""

from __future__ import annotations

import logging
import os
import re
import time
from collections.abc import Callable
from typing import Any

from aws_lambda_powertools import Logger
from aws_lambda_powertools.logging.formatter import LambdaPowertoolsFormatter

from chalicelib import context

_ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[\dXx])(?![0-9A-Za-z])")
_BEARER = re.compile(r"(?i)bearer\s+[A-Za-z0-9._~+/=-]+")
_JWT = re.compile(r"eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+")
_SECRET_KEYS = ("password", "token", "authorization", "secret", "id_number")


def redact(text: str) -> str:
    """Mask resident ID numbers and drop bearer tokens from a log line."""
    text = _ID_NUMBER.sub(r"\1********\2", text)
    text = _BEARER.sub("Bearer [REDACTED]", text)
    return _JWT.sub("[REDACTED]", text)


def _scrub(value: Any) -> Any:
    if isinstance(value, dict):
        return {
            key: "[REDACTED]" if any(s in str(key).lower() for s in _SECRET_KEYS) else _scrub(item)
            for key, item in value.items()
        }
    if isinstance(value, (list, tuple)):
        return [_scrub(item) for item in value]
    return value


class RedactingFormatter(LambdaPowertoolsFormatter):
    def serialize(self, log: dict[str, Any]) -> str:
        return redact(super().serialize(_scrub(log)))


class _RequestIdFilter(logging.Filter):
    """Puts the request id of the request being handled on each log record as it is made, so a request
    costs no logger work unless it logs."""

    def filter(self, record: logging.LogRecord) -> bool:
        if "request_id" not in record.__dict__:
            request_id = context.request_id.get()
            if request_id:
                record.request_id = request_id
        return True


logger = Logger(service="cme-credits", logger_formatter=RedactingFormatter())
logger.addFilter(_RequestIdFilter())


def request_logging(event: Any, get_response: Callable[[Any], Any]) -> Any:
    """HTTP middleware: one log line per request, request id on logs, audit events and the response."""
    request_id = (event.context or {}).get("requestId") or os.urandom(16).hex()
    token = context.request_id.set(request_id)
    started = time.perf_counter()
    try:
        response = get_response(event)
    finally:
        context.request_id.reset(token)
    authorizer = (event.context or {}).get("authorizer") or {}
    logger.info(
        "request",
        extra={
            "request_id": request_id,
            "method": event.method,
            "path": event.path,
            "status": response.status_code,
            "duration_ms": round((time.perf_counter() - started) * 1000, 1),
            "user": authorizer.get("principalId"),
        },
    )
    response.headers.update(
        {
            "X-Request-Id": request_id,
            "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff",
        }
    )
    return response
