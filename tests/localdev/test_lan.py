"""`make run LAN=1` (issue #15 item 15): the address found without sending anything, the terminal QR code, the
files bucket's door, and the whole system served on 127.0.0.2 standing in for the LAN address.

Every request here goes to a loopback address (127.0.0.0/8); the detection's socket is a fake."""

from __future__ import annotations

import ipaddress
import json
import socket
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from localdev import lan
from tests.localdev.test_local_run import LocalRun, _call, _materials

LAN_ADDRESS = "127.0.0.2"


class FakeSocket:
    """A UDP socket that records what it is asked and sends nothing (it has no way to)."""

    def __init__(self, address: str = "192.168.31.20", fail: OSError | None = None) -> None:
        self.address, self.fail = address, fail
        self.calls: list[tuple[str, Any]] = []

    def __call__(self, family: int, kind: int) -> FakeSocket:
        self.calls.append(("socket", (family, kind)))
        return self

    def __enter__(self) -> FakeSocket:
        return self

    def __exit__(self, *_: Any) -> None:
        self.calls.append(("close", None))

    def connect(self, peer: tuple[str, int]) -> None:
        self.calls.append(("connect", peer))
        if self.fail is not None:
            raise self.fail

    def getsockname(self) -> tuple[str, int]:
        return self.address, 40000

    def __getattr__(self, name: str) -> Any:  # send, sendto…: any of them would be a packet
        raise AssertionError(f"the detection must not call socket.{name}")


def test_detection_connects_a_udp_socket_to_a_documentation_address_and_sends_nothing() -> None:
    fake = FakeSocket("192.168.31.20")
    assert lan.detect_address(fake) == "192.168.31.20"  # type: ignore[arg-type]
    assert fake.calls == [("socket", (socket.AF_INET, socket.SOCK_DGRAM)), ("connect", lan.PROBE), ("close", None)]
    assert ipaddress.ip_address(lan.PROBE[0]) in ipaddress.ip_network("192.0.2.0/24"), "TEST-NET-1: no host has it"


@pytest.mark.parametrize(
    "fail", [OSError(101, "Network is unreachable"), OSError(99, "Cannot assign requested address")]
)
def test_no_network_is_refused_with_a_chinese_message_naming_the_override(fail: OSError) -> None:
    with pytest.raises(lan.LanAddressError, match="LAN_ADDRESS"):
        lan.detect_address(FakeSocket(fail=fail))  # type: ignore[arg-type]


@pytest.mark.parametrize("found", ["127.0.0.1", "0.0.0.0"])
def test_a_detected_address_no_phone_can_reach_is_refused(found: str) -> None:
    with pytest.raises(lan.LanAddressError):
        lan.detect_address(FakeSocket(found))  # type: ignore[arg-type]


@pytest.mark.parametrize("given", ["0.0.0.0", "::1", "fe80::1", "192.168.1", "phone.local", "224.0.0.1", ""])
def test_an_override_must_be_one_ipv4_address_of_this_machine(given: str) -> None:
    with pytest.raises(lan.LanAddressError):
        lan.checked_address(given)


def test_loopback_is_the_default_and_asks_nothing_of_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_socket(*_: Any) -> None:
        raise AssertionError("no detection without LAN=1")

    monkeypatch.setattr(socket, "socket", no_socket)
    assert lan.bind_address({}) == lan.bind_address({"LAN": "0"}) == lan.bind_address({"LAN": ""}) == "127.0.0.1"
    assert lan.bind_address({"LAN": "1", "LAN_ADDRESS": " 127.0.0.2 "}) == "127.0.0.2"
    assert lan.bind_address({"LAN_ADDRESS": "10.1.2.3"}) == "10.1.2.3", "the override alone asks for LAN mode"


def test_lan_mode_without_an_override_detects(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeSocket("10.20.30.40")
    monkeypatch.setattr(socket, "socket", fake)
    assert lan.bind_address({"LAN": "1"}) == "10.20.30.40"
    monkeypatch.setattr(socket, "socket", FakeSocket(fail=OSError(101, "Network is unreachable")))
    with pytest.raises(lan.LanAddressError, match="未检测到局域网地址"):
        lan.bind_address({"LAN": "1"})


def _qr_modules(block: str) -> list[list[int]]:
    """The modules (1 dark) of a QR code printed by ``terminal_qr``: two rows a line, light modules drawn."""
    halves = {"█": (0, 0), "▄": (1, 0), "▀": (0, 1), "\xa0": (1, 1)}
    rows: list[list[int]] = []
    for line in block.splitlines():
        pairs = [halves[char] for char in line]
        rows += [[top for top, _ in pairs], [bottom for _, bottom in pairs]]
    return rows


def test_the_terminal_qr_code_holds_exactly_the_url() -> None:
    import qrcode

    url = "http://192.168.31.20:8000/m/"
    code = qrcode.QRCode(border=0, error_correction=qrcode.constants.ERROR_CORRECT_L)
    code.add_data(url)
    code.make(fit=True)
    n = code.modules_count
    printed = _qr_modules(lan.terminal_qr(url))
    border = 2
    assert [row[border : border + n] for row in printed[border : border + n]] == [
        [int(m) for m in row] for row in code.modules
    ]
    assert all(v == 0 for v in printed[0] + printed[1] + [row[0] for row in printed[: n + border]]), "a quiet zone"


@pytest.mark.parametrize(
    ("method", "path", "query", "allowed"),
    [
        ("GET", "/files/exports/abc/x.xlsx", "X-Amz-Signature=1", True),
        ("HEAD", "/files/sessions/s/notice/k", "", True),
        ("PUT", "/files/sessions/s/notice/k", "", True),
        ("POST", "/files", "", True),  # a presigned POST (form upload)
        ("OPTIONS", "/files", "", True),
        ("GET", "/files", "", False),  # listing
        ("GET", "/files/", "list-type=2", False),
        ("POST", "/files", "delete", False),  # DeleteObjects
        ("POST", "/files/k", "uploads", False),
        ("GET", "/other/k", "", False),
        ("POST", "/", "", False),  # DynamoDB, Secrets Manager, SES, SQS…
        ("GET", "/moto-api/", "", False),
    ],
)
def test_the_door_passes_only_the_bucket_objects_and_form_uploads(
    method: str, path: str, query: str, allowed: bool
) -> None:
    assert lan.door_allows(method, path, query, "files") is allowed


@pytest.mark.parametrize(
    ("method", "path", "query", "allowed"),
    [
        ("GET", "/files/exports/abc/x.xlsx", "X-Amz-Signature=1", True),  # a presigned link
        ("GET", "/files/exports/abc/x.xlsx", "", False),  # moto checks no signature: not without one
        ("POST", "/files", "", True),  # a presigned POST (form upload)
        ("OPTIONS", "/files/k", "", True),
        ("PUT", "/files/sessions/s/notice/k", "", False),  # overwrite someone's upload
        ("DELETE", "/files/sessions/s/notice/k", "", False),
        ("HEAD", "/files/sessions/s/notice/k", "", False),
    ],
)
def test_another_device_on_the_network_may_only_follow_links_and_upload(
    method: str, path: str, query: str, allowed: bool
) -> None:
    assert lan.door_allows(method, path, query, "files", trusted=False) is allowed


def _refused(url: str, data: bytes | None = None, headers: dict[str, str] | None = None) -> int:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data, headers or {}), timeout=10):  # noqa: S310
            return 200
    except urllib.error.HTTPError as error:
        return error.code


def test_make_run_lan_serves_qr_codes_links_and_files_on_the_lan_address(tmp_path: Path) -> None:
    import boto3
    import requests
    from botocore.config import Config

    system = LocalRun(tmp_path, LAN_ADDRESS, {"LAN": "1", "LAN_ADDRESS": LAN_ADDRESS})
    try:
        origin, door = system.url, f"http://{LAN_ADDRESS}:{system.moto_port}"
        phone = f"{origin}/m/"
        assert origin == f"http://127.0.0.2:{system.port}" and f"{origin}/" in system.banner
        assert phone in system.banner and lan.terminal_qr(phone) in system.banner, system.banner
        assert "任何人都能访问" in system.banner and "Demo@2026" in system.banner

        with pytest.raises(urllib.error.URLError):  # bound to the chosen address only
            urllib.request.urlopen(f"http://127.0.0.1:{system.port}/api/health", timeout=5)  # noqa: S310
        status, body = _call(f"{origin}/api/auth/login", {"username": "organizer-demo", "password": "Demo@2026"})
        assert status == 200
        token = body["token"]

        # QR codes and sign-in links name the LAN address
        status, listed = _call(f"{origin}/api/sessions?limit=50", token=token)
        approved = [s["session_id"] for s in listed["items"] if s["status"] == "approved"]
        assert approved, listed
        status, codes = _call(f"{origin}/api/sessions/{approved[0]}/attendance/codes", token=token)
        assert status == 200, codes
        assert codes["sign_in_url"].startswith(f"{origin}/m/in/{approved[0]}?t=")
        assert codes["sign_out_url"].startswith(f"{origin}/m/out/{approved[0]}?t=")

        # presigned material links point at the LAN address and download there
        request = urllib.request.Request(
            f"{origin}/api/sessions/{approved[0]}/materials/notice", headers={"Authorization": f"Bearer {token}"}
        )
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (loopback only)
            assert json.loads(response.read())["url"].startswith(f"{door}/cme-local-files/sessions/")
        materials = _materials(origin)
        assert materials and all(status == 200 for status, _ in materials.values()), materials

        # a phone's or console's upload: the presigned POST as the app signs it, through the door, with CORS
        s3 = boto3.client(
            "s3",
            endpoint_url=door,
            region_name="us-east-1",
            aws_access_key_id="local",
            aws_secret_access_key="local",  # noqa: S106 (moto's)
            config=Config(signature_version="s3v4"),
        )
        post = s3.generate_presigned_post(
            Bucket="cme-local-files", Key="sessions/lan-test/notice/k", Fields={"Content-Type": "application/pdf"}
        )
        assert post["url"] == f"{door}/cme-local-files"
        answer = requests.post(
            post["url"],
            data=post["fields"],
            files={"file": ("n.pdf", b"%PDF-1.4 lan")},
            headers={"Origin": origin},
            timeout=10,
        )
        assert answer.status_code == 204 and answer.headers["Access-Control-Allow-Origin"] == origin
        link = s3.generate_presigned_url(
            "get_object", Params={"Bucket": "cme-local-files", "Key": "sessions/lan-test/notice/k"}
        )
        assert requests.get(link, timeout=10).content == b"%PDF-1.4 lan"

        # the rest of moto (tables, key secrets, the bucket's listing) is not on the LAN address
        target = {"X-Amz-Target": "DynamoDB_20120810.ListTables", "Content-Type": "application/x-amz-json-1.0"}
        assert _refused(f"{door}/", b"{}", target) == 403
        secrets = {"X-Amz-Target": "secretsmanager.ListSecrets", "Content-Type": "application/x-amz-json-1.1"}
        assert _refused(f"{door}/", b"{}", secrets) == 403
        assert _refused(f"{door}/cme-local-files") == 403
        assert _refused(f"{door}/moto-api/data.json") == 403
    finally:
        assert system.stop() == 0


def test_make_run_lan_without_a_usable_address_stops_with_a_message(tmp_path: Path) -> None:
    import subprocess
    import sys

    from tests.localdev.test_local_run import ROOT

    result = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "localdev.run"],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "CME_LOCAL_DATA": str(tmp_path), "LAN": "1", "LAN_ADDRESS": "0.0.0.0"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2 and "无法以局域网模式启动" in result.stderr and "0.0.0.0" in result.stderr
