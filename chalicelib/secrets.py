"""The one way the app reads a secret (the JWT key, the ID keys, the SMTP account): Secrets Manager through Powertools
Parameters, with the app's timeouts, cached for ``MAX_AGE_SECONDS`` per Lambda container.

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
_providers: dict[Hashable, SecretsProvider] = {}
_refreshed: dict[tuple[Hashable, str], float] = {}
_stale: set[str] = set()  # read again on next use, whatever their age (``forget``)
_lock = threading.Lock()


def _provider() -> SecretsProvider:
    key = scope()
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
    try:
        value = _provider().get(secret_id, max_age=MAX_AGE_SECONDS, force_fetch=fresh)
    except Exception as error:
        cause = error.__cause__ or error.__context__ or error
        logger.error("secret not readable", extra={"source": secret_id, "failure": type(cause).__name__})
        raise SecretUnavailable(secret_id) from error
    if not isinstance(value, str):
        raise RuntimeError(f"secret {secret_id} holds no SecretString")
    return value


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
        _stale.clear()
