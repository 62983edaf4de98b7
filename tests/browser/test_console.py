"""Browser tests of the web console (web/) against a running system.

They need the ``live_server`` fixture (tests/browser/conftest.py): the base URL of a
system serving the built web app and the API, seeded with the demo accounts.
Chromium is Debian's (/usr/bin/chromium).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.helpers import DEMO_PASSWORD, login, logout, menu_titles, select_option, table_row, unique

MENUS = {
    "office-demo": [
        "首页",
        "项目审核",
        "项目导入",
        "举办审核",
        "统计报表",
        "签退问卷",
        "学分规则",
        "学科目录",
        "个人学分查询",
        "个人信息",
        "机构管理",
        "账号管理",
        "审计日志",
        "数据保留",
    ],
    "admin-demo": ["首页", "项目审核", "举办审核", "本单位统计", "本单位账号"],
    "organizer-demo": ["首页", "项目举办申请"],
}
ROLE_LABELS = {"office-demo": "管理用户", "admin-demo": "行政用户", "organizer-demo": "立项用户"}


@pytest.mark.parametrize("username", ["office-demo", "admin-demo", "organizer-demo"])
def test_each_role_sees_its_own_menu(page: Page, site: str, username: str) -> None:
    login(page, site, username)
    expect(page).to_have_url(f"{site}/")
    assert menu_titles(page) == MENUS[username]
    expect(page.locator("[data-test=current-user-role]")).to_have_text(ROLE_LABELS[username])
    expect(page.locator("[data-test=welcome-role]")).to_have_text(ROLE_LABELS[username])

    if username != "office-demo":
        # A page the role may not use sends it back to 首页.
        page.goto(f"{site}/organisations")
        expect(page).to_have_url(f"{site}/")
        expect(page.locator("[data-test=welcome-card]")).to_be_visible()


def test_wrong_password_shows_the_server_message(page: Page, site: str) -> None:
    page.goto(f"{site}/login")
    page.get_by_label("用户名").fill("office-demo")
    page.get_by_label("密码").fill("Wrong@2026")
    page.get_by_role("button", name="登录").click()
    expect(page.locator("[data-test=login-error]")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/login"))


def test_lost_session_goes_to_login_and_back(page: Page, site: str) -> None:
    login(page, site, "office-demo")
    # Replace the token by one the server rejects: the next API call ends the session.
    page.evaluate("localStorage.setItem('cme.token', 'not-a-valid-token')")
    page.goto(f"{site}/organisations")
    expect(page).to_have_url(re.compile(r"/login\?redirect=(/|%2F)organisations"))
    assert page.evaluate("localStorage.getItem('cme.token')") is None
    page.get_by_label("用户名").fill("office-demo")
    page.get_by_label("密码").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page).to_have_url(f"{site}/organisations")


def test_office_creates_organisation_and_admin_who_creates_organizer(page: Page, site: str) -> None:
    org_name = unique("浏览器测试医院")
    admin = unique("bt-adm-")
    admin_password = "Init#Pass2026"
    admin_new_password = "Next#Pass2026"
    organizer = unique("bt-org-")

    # The office creates an organisation through the UI; it shows up in the list.
    login(page, site, "office-demo")
    page.get_by_role("menuitem", name="机构管理").click()
    page.get_by_role("button", name="新增机构").click()
    dialog = page.get_by_role("dialog", name="新增机构")
    dialog.get_by_label("名称").fill(org_name)
    select_option(page, "org-form-type", "医院")
    dialog.get_by_label("所在城市").fill("苏州市")
    dialog.get_by_role("button", name="保存").click()
    expect(dialog).to_be_hidden()
    page.locator("[data-test=org-search]").fill(org_name)
    page.get_by_role("button", name="查询").click()
    row = table_row(page, "org-table", org_name)
    expect(row).to_have_count(1)
    expect(row).to_contain_text("医院")
    expect(row).to_contain_text("苏州市")
    expect(row).to_contain_text("正常")

    # ... and can edit it.
    row.get_by_role("button", name="编辑").click()
    dialog = page.get_by_role("dialog", name="编辑机构")
    expect(dialog.get_by_label("名称")).to_have_value(org_name)
    dialog.get_by_label("所在城市").fill("无锡市")
    dialog.get_by_role("button", name="保存").click()
    expect(dialog).to_be_hidden()
    expect(table_row(page, "org-table", org_name)).to_contain_text("无锡市")

    # The office creates an admin (行政用户) for it.
    page.get_by_role("menuitem", name="账号管理").click()
    select_option(page, "account-org-select", org_name, type_text=org_name)
    expect(page).to_have_url(re.compile(r"/accounts\?org_id="))
    page.get_by_role("button", name="新增账号").click()
    dialog = page.get_by_role("dialog", name="新增行政用户")
    expect(dialog).to_contain_text(org_name)
    dialog.get_by_label("用户名").fill(admin)
    dialog.get_by_label("姓名").fill("测试行政")
    dialog.get_by_label("邮箱").fill(f"{admin}@example.com")
    dialog.get_by_label("初始密码").fill(admin_password)
    dialog.get_by_label("确认密码").fill(admin_password)
    dialog.get_by_role("button", name="创建").click()
    expect(dialog).to_be_hidden()
    row = table_row(page, "account-table", admin)
    expect(row).to_contain_text("行政用户")
    expect(row).to_contain_text("正常")

    # Disabling and enabling ask for confirmation.
    row.get_by_role("button", name="停用").click()
    page.get_by_role("dialog", name="停用账号").get_by_role("button", name="停用").click()
    expect(row).to_contain_text("已停用")
    row.get_by_role("button", name="启用").click()
    page.get_by_role("dialog", name="启用账号").get_by_role("button", name="启用").click()
    expect(row).to_contain_text("正常")

    # The new admin must change the initial password first.
    logout(page)
    page.get_by_label("用户名").fill(admin)
    page.get_by_label("密码").fill(admin_password)
    page.get_by_role("button", name="登录").click()
    expect(page).to_have_url(re.compile(r"/password"))
    expect(page.locator("[data-test=must-change-notice]")).to_be_visible()
    page.get_by_label("当前密码").fill(admin_password)
    page.get_by_label("新密码", exact=True).fill(admin_new_password)
    page.get_by_label("确认新密码").fill(admin_new_password)
    page.get_by_role("button", name="确认修改").click()
    expect(page).to_have_url(f"{site}/")
    assert menu_titles(page) == MENUS["admin-demo"]
    expect(page.locator("[data-test=current-user-org]")).to_have_text(org_name)

    # The admin creates an organizer (立项用户) in its own organisation.
    create_organizer(page, organizer, "骨科")


def test_demo_admin_creates_organizer(page: Page, site: str) -> None:
    login(page, site, "admin-demo")
    create_organizer(page, unique("bt-org-"), "心血管内科")


def create_organizer(page: Page, username: str, department: str) -> None:
    page.get_by_role("menuitem", name="本单位账号").click()
    expect(page).to_have_url(re.compile(r"/accounts$"))
    page.get_by_role("button", name="新增账号").click()
    dialog = page.get_by_role("dialog", name="新增立项用户")
    dialog.get_by_label("用户名").fill(username)
    dialog.get_by_label("姓名").fill("测试立项")
    dialog.get_by_role("button", name="创建").click()
    # 科室 is required for an organizer.
    expect(dialog.get_by_text("请输入科室")).to_be_visible()
    dialog.get_by_label("科室").fill(department)
    dialog.get_by_label("手机").fill("13800138000")
    dialog.get_by_label("初始密码").fill("Init#Pass2026")
    dialog.get_by_label("确认密码").fill("Init#Pass2026")
    dialog.get_by_role("button", name="创建").click()
    expect(dialog).to_be_hidden()
    row = table_row(page, "account-table", username)
    expect(row).to_contain_text("立项用户")
    expect(row).to_contain_text(department)


def test_phone_pages(page: Page, site: str) -> None:
    page.goto(f"{site}/m/")
    expect(page.locator("[data-test=phone-title]")).to_have_text("江苏省继续医学教育项目 管理系统")
    expect(page.get_by_text("签到")).not_to_have_count(0)
    page.goto(f"{site}/m/no-such-page")
    expect(page.locator("[data-test=phone-not-found]")).to_be_visible()
