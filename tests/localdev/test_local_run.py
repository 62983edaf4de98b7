"""`make run`'s process: starts, serves one origin, stops on Ctrl-C, and keeps data across restarts."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _call(url: str, body: dict | None = None, token: str | None = None) -> tuple[int, dict]:
    request = urllib.request.Request(url, data=json.dumps(body).encode() if body is not None else None)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (loopback only)
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def _fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (loopback only)
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _materials(url: str) -> dict[str, tuple[int, bytes]]:
    """Every demo material of organizer-demo, downloaded as the console does (link, then the file)."""
    token = _call(f"{url}/api/auth/login", {"username": "organizer-demo", "password": "Demo@2026"})[1]["token"]
    request = urllib.request.Request(f"{url}/api/sessions?limit=50", headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (loopback only)
        sessions = json.loads(response.read())["items"]
    found = {}
    for session in sessions:
        for material in session["materials"]:
            link = f"{url}/api/sessions/{session['session_id']}/materials/{material['kind']}"
            request = urllib.request.Request(link, headers={"Authorization": f"Bearer {token}"})
            with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (loopback only)
                found[f"{session['session_id']}/{material['kind']}"] = _fetch(json.loads(response.read())["url"])
    return found


class LocalRun:
    """``make run`` in a subprocess; ``host`` and ``env`` for ``make run LAN=1`` (tests/localdev/test_lan.py)."""

    def __init__(self, data: Path, host: str = "127.0.0.1", env: dict[str, str] | None = None) -> None:
        self.host = host
        self.port, self.moto_port = _free_port(), _free_port()
        environment = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("AWS_", "MOTO_")) and k not in ("LAN", "LAN_ADDRESS")
        }
        environment.update(PORT=str(self.port), MOTO_PORT=str(self.moto_port), CME_LOCAL_DATA=str(data), **(env or {}))
        self.process = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "localdev.run"],
            cwd=ROOT,
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.banner = ""
        deadline = time.monotonic() + 120
        while "Ctrl-C" not in self.banner:
            assert self.process.stdout is not None
            line = self.process.stdout.readline()
            assert line or self.process.poll() is None, self.banner
            self.banner += line
            assert time.monotonic() < deadline, self.banner

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def stop(self) -> int:
        self.process.send_signal(signal.SIGINT)
        return self.process.wait(timeout=30)


def test_data_created_survives_a_restart_and_ctrl_c_stops_cleanly(tmp_path: Path) -> None:
    first = LocalRun(tmp_path)
    try:
        assert f"{first.url}/" in first.banner and "office-demo" in first.banner and "Demo@2026" in first.banner
        assert "已写入演示数据" in first.banner
        status, body = _call(f"{first.url}/api/auth/login", {"username": "office-demo", "password": "Demo@2026"})
        assert status == 200
        token = body["token"]
        status, org = _call(
            f"{first.url}/api/organisations", {"name": "重启测试医院", "type": "hospital", "city": "南通"}, token
        )
        assert status == 201
        account = {
            "username": "restart-admin",
            "display_name": "重启",
            "role": "admin",
            "org_id": org["org_id"],
            "password": "Restart#2026",
        }
        assert _call(f"{first.url}/api/accounts", account, token)[0] == 201
        materials = _materials(first.url)
        assert materials and all(status == 200 for status, _ in materials.values()), materials
    finally:
        assert first.stop() == 0

    second = LocalRun(tmp_path)
    try:
        assert "数据来自上次运行" in second.banner
        status, body = _call(f"{second.url}/api/auth/login", {"username": "restart-admin", "password": "Restart#2026"})
        assert status == 200 and body["user"]["org_name"] == "重启测试医院"
        assert _call(f"{second.url}/api/auth/me", token=token)[0] == 200, "the local signing key is kept too"
        assert _materials(second.url) == materials, "materials uploaded before the restart still download"
    finally:
        assert second.stop() == 0
