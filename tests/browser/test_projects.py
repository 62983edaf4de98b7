"""Browser test of the project pages: entry, declaration, review chain and the public 项目查询.

Same fixtures as test_console.py (live_server: a system seeded with the demo accounts).
"""

from __future__ import annotations

import io
import random
import re
from pathlib import Path

import openpyxl
from playwright.sync_api import Page, expect

from tests.browser.helpers import YEAR, confirm, fill_project_form, login, logout, menu_titles, table_row, unique

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_project_entry_declaration_review_and_public_query(page: Page, site: str) -> None:
    national_name = unique("国家级浏览器测试项目")
    provincial_name = unique("省级浏览器测试项目")
    national_number = f"{YEAR}-14-02-0{random.randint(10, 99)}"

    # ---- 立项用户: 国家级项目录入 ----
    login(page, site, "organizer-demo")
    assert "项目举办申请" in menu_titles(page)
    page.get_by_role("menuitem", name="项目举办申请").click()
    expect(page).to_have_url(re.compile(r"/projects$"))
    page.get_by_role("button", name="国家级项目录入").click()
    dialog = page.get_by_role("dialog", name="国家级项目录入")
    fill_project_form(page, dialog, name=national_name, leader="张立项", credits="10", sessions="2", nature="备案项目")
    # The number starts with the chosen year and discipline.
    number_input = dialog.get_by_label("项目编号")
    expect(number_input).to_have_value(f"{YEAR}-14-02-")
    number_input.fill(f"{YEAR}-14-01-001")
    dialog.get_by_role("button", name="保存").click()
    expect(dialog.get_by_text("项目编号中的学科代码与所选学科不一致")).to_be_visible()
    number_input.fill(national_number)
    dialog.get_by_role("button", name="保存").click()
    expect(dialog).to_be_hidden()
    row = table_row(page, "project-table", national_name)
    expect(row).to_have_count(1)
    expect(row).to_contain_text(f"{national_number}(国)")
    expect(row).to_contain_text("护理学/外科护理学")
    expect(row).to_contain_text("备案项目")
    expect(row).to_contain_text("张立项")

    # ---- 立项用户: 省级项目申报 (draft, then 提交申报) ----
    page.get_by_role("button", name="省级项目申报").click()
    dialog = page.get_by_role("dialog", name="省级项目申报")
    fill_project_form(page, dialog, name=provincial_name, leader="李负责", credits="5", sessions="1", nature="申报项目")
    dialog.get_by_role("button", name="保存草稿").click()
    expect(dialog.get_by_text("请填写项目计划")).to_be_visible()
    dialog.get_by_label("项目计划").fill("面向全省外科护士，两天理论授课与一天操作培训，覆盖围手术期护理新进展。")
    dialog.get_by_role("button", name="保存草稿").click()
    expect(dialog).to_be_hidden()
    row = table_row(page, "project-table", provincial_name)
    expect(row).to_contain_text("未上报")
    expect(row.get_by_role("button", name="编辑")).to_be_visible()
    row.get_by_role("button", name="提交申报").click()
    confirm(page, "提交申报")
    expect(row).not_to_contain_text("未上报")
    expect(row.get_by_role("button", name="提交申报")).to_have_count(0)
    expect(row.get_by_role("button", name="编辑")).to_have_count(0)
    logout(page)

    # ---- 行政用户: 转报 ----
    login(page, site, "admin-demo")
    page.get_by_role("menuitem", name="项目审核").click()
    row = table_row(page, "project-table", provincial_name)
    expect(row).to_contain_text("待单位审核")
    row.get_by_role("button", name="转报").click()
    confirm(page, "转报")
    expect(row).to_contain_text("待省继教办审核")
    expect(row.get_by_role("button", name="转报")).to_have_count(0)
    logout(page)

    # ---- 管理用户: 审核通过 (the list opens on 待省继教办审核) ----
    login(page, site, "office-demo")
    page.get_by_role("menuitem", name="项目审核").click()
    expect(page.locator("[data-test=project-filter-status]")).to_contain_text("待省继教办审核")
    row = table_row(page, "project-table", provincial_name)
    expect(row).to_contain_text("待省继教办审核")
    row.get_by_role("button", name="审核通过").click()
    confirm(page, "审核通过")
    expect(row).to_contain_text(re.compile(rf"{YEAR}\d{{9}}\(省\)"))
    provincial_number = re.search(rf"{YEAR}\d{{9}}\(省\)", row.inner_text()).group(0)
    expect(row.get_by_role("button", name="审核通过")).to_have_count(0)
    logout(page)

    # ---- 项目查询, without logging in, from the login page ----
    page.get_by_role("link", name="项目查询").click()
    expect(page).to_have_url(re.compile(r"/query/projects"))
    assert page.evaluate("localStorage.getItem('cme.token')") is None
    page.get_by_label("项目名称").fill(national_name)
    page.get_by_role("button", name="搜索").click()
    row = table_row(page, "public-project-table", national_name)
    expect(row).to_have_count(1)
    expect(row).to_contain_text(f"{national_number}(国)")
    expect(row).to_contain_text("护理学/外科护理学")
    expect(row).to_contain_text("南京示范医院")
    expect(row).to_contain_text("张立项")

    page.get_by_label("项目名称").fill(provincial_name)
    page.get_by_role("button", name="搜索").click()
    row = table_row(page, "public-project-table", provincial_name)
    expect(row).to_have_count(1)
    expect(row).to_contain_text(provincial_number)
    expect(row).to_contain_text("李负责")
    expect(table_row(page, "public-project-table", national_name)).to_have_count(0)

    # A deep link with filters works for a visitor too, and the filter stays in the form.
    page.goto(f"{site}/query/projects?name={provincial_name}&level=provincial")
    expect(table_row(page, "public-project-table", provincial_name)).to_have_count(1)
    expect(page.get_by_label("项目名称")).to_have_value(provincial_name)


def test_public_query_needs_no_login(page: Page, site: str) -> None:
    page.goto(f"{site}/query/projects")
    expect(page).to_have_url(re.compile(r"/query/projects$"))
    expect(page.locator("[data-test=public-project-table]")).to_be_visible()
    expect(page.get_by_role("link", name="登录")).to_be_visible()


def test_admin_returns_a_declaration_with_a_reason(page: Page, site: str) -> None:
    name = unique("退回测试项目")
    login(page, site, "organizer-demo")
    page.get_by_role("menuitem", name="项目举办申请").click()
    page.get_by_role("button", name="省级项目申报").click()
    dialog = page.get_by_role("dialog", name="省级项目申报")
    fill_project_form(page, dialog, name=name, leader="王负责", credits="4", sessions="1", nature="申报项目")
    dialog.get_by_label("项目计划").fill("两天理论授课，覆盖外科护理常见问题与新进展。")
    dialog.get_by_role("button", name="保存草稿").click()
    expect(dialog).to_be_hidden()
    table_row(page, "project-table", name).get_by_role("button", name="提交申报").click()
    confirm(page, "提交申报")
    logout(page)

    login(page, site, "admin-demo")
    page.get_by_role("menuitem", name="项目审核").click()
    row = table_row(page, "project-table", name)
    row.get_by_role("button", name="退回").click()
    dialog = page.get_by_role("dialog", name="退回修改")
    dialog.get_by_role("button", name="退回").click()
    expect(dialog.get_by_text("请填写理由")).to_be_visible()
    dialog.get_by_label("退回理由").fill("缺少授课安排")
    dialog.get_by_role("button", name="退回").click()
    expect(dialog).to_be_hidden()
    expect(row).to_contain_text("退回修改")
    expect(row).to_contain_text("缺少授课安排")
    logout(page)

    # The organizer sees the reason and may edit and declare again.
    login(page, site, "organizer-demo")
    page.get_by_role("menuitem", name="项目举办申请").click()
    row = table_row(page, "project-table", name)
    expect(row).to_contain_text("缺少授课安排")
    row.get_by_role("button", name="编辑").click()
    dialog = page.get_by_role("dialog", name="编辑省级项目")
    expect(dialog.get_by_label("项目名称")).to_have_value(name)
    dialog.get_by_label("项目计划").fill("第一天理论授课，第二天操作培训；授课安排见附件日程。")
    dialog.get_by_role("button", name="保存").click()
    expect(dialog).to_be_hidden()
    expect(row.get_by_role("button", name="提交申报")).to_be_visible()


def workbook_bytes(template: Path, rows: list[list[object]]) -> bytes:
    """The downloaded template with its data rows replaced by ``rows``."""
    book = openpyxl.load_workbook(template)
    sheet = book.worksheets[0]
    if sheet.max_row > 1:
        sheet.delete_rows(2, sheet.max_row - 1)
    for values in rows:
        sheet.append(values)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def upload(page: Page, name: str, content: bytes) -> None:
    page.locator("[data-test=import-upload] input[type=file]").set_input_files(
        files=[{"name": name, "mimeType": XLSX, "buffer": content}]
    )
    page.get_by_role("button", name="开始导入").click()


def test_office_imports_projects_from_the_template_and_exports(page: Page, site: str, tmp_path: Path) -> None:
    name = unique("导入测试项目")
    number = f"{YEAR}480301{random.randint(100, 999)}"
    good = [YEAR, number, name, "03-01", "周导入", 6, "申报项目", 2, "南京示范医院", "心血管内科"]
    bad = [YEAR, "12345", unique("坏行"), "03-01", "周导入", 6, "其他", 2, "没有这个医院", "心血管内科"]

    login(page, site, "office-demo")
    page.get_by_role("menuitem", name="项目导入").click()
    expect(page).to_have_url(re.compile(r"/projects/import$"))
    with page.expect_download() as download:
        page.get_by_role("button", name="下载导入模板").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    template = tmp_path / "template.xlsx"
    download.value.save_as(template)

    # A file with a bad row imports nothing and lists every problem by row and column.
    upload(page, "有错误的项目.xlsx", workbook_bytes(template, [good, bad]))
    expect(page.locator("[data-test=import-failure]")).to_contain_text("未导入任何项目")
    errors = page.locator("[data-test=import-errors] .el-table__body tr")
    expect(errors.filter(has_text="项目编号")).to_contain_text("3")
    expect(errors.filter(has_text="项目性质")).to_be_visible()
    expect(errors.filter(has_text="举办单位")).to_contain_text("没有这个医院")
    expect(errors.filter(has_text=name)).to_have_count(0)

    # A good file imports; importing it again skips the existing number.
    upload(page, "项目.xlsx", workbook_bytes(template, [good]))
    expect(page.locator("[data-test=import-result]")).to_contain_text("新导入 1 个项目，跳过 0 个")
    expect(page.locator("[data-test=import-errors]")).to_have_count(0)
    upload(page, "项目.xlsx", workbook_bytes(template, [good]))
    expect(page.locator("[data-test=import-result]")).to_contain_text("新导入 0 个项目，跳过 1 个")

    # The imported project is published: in 项目审核 (all statuses) and exportable.
    page.get_by_role("menuitem", name="项目审核").click()
    select = page.locator("[data-test=project-filter-status]")
    select.click()
    page.get_by_role("option", name="全部").click()
    page.locator("[data-test=project-filter-name]").fill(name)
    page.get_by_role("button", name="搜索").click()
    expect(page).to_have_url(re.compile(r"status=all"))
    row = table_row(page, "project-table", name)
    expect(row).to_contain_text(f"{number}(省)")
    expect(row).to_contain_text("南京示范医院/心血管内科")
    expect(row).to_contain_text("已公布")
    with page.expect_download() as export:  # a background job: the download starts when its link is there
        page.get_by_role("button", name="导出Excel").click()
        link = page.locator("[data-test=project-export-job] [data-test=job-download-link]")
        expect(link).to_be_visible(timeout=30_000)
    exported = tmp_path / "export.xlsx"
    export.value.save_as(exported)
    sheet = openpyxl.load_workbook(exported).worksheets[0]
    assert any(name in [str(c) for c in r] for r in sheet.iter_rows(values_only=True))


def test_office_rejects_a_forwarded_project_with_a_reason(page: Page, site: str) -> None:
    name = unique("不通过测试项目")
    login(page, site, "organizer-demo")
    page.get_by_role("menuitem", name="项目举办申请").click()
    page.get_by_role("button", name="省级项目申报").click()
    dialog = page.get_by_role("dialog", name="省级项目申报")
    fill_project_form(page, dialog, name=name, leader="钱负责", credits="2.5", sessions="3", nature="备案项目")
    dialog.get_by_label("项目计划").fill("每期半天，病例讨论与护理查房示范。")
    dialog.get_by_role("button", name="保存草稿").click()
    expect(dialog).to_be_hidden()
    table_row(page, "project-table", name).get_by_role("button", name="提交申报").click()
    confirm(page, "提交申报")
    logout(page)

    login(page, site, "admin-demo")
    page.get_by_role("menuitem", name="项目审核").click()
    table_row(page, "project-table", name).get_by_role("button", name="转报").click()
    confirm(page, "转报")
    logout(page)

    login(page, site, "office-demo")
    page.get_by_role("menuitem", name="项目审核").click()
    row = table_row(page, "project-table", name)
    expect(row).to_contain_text("南京示范医院/心血管内科")
    row.get_by_role("button", name="不通过").click()
    dialog = page.get_by_role("dialog", name="审核不通过")
    dialog.get_by_label("不通过理由").fill("学分与学时不符")
    dialog.get_by_role("button", name="不通过").click()
    expect(dialog).to_be_hidden()
    expect(row).to_contain_text("未通过")
    expect(row).to_contain_text("学分与学时不符")
    expect(row.get_by_role("button", name="审核通过")).to_have_count(0)
