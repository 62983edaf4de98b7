"""Browser tests of the 签到二维码 panel (organizer), the projector page, what reviewers see of the windows,
and the windows preview of the session form."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from tests.browser.helpers import approved_session_today, draft_session, login, unique

SVG_DATA = re.compile(r"^data:image/svg\+xml")


@pytest.fixture(scope="module")
def approved(chromium: Browser, live_server: str) -> dict[str, str]:
    """An approved session held today with both codes open: its id, project name and expected windows
    (block 08:00-17:00 China time, windows from the day before to the day after)."""
    context = chromium.new_context()
    name = unique("二维码测试项目")
    sid, day = approved_session_today(context.request, live_server.rstrip("/"), name)
    context.close()
    before, after = day - dt.timedelta(days=1), day + dt.timedelta(days=1)
    return {
        "sid": sid,
        "name": name,
        "in_opens": f"{before} 08:00",
        "out_opens": f"{before} 17:00",
        "closes": f"{after} 17:00",
    }


def test_organizer_sees_both_codes_downloads_the_poster_and_projects_a_code(
    page: Page, site: str, approved: dict[str, str]
) -> None:
    login(page, site, "organizer-demo")
    page.goto(f"{site}/sessions/{approved['sid']}")
    panel = page.locator("[data-test=attendance-codes]")
    sign_in = panel.locator("[data-test=attendance-code-in]")
    sign_out = panel.locator("[data-test=attendance-code-out]")
    for code in (sign_in, sign_out):
        expect(code.locator("img[data-test=attendance-code-image]")).to_have_attribute("src", SVG_DATA)
        expect(code.locator("[data-test=attendance-code-state]")).to_have_text("开放中")
    closes = approved["closes"]
    expect(sign_in.locator("[data-test=attendance-code-window]")).to_contain_text(
        f"签到时段 {approved['in_opens']}–{closes}（北京时间）"
    )
    expect(sign_out.locator("[data-test=attendance-code-window]")).to_contain_text(
        f"签退时段 {approved['out_opens']}–{closes}（北京时间）"
    )
    # What the refresh does and when, in words (counting to the refresh), not a clock-like countdown.
    for code in (sign_in, sign_out):
        expect(code.locator("[data-test=attendance-code-refresh]")).to_contain_text("二维码每1天更新，")
    expect(sign_in.locator("input[data-test=attendance-code-url]")).to_have_value(
        re.compile(rf"/m/in/{approved['sid']}\?t=")
    )

    # A4 poster: a PDF naming the project.
    with page.expect_download() as download:
        sign_in.locator("[data-test=attendance-code-pdf]").click()
    assert download.value.suggested_filename.endswith(".pdf")
    poster = PdfReader(download.value.path())
    text = "".join(p.extract_text() for p in poster.pages)
    assert approved["name"] in text
    assert "签到" in text

    # 投屏显示: the projector page in a new tab, with the code and the project name.
    with page.context.expect_page() as opened:
        sign_out.locator("[data-test=attendance-code-projector]").click()
    projector = opened.value
    expect(projector).to_have_url(re.compile(rf"/sessions/{approved['sid']}/projector/out"))
    expect(projector.locator("[data-test=projector-project]")).to_have_text(approved["name"])
    expect(projector.locator("[data-test=projector-kind]")).to_have_text("签退二维码")
    expect(projector.locator("img[data-test=projector-qr]")).to_have_attribute("src", SVG_DATA)
    expect(projector.locator("[data-test=projector-window]")).to_contain_text(approved["out_opens"])
    expect(projector.locator("[data-test=projector-countdown]")).to_contain_text("二维码每1天更新，")
    projector.close()


def test_office_sees_the_windows_but_no_codes(page: Page, site: str, approved: dict[str, str]) -> None:
    login(page, site, "office-demo")
    page.goto(f"{site}/sessions/{approved['sid']}")
    settings = page.locator("[data-test=session-attendance-settings]")
    expect(settings.locator("[data-test=attendance-refresh-label]")).to_have_text("1天")
    expect(settings.locator("[data-test=attendance-window-in]")).to_contain_text(approved["in_opens"])
    expect(settings.locator("[data-test=attendance-window-in]")).to_contain_text(approved["closes"])
    expect(settings.locator("[data-test=attendance-window-out]")).to_contain_text(approved["out_opens"])
    expect(page.locator("[data-test=session-status]")).to_have_text("审核通过")
    expect(page.locator("[data-test=attendance-codes]")).to_have_count(0)
    expect(page.locator("[data-test=attendance-code-image]")).to_have_count(0)


def test_form_preview_follows_the_mode_and_the_offsets(chromium: Browser, page: Page, site: str) -> None:
    context = chromium.new_context()
    year = dt.datetime.now(dt.timezone(dt.timedelta(hours=8))).year
    days = [f"{year}-06-01", f"{year}-06-02"]
    sid = draft_session(context.request, site, unique("设置预览项目"), days)
    context.close()
    login(page, site, "organizer-demo")
    page.goto(f"{site}/sessions/{sid}/edit")
    preview = page.locator("[data-test=attendance-preview]")
    # Defaults, whole session: sign-in from 60 minutes before the first block to the end of the last one.
    expect(preview.locator("[data-test=attendance-window-in]")).to_contain_text(f"{days[0]} 07:00")
    expect(preview.locator("[data-test=attendance-window-in]")).to_contain_text(f"{days[1]} 17:00")
    expect(preview.locator("tbody tr")).to_have_count(2)

    page.locator("[data-test=attendance-mode-daily]").click()
    expect(preview.locator("tbody tr")).to_have_count(4)
    for day in days:
        expect(preview.locator(f"[data-test=attendance-window-in-{day}]")).to_contain_text(f"{day} 07:00")
        expect(preview.locator(f"[data-test=attendance-window-out-{day}]")).to_contain_text(f"{day} 19:00")

    opens_before = page.locator("[data-test=attendance-sign-in-opens-before] input")
    opens_before.fill("90")
    opens_before.press("Tab")
    expect(preview.locator(f"[data-test=attendance-window-in-{days[1]}]")).to_contain_text(f"{days[1]} 06:30")
