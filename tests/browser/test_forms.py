"""Browser tests of the forms' drafts and of the credits the schedule supports (#15 items 1 and 2, console at desktop
size): the session form and the execution report survive a reload through their server draft, leaving with a change
not yet saved asks first, and a schedule too short for the project's credits is warned about on the form, on the
session's page and in the approval confirmation."""

from __future__ import annotations

import re
from datetime import datetime

from playwright.sync_api import Page, expect

from tests.browser.helpers import CHINA, OPEN_ALL_DAY, _pdf, _png, _upload, api_login, approve, draft_session, login
from tests.browser.helpers import _numbers as numbers
from tests.browser.test_credits import ended_block
from tests.browser.test_sessions import pick, session_days

WARNING = "按日程学时 0.5 小时，学员最多可得 0.1 学分，低于项目学分 6 分"


def _project(page: Page, site: str, year: int) -> str:
    """A published national project of organizer-demo declared at 6 credits, with no session yet."""
    res = page.request.post(
        f"{site}/api/projects/national",
        headers=api_login(page.request, site, "organizer-demo"),
        data={
            "year": year,
            "number": f"{year}-14-02-{next(numbers)}",
            "name": f"表单草稿测试{next(numbers)}",
            "discipline_code": "14-02",
            "leader": "王护",
            "credits": 6,
            "nature": "declared",
            "planned_sessions": 2,
        },
    )
    assert res.status == 201, res.text()
    return res.json()["project_id"]


def test_the_session_form_keeps_its_draft_warns_of_short_credits_and_asks_before_leaving(page: Page, site: str) -> None:
    first_day, _ = session_days()
    pid = _project(page, site, int(first_day[:4]))
    login(page, site, "organizer-demo")
    page.goto(f"{site}/sessions/new?project={pid}")
    expect(page.locator("[data-test=session-form-seq]")).to_contain_text("第1期")

    page.locator("[data-test=session-form-venue]").fill("南京市鼓楼区示范医院学术报告厅")
    pick(page, "session-form-start-date", first_day)
    pick(page, "schedule-0-start", "08:30")
    pick(page, "schedule-0-end", "09:00")
    page.locator("[data-test=schedule-0-topic]").fill("开班仪式")
    page.locator("[data-test=schedule-0-lecturer]").fill("王护")
    expect(page.locator("[data-test=schedule-0-hours] input")).to_have_value("0.5")
    # live, as the rows change: under the rules in force (national: 3 hours a credit)
    expect(page.locator("[data-test=schedule-credits-warning]")).to_contain_text(WARNING)
    state = page.locator("[data-test=session-draft-state]")
    expect(state).to_have_text("草稿已保存")

    page.reload()
    expect(page.locator("[data-test=session-draft-restored]")).to_contain_text("已恢复")
    expect(page.locator("[data-test=session-form-venue]")).to_have_value("南京市鼓楼区示范医院学术报告厅")
    expect(page.locator("[data-test=schedule-0-topic]")).to_have_value("开班仪式")
    expect(page.locator("[data-test=schedule-credits-warning]")).to_contain_text(WARNING)

    # a change not yet saved: 返回 asks first; 留下 keeps the page (and saves)
    page.locator("[data-test=schedule-0-topic]").fill("开班仪式及导论")
    page.locator("[data-test=session-form-back]").click()
    dialog = page.get_by_role("dialog", name="修改尚未保存")
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="留下").click()
    expect(page).to_have_url(re.compile(r"/sessions/new\?project="))
    expect(state).to_have_text("草稿已保存")
    # saved: leaving asks nothing, and the draft is there when the form opens again
    page.locator("[data-test=session-form-back]").click()
    expect(page).to_have_url(re.compile(r"/projects/[^/]+/sessions$"))
    page.goto(f"{site}/sessions/new?project={pid}")
    expect(page.locator("[data-test=schedule-0-topic]")).to_have_value("开班仪式及导论")


def test_reviewers_are_warned_before_approving_a_schedule_short_of_the_credits(page: Page, site: str) -> None:
    first_day, _ = session_days()
    request = page.request
    sid = draft_session(request, site, f"学分不足测试{next(numbers)}", [first_day], block=("08:30", "09:00", 0.5))
    org, admin = api_login(request, site, "organizer-demo"), api_login(request, site, "admin-demo")
    _upload(request, site, org, sid, "notice", "通知.pdf", "application/pdf", _pdf())
    _upload(request, site, org, sid, "schedule", "日程.png", "image/png", _png())
    for step, who in (("submit", org), ("forward", admin)):
        assert request.post(f"{site}/api/sessions/{sid}/{step}", headers=who, data={}).ok
    warning = "按日程学时 0.5 小时，学员最多可得 0.1 学分，低于项目学分 5 分"

    login(page, site, "office-demo")
    page.goto(f"{site}/sessions/{sid}")
    expect(page.locator("[data-test=session-schedule-credits]")).to_have_text("0.1")
    expect(page.locator("[data-test=session-credits-warning]")).to_contain_text(warning)
    page.locator("[data-test=session-approve]").click()
    dialog = page.get_by_role("dialog", name="审核通过")
    expect(dialog.locator("[data-test=confirm-credits-warning]")).to_contain_text(warning)
    dialog.get_by_role("button", name="取消").click()  # a warning, not a block: cancelling leaves it as it was
    expect(dialog).to_be_hidden()


def test_the_execution_report_keeps_its_draft_through_a_reload(page: Page, site: str) -> None:
    request = page.request
    day, block = ended_block(datetime.now(CHINA))
    sid = draft_session(request, site, f"执行情况草稿{next(numbers)}", [day.isoformat()], OPEN_ALL_DAY, block)
    approve(request, site, sid)

    login(page, site, "organizer-demo")
    page.goto(f"{site}/sessions/{sid}/report")
    page.locator("[data-test=report-summary]").fill("上午完成病例讨论，下午待补充")
    page.locator("[data-test=report-lecturer-0-title]").fill("主任医师")
    expect(page.locator("[data-test=report-draft-state]")).to_have_text("草稿已保存")
    page.reload()
    expect(page.locator("[data-test=report-draft-restored]")).to_contain_text("已恢复")
    expect(page.locator("[data-test=report-summary]")).to_have_value("上午完成病例讨论，下午待补充")
    expect(page.locator("[data-test=report-lecturer-0-title]")).to_have_value("主任医师")

    # a change not yet saved: leaving through the menu asks first
    page.locator("[data-test=report-summary]").fill("全天完成病例讨论")
    page.get_by_role("menuitem", name="项目举办申请").click()
    dialog = page.get_by_role("dialog", name="修改尚未保存")
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="留下").click()
    expect(page).to_have_url(re.compile(rf"/sessions/{sid}/report$"))

    # 保存 clears the draft: the page opens on the saved report, with nothing to restore
    page.locator("[data-test=report-save]").click()
    expect(page.get_by_text("已保存执行情况")).to_be_visible()
    page.reload()
    expect(page.locator("[data-test=report-summary]")).to_have_value("全天完成病例讨论")
    expect(page.locator("[data-test=report-draft-restored]")).to_have_count(0)
