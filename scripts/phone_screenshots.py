"""Screenshots of the attendee's phone pages (390×844, demo data) for the README: docs/phone-sign-in.png (the
sign-in form a scanned QR opens, partly filled), docs/phone-credits.png (个人年度学分查询 with a result) and
docs/phone-certificate.png (the certificate page a QR opens).

Dev only: `cd web && npm run build`, then `.venv/bin/python -m scripts.phone_screenshots` (starts the local system on
free loopback ports with its demo data, as the browser tests do; needs Chromium at /usr/bin/chromium and Playwright
from requirements-dev.txt, and `make fonts`: the machine may have no Chinese font, so the pages get Noto Sans SC
from chalicelib/fonts for the shot).
"""

from __future__ import annotations

import socket
import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
# A demo attendee of the held and granted session (localdev/seed.py DEMO_ATTENDEES).
NAME, ID_PREFIX = "李堃", "32050219900708262"
FONTS = {
    "regular": ROOT / "chalicelib/fonts/NotoSansSC-Regular-GB.ttf",
    "bold": ROOT / "chalicelib/fonts/NotoSansSC-Bold-GB.ttf",
}
# The pages' own fonts first (a phone has PingFang or its maker's), then Noto Sans SC served for the shot.
FONT_CSS = """
@font-face { font-family: 'Shot SC'; src: url('/__shot-fonts/regular'); font-weight: 400; }
@font-face { font-family: 'Shot SC'; src: url('/__shot-fonts/bold'); font-weight: 600 700; }
html, body { font-family: -apple-system, 'PingFang SC', 'Shot SC', sans-serif !important; }
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _id_number(prefix17: str) -> str:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return prefix17 + "10X98765432"[sum(int(d) * w for d, w in zip(prefix17, weights, strict=True)) % 11]


def _sign_in_url(context: Any, site: str) -> str:
    """The sign-in link of a session approved just now whose windows are open (as the browser tests make one)."""
    from tests.browser.helpers import api_login, approved_session_today

    sid, _ = approved_session_today(context.request, site, "心血管疾病诊疗新进展学习班")
    codes = context.request.get(
        f"{site}/api/sessions/{sid}/attendance/codes", headers=api_login(context.request, site, "organizer-demo")
    )
    return f"{site}{urlsplit(codes.json()['sign_in_url']).path}?{urlsplit(codes.json()['sign_in_url']).query}"


def main() -> int:
    from playwright.sync_api import sync_playwright

    from chalicelib.timeutil import CHINA
    from localdev.run import start

    web_root = ROOT / "web" / "dist"
    if not (web_root / "m" / "index.html").is_file():
        print("web/dist is missing: run `npm run build` in web/ first", file=sys.stderr)
        return 1
    year = (datetime.now(CHINA).date() - timedelta(days=3)).year  # the demo's held session
    system = start(_free_port(), _free_port(), web_root, "screenshots-secret-" + "s" * 32, threaded=False)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox"])
            context = browser.new_context(
                locale="zh-CN", viewport={"width": 390, "height": 844}, is_mobile=True, device_scale_factor=2
            )
            context.route(
                "**/__shot-fonts/*", lambda route: route.fulfill(path=FONTS[route.request.url.rsplit("/", 1)[1]])
            )
            page = context.new_page()
            page.goto(_sign_in_url(context, system.url.rstrip("/")))
            page.add_style_tag(content=FONT_CSS)
            page.locator("[data-test=id_number] input").wait_for()
            for field, value in (("name", "王小明"), ("id_number", _id_number("32010219900307123"))):
                page.locator(f"[data-test={field}] input").fill(value)
            page.locator("[data-test=mobile] input").fill("13812345678")
            page.evaluate("document.fonts.ready.then(() => true)")
            page.screenshot(path=str(DOCS / "phone-sign-in.png"))
            page.goto(f"{system.url.rstrip('/')}/m/credits")
            page.add_style_tag(content=FONT_CSS)  # kept across the app's own navigations (one page load)
            page.locator("[data-test=id_number] input").fill(_id_number(ID_PREFIX))
            page.locator("[data-test=name] input").fill(NAME)
            page.locator("select[data-test=year]").select_option(str(year))
            page.locator("[data-test=submit]").click()
            page.locator("[data-test=summary]").wait_for()
            page.evaluate("document.fonts.ready.then(() => true)")
            page.screenshot(path=str(DOCS / "phone-credits.png"))
            page.locator("[data-test=verify-link]").first.click()
            page.locator("[data-test=certificate-view]").wait_for()
            page.evaluate("document.fonts.ready.then(() => true)")
            page.screenshot(path=str(DOCS / "phone-certificate.png"))
            browser.close()
    finally:
        system.stop()
    print(f"wrote {DOCS / 'phone-sign-in.png'}, {DOCS / 'phone-credits.png'} and {DOCS / 'phone-certificate.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
