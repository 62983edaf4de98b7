"""Browser test of 个人信息 (issue #17 item 2) on the demo data's granted session: the office exports one person's
data by full ID number and 申请编号 (the job's progress, then its file), and corrects an attendee's name found by
certificate number (a confirmation saying the old certificate is revoked and a new one issued; the old number then
shows as revoked)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from playwright.sync_api import Page, expect

from chalicelib.timeutil import CHINA
from localdev.seed import held_project_number
from tests.browser.helpers import confirm, id_number, login

HELD = datetime.now(CHINA).date() - timedelta(days=3)  # the demo's held and granted session (localdev/seed.py)
# Demo attendees no other browser test changes (test_certificates.py revokes 王喆's, test_person_credits reads 李堃's).
EXPORTED = id_number("32050219900708262")  # 李堃: read only
CORRECTED, CORRECTED_ID = "阿依古丽·买买提", id_number("65010219920115342")


def test_the_office_exports_a_persons_data(page: Page, site: str) -> None:
    login(page, site, "office-demo")
    page.get_by_role("menuitem", name="个人信息").click()
    expect(page.get_by_role("tab", name="导出个人数据")).to_be_visible()
    form = page.locator("[data-test=personal-export-form]")
    form.locator("input[data-test=personal-export-id]").fill(EXPORTED[:-1] + ("0" if EXPORTED[-1] != "0" else "1"))
    form.locator("input[data-test=personal-export-reference]").fill("SQ-2026-001")
    page.locator("[data-test=personal-export-submit]").click()
    expect(form).to_contain_text("校验位")  # a mistyped number is refused before anything is asked
    form.locator("input[data-test=personal-export-id]").fill(EXPORTED)
    page.locator("[data-test=personal-export-submit]").click()
    job = page.locator("[data-test=personal-export-job]")
    expect(job).to_have_attribute("data-state", "succeeded", timeout=30_000)
    expect(job).to_contain_text("个人信息副本")


def test_the_office_corrects_a_name_and_the_certificate_is_reissued(page: Page, site: str) -> None:
    query = {"project_number": held_project_number(HELD), "name": CORRECTED, "id_number": CORRECTED_ID}
    found = page.request.post(f"{site}/api/public/certificates/query", data=query)
    assert found.ok, found.text()
    number = found.json()["items"][0]["certificate_no"]

    login(page, site, "office-demo")
    page.get_by_role("menuitem", name="个人信息").click()
    page.get_by_role("tab", name="更正学员信息").click()
    page.locator("input[data-test=correction-number]").fill(number)
    page.locator("[data-test=correction-find]").click()
    current = page.locator("[data-test=correction-current]")
    expect(current.locator("[data-test=correction-name]")).to_have_text(CORRECTED)
    expect(current.locator("[data-test=correction-unit]")).to_have_text("乌鲁木齐市第一人民医院")

    page.locator("input[data-test=correction-new-name]").fill("阿依古丽·麦麦提")
    page.locator("input[data-test=correction-reference]").fill("GZ-2026-7")
    page.locator("[data-test=correction-submit]").click()
    dialog = page.get_by_role("dialog", name="更正学员信息")
    expect(dialog).to_contain_text(f"原证书 {number} 将作废")
    expect(dialog).to_contain_text("重新签发")
    confirm(page, "更正学员信息", "确定更正")
    expect(current.locator("[data-test=correction-name]")).to_have_text("阿依古丽·麦麦提")
    new_number = page.locator("input[data-test=correction-number]").input_value()
    assert re.fullmatch(r"JS\d{4}-\d{6}", new_number) and new_number != number, new_number

    page.locator("input[data-test=correction-number]").fill(number)
    page.locator("[data-test=correction-find]").click()
    expect(current.locator("[data-test=correction-status]")).to_have_text("已作废")
    expect(current).to_contain_text(f"已重新签发为 {new_number}")
    expect(page.locator("[data-test=correction-form]")).to_have_count(0)
