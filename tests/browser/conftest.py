"""The whole system for browser tests: moto server, API and the built web app on free loopback ports."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


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


@pytest.fixture
def site(live_server: str) -> str:
    """Base URL of the running system, without a trailing slash."""
    return live_server.rstrip("/")


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# Every wait (actions, navigation, expect) allows for a busy CI machine: waits end on the state, not the clock,
# so a generous ceiling costs nothing when the machine is fast.
UI_TIMEOUT_MS = 30_000
expect.set_options(timeout=UI_TIMEOUT_MS)


def _open_page(chromium: Browser, **context_options: object) -> Iterator[Page]:
    context = chromium.new_context(locale="zh-CN", **context_options)
    context.set_default_timeout(UI_TIMEOUT_MS)
    context.set_default_navigation_timeout(UI_TIMEOUT_MS)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


@pytest.fixture
def page(chromium: Browser, site: str) -> Iterator[Page]:
    """The desktop console."""
    yield from _open_page(chromium, viewport={"width": 1366, "height": 900})


@pytest.fixture
def phone(chromium: Browser) -> Iterator[Page]:
    """An attendee's phone."""
    yield from _open_page(chromium, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
