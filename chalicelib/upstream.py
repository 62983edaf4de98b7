"""How the app waits for AWS: one botocore configuration for every client, and which failures mean "the
dependency is unavailable" (answered 503 ``UPSTREAM_UNAVAILABLE``) rather than a bug (500 ``INTERNAL``).

Nothing here imports botocore or pynamodb at import time (``import app`` stays light).
"""

from __future__ import annotations

import random
import sys
import time
from typing import TYPE_CHECKING, Any

from chalicelib.settings import Upstream, get_settings

if TYPE_CHECKING:
    from botocore.config import Config

# Error codes of an answer meaning "not now" rather than "wrong request" (after botocore's own retries).
_UNAVAILABLE_CODES = {
    "ProvisionedThroughputExceededException",
    "RequestLimitExceeded",
    "ThrottlingException",
    "Throttling",
    "ThrottledException",
    "SlowDown",
    "ServiceUnavailable",
    "InternalServerError",
    "InternalError",
    "InternalFailure",
}


def upstream() -> Upstream:
    return get_settings().upstream


def backoff(attempt: int, first: float, cap: float) -> None:
    """Wait before try ``attempt + 1`` of a refused or raced write: ``first`` × 2^attempt seconds, at most ``cap``,
    jittered to 50–100 % so that writers who lost together do not come back together."""
    time.sleep(min(cap, first * 2**attempt) * random.uniform(0.5, 1.0))  # noqa: S311 - jitter, not a secret


def cancellation_codes(error: Any) -> set[str]:
    """The codes (``ConditionalCheckFailed``, ``TransactionConflict``…) a cancelled transaction gave its items."""
    return {reason.code for reason in getattr(error, "cancellation_reasons", None) or [] if reason and reason.code}


# Requests one function sends to DynamoDB at once (ledger updates, close marks, report reads): within botocore's
# default pool of 10 connections, and enough to keep a 0.3-vCPU Lambda busy waiting on I/O.
PARALLEL_CALLS = 8


def botocore_config(**extra: Any) -> Config:
    """The configuration of a boto3 client: the settings' timeouts and attempts in botocore's standard retry mode."""
    from botocore.config import Config

    limits = upstream()
    return Config(
        connect_timeout=limits.connect_timeout,
        read_timeout=limits.read_timeout,
        retries={"mode": "standard", "total_max_attempts": limits.max_attempts},
        **extra,
    )


def pynamodb_options(limits: Upstream | None = None) -> dict[str, Any]:
    """Keyword arguments of a pynamodb ``Connection`` (and the ``Meta`` of a model) with the same limits: pynamodb
    turns ``max_retry_attempts`` into ``total_max_attempts = 1 + max_retry_attempts`` in standard mode. ``limits``
    defaults to the settings'; a command-line tool gives its own (it reads no keys, so no settings)."""
    limits = limits or upstream()
    return {
        "connect_timeout_seconds": limits.connect_timeout,
        "read_timeout_seconds": limits.read_timeout,
        "max_retry_attempts": limits.max_attempts - 1,
    }


def is_unavailable(error: BaseException) -> bool:
    """Whether ``error`` (or what it wraps: pynamodb's ``cause``, ``__cause__``) is a timeout, a
    refused or dropped connection, throttling or a 5xx of an AWS service."""
    exceptions = sys.modules.get("botocore.exceptions")
    if exceptions is None:  # no AWS call was made in this process, so none failed
        return False
    for current in _chain(error):
        if isinstance(current, (exceptions.ConnectionError, exceptions.HTTPClientError)):
            return True
        if isinstance(current, exceptions.ClientError):
            answer = current.response or {}
            status = (answer.get("ResponseMetadata") or {}).get("HTTPStatusCode") or 0
            if (answer.get("Error") or {}).get("Code") in _UNAVAILABLE_CODES or status >= 500:
                return True
    return False


def is_unreachable(error: BaseException) -> bool:
    """Whether ``error`` (or what it wraps) is a timeout or a refused or dropped connection: the service gave no
    answer, so every further call would wait the same timeouts. A throttle or a 5xx is an answer (botocore's
    standard mode has retried it already), after which the next call may well succeed."""
    exceptions = sys.modules.get("botocore.exceptions")
    if exceptions is None:
        return False
    return any(
        isinstance(current, (exceptions.ConnectionError, exceptions.HTTPClientError)) for current in _chain(error)
    )


def _chain(error: BaseException) -> list[BaseException]:
    """``error`` and what it wraps (pynamodb's ``cause``, ``__cause__``), each once."""
    seen: set[int] = set()
    found: list[BaseException] = []
    pending: list[BaseException] = [error]
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        found.append(current)
        wrapped = (getattr(current, "cause", None), current.__cause__)
        pending.extend(inner for inner in wrapped if isinstance(inner, BaseException))
    return found
