"""Browser test of holding applications (举办申请): form, materials through the presigned POST, review chain.

The materials really go from the browser to the local moto S3 (another port) and are checked by the API.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from pathlib import Path

from PIL import Image
from playwright.sync_api import Page, expect

from tests.browser.helpers import YEAR, confirm, fill_project_form, login, logout, table_row, unique

CHINA = dt.timezone(dt.timedelta(hours=8))
OFFICE = "江苏省继续医学教育委员会办公室"
NUMBERS = random.sample(range(100, 1000), 2)


def session_days() -> tuple[str, str]:
    """Two days in this China year (the office's 举办审核 opens on the current year)."""
    today = dt.datetime.now(CHINA).date()
    start = today + dt.timedelta(days=3)
    if start.year != today.year or (start + dt.timedelta(days=1)).year != today.year:
        start = today - dt.timedelta(days=3)
    return start.isoformat(), (start + dt.timedelta(days=1)).isoformat()


def write_pdf(path: Path) -> Path:
    Image.new("RGB", (400, 300), "white").save(path, "PDF")
    assert path.read_bytes().startswith(b"%PDF-")
    return path


def write_png(path: Path) -> Path:
    Image.new("RGB", (320, 200), (200, 30, 30)).save(path, "PNG")
    return path


def pick(page: Page, test_id: str, value: str) -> None:
    """Type a date or time into an Element Plus picker and take it."""
    field = page.locator(f"[data-test={test_id}] input")
    field.click()
    field.fill(value)
    field.press("Enter")
    expect(field).to_have_value(value)
    page.keyboard.press("Escape")


def fill_number(page: Page, test_id: str, value: str) -> None:
    field = page.locator(f"[data-test={test_id}] input")
    field.fill(value)
    field.press("Tab")


def create_national_project(page: Page, name: str, number: int) -> None:
    """立项用户: 国家级项目录入 with two planned sessions (published at once)."""
    page.get_by_role("menuitem", name="项目举办申请").click()
    page.get_by_role("button", name="国家级项目录入").click()
    dialog = page.get_by_role("dialog", name="国家级项目录入")
    fill_project_form(page, dialog, name=name, leader="张立项", credits="10", sessions="2", nature="申报项目")
    dialog.get_by_label("项目编号").fill(f"{YEAR}-14-02-{number}")
    dialog.get_by_role("button", name="保存").click()
    expect(dialog).to_be_hidden()


def fill_schedule_row(page: Page, index: int, *, date: str, start: str, end: str, topic: str, lecturer: str) -> None:
    pick(page, f"schedule-{index}-date", date)
    pick(page, f"schedule-{index}-start", start)
    pick(page, f"schedule-{index}-end", end)
    page.locator(f"[data-test=schedule-{index}-topic]").fill(topic)
    page.locator(f"[data-test=schedule-{index}-lecturer]").fill(lecturer)


def upload(page: Page, kind: str, path: Path) -> None:
    material = page.locator(f"[data-test=material-{kind}]")
    material.locator("input[type=file]").set_input_files(path)
    expect(material.locator(f"[data-test=material-{kind}-chosen]")).to_contain_text(path.name)
    material.get_by_role("button", name="开始上传").click()


def open_notification(page: Page, text: str) -> None:
    bell = page.locator("[data-test=notification-bell]")
    expect(page.locator("[data-test=notification-badge] .el-badge__content")).to_be_visible()
    bell.click()
    item = page.locator("[data-test=notification-item]", has_text=text).first
    expect(item).to_be_visible()
    item.click()
    expect(page).to_have_url(re.compile(r"/sessions/ses-[0-9a-f]+$"))


def test_holding_application_chain(page: Page, site: str, tmp_path: Path) -> None:
    name = unique("举办申请测试项目")
    first_day, second_day = session_days()
    notice = write_pdf(tmp_path / "会议通知.pdf")
    schedule = write_png(tmp_path / "会议日程.png")

    # ---- 立项用户: a published national project, then 申请举办 for 第1期 ----
    login(page, site, "organizer-demo")
    create_national_project(page, name, NUMBERS[0])
    row = table_row(page, "project-table", name)
    row.get_by_role("button", name="申请举办").click()
    expect(page).to_have_url(re.compile(r"/projects/[^/]+/sessions$"))
    expect(page.locator("[data-test=project-sessions-project]")).to_contain_text(name)
    expect(page.locator("[data-test=project-session-table]")).to_contain_text("尚未申请举办")
    page.get_by_role("button", name="申请举办").click()
    expect(page).to_have_url(re.compile(r"/sessions/new\?project="))
    expect(page.locator("[data-test=session-form-seq]")).to_contain_text("第1期")

    page.locator("[data-test=session-form-venue]").fill("南京市鼓楼区示范医院学术报告厅")
    pick(page, "session-form-start-date", first_day)
    pick(page, "session-form-end-date", second_day)
    fill_number(page, "session-form-attendees", "200")
    # The first row starts on the first day; its hours follow its times.
    expect(page.locator("[data-test=schedule-0-date] input")).to_have_value(first_day)
    fill_schedule_row(page, 0, date=first_day, start="08:30", end="11:30", topic="围手术期护理新进展", lecturer="王护")
    expect(page.locator("[data-test=schedule-0-hours] input")).to_have_value("3.0")
    page.get_by_role("button", name="添加一行").click()
    # An overlapping second block is marked on its own start cell.
    fill_schedule_row(page, 1, date=first_day, start="11:00", end="12:00", topic="伤口护理", lecturer="李护")
    page.locator("[data-test=session-form-submit]").click()
    expect(page.locator("[data-test=schedule-row-1]")).to_contain_text("与其他日程时间重叠")
    expect(page).to_have_url(re.compile(r"/sessions/new"))
    fill_schedule_row(page, 1, date=second_day, start="08:30", end="10:30", topic="伤口护理", lecturer="李护")
    expect(page.locator("[data-test=schedule-1-hours] input")).to_have_value("1.0")
    fill_number(page, "schedule-1-hours", "2")
    expect(page.locator("[data-test=schedule-total]")).to_contain_text("学时合计：5")
    page.locator("[data-test=session-form-submit]").click()

    # ---- 资料上传 on the session page: a real PDF and a PNG, straight to storage ----
    expect(page).to_have_url(re.compile(r"/sessions/ses-[0-9a-f]+$"))
    session_url = page.url
    materials = page.locator("[data-test=session-materials]")
    expect(materials).to_contain_text("会议通知请上传带红章的会议通知扫描(拍照)图片")
    expect(materials).to_contain_text("附件最大50M")
    expect(page.locator("[data-test=material-notice-state]")).to_have_text("未上传")
    expect(page.locator("[data-test=material-schedule-state]")).to_have_text("未上传")
    expect(page.locator("[data-test=session-review-reason]")).to_have_text("未上报")
    schedule_table = page.locator("[data-test=session-schedule]")
    expect(schedule_table).to_contain_text("08:30–11:30")
    expect(schedule_table).to_contain_text("伤口护理")

    # 提交申请 before the materials are there is refused.
    page.locator("[data-test=session-submit]").click()
    expect(page.get_by_text("请先上传会议通知和会议日程")).to_be_visible()

    upload(page, "notice", notice)
    expect(page.locator("[data-test=material-notice-state]")).to_have_text("已上传")
    expect(page.locator("[data-test=material-notice-file]")).to_have_text("会议通知.pdf")
    upload(page, "schedule", schedule)
    expect(page.locator("[data-test=material-schedule-state]")).to_have_text("已上传")
    expect(page.locator("[data-test=material-schedule-file]")).to_have_text("会议日程.png")
    # 查看 shows the PDF in a new tab (an inline link to the checked version); 下载 saves it under its own name.
    with page.expect_popup() as shown:
        page.locator("[data-test=material-notice-view]").click()
    assert "response-content-disposition=inline" in shown.value.url
    shown.value.close()
    with page.expect_download() as download:
        page.locator("[data-test=material-notice-download]").click()
    assert download.value.suggested_filename == "会议通知.pdf"
    assert Path(download.value.path()).read_bytes() == notice.read_bytes()

    page.locator("[data-test=session-submit]").click()
    confirm(page, "提交申请")
    expect(page.locator("[data-test=session-status]")).to_have_text("待单位审核")
    expect(page.locator("[data-test=material-notice-start]")).to_have_count(0)
    expect(page.locator("[data-test=session-edit]")).to_have_count(0)
    logout(page)

    # ---- 行政用户: the notification leads to the application; 退回修改 with a reason ----
    login(page, site, "admin-demo")
    open_notification(page, name)
    assert page.url == session_url
    page.locator("[data-test=session-return]").click()
    dialog = page.get_by_role("dialog", name="退回修改")
    dialog.get_by_label("退回理由").fill("会场地址请写到楼层")
    dialog.get_by_role("button", name="退回").click()
    expect(dialog).to_be_hidden()
    expect(page.locator("[data-test=session-review-reason]")).to_have_text("南京示范医院[退回修改：会场地址请写到楼层]")
    logout(page)

    # ---- 立项用户: sees the reason in the project's list, edits the venue, submits again ----
    login(page, site, "organizer-demo")
    page.get_by_role("menuitem", name="项目举办申请").click()
    table_row(page, "project-table", name).get_by_role("button", name="申请举办").click()
    row = table_row(page, "project-session-table", "第1期")
    expect(row).to_contain_text("会场地址请写到楼层")
    expect(row).to_contain_text(first_day)
    row.get_by_role("button", name="编辑").click()
    expect(page).to_have_url(re.compile(r"/sessions/ses-[0-9a-f]+/edit$"))
    venue = page.locator("[data-test=session-form-venue]")
    expect(venue).to_have_value("南京市鼓楼区示范医院学术报告厅")
    expect(page.locator("[data-test=schedule-1-topic]")).to_have_value("伤口护理")
    venue.fill("南京市鼓楼区示范医院3号楼5楼报告厅")
    page.locator("[data-test=session-form-submit]").click()
    expect(page).to_have_url(session_url)
    expect(page.locator("[data-test=session-venue]")).to_have_text("南京市鼓楼区示范医院3号楼5楼报告厅")
    page.locator("[data-test=session-submit]").click()
    confirm(page, "提交申请")
    expect(page.locator("[data-test=session-status]")).to_have_text("待单位审核")
    logout(page)

    # ---- 行政用户: 举办审核 opens on 待单位审核; 确认并上报 ----
    login(page, site, "admin-demo")
    page.get_by_role("menuitem", name="举办审核").click()
    expect(page.locator("[data-test=session-filter-status]")).to_contain_text("待单位审核")
    row = table_row(page, "session-table", name)
    expect(row).to_contain_text("3号楼5楼")
    expect(row).to_contain_text(f"{YEAR}-14-02-{NUMBERS[0]}(国)")
    row.get_by_role("button", name="确认并上报").click()
    confirm(page, "确认并上报")
    expect(row).to_contain_text("待省继教办审核")
    logout(page)

    # ---- 管理用户: 举办审核 opens on 待省继教办审核; 审核通过 ----
    login(page, site, "office-demo")
    page.get_by_role("menuitem", name="举办审核").click()
    expect(page.locator("[data-test=session-filter-status]")).to_contain_text("待省继教办审核")
    row = table_row(page, "session-table", name)
    expect(row).to_contain_text("南京示范医院/心血管内科")
    row.get_by_role("button", name="审核通过").click()
    confirm(page, "审核通过")
    expect(row).to_contain_text(f"{OFFICE}[审核通过]")
    expect(row.get_by_role("button", name="审核通过")).to_have_count(0)
    logout(page)

    # ---- 立项用户: the list shows the verdict, the page the whole 办理过程 ----
    login(page, site, "organizer-demo")
    page.get_by_role("menuitem", name="项目举办申请").click()
    table_row(page, "project-table", name).get_by_role("button", name="申请举办").click()
    row = table_row(page, "project-session-table", "第1期")
    expect(row).to_contain_text(f"{OFFICE}[审核通过]")
    row.get_by_role("button", name="查看").click()
    expect(page).to_have_url(session_url)
    entries = page.locator("[data-test=timeline-entry]")
    expect(entries).to_have_count(9)
    labels = [t.strip() for t in entries.locator("[data-test=timeline-action]").all_inner_texts()]
    assert labels == [
        "创建举办申请",
        "上传资料",
        "上传资料",
        "提交申请",
        "退回修改",
        "修改举办申请",
        "提交申请",
        "确认并上报",
        "审核通过",
    ], labels
    expect(entries.nth(4)).to_contain_text("理由：会场地址请写到楼层")
    expect(page.locator("[data-test=session-materials]")).not_to_contain_text("开始上传")
    with page.expect_popup() as shown:
        page.locator("[data-test=material-schedule-view]").click()
    image = shown.value.locator("img")
    expect(image).to_be_visible()  # the browser shows the schedule itself
    assert shown.value.evaluate("document.images[0].naturalWidth") > 0
    with page.expect_download() as download:
        page.locator("[data-test=material-schedule-download]").click()
    assert download.value.suggested_filename == "会议日程.png"


def test_a_file_whose_content_does_not_match_its_type_is_rejected(page: Page, site: str, tmp_path: Path) -> None:
    name = unique("资料校验测试项目")
    first_day, second_day = session_days()
    fake = tmp_path / "假的通知.pdf"
    fake.write_bytes(write_png(tmp_path / "scan.png").read_bytes())
    real = write_pdf(tmp_path / "通知.pdf")
    word = tmp_path / "通知.docx"
    word.write_bytes(b"PK\x03\x04 not really a document")

    login(page, site, "organizer-demo")
    create_national_project(page, name, NUMBERS[1])
    # Prepare the application through the API, as the page would.
    token = page.evaluate("localStorage.getItem('cme.token')")
    headers = {"Authorization": f"Bearer {token}"}
    projects = page.request.get(f"{site}/api/projects", params={"name": name}, headers=headers).json()
    project_id = projects["items"][0]["project_id"]
    created = page.request.post(
        f"{site}/api/projects/{project_id}/sessions",
        headers=headers,
        data={
            "seq": 2,
            "venue": "苏州市会议中心",
            "start_date": first_day,
            "end_date": second_day,
            "planned_attendees": 80,
            "remark": None,
            "schedule": [
                {
                    "date": first_day,
                    "start": "09:00",
                    "end": "12:00",
                    "topic": "病例讨论",
                    "lecturer": "赵医生",
                    "hours": 3,
                }
            ],
        },
    )
    assert created.status == 201, created.text()
    page.goto(f"{site}/sessions/{created.json()['session_id']}")

    notice = page.locator("[data-test=material-notice]")
    # A Word file is no notice: refused before anything is sent.
    notice.locator("input[type=file]").set_input_files(word)
    expect(page.locator("[data-test=material-notice-error]")).to_have_text("会议通知请上传 JPG、PNG 或 PDF 文件")
    expect(notice.get_by_role("button", name="开始上传")).to_be_disabled()

    # PNG bytes named .pdf reach storage, but the server's check rejects and deletes them.
    upload(page, "notice", fake)
    expect(page.locator("[data-test=material-notice-error]")).to_contain_text("文件内容与声明的类型不符")
    expect(page.locator("[data-test=material-notice-state]")).to_have_text("未上传")
    expect(page.locator("[data-test=material-notice-progress]")).to_have_count(0)

    # A real PDF then goes through; it can be deleted again before submitting.
    upload(page, "notice", real)
    expect(page.locator("[data-test=material-notice-state]")).to_have_text("已上传")
    expect(page.locator("[data-test=material-notice-error]")).to_have_count(0)
    page.locator("[data-test=material-notice-delete]").click()
    confirm(page, "删除资料", "删除")
    expect(page.locator("[data-test=material-notice-state]")).to_have_text("未上传")
    expect(page.locator("[data-test=session-review-reason]")).to_have_text("未上报")


def test_office_filters_the_review_list_by_unit(page: Page, site: str) -> None:
    login(page, site, "office-demo")
    page.get_by_role("menuitem", name="举办审核").click()
    unit = page.locator("[data-test=session-filter-org]")
    unit.click()
    page.keyboard.type("示范")
    page.locator(".el-select-dropdown__item:visible", has_text="南京示范医院").click()
    page.locator("[data-test=session-search]").click()
    expect(page).to_have_url(re.compile(r"[?&]org_id="))
    # Opened from the address, the picker loads the organisation and shows its name.
    page.reload()
    expect(unit).to_contain_text("南京示范医院")
    expect(page.locator("[data-test=session-table]")).to_be_visible()
