"""Per-request context shared by logging and the audit log."""

from __future__ import annotations

from contextvars import ContextVar

request_id: ContextVar[str | None] = ContextVar("request_id", default=None)
# The caller's address as per-address limits count it (chalicelib.origin), for the request's log line.
client_address: ContextVar[str | None] = ContextVar("client_address", default=None)
