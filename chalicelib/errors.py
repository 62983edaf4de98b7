"""Errors that reach the client as ``{"error": {"code", "message", "field"}}``."""

from __future__ import annotations

from chalice import ChaliceUnhandledError


class AppError(ChaliceUnhandledError):
    """A failure the client can act on; ``code`` is stable, ``message`` is Chinese."""

    status = 400

    def __init__(self, code: str, message: str, field: str | None = None, status: int | None = None, **details: object):
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field
        self.details = details
        if status is not None:
            self.status = status

    def body(self) -> dict:
        return {"error": {"code": self.code, "message": self.message, "field": self.field, **self.details}}


class ValidationFailed(AppError):
    status = 400


class Unauthenticated(AppError):
    status = 401


class Forbidden(AppError):
    status = 403

    def __init__(self, message: str = "无权执行此操作", code: str = "FORBIDDEN"):
        super().__init__(code, message)


class NotFound(AppError):
    status = 404

    def __init__(self, message: str = "对象不存在", code: str = "NOT_FOUND"):
        super().__init__(code, message)


class Conflict(AppError):
    status = 409


class Locked(AppError):
    status = 423


class TooManyRequests(AppError):
    """429; ``retry_after`` (seconds) becomes the Retry-After header when the wait is known: the phone pages retry
    after it when it is short and show the message otherwise (web/src/shared/retry.ts)."""

    status = 429

    def __init__(
        self, code: str, message: str, field: str | None = None, *, retry_after: int | None = None, **details: object
    ):
        super().__init__(code, message, field, None, **details)
        self.retry_after = retry_after


class UpstreamUnavailable(AppError):
    """DynamoDB, S3 or SES did not answer in time (or refused): the client may retry later."""

    status = 503

    def __init__(self) -> None:
        super().__init__("UPSTREAM_UNAVAILABLE", "服务暂时不可用，请稍后再试")
