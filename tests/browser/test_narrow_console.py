"""The console on an organiser's phone at the venue (#15 item 9) and the public project query at 390 px (item 8):
no horizontal page scroll on any page an organiser needs there, the menu in a drawer that opens and navigates, the
roster readable; the desktop keeps its side menu."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import _open_page
from tests.browser.helpers import api_login, approved_session_today, id_number, login, unique

WIDTH = 390

# The page's and the main area's overflow, and the first elements that stick out (outside scrolling boxes: tables,
# scrollbars, tab bars), for the failure message.
_OVERFLOW = """() => {
  const w = document.documentElement.clientWidth
  const scrolling = '.el-table__body-wrapper, .el-table__header-wrapper, .el-scrollbar, .el-tabs__nav-scroll'
  const wide = [...document.querySelectorAll('body *')]
    .filter((e) => e.getBoundingClientRect().right > w + 1 && !e.closest(scrolling))
    .slice(0, 5)
    .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} ${e.getBoundingClientRect().right}`)
  const main = document.querySelector('.el-main')
  const inner = main ? main.scrollWidth - main.clientWidth : 0
  return { scroll: document.scrollingElement.scrollWidth, inner, wide }
}"""


@pytest.fixture
def narrow(chromium: Browser, site: str) -> Iterator[Page]:
    """An organiser's phone: the console at 390x844."""
    yield from _open_page(chromium, viewport={"width": WIDTH, "height": 844}, is_mobile=True, has_touch=True)


def fits(page: Page) -> None:
    """No horizontal page scroll, nor of the console's main area (waits for the page to settle, then names what
    sticks out)."""
    page.wait_for_load_state("networkidle")
    found = page.evaluate(_OVERFLOW)
    assert found["scroll"] <= WIDTH and found["inner"] <= 0, found


@pytest.fixture(scope="module")
def held(chromium: Browser, live_server: str) -> dict[str, str]:
    """An approved session held today with two attendees signed in."""
    site = live_server.rstrip("/")
    context = chromium.new_context()
    request = context.request
    name = unique("手机查看项目")
    sid, _ = approved_session_today(request, site, name)
    org = api_login(request, site, "organizer-demo")
    codes = request.get(f"{site}/api/sessions/{sid}/attendance/codes", headers=org)
    assert codes.ok, codes.text()
    token = re.search(r"[?&]t=([^&]+)", codes.json()["sign_in_url"]).group(1)  # type: ignore[union-attr]
    people = (("欧阳锋", "32010219900307123"), ("李四", "32010219850101431"))
    for n, (who, prefix) in enumerate(people):
        person = {
            "t": token,
            "id_number": id_number(prefix),
            "name": who,
            "gender": "male",
            "age": 2026 - int(prefix[6:10]),
            "mobile": f"1391234567{n}",
            "unit": "南京市第一医院心血管内科联合病房",
            "department": "内科",
            "region": "南京",
            "grassroots": False,
            "title": "主治医师",
            "client_id": f"narrow-phone-{n}",
        }
        signed = request.post(f"{site}/api/public/attendance/{sid}/sign-in", data=person)
        assert signed.ok, signed.text()
    session = request.get(f"{site}/api/sessions/{sid}", headers=org).json()
    context.close()
    return {"sid": sid, "name": name, "pid": session["project_id"]}


def open_menu(page: Page) -> None:
    page.locator("[data-test=nav-menu-toggle]").click()
    expect(page.locator("[data-test=nav-drawer] [data-test=side-menu]")).to_be_visible()


def test_the_organiser_finds_attendance_on_a_phone(narrow: Page, site: str, held: dict[str, str]) -> None:
    page = narrow
    page.goto(f"{site}/login")
    fits(page)
    login(page, site, "organizer-demo")
    expect(page.locator("[data-test=product-name]")).to_be_visible()
    header = page.locator(".header").bounding_box()
    assert header is not None and header["height"] <= 60, "the header is one line"
    expect(page.locator(".aside")).to_have_count(0)
    fits(page)

    open_menu(page)
    fits(page)
    page.locator("[data-test=nav-drawer] [data-test=menu-projects]").click()
    expect(page).to_have_url(re.compile(r"/projects$"))
    expect(page.locator("[data-test=nav-drawer] [data-test=side-menu]")).to_be_hidden()
    expect(page.get_by_text(held["name"]).first).to_be_visible()
    fits(page)

    page.goto(f"{site}/projects/{held['pid']}/sessions")
    expect(page.get_by_text("南京市鼓楼区示范医院学术报告厅").first).to_be_visible()
    fits(page)

    page.goto(f"{site}/sessions/{held['sid']}")
    expect(page.get_by_text(held["name"]).first).to_be_visible()
    fits(page)

    page.goto(f"{site}/sessions/{held['sid']}/attendance")
    roster = page.locator("[data-test=attendance-tabs]")
    expect(roster.get_by_text("欧阳锋", exact=True)).to_be_visible()
    expect(roster.get_by_text("李四", exact=True)).to_be_visible()
    fits(page)
    name_cell = roster.get_by_text("欧阳锋", exact=True).bounding_box()
    assert name_cell is not None and name_cell["x"] >= 0 and name_cell["x"] + name_cell["width"] <= WIDTH

    page.goto(f"{site}/sessions/{held['sid']}/projector/in")
    expect(page.locator("canvas, img, svg").first).to_be_visible()
    fits(page)

    page.goto(f"{site}/notifications")
    fits(page)
    open_menu(page)
    page.locator("[data-test=nav-drawer] [data-test=menu-home]").click()
    expect(page).to_have_url(re.compile(r"/$"))
    fits(page)


def test_dialogs_fit_a_phone(narrow: Page, site: str) -> None:
    page = narrow
    login(page, site, "organizer-demo")
    open_menu(page)
    page.locator("[data-test=nav-drawer] [data-test=nav-logout]").click()
    dialog = page.get_by_role("dialog").filter(has_text="确定退出登录吗")
    expect(dialog).to_be_visible()
    box = dialog.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= WIDTH
    dialog.get_by_role("button", name="退出").click()
    expect(page).to_have_url(re.compile(r"/login$"))


def test_the_public_project_query_shows_sessions_and_fits_a_phone(
    narrow: Page, site: str, held: dict[str, str]
) -> None:
    page = narrow
    page.goto(f"{site}/query/projects")
    page.locator("[data-test=public-filter-name]").fill(held["name"])
    page.locator("[data-test=public-search]").click()
    project = page.locator("[data-test=public-project]", has_text=held["name"])
    expect(project).to_have_count(1)
    sessions = project.locator("[data-test=public-session]")
    expect(sessions).to_have_count(1)
    expect(sessions).to_contain_text("第1期")
    expect(sessions).to_contain_text("南京市鼓楼区示范医院学术报告厅")
    expect(sessions).to_contain_text("南京示范医院")
    fits(page)


def test_the_desktop_keeps_its_side_menu(page: Page, site: str) -> None:
    login(page, site, "organizer-demo")
    expect(page.locator(".aside [data-test=side-menu]")).to_be_visible()
    expect(page.locator("[data-test=nav-menu-toggle]")).to_have_count(0)
    expect(page.locator("[data-test=current-user-org]")).to_be_visible()
