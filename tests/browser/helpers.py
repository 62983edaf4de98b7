"""Helpers shared by the browser tests (fixtures are in conftest.py)."""

from __future__ import annotations

import re
import uuid

from playwright.sync_api import Locator, Page, expect

DEMO_PASSWORD = "Demo@2026"


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
