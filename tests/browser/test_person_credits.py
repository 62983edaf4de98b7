"""Browser test of 个人年度学分 (issue #13 item 6) on the demo data's granted national session: on a phone (390×844) a
health worker opens the page from the phone home page, gives the full ID number, name and year, and sees the year's
credits by level and class against the yearly requirement and the certificate with its verification page; a wrong
name says only that nothing was found. The office opens the same year in the console (full name, longer mask)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from playwright.sync_api import Page, expect

from chalicelib.timeutil import CHINA
from tests.browser.helpers import id_number, login

HELD = datetime.now(CHINA).date() - timedelta(days=3)  # the demo's held and granted session (localdev/seed.py)
YEAR = str(HELD.year)
PROJECT_NAME = "急性胸痛规范化诊治（演示）"
# A demo attendee whose certificate no other browser test changes (test_certificates.py revokes 王喆's, and the
# browser tests share one demo system).
NAME, MASKED_NAME, WRONG_NAME = "李堃", "李*", "李坤"
FULL_ID = id_number("32050219900708262")  # localdev/seed.py DEMO_ATTENDEES


def ask(phone: Page, name: str) -> None:
    phone.locator("[data-test=id_number] input").fill(FULL_ID)
    phone.locator("[data-test=name] input").fill(name)
    phone.locator("select[data-test=year]").select_option(YEAR)
    phone.locator("[data-test=submit]").click()


def test_a_health_worker_sees_the_years_credits_on_a_phone(phone: Page, site: str) -> None:
    phone.goto(f"{site}/m/")
    phone.locator("[data-test=credits-link]").click()
    expect(phone.locator("[data-test=credits-title]")).to_have_text("个人年度学分查询")

    ask(phone, WRONG_NAME)  # a wrong name: nothing found, and no more said
    expect(phone.locator("[data-test=failure]")).to_have_text("未查询到该年度的学分记录，请核对身份证号码、姓名和年度")

    phone.locator("[data-test=name] input").fill(NAME)
    phone.locator("[data-test=submit]").click()
    summary = phone.locator("[data-test=summary]")
    expect(summary).to_contain_text(MASKED_NAME)
    expect(summary).to_contain_text("*" * 14 + FULL_ID[-4:])
    expect(summary).to_contain_text(f"{YEAR}年度")
    expect(phone.locator("[data-test=verdict]")).to_contain_text("年度")
    expect(summary).to_contain_text("每年不少于25学分，其中I类学分不少于5学分")
    expect(phone.locator("[data-test=levels]")).to_contain_text("国家级")
    certificates = phone.locator("[data-test=certificates]")
    expect(certificates).to_contain_text(PROJECT_NAME)
    expect(certificates).to_contain_text("证书编号 JS")
    body = phone.locator("body").inner_text()
    assert FULL_ID[:14] not in body and FULL_ID[6:14] not in body and NAME not in body, "only the public mask"
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390, "nothing wider than the phone"

    phone.locator("[data-test=verify-link]").first.click()
    expect(phone).to_have_url(re.compile(rf"{re.escape(site)}/m/verify/[A-Z0-9-]+$"))  # the phone page of it
    expect(phone.locator("body")).to_contain_text("有效")


def test_the_office_opens_any_persons_year_in_the_console(page: Page, site: str) -> None:
    login(page, site, "office-demo")
    page.get_by_role("menuitem", name="个人学分查询").click()
    form = page.locator("[data-test=person-credits-form]")
    form.locator("input[data-test=person-credits-id]").fill(FULL_ID)
    form.locator("input[data-test=person-credits-name]").fill(NAME)
    page.locator("[data-test=person-credits-year]").click()
    page.get_by_role("option", name=f"{YEAR}年").click()
    page.locator("[data-test=person-credits-submit]").click()
    result = page.locator("[data-test=person-credits-result]")
    expect(result).to_contain_text(NAME)
    expect(result).to_contain_text(FULL_ID[:6] + "********" + FULL_ID[-4:])
    expect(page.locator("[data-test=person-credits-certificates]")).to_contain_text(PROJECT_NAME)
    expect(page.locator("[data-test=person-credits-verdict]")).to_be_visible()
