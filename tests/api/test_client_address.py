"""Issue #12, item 8: behind CloudFront the caller is the viewer of ``CloudFront-Viewer-Address``, believed only on
requests carrying the origin secret; requests that bypass CloudFront are refused when a secret is configured.
Issue #14: the secret is read at run time from Secrets Manager (``ORIGIN_VERIFY_SECRET_ID``), its current and previous
versions accepted, so that a rotation is put-secret-value, wait, update the web stack.

The local gateway plays CloudFront (it sets both headers from the client's socket); ``cloudfront=False`` makes it
pass a client's headers through untouched, as API Gateway does for a request sent to it directly. chalice's local
gateway reports one ``sourceIp`` (127.0.0.1) for everybody, as API Gateway reports CloudFront's address.
"""

from __future__ import annotations

import ipaddress
import json
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import boto3
import pytest
from werkzeug.test import Client

from chalicelib import observability, secrets
from chalicelib.errors import Forbidden
from chalicelib.origin import client_address, client_key, viewer_ip
from chalicelib.services import budgets, certificates
from chalicelib.settings import get_settings
from localdev.aws import ORIGIN_SETTING, create_key_secrets

SECRET = "origin-secret-" + "o" * 40
REFUSED = {"error": {"code": "DIRECT_ACCESS_FORBIDDEN", "message": "请通过本系统的网址访问", "field": None}}


@pytest.fixture
def origin_secret(aws: None, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The stack's origin secret in (moto's) Secrets Manager holding ``SECRET``, named in ORIGIN_VERIFY_SECRET_ID."""
    names = create_key_secrets("cme-test", {ORIGIN_SETTING: SECRET})
    monkeypatch.setenv(ORIGIN_SETTING, names[ORIGIN_SETTING])
    get_settings.cache_clear()
    secrets.reset()
    yield SECRET
    monkeypatch.delenv(ORIGIN_SETTING)
    get_settings.cache_clear()
    secrets.reset()


def rotate(value: str) -> None:
    """An operator's put-secret-value (the new value AWSCURRENT, the old one AWSPREVIOUS), once the API's cache has
    expired (five minutes)."""
    boto3.client("secretsmanager").put_secret_value(SecretId=os.environ[ORIGIN_SETTING], SecretString=value)
    secrets.reset()


@pytest.fixture
def frozen_minute(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every query falls in one rate-limit minute, however slow the machine."""
    frozen = lambda: datetime(2026, 12, 10, 2, 0, 30, tzinfo=UTC)  # noqa: E731
    monkeypatch.setattr(certificates, "utc_now", frozen)
    monkeypatch.setattr(budgets, "utc_now", frozen)


def gateway(tmp: Path, *, cloudfront: bool) -> Client:
    from app import app
    from localdev.gateway import WebGateway

    return Client(WebGateway(app, tmp, cloudfront=cloudfront))


def query(client: Client, n: int, *, viewer: str = "127.0.0.1", headers: dict[str, str] | None = None) -> tuple:
    """Certificate query number ``n`` from ``viewer``'s socket: a different project and name each time, so only
    the per-address limit (not a budget per target, which is per project number and name) can stop it."""
    body = {"project_number": f"2026-99-{n:04d}", "name": "查询人", "id_number": "320102198503124515"}
    response = client.post(
        "/api/public/certificates/query",
        data=json.dumps(body),
        content_type="application/json",
        headers=headers or {},
        environ_overrides={"REMOTE_ADDR": viewer, "REMOTE_PORT": "50123"},
    )
    return response.status_code, json.loads(response.get_data(as_text=True))


def exhaust(client: Client, viewer: str, **extra: Any) -> None:
    """Use up ``viewer``'s look-ups of the minute; the next one is refused."""
    for n in range(certificates.QUERY_LIMIT):
        status, body = query(client, n, viewer=viewer, **extra)
        assert status == 200, body
    status, body = query(client, 999, viewer=viewer, **extra)
    assert status == 429 and body["error"]["code"] == "TOO_MANY_REQUESTS", body


def test_viewers_behind_one_source_address_are_counted_apart(
    aws: None, origin_secret: str, frozen_minute: None, tmp_path: Path
) -> None:
    """Two phones on one hospital NAT reach API Gateway from the same CloudFront address: the one that used up
    its look-ups is refused, the other is not."""
    client = gateway(tmp_path, cloudfront=True)
    exhaust(client, "203.0.113.7")
    status, body = query(client, 1, viewer="203.0.113.8")
    assert status == 200, body
    assert query(client, 2, viewer="2001:db8:5:6::1")[0] == 200


def test_ipv6_viewers_are_counted_by_their_64_network(
    aws: None, origin_secret: str, frozen_minute: None, tmp_path: Path
) -> None:
    client = gateway(tmp_path, cloudfront=True)
    for n in range(certificates.QUERY_LIMIT):
        assert query(client, n, viewer=f"2001:db8:1:2::{n + 1:x}")[0] == 200  # a new address of the same /64
    assert query(client, 999, viewer="2001:db8:1:2:ffff::9")[0] == 429
    assert query(client, 1000, viewer="2001:db8:1:3::1")[0] == 200


def test_requests_that_bypass_cloudfront_are_refused(
    aws: None,
    origin_secret: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    direct = gateway(tmp_path, cloudfront=False)
    forged = {"CloudFront-Viewer-Address": "198.51.100.1:443"}
    for headers in ({}, forged, {**forged, "X-Origin-Verify": SECRET[:-1] + "x"}, {"X-Origin-Verify": ""}):
        assert query(direct, 1, headers=headers) == (403, REFUSED), headers
    response = direct.get("/api/health")
    assert response.status_code == 403 and json.loads(response.get_data(as_text=True)) == REFUSED
    # with the secret the request is CloudFront's, and its viewer address counts
    assert query(direct, 1, headers={**forged, "X-Origin-Verify": SECRET})[0] == 200
    flushes: list[dict[str, float]] = []
    flush = observability.flush_metrics
    monkeypatch.setattr(observability, "flush_metrics", lambda: flushes.append(flush()) or flushes[-1])
    assert query(direct, 2, headers={"X-Origin-Verify": SECRET})[0] == 200  # no viewer address: logged, sourceIp
    logged = capsys.readouterr().out + caplog.text
    assert "without a valid viewer address" in logged
    assert {"ViewerAddressMissing": 1} in flushes, "counted, so the alarm viewer-address-missing can fire"
    assert SECRET not in logged and SECRET[:-1] not in logged  # neither the secret nor a near miss is logged


def test_a_client_cannot_choose_its_address_through_cloudfront(
    aws: None, origin_secret: str, frozen_minute: None, tmp_path: Path
) -> None:
    """CloudFront (the local gateway) overwrites a viewer address and an origin header sent by the client."""
    client = gateway(tmp_path, cloudfront=True)
    exhaust(client, "203.0.113.7")
    for n, fake in enumerate(("198.51.100.1:443", "198.51.100.2:443", "[2001:db8::9]:443")):
        headers = {"CloudFront-Viewer-Address": fake, "X-Origin-Verify": "anything"}
        assert query(client, 100 + n, viewer="203.0.113.7", headers=headers)[0] == 429


def test_without_an_origin_secret_a_forged_viewer_address_is_ignored(
    aws: None, frozen_minute: None, tmp_path: Path
) -> None:
    """Local runs and stages without CloudFront count API Gateway's sourceIp: a header naming another viewer
    changes nothing."""
    assert get_settings().origin_secret_id == ""
    direct = gateway(tmp_path, cloudfront=False)
    exhaust(direct, "127.0.0.1", headers={"CloudFront-Viewer-Address": "198.51.100.1:443"})
    status, _ = query(direct, 1, headers={"CloudFront-Viewer-Address": "198.51.100.2:443"})
    assert status == 429


@pytest.mark.parametrize(
    ("header", "address"),
    [
        ("198.51.100.10:46532", "198.51.100.10"),
        (" 198.51.100.10:443 ", "198.51.100.10"),
        ("2001:db8::1:443", "2001:db8::1"),  # CloudFront writes IPv6 unbracketed, the port after the last colon
        ("2001:db8:85a3::8a2e:370:7334:50123", "2001:db8:85a3::8a2e:370:7334"),
        ("[2001:db8::1]:443", "2001:db8::1"),
        ("::ffff:198.51.100.10:443", "198.51.100.10"),
        ("198.51.100.10", None),  # no port
        ("198.51.100.10:", None),
        ("198.51.100.10:99999", None),
        ("198.51.100.10:４４３", None),  # full-width digits are not a port
        ("[2001:db8::1]443", None),
        ("example.com:443", None),
        ("", None),
    ],
)
def test_viewer_address_format(header: str, address: str | None) -> None:
    parsed = viewer_ip(header)
    assert (str(parsed) if parsed else None) == address
    if address:
        assert parsed == ipaddress.ip_address(address)


def test_client_keys() -> None:
    assert client_key("198.51.100.10") == "198.51.100.10"
    assert client_key("2001:db8:1:2:3:4:5:6") == "2001:db8:1:2::/64"
    assert client_key("::ffff:198.51.100.10") == "198.51.100.10"
    assert client_key("") == client_key("not an address") == "unknown"


def test_the_secret_is_compared_whole(origin_secret: str) -> None:
    secret_id = os.environ[ORIGIN_SETTING]
    headers = {"X-Origin-Verify": SECRET, "CloudFront-Viewer-Address": "203.0.113.9:1"}
    assert client_address(headers, "10.0.0.1", secret_id) == "203.0.113.9"
    assert client_address({"x-origin-verify": SECRET}, "10.0.0.1", secret_id) == "10.0.0.1"  # no viewer: sourceIp
    for sent in (SECRET + "x", SECRET[:-1], SECRET.upper(), "", "秘密"):
        with pytest.raises(Forbidden):
            client_address({**headers, "X-Origin-Verify": sent}, "10.0.0.1", secret_id)
    assert client_address(headers, "10.0.0.1", "") == "10.0.0.1"  # no secret configured: sourceIp


def test_during_a_rotation_the_previous_secret_is_accepted_too(origin_secret: str, tmp_path: Path) -> None:
    """put-secret-value makes the new value current and keeps the old one as AWSPREVIOUS: CloudFront picks up the new
    value only when the web stack updates, and until then its requests carry the previous one. A value older than the
    previous one is refused."""
    new, newer = "origin-secret-new-" + "n" * 40, "origin-secret-newer-" + "m" * 40
    client = gateway(tmp_path, cloudfront=False)

    def health(sent: str) -> int:
        return client.get("/api/health", headers={"X-Origin-Verify": sent}).status_code

    rotate(new)
    assert (health(new), health(SECRET), health("origin-secret-" + "x" * 40)) == (200, 200, 403)
    rotate(newer)
    assert (health(newer), health(new), health(SECRET)) == (200, 200, 403)
    assert health("") == 403


def test_a_secret_never_rotated_has_no_previous_value(
    origin_secret: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a first deploy the secret has no AWSPREVIOUS version: the current value is accepted, anything else refused
    (403, not 503), and the missing version is not asked for again on every refused request."""
    calls: list[str] = []
    monkeypatch.setattr(boto3, "DEFAULT_SESSION", None)  # a fresh one, so that the secrets' client gets the hook
    boto3.setup_default_session()
    assert boto3.DEFAULT_SESSION is not None
    boto3.DEFAULT_SESSION.events.register(
        "before-parameter-build.secrets-manager.GetSecretValue",
        lambda params, **_: calls.append(params.get("VersionStage", "")),
    )
    secrets.reset()
    client = gateway(tmp_path, cloudfront=False)

    def health(sent: str) -> int:
        return client.get("/api/health", headers={"X-Origin-Verify": sent}).status_code

    assert [health(SECRET) for _ in range(3)] == [200] * 3
    assert calls == ["AWSCURRENT"], "one read per container and max age"
    assert [health("origin-secret-" + "y" * 40) for _ in range(3)] == [403] * 3
    assert calls == ["AWSCURRENT", "AWSPREVIOUS"], "the missing previous version is remembered"


def test_a_retired_setting_or_a_short_secret_is_refused(
    origin_secret: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The values themselves never travel in the environment any more; a secret a guess could find serves nothing."""
    from chalicelib.settings import _origin_secret_id

    for retired in ("ORIGIN_VERIFY_SECRET", "ORIGIN_VERIFY_PREVIOUS"):
        monkeypatch.setenv(retired, SECRET)
        with pytest.raises(RuntimeError, match=f"{retired} is no longer read"):
            _origin_secret_id()
        monkeypatch.delenv(retired)
    rotate("short")
    response = gateway(tmp_path, cloudfront=False).get("/api/health", headers={"X-Origin-Verify": "short"})
    assert response.status_code == 500
