"""chalicelib/secrets.py, the one way a secret is read (issue #14): Powertools Parameters over Secrets Manager (moto),
cached ``MAX_AGE_SECONDS`` with the app's timeouts; a key added to a ring is used once the cache expires; an unreadable
secret is 503 ``UPSTREAM_UNAVAILABLE`` with a log line naming no value; a malformed ring fails loudly."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import boto3
import pytest
from aws_lambda_powertools.utilities.parameters import SecretsProvider, base
from moto import mock_aws

from chalicelib import secrets
from chalicelib.errors import UpstreamUnavailable
from chalicelib.settings import SecretKeyring, get_settings

ROOT = Path(__file__).resolve().parents[2]
K1 = "first-key-" + "1" * 40
K2 = "second-key-" + "2" * 40


class Clock:
    """Powertools' cache clock (``datetime.now`` in its base module), moved by hand."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.now: Any = datetime(2026, 12, 10, 8, 0)
        clock = self

        class Moved(datetime):
            @classmethod
            def now(cls, tz: Any = None) -> Moved:
                return clock.now

        monkeypatch.setattr(base, "datetime", Moved)

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def sm(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    with mock_aws():
        secrets.reset()
        yield boto3.client("secretsmanager")
    secrets.reset()


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every GetSecretValue the module makes (Powertools' fetch), by secret id."""
    made: list[str] = []
    fetch = SecretsProvider._get

    def counted(provider: SecretsProvider, name: str, **options: Any) -> str | bytes:
        made.append(name)
        return fetch(provider, name, **options)

    monkeypatch.setattr(SecretsProvider, "_get", counted)
    return made


def _ring(current: str, **keys: str) -> str:
    return json.dumps({"current": current, "keys": keys})


def test_a_value_is_read_once_then_served_from_the_cache_until_max_age(
    sm: Any, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = Clock(monkeypatch)
    sm.create_secret(Name="cme-test/jwt-signing-key", SecretString=K1)
    assert [secrets.read("cme-test/jwt-signing-key") for _ in range(5)] == [K1] * 5
    assert reads == ["cme-test/jwt-signing-key"], "warm invocations read no secret"
    sm.put_secret_value(SecretId="cme-test/jwt-signing-key", SecretString=K2)
    clock.advance(secrets.MAX_AGE_SECONDS - 1)
    assert secrets.read("cme-test/jwt-signing-key") == K1
    clock.advance(2)
    assert secrets.read("cme-test/jwt-signing-key") == K2, "read again once max_age has passed"
    assert len(reads) == 2


def test_a_key_added_to_the_ring_is_used_after_max_age_without_a_restart(
    sm: Any, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = Clock(monkeypatch)
    sm.create_secret(Name="cme-test/pii-key", SecretString=K1)
    ring = SecretKeyring("PII_KEY", "cme-test/pii-key")  # made without reading anything
    assert reads == []
    assert (ring.current, ring.kids) == ("k1", ("k1",))
    sm.put_secret_value(SecretId="cme-test/pii-key", SecretString=_ring("k2", k1=K1, k2=K2))
    assert ring.current == "k1", "cached"
    clock.advance(secrets.MAX_AGE_SECONDS + 1)
    assert (ring.current, ring.kids, ring.legacy) == ("k2", ("k1", "k2"), "k1")
    assert ring.current_key == K2.encode() and ring.key(None) == K1.encode()
    assert len(reads) == 2, "parsed once per value, read once per max_age"


def test_an_unknown_key_id_reads_the_ring_again_at_once_but_not_every_time(sm: Any, reads: list[str]) -> None:
    """Another container switched to k2 first: a value under k2 makes this one read the ring again, at most every
    REFRESH_SECONDS."""
    sm.create_secret(Name="cme-test/id-encryption-key", SecretString=K1)
    ring = SecretKeyring("ID_ENCRYPTION_KEY", "cme-test/id-encryption-key")
    assert ring.kids == ("k1",)
    sm.put_secret_value(SecretId="cme-test/id-encryption-key", SecretString=_ring("k2", k1=K1, k2=K2))
    assert ring.key("k2") == K2.encode()
    assert len(reads) == 2
    with pytest.raises(LookupError):
        ring.key("k3")
    assert len(reads) == 2, "a refresh within REFRESH_SECONDS is not repeated"


def test_an_unreadable_secret_is_503_and_its_log_line_names_no_value(sm: Any, caplog: pytest.LogCaptureFixture) -> None:
    with pytest.raises(UpstreamUnavailable) as refused:
        secrets.read("cme-test/absent")
    assert (refused.value.status, refused.value.code) == (503, "UPSTREAM_UNAVAILABLE")
    (line,) = [r for r in caplog.records if r.getMessage() == "secret not readable"]
    assert line.levelname == "ERROR"
    assert (line.__dict__["source"], line.__dict__["failure"]) == ("cme-test/absent", "ResourceNotFoundException")
    sm.create_secret(Name="cme-test/pii-key", SecretString=K1)
    secrets.read("cme-test/pii-key")
    assert all(K1 not in str(record.__dict__) for record in caplog.records)


def test_a_malformed_ring_fails_loudly_and_names_no_key(sm: Any) -> None:
    sm.create_secret(Name="cme-test/pii-key", SecretString=json.dumps({"current": "k9", "keys": {"k1": K1}}))
    with pytest.raises(RuntimeError, match="PII_KEY: 'current' must name one of its keys") as error:
        SecretKeyring("PII_KEY", "cme-test/pii-key").ring()
    assert K1 not in str(error.value)
    sm.put_secret_value(SecretId="cme-test/pii-key", SecretString="short")
    secrets.reset()
    with pytest.raises(RuntimeError, match="PII_KEY must be set to at least 32 characters"):
        SecretKeyring("PII_KEY", "cme-test/pii-key").ring()
    with pytest.raises(RuntimeError, match="PII_KEY_SECRET_ID"):
        SecretKeyring("PII_KEY", "").ring()


def test_the_jwt_key_is_read_on_use_and_must_be_long_enough(sm: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    sm.create_secret(Name="cme-test/jwt-signing-key", SecretString="too-short")
    monkeypatch.setenv("JWT_SECRET_ID", "cme-test/jwt-signing-key")
    get_settings.cache_clear()
    try:
        settings = get_settings()  # reads no secret
        with pytest.raises(RuntimeError, match="at least 32 characters") as error:
            _ = settings.jwt_secret
        assert "too-short" not in str(error.value)
    finally:
        get_settings.cache_clear()


def test_the_client_waits_as_every_other_aws_client(sm: Any) -> None:
    limits = get_settings().upstream
    config = secrets._provider().client.meta.config
    assert (config.connect_timeout, config.read_timeout) == (limits.connect_timeout, limits.read_timeout)
    assert config.retries == {"mode": "standard", "total_max_attempts": limits.max_attempts}


def test_settings_read_no_secret_and_load_no_aws_library() -> None:
    """Neither ``import app`` nor the settings read a key: only the first use does (never at import time)."""
    code = (
        "import json, sys\nimport app\nfrom chalicelib.settings import get_settings\ns = get_settings()\n"
        "s.pii_keys, s.id_encryption_keys, s.jwt_secret_id\nprint(json.dumps(sorted(sys.modules)))"
    )
    loaded = set(json.loads(subprocess.check_output([sys.executable, "-c", code], cwd=ROOT)))
    assert {"boto3", "aws_lambda_powertools.utilities.parameters"} & loaded == set()
