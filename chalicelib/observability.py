"""Structured JSON logs with a request id and the Lambda invocation's context (function, cold start, request id,
trace); secrets, ID numbers, mobiles and names are redacted before output. The app's CloudWatch metrics (``METRICS``),
counted where they happen and written once per invocation in the embedded metric format (Powertools Metrics)."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import threading
import time
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

from aws_lambda_powertools import Logger
from aws_lambda_powertools.logging.formatter import LambdaPowertoolsFormatter

from chalicelib import context

if TYPE_CHECKING:
    from aws_lambda_powertools.logging.types import LogRecord as PowertoolsLog

_ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[\dXx])(?![0-9A-Za-z])")
_MOBILE = re.compile(r"(?<![0-9A-Za-z])(1[3-9]\d)\d{4}(\d{4})(?![0-9A-Za-z])")
_BEARER = re.compile(r"(?i)bearer\s+[A-Za-z0-9._~+/=-]+")
_JWT = re.compile(r"eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+")
_SECRET_KEYS = ("password", "token", "authorization", "secret", "id_number")
# Log fields (extra keys) and request fields (JSON body, query) that hold a person's name, contact or unit.
_PERSONAL_KEYS = frozenset({"name", "display_name", "attendee", "mobile", "phone", "email", "unit", "department"})
# Chinese characters (names are written in them) in the free text of a log line: its message and any exception
# (library messages quote data, e.g. openpyxl's IllegalCharacterError or pydantic's input_value). Our own log
# messages are English, so nothing but data is lost; Latin names are caught when the request carried them.
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f·]")
_FREE_TEXT = ("message", "exception", "exception_notes", "stack_trace")
_PERSONAL = "_cme_personal"  # the log record attribute with the personal values of its request
_request: ContextVar[Any] = ContextVar("request", default=None)
_masking: ContextVar[tuple[str, ...]] = ContextVar("masking", default=())


def redact(text: str) -> str:
    """Mask resident ID numbers and mainland mobiles and drop bearer tokens from a log line."""
    text = _ID_NUMBER.sub(r"\1********\2", text)
    text = _MOBILE.sub(r"\1****\2", text)
    text = _BEARER.sub("Bearer [REDACTED]", text)
    return _JWT.sub("[REDACTED]", text)


def _scrub(value: Any, personal: tuple[str, ...] = (), free_text: bool = False) -> Any:
    """Drop secrets, mask personal fields, the personal values of the request and (in free text) Chinese names."""
    if isinstance(value, dict):
        return {key: _scrub_field(str(key), item, personal, free_text) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_scrub(item, personal, free_text) for item in value]
    if not isinstance(value, (int, float, bool, type(None))):
        value = str(value)  # as the JSON serializer would write it (e.g. the exception in stack_trace)
    if isinstance(value, str):
        for known in personal:
            value = value.replace(known, "[REDACTED]")
        return _HAN.sub("*", value) if free_text else value
    return value


def _scrub_field(key: str, value: Any, personal: tuple[str, ...], free_text: bool) -> Any:
    lowered = key.lower()
    if any(s in lowered for s in _SECRET_KEYS) or (lowered in _PERSONAL_KEYS and value is not None):
        return "[REDACTED]"
    return _scrub(value, personal, free_text or key in _FREE_TEXT)


def _personal_values(request: Any) -> tuple[str, ...]:
    """The names, mobiles, ID numbers… the request carried (JSON body and query string), longest first."""
    found: set[str] = set()

    def collect(value: Any, key: str = "") -> None:
        if isinstance(value, dict):
            for name, item in value.items():
                collect(item, str(name).lower())
        elif isinstance(value, list):
            for item in value:
                collect(item, key)
        elif isinstance(value, str) and len(value.strip()) >= 2 and (key in _PERSONAL_KEYS or key == "id_number"):
            found.update({value, value.strip()})

    with contextlib.suppress(ValueError, UnicodeDecodeError, RecursionError, AttributeError, TypeError):
        collect(json.loads(request.raw_body or b"{}"))
    collect(dict(getattr(request, "query_params", None) or {}))
    return tuple(sorted(found, key=len, reverse=True))


class RedactingFormatter(LambdaPowertoolsFormatter):
    def format(self, record: logging.LogRecord) -> str:
        personal = record.__dict__.pop(_PERSONAL, ())
        token = _masking.set(personal)
        try:
            return super().format(record)
        finally:
            _masking.reset(token)
            if personal:
                record.__dict__[_PERSONAL] = personal

    def serialize(self, log: PowertoolsLog) -> str:
        return redact(super().serialize(_scrub(log, _masking.get())))


class _RequestIdFilter(logging.Filter):
    """Puts the request id of the request being handled on each log record as it is made, so a request
    costs no logger work unless it logs."""

    def filter(self, record: logging.LogRecord) -> bool:
        if "request_id" not in record.__dict__:
            request_id = context.request_id.get()
            if request_id:
                record.request_id = request_id
        request = _request.get()
        if request is not None and _PERSONAL not in record.__dict__:
            # Only records made while handling a request pay for this, and only when they are made.
            record.__dict__[_PERSONAL] = _personal_values(request)
        return True


logger = Logger(service="cme-credits", logger_formatter=RedactingFormatter())
logger.addFilter(_RequestIdFilter())


def request_logging(event: Any, get_response: Callable[[Any], Any]) -> Any:
    """HTTP middleware: one log line per request (with the caller's address as per-address limits count it: behind
    CloudFront the viewer's, which API Gateway's access log cannot show), request id on logs, audit events and the
    response."""
    request_id = (event.context or {}).get("requestId") or os.urandom(16).hex()
    token, current = context.request_id.set(request_id), _request.set(event)
    address = context.client_address.set(None)
    started = time.perf_counter()
    try:
        response = get_response(event)
        viewer = context.client_address.get()
    finally:
        context.request_id.reset(token)
        _request.reset(current)
        context.client_address.reset(address)
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
            "viewer": viewer,
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


# ---------------------------------------------------------------------------------------------
# The Lambda invocation: context on every log line, metrics written at its end
# ---------------------------------------------------------------------------------------------

# The app's metrics, all counts, in the namespace of the stack (POWERTOOLS_METRICS_NAMESPACE: cme-<stage>) with the
# single dimension service=cme-credits: never a person, a session or anything a request sent.
METRICS = (
    "SignIns",
    "SignOuts",
    "RefusedScans",
    "Grants",
    "JobFailures",
    "ReminderFailures",
    "ViewerAddressMissing",
    "DetailsRemoved",
)
SERVICE = "cme-credits"
_counts: dict[str, float] = {}
_counts_lock = threading.Lock()  # the close and the reports work in thread pools
_cold_start = True


def count(metric: str, value: float = 1) -> None:
    """Count ``value`` of one of ``METRICS`` in this invocation; written when it ends (``flush_metrics``). A dict
    update: cheap, and an invocation that counts nothing writes nothing."""
    if metric not in METRICS:
        raise ValueError(f"unknown metric {metric!r}")
    with _counts_lock:
        _counts[metric] = _counts.get(metric, 0) + value


def _namespace() -> str:
    return os.environ.get("POWERTOOLS_METRICS_NAMESPACE") or f"cme-{os.environ.get('STAGE', 'local')}"


def flush_metrics() -> dict[str, float]:
    """Write what this invocation counted as one embedded-metric-format line on stdout, which CloudWatch Logs turns
    into metrics (no PutMetricData call, no time spent), and forget it. Only on Lambda (AWS_LAMBDA_FUNCTION_NAME):
    local runs and tests keep their output clean. Answers what was counted."""
    with _counts_lock:
        counted = dict(_counts)
        _counts.clear()
    if counted and os.environ.get("AWS_LAMBDA_FUNCTION_NAME"):
        from aws_lambda_powertools import Metrics
        from aws_lambda_powertools.metrics import MetricUnit

        metrics = Metrics(namespace=_namespace(), service=SERVICE)
        for name, value in counted.items():
            metrics.add_metric(name=name, unit=MetricUnit.Count, value=value)
        metrics.flush_metrics()
    return counted


@contextlib.contextmanager
def invocation(lambda_context: Any) -> Iterator[None]:
    """One Lambda invocation: the function, its request id, whether it is the container's first (cold start) and the
    X-Ray trace id on every log line it writes (as Powertools' ``inject_lambda_context``), its metrics written at
    the end, also when it fails. ``lambda_context`` may be None (local runs, tests)."""
    global _cold_start
    cold, _cold_start = _cold_start, False
    if getattr(lambda_context, "function_name", None):
        logger.append_keys(
            function_name=lambda_context.function_name,
            function_memory_size=getattr(lambda_context, "memory_limit_in_mb", None),
            function_request_id=getattr(lambda_context, "aws_request_id", None),
            # a provisioned container was started before any request: nobody waited for it
            cold_start=cold and os.environ.get("AWS_LAMBDA_INITIALIZATION_TYPE") != "provisioned-concurrency",
            xray_trace_id=os.environ.get("_X_AMZN_TRACE_ID"),
        )
    try:
        yield
    finally:
        flush_metrics()


def lambda_invocation(event: Any, get_response: Callable[[Any], Any]) -> Any:
    """Middleware of every function Chalice dispatches (the API, the schedules, the jobs worker): ``invocation``
    around it. A request's Lambda context is ``lambda_context``; an event's is ``context``."""
    lambda_context = getattr(event, "lambda_context", None)
    if lambda_context is None and not isinstance(getattr(event, "context", None), dict):
        lambda_context = getattr(event, "context", None)
    with invocation(lambda_context):
        return get_response(event)
