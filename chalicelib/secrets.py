"""The one way the app reads a secret (the JWT key, the ID keys, the SMTP account, the origin secret): Secrets Manager
through Powertools Parameters, with the app's timeouts, cached for ``MAX_AGE_SECONDS`` per Lambda container.

Only secret ids (ARNs) are in the environment; values are read on first use, never at import time, and never logged.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING

from chalicelib.errors import UpstreamUnavailable
from chalicelib.observability import logger

if TYPE_CHECKING:
    from aws_lambda_powertools.utilities.parameters import SecretsProvider

# How long a value read is used before it is read again: a rotation (a key added to a ring, a new SMTP password)
# reaches every warm function within five minutes without a redeploy, while a container makes one GetSecretValue per
# secret per five minutes (a cold start: one per secret it uses).
MAX_AGE_SECONDS = 300
# A key id a ring does not know yet (another container already writes under it) reads the secret again at once, but
# at most this often per secret: a flood of such values cannot turn into a flood of Secrets Manager calls.
REFRESH_SECONDS = 10.0


class SecretUnavailable(UpstreamUnavailable):
    """A secret could not be read (Secrets Manager unreachable, throttling, refused, missing): 503 for the request."""

    def __init__(self, secret_id: str) -> None:
        super().__init__()
        self.secret_id = secret_id


# Lambda runs each function in containers of its own; the tests run every function in one process and key the cache
# by function (tests/infra/aws_calls.py sets ``scope``) so that each function's reads are its own, as on AWS.
scope: Callable[[], Hashable] = lambda: None  # noqa: E731
_providers: dict[tuple[Hashable, str], SecretsProvider] = {}
# Secrets without an AWSPREVIOUS version (never rotated), as known until then (monotonic time)
_no_previous: dict[tuple[Hashable, str], float] = {}
CURRENT, PREVIOUS = "AWSCURRENT", "AWSPREVIOUS"
_refreshed: dict[tuple[Hashable, str], float] = {}
_stale: set[str] = set()  # read again on next use, whatever their age (``forget``)
_lock = threading.Lock()


def _provider(stage: str = CURRENT) -> SecretsProvider:
    # Powertools keys its cache by secret id only, not by VersionStage: one provider (one cache) per staging label.
    key = (scope(), stage)
    provider = _providers.get(key)
    if provider is not None:  # every warm read: no lock
        return provider
    with _lock:
        provider = _providers.get(key)
        if provider is None:
            import boto3
            from aws_lambda_powertools.utilities.parameters import SecretsProvider

            from chalicelib.upstream import botocore_config

            client = boto3.client("secretsmanager", config=botocore_config())
            provider = _providers[key] = SecretsProvider(boto3_client=client)
        return provider


def read(secret_id: str, *, fresh: bool = False) -> str:
    """The secret's string value: cached up to ``MAX_AGE_SECONDS``, read again first when ``fresh``.

    Raises ``SecretUnavailable`` (503 ``UPSTREAM_UNAVAILABLE``) when it cannot be read; the log line names the secret
    and the failure, never a value."""
    if not secret_id:
        raise RuntimeError("a secret id setting (…_SECRET_ID) is empty")
    if secret_id in _stale:
        with _lock:
            fresh = fresh or secret_id in _stale
            _stale.discard(secret_id)
    return _get(secret_id, CURRENT, fresh)


def read_previous(secret_id: str) -> str | None:
    """The value the secret held before its last ``put-secret-value`` (staging label AWSPREVIOUS), cached as
    ``read``; None when it has none (never changed since created), which is cached as long.

    Raises ``SecretUnavailable`` as ``read`` does."""
    key = (scope(), secret_id)
    if _no_previous.get(key, 0.0) > time.monotonic():
        return None
    try:
        return _get(secret_id, PREVIOUS, False)
    except SecretUnavailable as error:
        if not _missing_version(error):
            raise
    with _lock:
        _no_previous[key] = time.monotonic() + MAX_AGE_SECONDS
    return None


def _get(secret_id: str, stage: str, fresh: bool) -> str:
    try:
        value = _provider(stage).get(secret_id, max_age=MAX_AGE_SECONDS, force_fetch=fresh, VersionStage=stage)
    except Exception as error:
        cause = error.__cause__ or error.__context__ or error
        if not (stage == PREVIOUS and _not_found(cause)):
            logger.error("secret not readable", extra={"source": secret_id, "failure": type(cause).__name__})
        raise SecretUnavailable(secret_id) from error
    if not isinstance(value, str):
        raise RuntimeError(f"secret {secret_id} holds no SecretString")
    return value


def _not_found(error: BaseException) -> bool:
    response = getattr(error, "response", None)
    return isinstance(response, dict) and response.get("Error", {}).get("Code") == "ResourceNotFoundException"


def _missing_version(error: SecretUnavailable) -> bool:
    """A refused AWSPREVIOUS read because the secret has no such version (the secret itself was read a moment ago:
    ``read_previous`` is called after ``read`` succeeded)."""
    cause = error.__cause__
    return cause is not None and _not_found(cause.__cause__ or cause.__context__ or cause)


def refresh(secret_id: str) -> bool:
    """Read ``secret_id`` again now unless that was done less than ``REFRESH_SECONDS`` ago; whether it was read."""
    key, now = (scope(), secret_id), time.monotonic()
    with _lock:
        if now - _refreshed.get(key, -REFRESH_SECONDS) < REFRESH_SECONDS:
            return False
        _refreshed[key] = now
    read(secret_id, fresh=True)
    return True


def forget(secret_id: str) -> None:
    """Read ``secret_id`` again on its next use (a refused SMTP login: perhaps the password was rotated)."""
    with _lock:
        _stale.add(secret_id)


def reset() -> None:
    """Forget every value and client (tests, after changing a secret or the environment)."""
    with _lock:
        _providers.clear()
        _refreshed.clear()
        _no_previous.clear()
        _stale.clear()
