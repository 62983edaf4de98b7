"""Helpers shared by the browser tests (fixtures are in conftest.py)."""

from __future__ import annotations

import re
import uuid
from datetime import datetime, timedelta, timezone

from playwright.sync_api import Locator, Page, expect

DEMO_PASSWORD = "Demo@2026"
# Projects are entered for the current year (China time), as users do.
YEAR = datetime.now(timezone(timedelta(hours=8))).year


def unique(prefix: str) -> str:
    return f"{prefix}{uuid.uuid4().hex[:8]}"


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
    """The fields both dialogs share: year, 二/三级学科 护理学/外科护理学, name, leader, credits, nature, sessions."""
    dialog.locator("[data-test=project-form-year]").click()
    page.get_by_role("option", name=f"{YEAR} 年").click()
    dialog.get_by_label("二/三级学科").click()
    page.locator(".el-cascader-menu").get_by_role("menuitem", name="护理学", exact=True).click()
    page.locator(".el-cascader-menu").get_by_role("menuitem", name="外科护理学", exact=True).click()
    expect(dialog.locator("[data-test=project-form-discipline] input")).to_have_value("护理学/外科护理学")
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
