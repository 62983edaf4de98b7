"""Issue #12, item 7: a dependency that accepts connections and never answers (a frozen DynamoDB or S3) makes a
request answer 503 ``UPSTREAM_UNAVAILABLE`` within the configured budget instead of hanging for minutes.

The frozen dependency is a local socket that accepts and reads but never writes. The tests check the envelope
and the configured budget, never a measured duration; a watchdog fails a request that outlives several times its
budget (the old defaults took 120 s), so the test cannot hang.
"""

from __future__ import annotations

import selectors
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from chalicelib.container import reset
from chalicelib.settings import UPSTREAM_BUDGET_SECONDS, Upstream, get_settings
from tests.conftest import Api, make_api

UNAVAILABLE = {"error": {"code": "UPSTREAM_UNAVAILABLE", "message": "服务暂时不可用，请稍后再试", "field": None}}
# Short limits keep the test quick; the deployed ones are checked against the budget below.
TEST_LIMITS = {"UPSTREAM_CONNECT_TIMEOUT": "0.5", "UPSTREAM_READ_TIMEOUT": "0.3", "UPSTREAM_MAX_ATTEMPTS": "2"}


class FrozenServer:
    """Listens on 127.0.0.1, accepts every connection and reads what is sent, never answers."""

    def __init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0), backlog=64)
        self._listener.setblocking(False)
        self._selector = selectors.DefaultSelector()
        self._selector.register(self._listener, selectors.EVENT_READ)
        self._stop = threading.Event()
        self.accepted = 0
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"

    def _serve(self) -> None:
        while not self._stop.is_set():
            for key, _ in self._selector.select(timeout=0.1):
                if key.fileobj is self._listener:
                    try:
                        connection, _ = self._listener.accept()
                    except BlockingIOError:
                        continue
                    connection.setblocking(False)
                    self.accepted += 1
                    self._selector.register(connection, selectors.EVENT_READ)
                    continue
                try:
                    data = key.fileobj.recv(65536)  # type: ignore[union-attr]
                except BlockingIOError:
                    continue
                except OSError:
                    data = b""
                if not data:  # the client gave up: forget the connection
                    self._selector.unregister(key.fileobj)
                    key.fileobj.close()  # type: ignore[union-attr]

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        for key in list(self._selector.get_map().values()):
            key.fileobj.close()  # type: ignore[union-attr]
        self._selector.close()


@pytest.fixture
def frozen() -> Iterator[FrozenServer]:
    server = FrozenServer()
    yield server
    server.close()


@pytest.fixture
def frozen_aws(frozen: FrozenServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Api]:
    """An app whose DynamoDB, S3 and SES are the frozen server (no moto)."""
    monkeypatch.setenv("AWS_ENDPOINT_URL", frozen.url)
    for name, value in TEST_LIMITS.items():
        monkeypatch.setenv(name, value)
    reset()
    yield make_api(tmp_path)
    reset()
    assert frozen.accepted  # the requests did reach the dependency that never answers


def within_watchdog(call: Any) -> tuple[int, Any]:
    """Run ``call`` in a thread; fail (instead of hanging) if it outlives several times the configured budget."""
    result: list[Any] = []
    worker = threading.Thread(target=lambda: result.append(call()), daemon=True)
    worker.start()
    worker.join(timeout=60 + 10 * get_settings().upstream.worst_case_seconds())
    assert not worker.is_alive(), "the request hung on a frozen dependency"
    assert result, "the request raised instead of answering"
    return result[0]


def test_login_answers_503_when_dynamodb_is_frozen(frozen_aws: Api) -> None:
    status, body = within_watchdog(lambda: frozen_aws.post("/auth/login", {"username": "a-user", "password": "x" * 8}))
    assert (status, body) == (503, UNAVAILABLE)


def test_auth_me_answers_503_when_the_authorizer_cannot_read_the_account(frozen_aws: Api) -> None:
    from chalicelib.services.tokens import Claims, issue_token
    from tests.conftest import KEYS

    # the key as its secret holds it: the authorizer, frozen too, cannot read the secret nor the account
    token, _ = issue_token(Claims("office-demo", "office", "org", 0), KEYS["JWT_SECRET_ID"], 600)
    status, body = within_watchdog(lambda: frozen_aws.get("/auth/me", token))
    assert (status, body) == (503, UNAVAILABLE)


def test_public_sign_in_answers_503_when_dynamodb_is_frozen(frozen_aws: Api) -> None:
    from tests.api.attendance_helpers import person

    body = {"t": "a" * 40, **person()}
    status, answer = within_watchdog(lambda: frozen_aws.post("/public/attendance/0123456789abcdef/sign-in", body))
    assert (status, answer) == (503, UNAVAILABLE)


def test_a_file_route_answers_503_when_s3_is_frozen(
    api: Api, demo: None, frozen: FrozenServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DynamoDB (moto) answers; the bucket does not: the import template (written to S3) answers 503."""
    token = api.login("office-demo")
    monkeypatch.setenv("AWS_ENDPOINT_URL_S3", frozen.url)
    monkeypatch.setenv("MOTO_S3_CUSTOM_ENDPOINTS", "")  # moto must not take the frozen endpoint for S3
    for name, value in TEST_LIMITS.items():
        monkeypatch.setenv(name, value)
    from chalicelib.services import files

    get_settings.cache_clear()
    files.reset()
    status, body = within_watchdog(lambda: api.get("/projects/import-template", token))
    assert (status, body) == (503, UNAVAILABLE)
    assert frozen.accepted  # the bucket that never answered was asked


def test_the_configured_limits_fit_the_budget_of_a_request() -> None:
    """Connect + read timeout of every attempt plus botocore's longest backoff stay within 10 s (API Gateway gives
    up at 29 s), for the defaults and for what the deployment and `make run` set."""
    deployed = Upstream()
    assert deployed.worst_case_seconds() <= UPSTREAM_BUDGET_SECONDS
    assert deployed.max_attempts >= 2  # one retry for a transient error

    from localdev.run import local_environment

    local = local_environment(8000, "http://127.0.0.1:4599", "s" * 40)
    limits = Upstream(
        connect_timeout=float(local.get("UPSTREAM_CONNECT_TIMEOUT", deployed.connect_timeout)),
        read_timeout=float(local["UPSTREAM_READ_TIMEOUT"]),
        max_attempts=int(local["UPSTREAM_MAX_ATTEMPTS"]),
    )
    assert limits.worst_case_seconds() <= UPSTREAM_BUDGET_SECONDS


def test_settings_beyond_the_budget_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UPSTREAM_READ_TIMEOUT", "30")
    get_settings.cache_clear()
    try:
        with pytest.raises(RuntimeError, match="budget"):
            get_settings()
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()


def test_every_client_of_the_app_uses_the_limits(aws: None) -> None:
    """pynamodb models, the transaction connection, S3 and SES: the botocore client each one builds."""
    from chalicelib.container import services
    from chalicelib.models import Account
    from chalicelib.services import audit, files, notifications

    services()  # binds the tables
    limits = get_settings().upstream
    clients = {
        "model": Account._get_connection().connection.client,
        "transactions": audit.connection().client,
        "s3": files._s3(),
        "ses": notifications._ses(),
    }
    for name, client in clients.items():
        config = client.meta.config
        assert (config.connect_timeout, config.read_timeout) == (limits.connect_timeout, limits.read_timeout), name
        assert config.retries["total_max_attempts"] == limits.max_attempts, name
        assert config.retries["mode"] == "standard", name
