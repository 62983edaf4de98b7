"""Browser test of the console's reports: an approved session held today with one attendee signed in, then
the organizer's 举办统计, the admin's 本单位统计 and the office's province-wide 统计报表."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.helpers import CHINA, YEAR, api_login, approved_session_today, login, menu_titles, unique
from tests.browser.test_attendance import id_number


@pytest.fixture(scope="module")
def held(chromium: Browser, live_server: str) -> Iterator[str]:
    """An approved session of organizer-demo held today, with one attendee (out of the province, grassroots)."""
    site = live_server.rstrip("/")
    context = chromium.new_context()
    request = context.request
    sid, today = approved_session_today(request, site, unique("统计测试项目"))
    org = api_login(request, site, "organizer-demo")
    codes = request.get(f"{site}/api/sessions/{sid}/attendance/codes", headers=org).json()
    token = re.search(r"[?&]t=([^&]+)", codes["sign_in_url"]).group(1)
    born = dt.date(1990, 3, 7)
    signed = request.post(
        f"{site}/api/public/attendance/{sid}/sign-in",
        data={
            "t": token,
            "id_number": id_number("31010119900307123"),
            "name": "沈统计",
            "gender": "male",
            "age": today.year - born.year - ((today.month, today.day) < (born.month, born.day)),
            "mobile": "13911112222",
            "unit": "上海市某社区卫生服务中心",
            "department": "全科",
            "region": "上海市",
            "grassroots": True,
            "title": "主治医师",
        },
    )
    assert signed.ok, signed.text()
    context.close()
    yield sid


def test_the_organizer_sees_the_statistics_of_its_session(page: Page, site: str, held: str) -> None:
    login(page, site, "organizer-demo")
    page.goto(f"{site}/sessions/{held}/statistics")
    expect(page.locator("[data-test=figure-signed_in] .value")).to_have_text("1")
    expect(page.locator("[data-test=figure-attendees] .value")).to_have_text("1")
    expect(page.locator("[data-test=statistics-as-of]")).to_contain_text("数据截至")  # live while open: now
    shares = page.locator("[data-test=statistics-shares]")
    expect(shares.locator("[data-test=share-grassroots]")).to_contain_text("100.0%")
    expect(shares.locator("[data-test=share-out-of-region]")).to_contain_text("100.0%")
    expect(page.locator("[data-test=statistics-export]")).to_be_visible()
    page.locator("[data-test=statistics-attendance-link]").click()
    expect(page).to_have_url(re.compile(rf"/sessions/{held}/attendance$"))
    page.locator("[data-test=attendance-statistics-link]").click()
    expect(page).to_have_url(re.compile(rf"/sessions/{held}/statistics$"))


def test_the_admin_sees_its_organisation_by_month(page: Page, site: str, held: str) -> None:
    login(page, site, "admin-demo")
    assert "本单位统计" in menu_titles(page)
    page.locator("[data-test=side-menu]").get_by_text("本单位统计").click()
    expect(page.locator("[data-test=reports-title]")).to_have_text(f"南京示范医院 {YEAR} 年度统计")
    month = f"{dt.datetime.now(CHINA).month}月"
    expect(page.locator(f"[data-test='month-{month}'] .value")).not_to_have_text("")
    assert int(page.locator("[data-test=figure-sessions_held] .value").inner_text()) >= 1
    assert int(page.locator("[data-test=figure-attendees] .value").inner_text()) >= 1
    as_of = re.compile(r"数据截至 \d{4}-\d{2}-\d{2} \d{2}:\d{2}")
    expect(page.locator("[data-test=reports-as-of]")).to_contain_text(as_of)


def test_the_office_sees_the_province_and_opens_an_organisation(page: Page, site: str, held: str) -> None:
    login(page, site, "office-demo")
    page.goto(f"{site}/reports")
    expect(page.locator("[data-test=reports-title]")).to_have_text(f"全省 {YEAR} 年度统计")
    row = page.locator("[data-test=reports-organisations] .el-table__body tr", has_text="南京示范医院")
    expect(row).to_be_visible()
    row.locator("[data-test=reports-open-org]").click()
    expect(page).to_have_url(re.compile(r"/reports\?year=\d{4}&org_id="))
    expect(page.locator("[data-test=reports-title]")).to_have_text(f"南京示范医院 {YEAR} 年度统计")
    # The 单位 picker loads the organisation named in the address and shows its name.
    expect(page.locator("[data-test=reports-org]")).to_contain_text("南京示范医院")
    page.locator("[data-test=reports-province]").click()
    expect(page.locator("[data-test=reports-title]")).to_have_text(f"全省 {YEAR} 年度统计")
