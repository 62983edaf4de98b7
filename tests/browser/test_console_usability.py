"""Browser tests of issue #15 items 3-6 (console, desktop): the admin is told of a submitted execution report in the
bell and by email; review lists open on what waits for each role and keep the choice in the URL; the audit log shows
Chinese action names, titles and people's names; 二维码 opens the QR page from the lists; the QR refresh is said in
words."""

from __future__ import annotations

import re
from datetime import datetime

from playwright.sync_api import APIRequestContext, Page, expect

from tests.browser.helpers import (
    CHINA,
    OPEN_ALL_DAY,
    api_login,
    approve,
    approved_session_today,
    draft_session,
    login,
    logout,
    table_row,
    unique,
)
from tests.browser.test_credits import ended_block


def _submit_report(request: APIRequestContext, site: str, sid: str, day: str) -> None:
    """The organizer's report, saved and submitted as the report page does."""
    org = api_login(request, site, "organizer-demo")
    report = {
        "actual_start_date": day,
        "actual_end_date": day,
        "venue": "南京市鼓楼区示范医院学术报告厅",
        "summary": "按计划完成全部教学。",
        "lecturers": [{"name": "赵医生", "title": "主任医师", "unit": "南京示范医院", "hours": 3}],
    }
    saved = request.put(f"{site}/api/sessions/{sid}/report", headers=org, data=report)
    assert saved.ok, saved.text()
    submitted = request.post(f"{site}/api/sessions/{sid}/report/submit", headers=org, data={})
    assert submitted.ok, submitted.text()


def test_the_admin_is_told_of_a_submitted_report_and_the_lists_open_on_what_waits(page: Page, site: str) -> None:
    request = page.request
    name = unique("执行情况通知项目")
    day, block = ended_block(datetime.now(CHINA))
    sid = draft_session(request, site, name, [day.isoformat()], OPEN_ALL_DAY, block)
    approve(request, site, sid)
    _submit_report(request, site, sid, day.isoformat())

    # The bell: the notice says the 14-day term and its last day in China time, and leads to the report.
    login(page, site, "admin-demo")
    expect(page.locator("[data-test=notification-badge] .el-badge__content")).to_be_visible()
    page.locator("[data-test=notification-bell]").click()
    item = page.locator("[data-test=notification-item]", has_text=name).first
    expect(item).to_contain_text("待遴选的执行情况")
    expect(item).to_contain_text("14天上报期限")
    expect(item).to_contain_text("（北京时间）24:00")
    item.click()
    expect(page).to_have_url(re.compile(rf"/sessions/{sid}/report$"))

    # 项目审核 opens on what waits for the admin.
    page.get_by_role("menuitem", name="项目审核").click()
    expect(page.locator("[data-test=project-filter-status]")).to_contain_text("待单位审核")

    # 举办审核 opens on the holding applications waiting; the credit work is one click away, and a reload keeps it.
    page.get_by_role("menuitem", name="举办审核").click()
    expect(page.locator("[data-test=session-filter-status]")).to_contain_text("待单位审核")
    todos = page.locator("[data-test=session-todos]")
    expect(todos.locator("label.is-active")).to_have_text("待审核的举办申请")
    expect(page.locator("[data-test=session-table]")).not_to_contain_text(name)
    page.locator("[data-test=session-todo-credits]").click()
    expect(page).to_have_url(
        re.compile(r"status=approved.*report_status=reported|report_status=reported.*status=approved")
    )
    expect(table_row(page, "session-table", name)).to_contain_text("待单位遴选上报")
    page.reload()
    expect(todos.locator("label.is-active")).to_have_text("待遴选上报的学员名单")
    expect(page.locator("[data-test=session-filter-report-status]")).to_contain_text("待单位遴选上报")
    expect(table_row(page, "session-table", name)).to_be_visible()
    logout(page)

    # The office's 举办审核 opens on 待省继教办审核.
    login(page, site, "office-demo")
    page.get_by_role("menuitem", name="举办审核").click()
    expect(page.locator("[data-test=session-filter-status]")).to_contain_text("待省继教办审核")
    expect(page.locator("[data-test=session-todos] label.is-active")).to_have_text("待审核的举办申请")

    # The email went out, with the link to the report.
    page.goto(f"{site}/_local/outbox")
    mail = page.locator("article", has_text=name).filter(has_text="待遴选的执行情况")
    expect(mail).to_have_count(1)
    expect(mail).to_contain_text("admin-demo@demo.cme.local")
    expect(mail).to_contain_text(f"/sessions/{sid}/report")


def test_the_audit_log_shows_chinese_actions_titles_and_names(page: Page, site: str) -> None:
    name = unique("审计名称项目")
    sid, _ = approved_session_today(page.request, site, name)
    login(page, site, "office-demo")
    page.get_by_role("menuitem", name="审计日志").click()
    table = page.locator("[data-test=audit-table]")
    forwarded = table.locator("tr", has_text=f"{name} · 第1期").filter(has_text="确认并上报")
    expect(forwarded).to_have_count(1)
    expect(forwarded.locator("[data-test=audit-target]")).to_have_text(f"举办申请：{name} · 第1期")
    expect(forwarded.locator("[data-test=audit-actor]")).to_have_text("王科教（admin-demo）")
    approved = table.locator("tr", has_text=f"{name} · 第1期").filter(has_text="审核通过")
    expect(approved.locator("[data-test=audit-actor]")).to_have_text("省继教办（演示）（office-demo）")
    created = table.locator("tr", has_text="新增项目").filter(has_text=name)
    expect(created.locator("[data-test=audit-target]")).to_have_text(f"项目：{name}")
    expect(table).not_to_contain_text("session.approve")

    # The session's 办理过程 names people too.
    page.goto(f"{site}/sessions/{sid}")
    actors = page.locator("[data-test=timeline-entry] [data-test=timeline-actor]")
    expect(actors.last).to_have_text("省继教办（演示）（管理用户）")
    expect(page.locator("[data-test=session-timeline]")).not_to_contain_text("admin-demo")


def test_the_qr_action_opens_the_codes_from_the_lists_and_says_the_refresh_in_words(page: Page, site: str) -> None:
    name = unique("二维码入口项目")
    sid, day = approved_session_today(page.request, site, name)

    # 项目举办申请: the published project's row opens its one approved session's codes.
    login(page, site, "organizer-demo")
    page.get_by_role("menuitem", name="项目举办申请").click()
    page.locator("[data-test=project-filter-name]").fill(name)
    page.locator("[data-test=project-search]").click()
    table_row(page, "project-table", name).get_by_role("button", name="二维码").click()
    expect(page).to_have_url(re.compile(rf"/sessions/{sid}/codes$"))
    expect(page.locator("[data-test=session-codes-page]")).to_contain_text(f"{name} · 第1期")
    sign_in = page.locator("[data-test=attendance-code-in]")
    expect(sign_in.locator("img[data-test=attendance-code-image]")).to_be_visible()
    expect(sign_in.locator("[data-test=attendance-code-window]")).to_contain_text(f"签到时段 {day.isoformat()[:4]}")
    expect(sign_in.locator("[data-test=attendance-code-window]")).to_contain_text("（北京时间）")
    expect(sign_in.locator("[data-test=attendance-code-refresh]")).to_have_text(
        re.compile(r"^二维码每1天更新，(下次更新约在|本时段约在)(不到1分钟|\d+分钟|\d+小时(\d+分钟)?)后(结束)?$")
    )
    expect(page.locator("[data-test=attendance-codes]")).not_to_contain_text("后自动刷新")

    # 项目举办管理: the approved 期 has its 二维码 too.
    page.get_by_role("menuitem", name="项目举办申请").click()
    table_row(page, "project-table", name).get_by_role("button", name="申请举办").click()
    table_row(page, "project-session-table", "第1期").get_by_role("button", name="二维码").click()
    expect(page).to_have_url(re.compile(rf"/sessions/{sid}/codes$"))
    logout(page)

    # 举办审核 (the organizer's admin): an approved row's 二维码.
    login(page, site, "admin-demo")
    page.goto(f"{site}/sessions?status=approved&name={name}")
    table_row(page, "session-table", name).locator(f"[data-test=session-codes-{sid}]").click()
    expect(page).to_have_url(re.compile(rf"/sessions/{sid}/codes$"))
    expect(page.locator("[data-test=attendance-code-out] [data-test=attendance-code-refresh]")).to_contain_text(
        "二维码每1天更新"
    )
