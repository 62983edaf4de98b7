"""Browser test of the credit workflow after a session (console, desktop): the organizer submits the 执行情况, the
admin includes the attendees below the 规定学时 with a reason and submits the list, the office grants; the organizer
then sees the 学分授予结果, the lists show where the workflow stands with its deadline, and 通知中心 has the notice.

The approved session is prepared through the API (as the console would), with its attendance through the public
sign-in and sign-out API (as the phone pages would). Its one teaching block has already ended in real time while its
sign-in and sign-out windows (a day wide after the block) are still open, so the attendees arrive after the teaching
and attend 0 hours: none is preselected and each needs a reason to be included.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from playwright.sync_api import APIRequestContext, Page, expect

from tests.browser.helpers import (
    CHINA,
    OPEN_ALL_DAY,
    api_login,
    approve,
    confirm,
    draft_session,
    id_number,
    login,
    logout,
    table_row,
    unique,
)

# Name, the first 17 digits of the ID number (born in 1985, 1990, 1988; male, female, male) and mobile.
SIGNED_OUT = (("李明华", "32010219850611235", "13900000001"), ("王晓红", "32058219900215442", "13900000002"))
SIGNED_IN_ONLY = ("陈未退", "32010619881120517", "13900000003")
REASON = "因院内急诊晚到，经科室证明全程参加讨论"


def ended_block(now: datetime) -> tuple[date, tuple[str, str, float]]:
    """A three-hour block that ended before ``now`` and whose windows (closing a day after its end) stay open for
    a while yet: yesterday 20:00-23:00 (China time), or today 19:00-22:00 from 22:50 on."""
    today = now.astimezone(CHINA).date()
    if now.astimezone(CHINA).strftime("%H:%M") < "22:50":
        return today - timedelta(days=1), ("20:00", "23:00", 3)
    return today, ("19:00", "22:00", 3)


def attend(request: APIRequestContext, site: str, sid: str) -> None:
    """Two attendees sign in and out, one only signs in, through the public API with the codes of the session."""
    codes = request.get(
        f"{site}/api/sessions/{sid}/attendance/codes", headers=api_login(request, site, "organizer-demo")
    )
    assert codes.ok, codes.text()
    tokens = {code["kind"]: re.search(r"[?&]t=([^&]+)", code["url"]).group(1) for code in codes.json()["codes"]}
    for name, prefix, mobile in (*SIGNED_OUT, SIGNED_IN_ONLY):
        signed_in = request.post(
            f"{site}/api/public/attendance/{sid}/sign-in",
            data={
                "t": tokens["in"],
                "id_number": id_number(prefix),
                "name": name,
                "gender": "male" if int(prefix[16]) % 2 else "female",
                "age": datetime.now(CHINA).year - int(prefix[6:10]),
                "mobile": mobile,
                "unit": "南京市第一医院",
                "department": "心内科",
                "region": "南京市",
                "grassroots": False,
                "title": "主治医师",
            },
        )
        assert signed_in.ok and signed_in.json()["status"] == "signed_in", signed_in.text()
    for _, prefix, mobile in SIGNED_OUT:
        check = request.post(
            f"{site}/api/public/attendance/{sid}/sign-out/lookup", data={"t": tokens["out"], "mobile": mobile}
        )
        assert check.ok, check.text()
        answers = {
            q["id"]: q["options"][: q.get("choose") or 1] if q["type"] == "multiple" else q["options"][0]
            for q in check.json()["questionnaire"]["questions"]
        }
        signed_out = request.post(
            f"{site}/api/public/attendance/{sid}/sign-out",
            data={"t": tokens["out"], "id_number": id_number(prefix), "answers": answers},
        )
        assert signed_out.ok, signed_out.text()
        assert signed_out.json()["hours"] == 0, "present only after the teaching ended"


def session_of(request: APIRequestContext, site: str, sid: str) -> dict:
    res = request.get(f"{site}/api/sessions/{sid}", headers=api_login(request, site, "organizer-demo"))
    assert res.ok, res.text()
    return res.json()


def expect_deadline(page: Page, session: dict, who: str) -> None:
    """The list's deadline of the session: the server's remaining days and, on hover, who must act by when."""
    deadline = session["deadline"]
    assert deadline and not deadline["overdue"], deadline
    cell = page.locator(f"[data-test=deadline-{session['session_id']}]")
    expect(cell).to_have_text(f"剩余{deadline['days_left']}天")
    expect(cell).to_have_attribute("title", f"{who}截止 {deadline['due']}")


def test_report_selection_and_grant_then_the_organizer_sees_the_credits(page: Page, site: str) -> None:
    request = page.request
    name = unique("学分测试项目")
    day, block = ended_block(datetime.now(CHINA))
    sid = draft_session(request, site, name, [day.isoformat()], OPEN_ALL_DAY, block)
    approve(request, site, sid)
    attend(request, site, sid)
    selection = request.get(f"{site}/api/sessions/{sid}/selection", headers=api_login(request, site, "admin-demo"))
    assert selection.ok, selection.text()
    ids = {item["name"]: item["attendee_id"] for item in selection.json()["items"]}
    assert set(ids) == {n for n, _, _ in (*SIGNED_OUT, SIGNED_IN_ONLY)}

    # The organizer fills in and submits the 执行情况 (dates, venue and lecturers come prefilled from the session).
    login(page, site, "organizer-demo")
    page.goto(f"{site}/sessions/{sid}/report")
    expect(page.locator("[data-test=report-status]")).to_have_text("待提交执行情况")
    form = page.locator("[data-test=report-form]")
    expect(page.locator("[data-test=report-venue]")).to_have_value("南京市鼓楼区示范医院学术报告厅")
    expect(page.locator("[data-test=report-lecturer-0-name]")).to_have_value("赵医生")
    page.locator("[data-test=report-summary]").fill("按计划完成病例讨论，学员反馈良好。")
    page.locator("[data-test=report-lecturer-0-title]").fill("主任医师")
    page.locator("[data-test=report-lecturer-0-unit]").fill("南京示范医院")
    # The lecturer's ID number (optional, #15 item 7): checked in the form, then shown only masked.
    lecturer_id = id_number("11010519491231002")
    page.locator("[data-test=report-lecturer-0-id]").fill(lecturer_id[:17] + ("0" if lecturer_id[17] != "0" else "1"))
    page.locator("[data-test=report-submit]").click()
    expect(page.locator("[data-test=report-lecturer-editor]")).to_contain_text("身份证号码校验位不正确")
    page.locator("[data-test=report-lecturer-0-id]").fill(lecturer_id)
    page.locator("[data-test=report-submit]").click()
    confirm(page, "提交执行情况", "提交")
    expect(page.locator("[data-test=report-status]")).to_have_text("待单位遴选上报")
    expect(form).to_have_count(0)
    expect(page.locator("[data-test=report-summary-text]")).to_have_text("按计划完成病例讨论，学员反馈良好。")
    expect(page.locator("[data-test=report-signed-in]")).to_have_text("3")
    expect(page.locator("[data-test=report-signed-out]")).to_have_text("2")
    masked_id = lecturer_id[:6] + "********" + lecturer_id[-4:]
    expect(page.locator("[data-test=report-lecturers]")).to_contain_text(masked_id)
    logout(page)

    # The admin's 举办审核 list shows 执行情况 and its deadline; the admin includes the two who signed out, each with
    # a reason (0 hours, below the 规定学时), leaves out the one who did not, and submits the list.
    login(page, site, "admin-demo")
    page.goto(f"{site}/sessions?status=approved&report_status=reported&name={name}")
    row = table_row(page, "session-table", name)
    expect(row.locator(f"[data-test=session-report-{sid}]")).to_have_text("待单位遴选上报")
    expect_deadline(page, session_of(request, site, sid), "单位遴选上报")
    row.locator(f"[data-test=session-report-{sid}]").click()
    expect(page).to_have_url(re.compile(f"/sessions/{sid}/report$"))
    expect(page.locator("[data-test=selection-summary]")).to_have_text("已选0/共3人")
    for attendee, _, _ in SIGNED_OUT:
        expect(page.locator(f"[data-test=selection-hours-{ids[attendee]}]")).to_have_text("0")
    dialog = page.locator("[data-test=selection-reason-dialog]")
    first = ids[SIGNED_OUT[0][0]]
    page.locator(f"[data-test=selection-check-{first}]").click()
    expect(dialog).to_be_visible()
    dialog.locator("[data-test=selection-reason-confirm]").click()
    expect(dialog.locator(".el-form-item__error")).to_have_text("请填写纳入理由")
    for attendee, _, _ in SIGNED_OUT:
        if attendee != SIGNED_OUT[0][0]:
            page.locator(f"[data-test=selection-check-{ids[attendee]}]").click()
            expect(dialog).to_be_visible()
        dialog.locator("[data-test=selection-reason-input]").fill(REASON)
        dialog.locator("[data-test=selection-reason-confirm]").click()
        expect(dialog).to_be_hidden()
        expect(page.locator(f"[data-test=selection-reason-{ids[attendee]}]")).to_have_text(REASON)
    summary, state = page.locator("[data-test=selection-summary]"), page.locator("[data-test=selection-save-state]")
    expect(summary).to_have_text("已选2/共3人")
    expect(state).to_have_text("已保存")
    # The choices are the server's draft (issue #15 item 1): a reload shows them and their reasons again.
    page.reload()
    expect(summary).to_have_text("已选2/共3人")
    for attendee, _, _ in SIGNED_OUT:
        expect(page.locator(f"[data-test=selection-reason-{ids[attendee]}]")).to_have_text(REASON)
    expect(page.locator("[data-test=selection-saved-by]")).to_contain_text("admin-demo")
    # A change that could not be saved yet: 返回 asks first, 留下 stays; once the network is back it is saved.
    page.route("**/selection/draft", lambda route: route.abort())
    page.locator(f"[data-test=selection-check-{first}]").click()
    expect(state).to_have_text("保存失败")
    page.locator("[data-test=report-back]").click()
    confirm(page, "修改尚未保存", "留下")
    expect(page).to_have_url(re.compile(f"/sessions/{sid}/report$"))
    page.unroute("**/selection/draft")
    page.locator("[data-test=selection-save-retry]").click()
    expect(state).to_have_text("已保存")
    expect(summary).to_have_text("已选1/共3人")
    page.locator(f"[data-test=selection-check-{first}]").click()  # ticked again: its reason is remembered
    expect(state).to_have_text("已保存")
    expect(summary).to_have_text("已选2/共3人")
    # The views are the server's (issue #13): 未选 shows only the one left out, 已选 the two, 未达规定学时 all three
    # (nobody reached the hours); the counts stay those of the whole session.
    rows = page.locator("[data-test=selection-table] tbody tr")
    left_out = ids[SIGNED_IN_ONLY[0]]
    page.locator("[data-test=selection-view-unselected]").click()
    expect(rows).to_have_count(1)
    expect(page.locator(f"[data-test=selection-check-{left_out}]")).to_have_count(1)
    page.locator("[data-test=selection-view-selected]").click()
    expect(rows).to_have_count(2)
    expect(page.locator(f"[data-test=selection-check-{left_out}]")).to_have_count(0)
    page.locator("[data-test=selection-view-below]").click()
    expect(rows).to_have_count(3)
    expect(summary).to_have_text("已选2/共3人")
    page.locator("[data-test=selection-view-all]").click()
    expect(rows).to_have_count(3)
    page.locator("[data-test=selection-submit]").click()
    confirm(page, "提交至省继教办", "提交")
    expect(page.locator("[data-test=report-status]")).to_have_text("待省继教办审核学分")
    expect(page.locator("[data-test=selection-submit]")).to_have_count(0)
    logout(page)

    # The office: the list shows its own review deadline; 授予学分 for the two, 1 credit each (3 hours, national).
    login(page, site, "office-demo")
    page.goto(f"{site}/sessions?year={day.year}&status=approved&report_status=submitted&name={name}")
    row = table_row(page, "session-table", name)
    expect(row.locator(f"[data-test=session-report-{sid}]")).to_have_text("待省继教办审核学分")
    expect_deadline(page, session_of(request, site, sid), "省继教办审核")
    row.locator(f"[data-test=session-report-{sid}]").click()
    for attendee, _, _ in SIGNED_OUT:
        expect(page.locator(f"[data-test=selection-reason-{ids[attendee]}]")).to_have_text(REASON)
    page.locator("[data-test=grant-button]").click()
    grant = page.locator("[data-test=grant-dialog]")
    expect(grant.locator("[data-test=grant-count]")).to_have_text("2")
    expect(grant.locator("[data-test=grant-per-attendee]")).to_have_text("1")
    # the class of the session's rule version for its level, as the server grants it
    expect(grant.locator("[data-test=grant-class]")).to_have_text("（I类）")
    grant.locator("[data-test=grant-confirm]").click()
    expect(page.locator("[data-test=report-status]")).to_have_text("已授予学分")
    expect(page.locator("[data-test=grant-button]")).to_have_count(0)
    logout(page)

    # The organizer: 已授予学分 in the project's list (no deadline left), the 学分授予结果, and the notice.
    login(page, site, "organizer-demo")
    page.goto(f"{site}/projects/{session_of(request, site, sid)['project_id']}/sessions")
    row = table_row(page, "project-session-table", "学术报告厅")
    expect(row.locator(f"[data-test=session-report-{sid}]")).to_have_text("已授予学分")
    expect(row.locator(f"[data-test=deadline-{sid}]")).to_have_count(0)
    row.locator(f"[data-test=session-report-button-{sid}]").click()
    expect(page).to_have_url(re.compile(f"/sessions/{sid}/report$"))
    expect(page.locator("[data-test=credits-total]")).to_have_text("共 3 人，合计 8 学分")
    headers = [h.strip() for h in page.locator("[data-test=credits-table] .el-table__header th").all_inner_texts()]
    cells = {
        cells[headers.index("姓名")]: cells
        for cells in (
            [c.strip() for c in r.locator("td").all_inner_texts()]
            for r in page.locator("[data-test=credits-table] .el-table__body tr").all()
        )
    }
    assert set(cells) == {SIGNED_OUT[0][0], SIGNED_OUT[1][0], "赵医生"}, cells
    for attendee, prefix, _ in SIGNED_OUT:
        full = id_number(prefix)
        row_cells = cells[attendee]
        assert row_cells[headers.index("类别")] == "学员"
        assert row_cells[headers.index("身份证号")] == f"{full[:6]}********{full[-4:]}"
        assert (row_cells[headers.index("学分类别")], row_cells[headers.index("学分")]) == ("I类", "1")
    lecturer = cells["赵医生"]
    assert (lecturer[headers.index("类别")], lecturer[headers.index("学时")], lecturer[headers.index("学分")]) == (
        "授课人",
        "3",
        "6",
    )
    expect(page.locator("[data-test=credits-table]")).not_to_contain_text(SIGNED_IN_ONLY[0])

    page.goto(f"{site}/notifications")
    # The demo data holds another granted session; this one's notice names this project.
    notices = page.locator("[data-test=notifications-list] [data-test^=notification-]", has_text="学分已授予")
    notice = notices.filter(has_text=name)
    expect(notice).to_have_count(1)
    expect(notice).to_contain_text("2名学员")
    notice.click()
    expect(page).to_have_url(re.compile(f"/sessions/{sid}/report$"))
    expect(page.locator("[data-test=report-status]")).to_have_text("已授予学分")
