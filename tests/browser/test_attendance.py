"""Browser test of the phone pages: 签到 and 签退 from the QR links, at a phone viewport; then the organizer's
签到情况 page in the console shows the attendee, the questionnaire count and exports the list.

The approved session is prepared through the API (as the console would): held today (China time) with
windows a day wide, so both codes are open whatever the time of day.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import openpyxl
import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.helpers import CHINA, api_login, approved_session_today, id_number, login, table_row, unique

CHINA_MINUTE = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d")


def china_minutes(since: dt.datetime) -> set[str]:
    """Every China-time minute from ``since`` until now, as the pages write them."""
    now = dt.datetime.now(CHINA)
    minute = since.astimezone(CHINA).replace(second=0, microsecond=0)
    found = set()
    while minute <= now:
        found.add(minute.strftime("%Y-%m-%d %H:%M"))
        minute += dt.timedelta(minutes=1)
    return found


@pytest.fixture(scope="module")
def links(chromium: Browser, live_server: str) -> dict[str, str]:
    """An approved session whose windows are open now: its sign-in and sign-out URLs (path + token)."""
    site = live_server.rstrip("/")
    context = chromium.new_context()
    request = context.request
    name = unique("签到测试项目")
    sid, _ = approved_session_today(request, site, name)
    codes = request.get(
        f"{site}/api/sessions/{sid}/attendance/codes", headers=api_login(request, site, "organizer-demo")
    )
    assert codes.ok, codes.text()
    body = codes.json()
    context.close()
    strip = lambda url: re.sub(r"^https?://[^/]+", "", url)  # noqa: E731 - the system's own origin may differ
    return {"in": strip(body["sign_in_url"]), "out": strip(body["sign_out_url"]), "sid": sid, "name": name}


def fill(page: Page, test_id: str, value: str) -> None:
    page.locator(f"[data-test={test_id}] input").fill(value)


def test_sign_in_then_sign_out_with_the_questionnaire_then_the_organizer_sees_it(
    phone: Page, page: Page, site: str, links: dict[str, str], tmp_path: Path
) -> None:
    person_id = id_number("32010219900307123")
    masked_id = f"{person_id[:6]}********{person_id[-4:]}"  # the console's mask
    public_id = "*" * 14 + person_id[-4:]  # what public answers show
    started = dt.datetime.now(CHINA)
    phone.goto(f"{site}{links['in']}")
    expect(phone.locator("[data-test=project-name]")).to_have_text(links["name"])
    expect(phone.locator("[data-test=session-header]")).to_contain_text("第1期")

    # The browser's own checks: a wrong check digit, then the ID fills 性别 and 年龄.
    fill(phone, "id_number", person_id[:17] + ("0" if person_id[17] != "0" else "1"))
    phone.locator("[data-test=name] input").click()
    expect(phone.locator("[data-test=id_number]")).to_contain_text("身份证号码校验位不正确")
    fill(phone, "id_number", person_id.lower())
    expect(phone.locator("[data-test=gender-derived]")).to_have_text("男")
    expect(phone.locator("[data-test=age] input")).not_to_have_value("")
    fill(phone, "name", "张喆")
    fill(phone, "mobile", "13912345678")
    fill(phone, "unit", "南京市第一医院")
    fill(phone, "department", "心内科")
    fill(phone, "region", "南京市")
    phone.locator("[data-test=grassroots]").get_by_text("否", exact=True).click()
    fill(phone, "title", "主治医师")
    phone.locator("[data-test=submit]").click()
    expect(phone.locator("[data-test=status-title]")).to_have_text("签到成功")
    found = CHINA_MINUTE.search(phone.locator("[data-test=signed-in-at]").inner_text())
    assert found, "签到时间 shown to the minute"
    signed_in = found.group(0)
    assert signed_in in china_minutes(started), f"签到时间 {signed_in} is not now in China time"

    # Scanning again: the form comes back filled from this phone; a second submit is 已签到 with the first time.
    phone.goto(f"{site}{links['in']}")
    expect(phone.locator("[data-test=name] input")).to_have_value("张喆")
    expect(phone.locator("[data-test=forget]")).to_be_visible()
    phone.locator("[data-test=submit]").click()
    expect(phone.locator("[data-test=status-title]")).to_have_text("已签到")
    expect(phone.locator("[data-test=signed-in-at]")).to_contain_text(signed_in)
    assert phone.evaluate("localStorage.getItem('cme.sign_ins')") is None, "no memory of sign-ins on the phone"

    # Another phone (here: this one with a new client id) sending the same number: told a record exists, without
    # 签到成功 or any time; the organizer sees it among the refused scans (below).
    phone.evaluate("localStorage.removeItem('cme.client_id')")
    phone.goto(f"{site}{links['in']}")
    phone.locator("[data-test=submit]").click()
    expect(phone.locator("[data-test=status-title]")).to_have_text("已有签到记录")
    expect(phone.locator("[data-test=status-message]")).to_have_text(
        "本场已有该身份证号码的签到记录，以首次签到为准；如非本人签到，请联系现场工作人员"
    )
    expect(phone.locator("[data-test=signed-in-at]")).to_have_count(0)

    # 签退 by mobile: masked data (the unit in full because this phone saved it), the questionnaire (选两项 takes
    # exactly two), 确认离开.
    phone.goto(f"{site}{links['out']}")
    expect(phone.locator("[data-test=lookup-mobile] input")).to_have_value("13912345678")
    with phone.expect_response(lambda r: r.url.endswith("/sign-out/lookup")) as looked_up:
        phone.locator("[data-test=lookup]").click()
    assert looked_up.value.json()["unit"] == "南京***医院", "the server answers the unit masked"
    expect(phone.locator("[data-test=confirm-name]")).to_contain_text("张*")
    expect(phone.locator("[data-test=confirm-id]")).to_have_text(re.compile(re.escape(public_id)))
    expect(phone.locator("[data-test=confirm-unit]")).to_contain_text("南京市第一医院")
    phone.locator("[data-test=confirm-next]").click()
    questions = phone.locator("[data-test^=question-q]")
    expect(questions.first).to_be_visible()
    for i in range(questions.count()):
        q = questions.nth(i)
        if q.locator(".van-checkbox").count():
            boxes = q.locator(".van-checkbox")
            boxes.nth(0).click()
            phone.locator("[data-test=sign-out]").click()
            expect(q.locator("[data-test=question-error]")).to_contain_text("请选择两项")
            boxes.nth(2).click()
            boxes.nth(3).click()  # a third pick is refused by the limit
            expect(q.locator(".van-checkbox[aria-checked=true]")).to_have_count(2)
        else:
            q.locator(".van-radio").first.click()
    phone.locator("[data-test=sign-out]").click()
    expect(phone.locator("[data-test=status-title]")).to_have_text("签退成功")
    expect(phone.locator("[data-test=signed-in-at]")).to_contain_text(signed_in)
    found = CHINA_MINUTE.search(phone.locator("[data-test=signed-out-at]").inner_text())
    assert found, "签退时间 shown to the minute"
    signed_out = found.group(0)
    assert signed_out in china_minutes(started), f"签退时间 {signed_out} is not now in China time"
    hours = re.search(r"([\d.]+) 学时", phone.locator("[data-test=hours]").inner_text())
    assert hours, "学时 shown after 签退"

    # Looking up again: already signed out.
    phone.goto(f"{site}{links['out']}")
    phone.locator("[data-test=lookup]").click()
    expect(phone.locator("[data-test=status-title]")).to_have_text("已签退")

    # The organizer's 签到情况 (desktop console): counts, the attendee with both times and hours.
    login(page, site, "organizer-demo")
    page.goto(f"{site}/sessions/{links['sid']}/attendance")
    expect(page.locator("[data-test=attendance-session]")).to_contain_text(links["name"])
    expect(page.locator("[data-test=count-signed_in] .count-value")).to_have_text("1")
    expect(page.locator("[data-test=count-signed_out] .count-value")).to_have_text("1")
    expect(page.locator("[data-test=count-incomplete] .count-value")).to_have_text("0")
    row = table_row(page, "attendance-table", "张喆")
    expect(row).to_have_count(1)
    headers = [h.strip() for h in page.locator("[data-test=attendance-table] .el-table__header th").all_inner_texts()]
    cells = row.locator("td")
    for column, text in (
        ("身份证号", masked_id),
        ("手机号", "139****5678"),
        ("签到时间", signed_in),
        ("签退时间", signed_out),
        ("学时", hours.group(1)),
        ("状态", "已签退"),
        ("问卷", "已填"),
    ):
        expect(cells.nth(headers.index(column)), column).to_have_text(text)
    expect(row).not_to_contain_text(person_id[6:14])

    # 问卷统计: one response, counted on the options chosen on the phone.
    page.get_by_role("tab", name="问卷统计").click()
    expect(page.locator("[data-test=questionnaire-responses]")).to_have_text("1")
    first = page.locator("[data-test=question-result-q1] [data-test=option-count]")
    expect(first.first).to_have_text("1 人（100%）")
    expect(first.nth(1)).to_have_text("0 人（0%）")

    # 导出Excel: a background job; the progress bar ends with the link, and the download starts by itself. A real
    # workbook with the header row, the times in China time and the ID number masked.
    page.get_by_role("tab", name="学员名单").click()
    with page.expect_download() as download:
        page.locator("[data-test=attendance-export]").click()
        job = page.locator("[data-test=attendance-export-job]")
        expect(job.locator("[data-test=job-download-link]")).to_be_visible(timeout=30_000)
    expect(job).to_contain_text("已完成")
    assert download.value.suggested_filename.endswith(".xlsx")
    saved = tmp_path / "roster.xlsx"
    download.value.save_as(saved)
    rows = list(openpyxl.load_workbook(saved).worksheets[0].iter_rows(values_only=True))
    assert rows[0][:3] == ("序号", "姓名", "身份证号")
    assert len(rows) == 2
    record = dict(zip(rows[0], rows[1], strict=True))
    assert record["姓名"] == "张喆"
    assert record["身份证号"] == masked_id
    assert (record["签到时间"], record["签退时间"]) == (signed_in, signed_out)
    assert str(record["学时"]) == hours.group(1) or float(record["学时"]) == float(hours.group(1))
    assert not any(person_id in str(value) or person_id[6:14] in str(value) for r in rows for value in r)

    # 异常扫码: the second phone's sign-in of the number.
    page.get_by_role("tab", name="异常扫码").click()
    elsewhere = page.locator("[data-test=rejection-table] .el-table__row", has_text="以首次签到为准")
    expect(elsewhere).to_have_count(1)
    expect(elsewhere).to_contain_text(person_id[-4:])


def test_a_link_without_a_valid_code_shows_no_form_and_the_organizer_sees_the_refusals(
    phone: Page, page: Page, site: str, links: dict[str, str]
) -> None:
    minute = ""
    while minute != dt.datetime.now(CHINA).strftime("%H:%M"):  # three tries within one minute (counted per minute)
        minute = dt.datetime.now(CHINA).strftime("%H:%M")
        for _ in range(3):  # the same phone trying again
            phone.goto(f"{site}/m/in/{links['sid']}?t=1.bogus")
            expect(phone.locator("[data-test=status-title]")).to_have_text("二维码无效")
            expect(phone.locator("[data-test=submit]")).to_have_count(0)
    phone.goto(f"{site}/m/out/{links['sid']}")
    expect(phone.locator("[data-test=status-title]")).to_have_text("无法签退")

    login(page, site, "organizer-demo")
    page.goto(f"{site}/sessions/{links['sid']}/attendance")
    page.get_by_role("tab", name="异常扫码").click()
    repeated = page.locator("[data-test=rejection-table] .el-table__row", has_text="二维码")
    expect(repeated.first).to_contain_text("签到")
    expect(repeated.locator("[data-test=rejection-repeats]").first).to_contain_text(re.compile(r"^\s*[3-9] 次，最后"))
