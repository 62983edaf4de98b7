"""The web app's titles and issuer come from the stage's configuration (GET /api/meta), not from the bundle: the
same built app serves 浙江 when the stage is configured for 浙江 (issue #14 item 1)."""

from __future__ import annotations

import os
import re
import socket
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import ROOT

ZHEJIANG = {
    "PROVINCE_NAME": "浙江省",
    "HOME_REGION": "33",
    "CERTIFICATE_PREFIX": "ZJ",
    "CERTIFICATE_ISSUER": "浙江省继续医学教育委员会办公室",
    "CONSOLE_TITLE": "浙江省继续医学教育学分管理系统",
    "PHONE_TITLE": "浙江省继续医学教育 手机服务",
}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def live_server() -> Iterator[str]:
    """The whole system, configured for 浙江 as its stack parameters would (this module's own)."""
    from chalicelib.container import reset
    from localdev.run import start

    saved = dict(os.environ)
    os.environ.update(ZHEJIANG)
    system = start(_free_port(), _free_port(), ROOT / "web" / "dist", "browser-test-secret-" + "z" * 32, threaded=False)
    yield system.url
    system.stop()
    os.environ.clear()
    os.environ.update(saved)
    reset()


def test_the_console_title_and_issuer_come_from_meta(page: Page, site: str) -> None:
    page.goto(f"{site}/login")
    expect(page.locator("[data-test=login-title]")).to_have_text("浙江省继续医学教育学分管理系统")
    expect(page.locator("[data-test=login-issuer]")).to_have_text("浙江省继续医学教育委员会办公室")
    expect(page).to_have_title(re.compile(r"^登录 - 浙江省继续医学教育学分管理系统$"))
    page.goto(f"{site}/query/projects")
    expect(page.locator("[data-test=public-product]")).to_have_text("浙江省继续医学教育学分管理系统")
    expect(page).to_have_title(re.compile(r"浙江省继续医学教育学分管理系统$"))
    assert "江苏" not in page.title()


def test_the_phone_title_and_issuer_come_from_meta(page: Page, site: str) -> None:
    page.goto(f"{site}/m/")
    expect(page.locator("[data-test=phone-title]")).to_have_text("浙江省继续医学教育 手机服务")
    expect(page.locator("[data-test=phone-issuer]")).to_have_text("浙江省继续医学教育委员会办公室")
    expect(page).to_have_title("浙江省继续医学教育 手机服务")
    page.goto(f"{site}/m/credits")
    expect(page).to_have_title("个人年度学分查询 - 浙江省继续医学教育 手机服务")
