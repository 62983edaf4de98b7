"""Issue #12, item 8: behind CloudFront the caller is the viewer of ``CloudFront-Viewer-Address``, believed only on
requests carrying the origin secret; requests that bypass CloudFront are refused when a secret is configured.

The local gateway plays CloudFront (it sets both headers from the client's socket); ``cloudfront=False`` makes it
pass a client's headers through untouched, as API Gateway does for a request sent to it directly. chalice's local
gateway reports one ``sourceIp`` (127.0.0.1) for everybody, as API Gateway reports CloudFront's address.
"""

from __future__ import annotations

import ipaddress
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from werkzeug.test import Client

from chalicelib.errors import Forbidden
from chalicelib.origin import client_address, client_key, viewer_ip
from chalicelib.services import budgets, certificates
from chalicelib.settings import get_settings

SECRET = "origin-secret-" + "o" * 40
REFUSED = {"error": {"code": "DIRECT_ACCESS_FORBIDDEN", "message": "请通过本系统的网址访问", "field": None}}


@pytest.fixture
def origin_secret(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("ORIGIN_VERIFY_SECRET", SECRET)
    get_settings.cache_clear()
    yield SECRET
    monkeypatch.delenv("ORIGIN_VERIFY_SECRET")
    get_settings.cache_clear()


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
    aws: None, origin_secret: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    direct = gateway(tmp_path, cloudfront=False)
    forged = {"CloudFront-Viewer-Address": "198.51.100.1:443"}
    for headers in ({}, forged, {**forged, "X-Origin-Verify": SECRET[:-1] + "x"}, {"X-Origin-Verify": ""}):
        assert query(direct, 1, headers=headers) == (403, REFUSED), headers
    response = direct.get("/api/health")
    assert response.status_code == 403 and json.loads(response.get_data(as_text=True)) == REFUSED
    # with the secret the request is CloudFront's, and its viewer address counts
    assert query(direct, 1, headers={**forged, "X-Origin-Verify": SECRET})[0] == 200
    assert query(direct, 2, headers={"X-Origin-Verify": SECRET})[0] == 200  # no viewer address: logged, sourceIp
    logged = capsys.readouterr().out + caplog.text
    assert "without a valid viewer address" in logged
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
    assert get_settings().origin_secrets == ()
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


def test_the_secret_is_compared_whole() -> None:
    headers = {"X-Origin-Verify": SECRET, "CloudFront-Viewer-Address": "203.0.113.9:1"}
    assert client_address(headers, "10.0.0.1", (SECRET,)) == "203.0.113.9"
    assert client_address({"x-origin-verify": SECRET}, "10.0.0.1", (SECRET,)) == "10.0.0.1"  # no viewer: sourceIp
    for sent in (SECRET + "x", SECRET[:-1], SECRET.upper(), "", "秘密"):
        with pytest.raises(Forbidden):
            client_address({**headers, "X-Origin-Verify": sent}, "10.0.0.1", (SECRET,))
    assert client_address(headers, "10.0.0.1", ()) == "10.0.0.1"  # no secret configured: sourceIp


def test_during_a_rotation_the_previous_secret_is_accepted_too(
    aws: None, origin_secret: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """CloudFront picks up a new secret only when the web stack updates: until then it sends the previous one."""
    new = "origin-secret-new-" + "n" * 40
    client = gateway(tmp_path, cloudfront=False)

    def health(sent: str) -> int:
        return client.get("/api/health", headers={"X-Origin-Verify": sent}).status_code

    monkeypatch.setenv("ORIGIN_VERIFY_SECRET", new)
    get_settings.cache_clear()
    assert (health(new), health(SECRET)) == (200, 403)  # the switch without the previous value: an outage
    monkeypatch.setenv("ORIGIN_VERIFY_PREVIOUS", SECRET)
    get_settings.cache_clear()
    assert (health(new), health(SECRET), health("origin-secret-" + "x" * 40)) == (200, 200, 403)
    monkeypatch.delenv("ORIGIN_VERIFY_PREVIOUS")
    get_settings.cache_clear()
    assert (health(new), health(SECRET)) == (200, 403)


def test_a_previous_secret_alone_or_a_short_one_is_refused_at_start(monkeypatch: pytest.MonkeyPatch) -> None:
    from chalicelib.settings import _origin_secrets

    monkeypatch.delenv("ORIGIN_VERIFY_SECRET", raising=False)
    monkeypatch.setenv("ORIGIN_VERIFY_PREVIOUS", SECRET)
    with pytest.raises(RuntimeError, match="beside ORIGIN_VERIFY_SECRET"):
        _origin_secrets()
    monkeypatch.setenv("ORIGIN_VERIFY_SECRET", SECRET)
    monkeypatch.setenv("ORIGIN_VERIFY_PREVIOUS", "short")
    with pytest.raises(RuntimeError, match="ORIGIN_VERIFY_PREVIOUS must be"):
        _origin_secrets()
