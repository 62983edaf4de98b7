"""Browser test of the phone pages: 签到 and 签退 from the QR links, at a phone viewport.

The approved session is prepared through the API (as the console would); its one teaching block
ends a few minutes from now, so the sign-in and the sign-out windows are both open.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import re
from collections.abc import Iterator

import pytest
from PIL import Image
from playwright.sync_api import APIRequestContext, Browser, Page, expect

from tests.browser.helpers import DEMO_PASSWORD, YEAR, unique

CHINA = dt.timezone(dt.timedelta(hours=8))
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def id_number(prefix17: str) -> str:
    return prefix17 + "10X98765432"[sum(int(d) * w for d, w in zip(prefix17, WEIGHTS, strict=True)) % 11]


def _pdf() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (400, 300), "white").save(buf, "PDF")
    return buf.getvalue()


def _png() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (320, 200), (200, 30, 30)).save(buf, "PNG")
    return buf.getvalue()


def _block() -> tuple[str, str, str]:
    """Today's China date and a one-hour block ending 15-20 minutes from now."""
    now = dt.datetime.now(CHINA)
    end = (now + dt.timedelta(minutes=20)).replace(second=0, microsecond=0)
    end -= dt.timedelta(minutes=end.minute % 5)
    start = end - dt.timedelta(hours=1)
    if start.date() != end.date() or end.date() != now.date() or end.year != YEAR:
        pytest.skip("too close to midnight (China time) or outside the demo year for a block around now")
    return now.date().isoformat(), start.strftime("%H:%M"), end.strftime("%H:%M")


def _login(request: APIRequestContext, site: str, username: str) -> dict[str, str]:
    res = request.post(f"{site}/api/auth/login", data={"username": username, "password": DEMO_PASSWORD})
    assert res.ok, res.text()
    return {"Authorization": f"Bearer {res.json()['token']}"}


def _upload(
    request: APIRequestContext,
    site: str,
    auth: dict[str, str],
    sid: str,
    kind: str,
    name: str,
    mime: str,
    content: bytes,
) -> None:
    ticket = request.post(
        f"{site}/api/sessions/{sid}/materials/{kind}/upload",
        headers=auth,
        data={"filename": name, "content_type": mime, "size": len(content)},
    )
    assert ticket.ok, ticket.text()
    t = ticket.json()
    multipart: dict = dict(t["fields"])
    multipart["file"] = {"name": name, "mimeType": mime, "buffer": content}
    stored = request.post(t["url"], multipart=multipart)
    assert stored.status < 300, stored.text()
    confirmed = request.post(
        f"{site}/api/sessions/{sid}/materials/{kind}/confirm", headers=auth, data={"key": t["key"], "filename": name}
    )
    assert confirmed.ok, confirmed.text()


@pytest.fixture(scope="module")
def links(chromium: Browser, live_server: str) -> dict[str, str]:
    """An approved session whose windows are open now: its sign-in and sign-out URLs (path + token)."""
    site = live_server.rstrip("/")
    day, start, end = _block()
    context = chromium.new_context()
    request = context.request
    org = _login(request, site, "organizer-demo")
    project = request.post(
        f"{site}/api/projects/national",
        headers=org,
        data={
            "year": YEAR,
            "number": f"{YEAR}-14-02-{random.randint(100, 999)}",
            "name": unique("签到测试项目"),
            "discipline_code": "14-02",
            "leader": "王护",
            "credits": 5,
            "nature": "declared",
            "planned_sessions": 1,
        },
    )
    assert project.status == 201, project.text()
    created = request.post(
        f"{site}/api/projects/{project.json()['project_id']}/sessions",
        headers=org,
        data={
            "seq": 1,
            "venue": "南京市鼓楼区示范医院学术报告厅",
            "start_date": day,
            "end_date": day,
            "planned_attendees": 50,
            "remark": None,
            "schedule": [
                {"date": day, "start": start, "end": end, "topic": "病例讨论", "lecturer": "赵医生", "hours": 1}
            ],
        },
    )
    assert created.status == 201, created.text()
    sid = created.json()["session_id"]
    _upload(request, site, org, sid, "notice", "通知.pdf", "application/pdf", _pdf())
    _upload(request, site, org, sid, "schedule", "日程.png", "image/png", _png())
    for step, who in (
        ("submit", org),
        ("forward", _login(request, site, "admin-demo")),
        ("approve", _login(request, site, "office-demo")),
    ):
        res = request.post(f"{site}/api/sessions/{sid}/{step}", headers=who, data={})
        assert res.ok, f"{step}: {res.text()}"
    codes = request.get(f"{site}/api/sessions/{sid}/attendance/codes", headers=org)
    assert codes.ok, codes.text()
    body = codes.json()
    context.close()
    strip = lambda url: re.sub(r"^https?://[^/]+", "", url)  # noqa: E731 - the system's own origin may differ
    return {"in": strip(body["sign_in_url"]), "out": strip(body["sign_out_url"]), "sid": sid}


@pytest.fixture
def phone(chromium: Browser) -> Iterator[Page]:
    context = chromium.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, locale="zh-CN"
    )
    context.set_default_timeout(15_000)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


def fill(page: Page, test_id: str, value: str) -> None:
    page.locator(f"[data-test={test_id}] input").fill(value)


def test_sign_in_then_sign_out_with_the_questionnaire(phone: Page, site: str, links: dict[str, str]) -> None:
    page = phone
    person_id = id_number("32010219900307123")
    page.goto(f"{site}{links['in']}")
    expect(page.locator("[data-test=project-name]")).to_contain_text("签到测试项目")
    expect(page.locator("[data-test=session-header]")).to_contain_text("第1期")

    # The browser's own checks: a wrong check digit, then the ID fills 性别 and 年龄.
    fill(page, "id_number", person_id[:17] + ("0" if person_id[17] != "0" else "1"))
    page.locator("[data-test=name] input").click()
    expect(page.locator("[data-test=id_number]")).to_contain_text("身份证号码校验位不正确")
    fill(page, "id_number", person_id.lower())
    expect(page.locator("[data-test=gender-derived]")).to_have_text("男")
    expect(page.locator("[data-test=age] input")).not_to_have_value("")
    fill(page, "name", "张喆")
    fill(page, "mobile", "13912345678")
    fill(page, "unit", "南京市第一医院")
    fill(page, "department", "心内科")
    fill(page, "region", "南京市")
    page.locator("[data-test=grassroots]").get_by_text("否", exact=True).click()
    fill(page, "title", "主治医师")
    page.locator("[data-test=submit]").click()
    expect(page.locator("[data-test=status-title]")).to_have_text("签到成功")
    found = re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d", page.locator("[data-test=signed-in-at]").inner_text())
    assert found, "签到时间 in China time"
    first_time = found.group(0)

    # Scanning again: the form comes back filled from this phone; a second submit is 已签到 with the first time.
    page.goto(f"{site}{links['in']}")
    expect(page.locator("[data-test=name] input")).to_have_value("张喆")
    expect(page.locator("[data-test=forget]")).to_be_visible()
    page.locator("[data-test=submit]").click()
    expect(page.locator("[data-test=status-title]")).to_have_text("已签到")
    expect(page.locator("[data-test=signed-in-at]")).to_contain_text(first_time)

    # 签退 by mobile: masked data, the questionnaire (选两项 takes exactly two), 确认离开.
    page.goto(f"{site}{links['out']}")
    expect(page.locator("[data-test=lookup-mobile] input")).to_have_value("13912345678")
    page.locator("[data-test=lookup]").click()
    expect(page.locator("[data-test=confirm-name]")).to_contain_text("张*")
    expect(page.locator("[data-test=confirm-id]")).to_contain_text("320102********")
    page.locator("[data-test=confirm-next]").click()
    questions = page.locator("[data-test^=question-q]")
    expect(questions.first).to_be_visible()
    count = questions.count()
    for i in range(count):
        q = questions.nth(i)
        if q.locator(".van-checkbox").count():
            boxes = q.locator(".van-checkbox")
            boxes.nth(0).click()
            page.locator("[data-test=sign-out]").click()
            expect(q.locator("[data-test=question-error]")).to_contain_text("请选择两项")
            boxes.nth(2).click()
            boxes.nth(3).click()  # a third pick is refused by the limit
            expect(q.locator(".van-checkbox[aria-checked=true]")).to_have_count(2)
        else:
            q.locator(".van-radio").first.click()
    page.locator("[data-test=sign-out]").click()
    expect(page.locator("[data-test=status-title]")).to_have_text("签退成功")
    expect(page.locator("[data-test=signed-in-at]")).to_contain_text(first_time)
    expect(page.locator("[data-test=signed-out-at]")).to_contain_text(re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d"))
    expect(page.locator("[data-test=hours]")).to_contain_text("学时")

    # Looking up again: already signed out.
    page.goto(f"{site}{links['out']}")
    page.locator("[data-test=lookup]").click()
    expect(page.locator("[data-test=status-title]")).to_have_text("已签退")


def test_a_link_without_a_valid_code_shows_no_form(phone: Page, site: str, links: dict[str, str]) -> None:
    phone.goto(f"{site}/m/in/{links['sid']}?t=1.bogus")
    expect(phone.locator("[data-test=status-title]")).to_have_text("二维码无效")
    expect(phone.locator("[data-test=submit]")).to_have_count(0)
    phone.goto(f"{site}/m/out/{links['sid']}")
    expect(phone.locator("[data-test=status-title]")).to_have_text("无法签退")
