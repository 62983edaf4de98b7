"""Phone sign-in and sign-out on the networks of a lecture hall (issue #15, item 12), at 390x844: a slow 3G link
(Chromium's network emulation), a phone that goes offline and comes back, a server that answers 503 twice, an
answer lost on the way back. Each submit completes, the page says what is happening, the form survives a reload,
and the attendee is recorded exactly once (checked through the organiser's API). No fixed sleeps: every wait ends
on a condition."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import APIRequestContext, Browser, Page, Route, expect

from tests.browser.helpers import api_login, approved_session_today, id_number, unique

# Chromium DevTools' "Slow 3G": 400 ms round trip x 5, 500 kbit/s x 0.8 both ways.
SLOW_3G = {"offline": False, "latency": 2000, "downloadThroughput": 50_000, "uploadThroughput": 50_000}
SLOW_TIMEOUT_MS = 90_000


@pytest.fixture
def request_ctx(chromium: Browser) -> Iterator[APIRequestContext]:
    context = chromium.new_context()
    yield context.request
    context.close()


def _session(request: APIRequestContext, site: str) -> dict[str, str]:
    """A fresh approved session open now: its id and its sign-in / sign-out paths (with the codes' tokens)."""
    sid, _ = approved_session_today(request, site, unique("网络测试项目"))
    codes = request.get(
        f"{site}/api/sessions/{sid}/attendance/codes", headers=api_login(request, site, "organizer-demo")
    )
    assert codes.ok, codes.text()
    strip = lambda url: re.sub(r"^https?://[^/]+", "", url)  # noqa: E731 - the system's own origin may differ
    return {"sid": sid, "in": strip(codes.json()["sign_in_url"]), "out": strip(codes.json()["sign_out_url"])}


def _roster(request: APIRequestContext, site: str, sid: str) -> list[dict]:
    res = request.get(
        f"{site}/api/sessions/{sid}/attendance/attendees", headers=api_login(request, site, "organizer-demo")
    )
    assert res.ok, res.text()
    items: list[dict] = res.json()["items"]
    return items


def _fill_sign_in(phone: Page, person: str, name: str, mobile: str) -> None:
    fields = phone.locator("[data-test=id_number] input")
    fields.fill(person)
    expect(phone.locator("[data-test=gender-derived]")).to_be_visible()
    for test_id, value in (
        ("name", name),
        ("mobile", mobile),
        ("unit", "南京市第一医院"),
        ("department", "心内科"),
        ("region", "南京市"),
        ("title", "主治医师"),
    ):
        phone.locator(f"[data-test={test_id}] input").fill(value)
    phone.locator("[data-test=grassroots]").get_by_text("否", exact=True).click()


def test_sign_in_completes_on_slow_3g(phone: Page, site: str, request_ctx: APIRequestContext) -> None:
    links = _session(request_ctx, site)
    cdp = phone.context.new_cdp_session(phone)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW_3G)
    phone.goto(f"{site}{links['in']}", timeout=SLOW_TIMEOUT_MS)
    expect(phone.locator("[data-test=id_number] input")).to_be_visible(timeout=SLOW_TIMEOUT_MS)
    _fill_sign_in(phone, id_number("32010219900307111"), "慢网甲", "13912340001")
    phone.locator("[data-test=submit]").click()
    expect(phone.locator("[data-test=submit]")).to_contain_text("正在提交…")
    expect(phone.locator("[data-test=status-title]")).to_have_text("签到成功", timeout=SLOW_TIMEOUT_MS)
    assert [a["name"] for a in _roster(request_ctx, site, links["sid"])] == ["慢网甲"]


def test_the_form_survives_a_reload_and_an_offline_submit_is_sent_once_online(
    phone: Page, site: str, request_ctx: APIRequestContext
) -> None:
    links = _session(request_ctx, site)
    person = id_number("32010219900307222")
    phone.goto(f"{site}{links['in']}")
    _fill_sign_in(phone, person, "离线乙", "13912340002")
    phone.reload()
    # Everything typed is back after the reload (this tab's draft), the ID number included.
    expect(phone.locator("[data-test=name] input")).to_have_value("离线乙")
    expect(phone.locator("[data-test=id_number] input")).to_have_value(person)
    expect(phone.locator("[data-test=mobile] input")).to_have_value("13912340002")
    expect(phone.locator("[data-test=unit] input")).to_have_value("南京市第一医院")
    expect(phone.locator("[data-test=grassroots] [aria-checked=true]")).to_have_text("否")
    assert phone.evaluate("localStorage.getItem('cme.attendee')") is None, "the draft is not kept beyond the tab"

    phone.context.set_offline(True)
    phone.locator("[data-test=submit]").click()
    expect(phone.locator("[data-test=submit]")).to_contain_text("已离线，恢复网络后自动提交")
    assert _roster(request_ctx, site, links["sid"]) == []
    phone.context.set_offline(False)
    expect(phone.locator("[data-test=status-title]")).to_have_text("签到成功")
    rows = _roster(request_ctx, site, links["sid"])
    assert [a["name"] for a in rows] == ["离线乙"]
    assert phone.evaluate(f"sessionStorage.getItem('cme.draft.in.{links['sid']}')") is None, "cleared on success"


def test_503_twice_then_through_is_retried_with_the_same_request_and_recorded_once(
    phone: Page, site: str, request_ctx: APIRequestContext
) -> None:
    links = _session(request_ctx, site)
    bodies: list[str] = []

    def flaky(route: Route) -> None:
        bodies.append(route.request.post_data or "")
        if len(bodies) <= 2:  # Retry-After keeps each wait long enough to be seen on a busy machine
            route.fulfill(
                status=503,
                headers={"Retry-After": "2", "Content-Type": "application/json"},
                body=json.dumps({"error": {"code": "UPSTREAM_UNAVAILABLE", "message": "服务暂时不可用"}}),
            )
        else:
            route.continue_()

    phone.route(re.compile(r".*/api/public/attendance/[^/]+/sign-in$"), flaky)
    phone.goto(f"{site}{links['in']}")
    _fill_sign_in(phone, id_number("32010219900307333"), "重试丙", "13912340003")
    phone.locator("[data-test=submit]").click()
    expect(phone.locator("[data-test=submit]")).to_contain_text(re.compile(r"网络不稳定，正在第 [12] 次重试…"))
    expect(phone.locator("[data-test=status-title]")).to_have_text("签到成功")
    assert len(bodies) == 3 and len(set(bodies)) == 1, "the very same request each time"
    assert [a["name"] for a in _roster(request_ctx, site, links["sid"])] == ["重试丙"]


def test_an_answer_lost_on_the_way_back_never_signs_twice(
    phone: Page, site: str, request_ctx: APIRequestContext
) -> None:
    links = _session(request_ctx, site)
    sent: list[int] = []

    def lose_first_answer(route: Route) -> None:
        sent.append(1)
        if len(sent) == 1:
            route.fetch()  # the server signs in...
            route.abort("connectionreset")  # ...and the phone never hears of it
        else:
            route.continue_()

    phone.route(re.compile(r".*/api/public/attendance/[^/]+/sign-in$"), lose_first_answer)
    phone.goto(f"{site}{links['in']}")
    _fill_sign_in(phone, id_number("32010219900307444"), "丢包丁", "13912340004")
    phone.locator("[data-test=submit]").click()
    # The resend is answered `already` (the same client id): it was this phone's own first try, so 签到成功.
    expect(phone.locator("[data-test=status-title]")).to_have_text("签到成功")
    assert len(sent) == 2
    assert [a["name"] for a in _roster(request_ctx, site, links["sid"])] == ["丢包丁"]

    # 签退 through a 502 and a reload: the answers given survive, and one sign-out is recorded.
    out_sent: list[int] = []

    def bad_gateway_once(route: Route) -> None:
        out_sent.append(1)
        if len(out_sent) == 1:
            route.fulfill(status=502, headers={"Retry-After": "1"}, body="Bad Gateway")
        else:
            route.continue_()

    phone.route(re.compile(r".*/api/public/attendance/[^/]+/sign-out$"), bad_gateway_once)
    phone.goto(f"{site}{links['out']}")
    expect(phone.locator("[data-test=lookup-mobile] input")).to_have_value("13912340004")
    phone.locator("[data-test=lookup]").click()
    phone.locator("[data-test=confirm-next]").click()
    questions = phone.locator("[data-test^=question-q]")
    expect(questions.first).to_be_visible()
    for i in range(questions.count()):
        q = questions.nth(i)
        if q.locator(".van-checkbox").count():
            q.locator(".van-checkbox").nth(0).click()
            q.locator(".van-checkbox").nth(1).click()
        else:
            q.locator(".van-radio").first.click()
    chosen = phone.locator("[aria-checked=true]").count()
    phone.reload()
    phone.locator("[data-test=lookup]").click()
    phone.locator("[data-test=confirm-next]").click()
    expect(questions.first).to_be_visible()
    expect(phone.locator("[aria-checked=true]")).to_have_count(chosen)
    phone.locator("[data-test=sign-out]").click()
    expect(phone.locator("[data-test=status-title]")).to_have_text("签退成功")
    assert len(out_sent) == 2
    rows = _roster(request_ctx, site, links["sid"])
    assert len(rows) == 1 and rows[0]["signed_out_at"], rows
