"""The whole system for browser tests: moto server, API and the built web app on free loopback ports."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def live_server() -> Iterator[str]:
    from chalicelib.container import reset
    from localdev.run import start

    web_root = ROOT / "web" / "dist"
    if not (web_root / "index.html").is_file() or not (web_root / "m" / "index.html").is_file():
        pytest.fail("web/dist is missing: run `npm run build` in web/ first (make test does)")
    saved = dict(os.environ)
    system = start(_free_port(), _free_port(), web_root, "browser-test-secret-" + "b" * 32, threaded=False)
    yield system.url
    system.stop()
    os.environ.clear()
    os.environ.update(saved)
    reset()
