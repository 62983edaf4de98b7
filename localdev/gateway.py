"""One origin as CloudFront serves it: /api/* to the Chalice app, /m/* and / to the built web app.

As CloudFront does, the gateway replaces what a client sent in ``X-Origin-Verify`` and ``CloudFront-Viewer-Address``
with the origin secret (the current value of the secret ``ORIGIN_VERIFY_SECRET_ID`` names, when set) and the client's
address and port, so the app counts per-address limits by each client, not by the one ``sourceIp`` chalice's local
gateway reports.

API Gateway's own errors are answered in the app's error envelope, as the merge template's
GatewayResponses do in AWS; an authorizer that fails (e.g. DynamoDB does not answer) answers 503.
"""

from __future__ import annotations

import base64
import html
import json
import logging
import mimetypes
import os
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from chalice.config import Config
from chalice.local import ForbiddenError, LocalGateway, LocalGatewayException, NotAuthorizedError

from chalicelib.origin import ORIGIN_HEADER, VIEWER_HEADER

_GATEWAY_ERRORS = {
    NotAuthorizedError: (401, "UNAUTHENTICATED", "登录已失效，请重新登录"),
    ForbiddenError: (401, "UNAUTHENTICATED", "登录已失效，请重新登录"),
}


def sent_emails() -> list[dict]:
    """Emails SES (moto, in this process) has accepted, newest first."""
    from moto.core import DEFAULT_ACCOUNT_ID
    from moto.ses.models import ses_backends

    messages = []
    for region in ses_backends[DEFAULT_ACCOUNT_ID].values():
        for message in getattr(region, "sent_messages", []):
            to = ", ".join(getattr(message, "destinations", {}).get("ToAddresses", []))
            messages.append(
                {"to": to, "subject": getattr(message, "subject", ""), "body": getattr(message, "body", "")}
            )
    return list(reversed(messages))


def outbox_page() -> bytes:
    rows = (
        "".join(
            f"<article><h3>{html.escape(m['subject'])}</h3><p>收件人：{html.escape(m['to'])}</p>"
            f"<pre>{html.escape(m['body'])}</pre></article>"
            for m in sent_emails()
        )
        or "<p>暂无邮件</p>"
    )
    return (
        "<!doctype html><meta charset=utf-8><title>本地发件箱</title>"
        "<style>body{font-family:sans-serif;max-width:820px;margin:2em auto}article{border-bottom:1px solid #ddd}"
        "</style><h1>本地发件箱（SES / moto）</h1>" + rows
    ).encode("utf-8")


def _play_cloudfront(headers: dict[str, str], environ: dict) -> None:
    """What CloudFront does to a request for the API: the viewer's ``ip:port`` (IPv6 unbracketed, as CloudFront
    writes it) and the origin secret, both replacing whatever the client sent."""
    headers[VIEWER_HEADER.lower()] = f"{environ.get('REMOTE_ADDR') or ''}:{environ.get('REMOTE_PORT') or 0}"
    headers.pop(ORIGIN_HEADER.lower(), None)
    secret_id = os.environ.get("ORIGIN_VERIFY_SECRET_ID", "")
    if secret_id:  # CloudFront sends the value the web stack read (AWSCURRENT) when it was last updated
        from chalicelib import secrets

        headers[ORIGIN_HEADER.lower()] = secrets.read(secret_id)


def _error(status: int, code: str, message: str) -> tuple[int, dict[str, str], bytes]:
    body = json.dumps({"error": {"code": code, "message": message, "field": None}}, ensure_ascii=False)
    return status, {"Content-Type": "application/json; charset=utf-8"}, body.encode("utf-8")


class WebGateway:
    """A WSGI application combining the API and the static web build."""

    def __init__(self, chalice_app: Any, web_root: Path, *, cloudfront: bool = True) -> None:
        """``cloudfront=False`` passes the client's headers through untouched, as API Gateway does for a request
        that bypasses CloudFront (tests of the origin check)."""
        self._gateway = LocalGateway(chalice_app, Config.create(chalice_stage="local", lambda_timeout=30))
        self._cloudfront = cloudfront
        self._routes = set(chalice_app.routes)
        self._web_root = web_root.resolve()
        # Chalice keeps the request being handled on the app (``app.current_request``), as a Lambda container
        # handles one event at a time; the threaded local server must do the same or requests read each
        # other's bodies.
        self._one_at_a_time = threading.Lock()

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "/") or "/"
        if path == "/api" or path.startswith("/api/"):
            status, headers, body = self._api(environ, path[4:] or "/")
        elif path == "/_local/outbox":
            status, headers, body = 200, {"Content-Type": "text/html; charset=utf-8"}, outbox_page()
        else:
            status, headers, body = self._static(path)
        reason = {200: "OK", 201: "Created", 204: "No Content", 304: "Not Modified"}.get(status, "")
        start_response(f"{status} {reason}".strip(), list(headers.items()))
        return [body]

    def _api(self, environ: dict, path: str) -> tuple[int, dict[str, str], bytes]:
        query = environ.get("QUERY_STRING", "")
        headers = {
            key[5:].replace("_", "-").lower(): value for key, value in environ.items() if key.startswith("HTTP_")
        }
        if environ.get("CONTENT_TYPE"):
            headers["content-type"] = environ["CONTENT_TYPE"]
        if self._cloudfront:
            _play_cloudfront(headers, environ)
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length) if length else None
        try:
            with self._one_at_a_time:
                response = self._gateway.handle_request(
                    method=environ["REQUEST_METHOD"],
                    path=path + (f"?{query}" if query else ""),
                    headers=headers,
                    body=body,
                )
        except LocalGatewayException as error:
            return self._gateway_error(error, path)
        except Exception:  # the authorizer raised (the app answers its own errors): AUTHORIZER_FAILURE in AWS
            logging.getLogger(__name__).warning("authorizer failed", exc_info=True)
            return _error(503, "UPSTREAM_UNAVAILABLE", "服务暂时不可用，请稍后再试")
        out_headers = dict(response["headers"])
        for name, values in response.get("multiValueHeaders", {}).items():
            out_headers[name] = ", ".join(values)
        payload = response.get("body") or b""
        if response.get("isBase64Encoded"):
            payload = base64.b64decode(payload)
        elif isinstance(payload, str):
            payload = payload.encode("utf-8")
        return response["statusCode"], out_headers, payload

    def _gateway_error(self, error: LocalGatewayException, path: str) -> tuple[int, dict[str, str], bytes]:
        if isinstance(error, ForbiddenError) and b"Missing Authentication Token" in (error.body or b""):
            status, code, message = 404, "NOT_FOUND", "接口不存在"
        else:
            status, code, message = _GATEWAY_ERRORS.get(type(error), (error.CODE, "GATEWAY_ERROR", "请求失败"))
        return _error(status, code, message)

    def _static(self, path: str) -> tuple[int, dict[str, str], bytes]:
        candidate = (self._web_root / path.lstrip("/")).resolve()
        if self._web_root not in candidate.parents and candidate != self._web_root:
            return 404, {"Content-Type": "text/plain"}, b"not found"
        if candidate.is_dir():
            candidate = candidate / "index.html"
        if not candidate.is_file():
            if path.startswith("/assets/"):
                return 404, {"Content-Type": "text/plain"}, b"not found"
            # SPA fallback: each app's router handles its own paths.
            app_root = "m" if path == "/m" or path.startswith("/m/") else ""
            candidate = self._web_root / app_root / "index.html"
        if not candidate.is_file():
            message = "web/dist 不存在：请先构建前端（make run 会自动构建）".encode()
            return 503, {"Content-Type": "text/plain; charset=utf-8"}, message
        content_type = mimetypes.guess_type(candidate.name)[0] or "application/octet-stream"
        if content_type.startswith("text/") or content_type in ("application/javascript",):
            content_type += "; charset=utf-8"
        cache = "public, max-age=31536000, immutable" if "/assets/" in path else "no-cache"
        return 200, {"Content-Type": content_type, "Cache-Control": cache}, candidate.read_bytes()
