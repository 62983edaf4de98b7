"""Accessible phone pages (issue #15, item 14), at 390x844: on every /m/ page and state (home, sign-in form and its
result, a refused code, sign-out's look-up, identity check, questionnaire and result, person credits with an
answer, page not found, the certificate query, its result, the certificate page and WeChat's guide)
axe-core (wcag2a, wcag2aa) finds no serious or critical violation, all text is at least
14 px, and every touch target is at least 44 x 44 CSS px.

The target rule (WCAG 2.5.5, target size): an interactive element (link, button, form control, element with a
role of button/radio/checkbox/tab/link, or focusable by tabindex) must have a box at least 44 px tall and 44 px
wide. A control whose own box is smaller counts when the box that activates it (its label, the row that holds it)
is that large: the element is measured together with its nearest `label`, `.van-radio`, `.van-checkbox`,
`.van-cell` or `button` ancestor.

axe.min.js comes from web/node_modules/axe-core (a devDependency) or the file named by CME_AXE_JS; the test fails,
never skips, when neither is there."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import APIRequestContext, Browser, Page, expect

from tests.browser.helpers import CHINA, api_login, approved_session_today, id_number, unique
from tests.browser.test_selfservice import query
from tests.browser.test_selfservice import wechat as wechat  # the WeChat phone, a fixture

ROOT = Path(__file__).resolve().parents[2]
MIN_FONT_PX = 14
MIN_TARGET_PX = 44


def _axe_path() -> Path:
    named = os.environ.get("CME_AXE_JS")
    for candidate in ([Path(named)] if named else []) + [ROOT / "web" / "node_modules" / "axe-core" / "axe.min.js"]:
        if candidate.is_file():
            return candidate
    pytest.fail("axe-core is missing: `npm ci` in web/ installs it (or set CME_AXE_JS to an axe.min.js)")


_MEASURE = """([minFont, minTarget]) => {
  const visible = (el) => {
    const r = el.getBoundingClientRect()
    const s = getComputedStyle(el)
    return r.width > 1 && r.height > 1 && s.visibility !== 'hidden' && s.display !== 'none' && s.opacity !== '0'
  }
  const name = (el) => {
    const cls = typeof el.className === 'string' && el.className ? '.' + el.className.trim().replace(/\\s+/g, '.') : ''
    return `${el.tagName.toLowerCase()}${cls} "${(el.textContent || el.value || '').trim().slice(0, 30)}"`
  }
  const small = []
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
  const seen = new Set()
  while (walker.nextNode()) {
    const el = walker.currentNode.parentElement
    if (!walker.currentNode.textContent.trim() || !el || seen.has(el) || !visible(el)) continue
    seen.add(el)
    const size = parseFloat(getComputedStyle(el).fontSize)
    if (size < minFont) small.push(`${name(el)}: ${size}px`)
  }
  for (const el of document.querySelectorAll('input:not([type=hidden]), textarea, select')) {
    if (!visible(el)) continue
    const size = parseFloat(getComputedStyle(el).fontSize)
    if (size < minFont) small.push(`${name(el)}: ${size}px`)
  }
  const targets = []
  const interactive = 'a[href], button, input:not([type=hidden]), select, textarea, [role=button], [role=radio],' +
    ' [role=checkbox], [role=tab], [role=link], [tabindex]:not([tabindex="-1"])'
  for (const el of document.querySelectorAll(interactive)) {
    if (!visible(el) || el.closest('.van-toast')) continue // a passing message, focusable only to be read
    const r = el.getBoundingClientRect()
    const holder = el.closest('label, .van-radio, .van-checkbox, .van-cell, button') || el
    const h = holder.getBoundingClientRect()
    const width = Math.max(r.width, h.width)
    const height = Math.max(r.height, h.height)
    if (width < minTarget - 0.5 || height < minTarget - 0.5)
      targets.push(`${name(el)}: ${Math.round(width)}x${Math.round(height)}`)
  }
  return { small, targets }
}"""


def check_page(phone: Page, what: str) -> None:
    """axe (wcag2a, wcag2aa: no serious or critical violation), text >= 14 px, targets >= 44 x 44 px."""
    phone.wait_for_load_state("load")
    # Measured mid-transition (an overlay fading in), colours blend and contrast fails at random: wait them out.
    phone.wait_for_function("document.getAnimations().every((a) => a.playState !== 'running')")
    if not phone.evaluate("typeof window.axe === 'object'"):
        phone.add_script_tag(path=str(_axe_path()))
    result: dict[str, Any] = phone.evaluate(
        "() => axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] },"
        " resultTypes: ['violations'] })"
    )
    bad = [
        f"{v['id']} ({v['impact']}): {v['help']} — " + "; ".join(n["html"][:120] for n in v["nodes"][:4])
        for v in result["violations"]
        # meta-viewport is only "moderate" to axe, but a page that cannot be zoomed fails WCAG 1.4.4 all the same.
        if v["impact"] in ("serious", "critical") or v["id"] == "meta-viewport"
    ]
    measured: dict[str, list[str]] = phone.evaluate(_MEASURE, [MIN_FONT_PX, MIN_TARGET_PX])
    problems = (
        [f"axe {b}" for b in bad]
        + [f"text under {MIN_FONT_PX}px: {s}" for s in measured["small"]]
        + [f"target under {MIN_TARGET_PX}x{MIN_TARGET_PX}px: {t}" for t in measured["targets"]]
    )
    assert not problems, f"{what}:\n" + "\n".join(problems)


@pytest.fixture
def request_ctx(chromium: Browser) -> Iterator[APIRequestContext]:
    context = chromium.new_context()
    yield context.request
    context.close()


def test_axe_is_there() -> None:
    assert _axe_path().stat().st_size > 100_000


def test_the_attendance_pages_are_accessible(phone: Page, site: str, request_ctx: APIRequestContext) -> None:
    sid, _ = approved_session_today(request_ctx, site, unique("无障碍测试项目"))
    codes = request_ctx.get(
        f"{site}/api/sessions/{sid}/attendance/codes", headers=api_login(request_ctx, site, "organizer-demo")
    )
    assert codes.ok, codes.text()
    sign_in = re.sub(r"^https?://[^/]+", "", codes.json()["sign_in_url"])
    sign_out = re.sub(r"^https?://[^/]+", "", codes.json()["sign_out_url"])

    phone.goto(f"{site}/m/")
    expect(phone.locator("[data-test=credits-link]")).to_be_visible()
    check_page(phone, "home")

    phone.goto(f"{site}{sign_in}")
    expect(phone.locator("[data-test=submit]")).to_be_visible()
    check_page(phone, "sign-in form")
    phone.locator("[data-test=submit]").click()  # nothing filled: every field says what is wrong
    expect(phone.locator(".van-field__error-message").first).to_be_visible()
    check_page(phone, "sign-in form with its errors")

    phone.locator("[data-test=id_number] input").fill(id_number("32010219900307555"))
    expect(phone.locator("[data-test=gender-derived]")).to_be_visible()
    for test_id, value in (
        ("name", "无障碍"),
        ("mobile", "13912340005"),
        ("unit", "南京市第一医院"),
        ("department", "心内科"),
        ("region", "南京市"),
        ("title", "主治医师"),
    ):
        phone.locator(f"[data-test={test_id}] input").fill(value)
    phone.locator("[data-test=grassroots]").get_by_text("否", exact=True).click()
    phone.locator("[data-test=submit]").click()
    expect(phone.locator("[data-test=status-title]")).to_have_text("签到成功")
    check_page(phone, "sign-in result")
    phone.goto(f"{site}{sign_in}")  # scanned again: the form comes back filled, and the answer is 已签到
    phone.locator("[data-test=submit]").click()
    expect(phone.locator("[data-test=status-title]")).to_have_text("已签到")
    check_page(phone, "sign-in result of a repeat")

    phone.goto(f"{site}/m/in/{sid}?t=1.bogus")
    expect(phone.locator("[data-test=status-title]")).to_have_text("二维码无效")
    check_page(phone, "sign-in with a refused code")
    phone.goto(f"{site}/m/out/{sid}")
    expect(phone.locator("[data-test=status-title]")).to_have_text("无法签退")
    check_page(phone, "sign-out link without its code")

    phone.goto(f"{site}{sign_out}")
    expect(phone.locator("[data-test=lookup]")).to_be_visible()
    check_page(phone, "sign-out look-up")
    phone.locator("[data-test=switch-by]").click()
    expect(phone.locator("[data-test=lookup-id]")).to_be_visible()
    check_page(phone, "sign-out look-up by ID number")
    phone.locator("[data-test=switch-by]").click()
    phone.locator("[data-test=lookup]").click()
    expect(phone.locator("[data-test=confirm]")).to_be_visible()
    check_page(phone, "sign-out identity check")
    phone.locator("[data-test=confirm-next]").click()
    questions = phone.locator("[data-test^=question-q]")
    expect(questions.first).to_be_visible()
    phone.locator("[data-test=sign-out]").click()  # unanswered: the questions say so
    expect(phone.locator("[data-test=question-error]").first).to_be_visible()
    check_page(phone, "sign-out questionnaire")
    for i in range(questions.count()):
        q = questions.nth(i)
        if q.locator(".van-checkbox").count():
            q.locator(".van-checkbox").nth(0).click()
            q.locator(".van-checkbox").nth(1).click()
        else:
            q.locator(".van-radio").first.click()
    phone.locator("[data-test=sign-out]").click()
    expect(phone.locator("[data-test=status-title]")).to_have_text("签退成功")
    check_page(phone, "sign-out result")

    phone.goto(f"{site}/m/nothing-here")
    expect(phone.locator("body")).to_contain_text("页面不存在")
    check_page(phone, "page not found")


def test_the_person_credits_page_is_accessible(phone: Page, site: str) -> None:
    from datetime import datetime, timedelta

    year = str((datetime.now(CHINA).date() - timedelta(days=3)).year)  # the demo's granted session (seed.py)
    phone.goto(f"{site}/m/credits")
    expect(phone.locator("[data-test=credits-title]")).to_have_text("个人年度学分查询")
    check_page(phone, "person credits form")
    phone.locator("[data-test=id_number] input").fill(id_number("32050219900708262"))
    phone.locator("[data-test=name] input").fill("李坤")  # not the name: nothing found
    phone.locator("select[data-test=year]").select_option(year)
    phone.locator("[data-test=submit]").click()
    expect(phone.locator("[data-test=failure]")).to_be_visible()
    check_page(phone, "person credits, nothing found")
    phone.locator("[data-test=name] input").fill("李堃")
    phone.locator("[data-test=submit]").click()
    expect(phone.locator("[data-test=certificates]")).to_be_visible()
    check_page(phone, "person credits with the year's credits")


def test_the_self_service_certificate_pages_are_accessible(phone: Page, wechat: Page, site: str) -> None:
    """学员证书查询, its results, the certificate page a QR opens, and WeChat's 在浏览器打开 guide."""
    phone.goto(f"{site}/m/certificates")
    expect(phone.locator("[data-test=cert-query-submit]")).to_be_visible()
    check_page(phone, "certificate query form")
    query(phone, site)
    result = phone.locator("[data-test=cert-result]")
    expect(result).to_have_count(1)
    check_page(phone, "certificate query with its result")
    result.locator("[data-test=cert-view]").click()
    expect(phone.locator("[data-test=certificate-view]")).to_be_visible()
    check_page(phone, "certificate page")

    query(wechat, site)
    wechat.locator("[data-test=cert-result] [data-test=cert-download]").click()
    expect(wechat.locator("[data-test=wechat-guide]")).to_be_visible()
    check_page(wechat, "WeChat's 在浏览器打开 guide")
