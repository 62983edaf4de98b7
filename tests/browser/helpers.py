"""Helpers shared by the browser tests (fixtures are in conftest.py)."""

from __future__ import annotations

import io
import itertools
import random
import re
import uuid
from datetime import date, datetime, timedelta, timezone

from PIL import Image
from playwright.sync_api import APIRequestContext, Locator, Page, expect

DEMO_PASSWORD = "Demo@2026"
# Projects are entered for the current year (China time), as users do.
YEAR = datetime.now(timezone(timedelta(hours=8))).year


def unique(prefix: str) -> str:
    return f"{prefix}{uuid.uuid4().hex[:8]}"


def id_number(prefix17: str) -> str:
    """A resident ID number with its check digit."""
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return prefix17 + "10X98765432"[sum(int(d) * w for d, w in zip(prefix17, weights, strict=True)) % 11]


def login(page: Page, site: str, username: str, password: str = DEMO_PASSWORD) -> None:
    page.goto(f"{site}/login")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    expect(page).not_to_have_url(re.compile(r"/login"))


def logout(page: Page) -> None:
    page.get_by_role("button", name="退出").click()
    page.get_by_role("dialog").get_by_role("button", name="退出").click()
    expect(page).to_have_url(re.compile(r"/login$"))


def menu_titles(page: Page) -> list[str]:
    items = page.locator("[data-test=side-menu] [role=menuitem]")
    expect(items.first).to_be_visible()
    return [t.strip() for t in items.all_inner_texts()]


def select_option(page: Page, select_test_id: str, option: str, type_text: str | None = None) -> None:
    page.locator(f"[data-test={select_test_id}]").click()
    if type_text is not None:
        page.keyboard.type(type_text)
    page.get_by_role("option", name=option).first.click()


def table_row(page: Page, table_test_id: str, text: str) -> Locator:
    return page.locator(f"[data-test={table_test_id}] .el-table__body tr", has_text=text)


def fill_project_form(
    page: Page, dialog: Locator, *, name: str, leader: str, credits: str, sessions: str, nature: str
) -> None:
    """The fields both dialogs share: year, 二/三级学科 14 护理学/14-02 外科护理学, name, leader, credits, nature,
    sessions."""
    dialog.locator("[data-test=project-form-year]").click()
    page.get_by_role("option", name=f"{YEAR} 年").click()
    dialog.get_by_label("二/三级学科").click()
    page.locator(".el-cascader-menu").get_by_role("menuitem", name="14 护理学", exact=True).click()
    page.locator(".el-cascader-menu").get_by_role("menuitem", name="14-02 外科护理学", exact=True).click()
    expect(dialog.locator("[data-test=project-form-discipline] input")).to_have_value("14 护理学/14-02 外科护理学")
    dialog.get_by_label("项目名称").fill(name)
    dialog.get_by_label("项目负责人").fill(leader)
    credits_input = dialog.locator("[data-test=project-form-credits] input")
    credits_input.fill(credits)
    credits_input.press("Tab")
    sessions_input = dialog.locator("[data-test=project-form-sessions] input")
    sessions_input.fill(sessions)
    sessions_input.press("Tab")
    dialog.get_by_text(nature, exact=True).click()


def confirm(page: Page, title: str, button: str | None = None) -> None:
    box = page.get_by_role("dialog", name=title)
    box.get_by_role("button", name=button or title).click()
    expect(box).to_be_hidden()


# --- Approved sessions prepared through the API (as the console would), for the attendance pages ---

CHINA = timezone(timedelta(hours=8))
# Windows a day wide on both sides of a teaching day, so both codes of a session held today are open at
# any time of that day (and a little past China midnight).
OPEN_ALL_DAY = {
    "mode": "whole",
    "refresh_seconds": 86400,
    "sign_in_opens_before": 1440,
    "sign_in_closes_after": 1440,
    "sign_out_opens_before": 1440,
    "sign_out_closes_after": 1440,
}
# Project numbers are unique; distinct ones for the projects one test process creates.
_numbers = itertools.count(random.randint(100, 899))


def api_login(request: APIRequestContext, site: str, username: str) -> dict[str, str]:
    res = request.post(f"{site}/api/auth/login", data={"username": username, "password": DEMO_PASSWORD})
    assert res.ok, res.text()
    return {"Authorization": f"Bearer {res.json()['token']}"}


def _pdf() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (400, 300), "white").save(buf, "PDF")
    return buf.getvalue()


def _png() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (320, 200), (200, 30, 30)).save(buf, "PNG")
    return buf.getvalue()


def _upload(
    request: APIRequestContext, site: str, auth: dict[str, str], sid: str, kind: str, name: str, mime: str, data: bytes
) -> None:
    ticket = request.post(
        f"{site}/api/sessions/{sid}/materials/{kind}/upload",
        headers=auth,
        data={"filename": name, "content_type": mime, "size": len(data)},
    )
    assert ticket.ok, ticket.text()
    t = ticket.json()
    multipart: dict = dict(t["fields"])
    multipart["file"] = {"name": name, "mimeType": mime, "buffer": data}
    stored = request.post(t["url"], multipart=multipart)
    assert stored.status < 300, stored.text()
    confirmed = request.post(
        f"{site}/api/sessions/{sid}/materials/{kind}/confirm", headers=auth, data={"key": t["key"], "filename": name}
    )
    assert confirmed.ok, confirmed.text()


def draft_session(
    request: APIRequestContext,
    site: str,
    name: str,
    days: list[str],
    attendance: dict | None = None,
    block: tuple[str, str, float] = ("08:00", "17:00", 6),
) -> str:
    """A new project of organizer-demo (year of the first day) with one session, a block each day (start, end and
    hours; 08:00-17:00 for 6 hours unless told)."""
    org = api_login(request, site, "organizer-demo")
    year = int(days[0][:4])
    project = request.post(
        f"{site}/api/projects/national",
        headers=org,
        data={
            "year": year,
            "number": f"{year}-14-02-{next(_numbers)}",
            "name": name,
            "discipline_code": "14-02",
            "leader": "王护",
            "credits": 5,
            "nature": "declared",
            "planned_sessions": 1,
        },
    )
    assert project.status == 201, project.text()
    body: dict = {
        "seq": 1,
        "venue": "南京市鼓楼区示范医院学术报告厅",
        "start_date": days[0],
        "end_date": days[-1],
        "planned_attendees": 50,
        "remark": None,
        "schedule": [
            {
                "date": d,
                "start": block[0],
                "end": block[1],
                "topic": "病例讨论",
                "lecturer": "赵医生",
                "hours": block[2],
            }
            for d in days
        ],
    }
    if attendance is not None:
        body["attendance"] = attendance
    created = request.post(f"{site}/api/projects/{project.json()['project_id']}/sessions", headers=org, data=body)
    assert created.status == 201, created.text()
    return created.json()["session_id"]


def approved_session_today(request: APIRequestContext, site: str, name: str) -> tuple[str, date]:
    """An approved one-day session held today (China time) whose sign-in and sign-out codes are open now,
    and that day."""
    day = datetime.now(CHINA).date()
    sid = draft_session(request, site, name, [day.isoformat()], OPEN_ALL_DAY)
    approve(request, site, sid)
    return sid, day


def approve(request: APIRequestContext, site: str, sid: str) -> None:
    """A drafted session with its materials, through 上报, 确认并上报 and 审核通过."""
    org = api_login(request, site, "organizer-demo")
    _upload(request, site, org, sid, "notice", "通知.pdf", "application/pdf", _pdf())
    _upload(request, site, org, sid, "schedule", "日程.png", "image/png", _png())
    for step, who in (
        ("submit", org),
        ("forward", api_login(request, site, "admin-demo")),
        ("approve", api_login(request, site, "office-demo")),
    ):
        res = request.post(f"{site}/api/sessions/{sid}/{step}", headers=who, data={})
        assert res.ok, f"{step}: {res.text()}"
