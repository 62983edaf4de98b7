"""Shared fixtures: the app runs in-process against moto, reached through the same WSGI gateway
that `make run` serves, so API Gateway's behaviour (authorizer, error envelope) is part of every test."""

from __future__ import annotations

import json
import os

# The app reads these on first use; set them before anything imports the models or the app.
os.environ.update(
    {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
        "STAGE": "test",
        "TABLE_PREFIX": "cme-test",
        "BUCKET_NAME": "cme-test-files",
        "MAIL_SENDER": "no-reply@cme.test",
        "POWERTOOLS_LOG_LEVEL": "INFO",
        "PASSWORD_HASH_PROFILE": "CHEAPEST",
    }
)
os.environ.pop("AWS_ENDPOINT_URL", None)  # tests use moto in-process, never a server

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any

import pytest  # noqa: E402
from moto import mock_aws  # noqa: E402
from werkzeug.test import Client  # noqa: E402

from chalicelib.container import reset  # noqa: E402
from localdev.aws import create_resources, key_secret_names  # noqa: E402

# The environment names the key secrets from the start, as deployed (``start_aws`` creates them in moto).
os.environ.update(key_secret_names(os.environ["TABLE_PREFIX"]))

DEMO_PASSWORD = "Demo@2026"
# The keys' values, put into moto's Secrets Manager by ``start_aws`` (the environment names the secrets, as deployed).
KEYS = {
    "JWT_SECRET_ID": "test-secret-" + "x" * 40,
    "PII_KEY_SECRET_ID": "test-pii-key-" + "p" * 40,
    "ID_ENCRYPTION_KEY_SECRET_ID": "test-id-key-" + "e" * 40,
}


class Api:
    """A user of the HTTP API: JSON in, ``(status, json)`` out."""

    def __init__(self, client: Client) -> None:
        self._client = client

    def call(
        self,
        method: str,
        path: str,
        body: Any = None,
        token: str | None = None,
        query: dict | None = None,
        headers: dict | None = None,
    ) -> tuple[int, Any]:
        headers = {**({"Authorization": f"Bearer {token}"} if token else {}), **(headers or {})}
        data = json.dumps(body) if body is not None else None
        response = self._client.open(
            "/api" + path,
            method=method,
            data=data,
            headers=headers,
            query_string=query,
            content_type="application/json" if data is not None else None,
        )
        text = response.get_data(as_text=True)
        return response.status_code, (json.loads(text) if text else None)

    def get(self, path: str, token: str | None = None, **query: Any) -> tuple[int, Any]:
        return self.call("GET", path, token=token, query=query or None)

    def post(self, path: str, body: Any = None, token: str | None = None) -> tuple[int, Any]:
        return self.call("POST", path, body if body is not None else {}, token)

    def patch(self, path: str, body: Any, token: str | None = None) -> tuple[int, Any]:
        return self.call("PATCH", path, body, token)

    def delete(self, path: str, token: str | None = None) -> tuple[int, Any]:
        return self.call("DELETE", path, token=token)

    def login(self, username: str, password: str = DEMO_PASSWORD) -> str:
        status, body = self.post("/auth/login", {"username": username, "password": password})
        assert status == 200, body
        return body["token"]


def start_aws() -> Any:
    mock = mock_aws()
    mock.start()
    reset()
    create_resources(os.environ["TABLE_PREFIX"], os.environ["BUCKET_NAME"], os.environ["MAIL_SENDER"], KEYS)
    return mock


def put_key(setting: str, value: str) -> None:
    """Change a key secret (``PII_KEY_SECRET_ID``…) as an operator does, and forget what was read (as if its
    ``MAX_AGE_SECONDS`` had passed in every function)."""
    import boto3

    from chalicelib import secrets

    boto3.client("secretsmanager").put_secret_value(SecretId=os.environ[setting], SecretString=value)
    secrets.reset()


def read_key(setting: str) -> str:
    import boto3

    return boto3.client("secretsmanager").get_secret_value(SecretId=os.environ[setting])["SecretString"]


def make_api(tmp: Path) -> Api:
    from app import app
    from localdev.gateway import WebGateway

    return Api(Client(WebGateway(app, tmp)))


@pytest.fixture
def aws() -> Iterator[None]:
    mock = start_aws()
    yield
    mock.stop()
    reset()


@pytest.fixture
def api(aws: None, tmp_path: Path) -> Api:
    return make_api(tmp_path)


@pytest.fixture
def demo(aws: None) -> None:
    from localdev.seed import seed_demo

    seed_demo(with_projects=False)


# Every AWS call the app's Lambda functions make in this run must be granted by their IAM policies
# (tests/infra/aws_calls.py; the exact per-function comparison is tests/infra/test_iam_policies.py).
_AWS_CALLS: Any = None


def pytest_sessionstart(session: pytest.Session) -> None:
    global _AWS_CALLS  # noqa: PLW0603
    from tests.infra.aws_calls import SuiteCheck

    _AWS_CALLS = SuiteCheck()
    _AWS_CALLS.start()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if _AWS_CALLS is None:
        return
    _AWS_CALLS.stop()
    problems = _AWS_CALLS.problems(os.environ["TABLE_PREFIX"], os.environ["BUCKET_NAME"])
    if problems:
        session.config.stash[_UNGRANTED] = problems
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: Any) -> None:
    for problem in terminalreporter.config.stash.get(_UNGRANTED, []):
        terminalreporter.write_line(f"IAM: {problem}", red=True)


_UNGRANTED = pytest.StashKey[list]()
