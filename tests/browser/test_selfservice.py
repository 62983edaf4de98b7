"""Browser tests of the attendee's self-service on a phone (issue #15 items 13 and 11) at 390×844, on the demo data's
granted national session: the console's public pages send phones to /m/ (with a 电脑版 link to stay), 学员证书查询
finds a certificate, its page shows it (status, the certificate drawn from its fields) and saves the PDF; the yearly
credits lead to the same page; in WeChat's in-app browser no PDF is asked for: the certificate is shown as a page and
下载PDF opens the 在浏览器打开 guide; shared links carry a title and a description. The organiser copies a
certificate's verification link in the console (item 7)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from playwright.sync_api import Browser, Page, expect

from chalicelib.timeutil import CHINA
from localdev.seed import held_project_number
from tests.browser.conftest import _open_page
from tests.browser.helpers import api_login, id_number, login, table_row

HELD = datetime.now(CHINA).date() - timedelta(days=3)  # the demo's held and granted session (localdev/seed.py)
PROJECT_NUMBER = held_project_number(HELD)
PROJECT_NAME = "急性胸痛规范化诊治（演示）"
# A demo attendee whose certificate no browser test changes: test_certificates.py revokes 王喆's and
# test_personal_data.py corrects 阿依古丽·买买提's; 李堃's is only read (test_person_credits, the export).
NAME = "李堃"
FULL_ID = id_number("32050219900708262")  # localdev/seed.py DEMO_ATTENDEES
PUBLIC_MASK = "*" * 14 + FULL_ID[-4:]
WECHAT_UA = (
    "Mozilla/5.0 (Linux; Android 12; V2049A Build/SP1A.210812.003; wv) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Version/4.0 Chrome/107.0.5304.141 Mobile Safari/537.36 XWEB/5049 MMWEBSDK/20230303 "
    "MicroMessenger/8.0.34.2340(0x2800223F) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64"
)


@pytest.fixture
def wechat(chromium: Browser) -> Iterator[Page]:
    """An attendee's Android phone, in WeChat's in-app browser."""
    yield from _open_page(
        chromium, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, user_agent=WECHAT_UA
    )


def query(phone: Page, site: str) -> None:
    phone.goto(f"{site}/m/certificates")
    phone.locator("[data-test=cert-query-project] input").fill(PROJECT_NUMBER)
    phone.locator("[data-test=cert-query-name] input").fill(NAME)
    phone.locator("[data-test=cert-query-id] input").fill(FULL_ID)
    phone.locator("[data-test=cert-query-submit]").click()


def no_wider_than_the_phone(phone: Page) -> None:
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390, "nothing wider than the phone"


def only_the_public_mask(phone: Page) -> None:
    body = phone.locator("body").inner_text()
    assert FULL_ID[:6] not in body and FULL_ID[6:14] not in body, "only the ID number's last four"


def test_phones_get_the_phone_pages_unless_they_choose_the_desktop(phone: Page, page: Page, site: str) -> None:
    phone.goto(f"{site}/query/certificates")
    expect(phone).to_have_url(f"{site}/m/certificates")
    expect(phone.locator("[data-test=cert-query-title]")).to_have_text("学员证书查询")
    assert phone.title().startswith("学员证书查询 - ")
    description = phone.locator("meta[name=description]")
    expect(description).to_have_attribute("content", re.compile("项目编号、姓名和身份证号码"))
    expect(phone.locator("meta[property='og:title']")).to_have_attribute("content", phone.title())
    expect(phone.locator("meta[property='og:description']")).to_have_attribute("content", re.compile("学分证书"))

    # 电脑版: the console's page, and it stays so in this tab.
    phone.locator("[data-test=desktop-link]").click()
    expect(phone).to_have_url(f"{site}/query/certificates?desktop=1")
    expect(phone.locator("[data-test=cert-query-form]")).to_be_visible()
    phone.goto(f"{site}/verify/NOPE")
    expect(phone).to_have_url(f"{site}/verify/NOPE")
    expect(phone.locator("[data-test=verify-not-found]")).to_be_visible()

    # A desktop keeps the console's pages.
    page.goto(f"{site}/query/certificates")
    expect(page.locator("[data-test=cert-query-form]")).to_be_visible()
    expect(page).to_have_url(f"{site}/query/certificates")


def test_an_attendee_finds_views_and_saves_the_certificate(phone: Page, site: str) -> None:
    phone.goto(f"{site}/m/")
    phone.locator("[data-test=certificates-link]").click()
    expect(phone).to_have_url(f"{site}/m/certificates")
    query(phone, site)
    result = phone.locator("[data-test=cert-result]")
    expect(result).to_have_count(1)
    expect(result).to_contain_text(PROJECT_NAME)
    expect(result).to_contain_text(PUBLIC_MASK)
    expect(result).not_to_contain_text(NAME)
    expect(result.locator("[data-test=cert-status]")).to_have_text("有效")
    certificate_no = result.locator("[data-test=cert-no]").inner_text().strip()
    assert re.fullmatch(r"JS\d{4}-\d{6}", certificate_no), certificate_no
    no_wider_than_the_phone(phone)
    only_the_public_mask(phone)

    # 查看证书: the certificate as a page, valid.
    result.locator("[data-test=cert-view]").click()
    expect(phone).to_have_url(re.compile(rf"{re.escape(site)}/m/verify/[A-Z0-9-]+$"))
    status = phone.locator("[data-test=verify-status]")
    expect(status).to_have_attribute("data-status", "valid")
    expect(status).to_contain_text("本证书真实有效")
    view = phone.locator("[data-test=certificate-view]")
    expect(view).to_contain_text("继续医学教育学分证书")
    expect(phone.locator("[data-test=verify-certificate-no]")).to_have_text(certificate_no)
    expect(phone.locator("[data-test=certificate-sentence]")).to_contain_text(
        f"参加国家级继续医学教育项目《{PROJECT_NAME}》"
    )
    expect(phone.locator("[data-test=certificate-sentence]")).to_contain_text(f"（身份证号：{PUBLIC_MASK}）")
    code = phone.url.rsplit("/", 1)[-1]
    expect(phone.locator("[data-test=verify-url]")).to_have_text(f"{site}/verify/{code}")
    expect(phone.locator("[data-test=wechat-notice]")).to_have_count(0)
    assert phone.title().startswith("证书验证 - ")
    no_wider_than_the_phone(phone)
    only_the_public_mask(phone)

    # 下载PDF: a presigned link, followed in place, which Chromium saves.
    with phone.expect_download() as caught:
        phone.locator("[data-test=verify-download]").click()
    assert caught.value.suggested_filename == f"继续医学教育学分证书-{NAME}-{certificate_no}.pdf"
    expect(phone.locator("[data-test=wechat-guide]")).to_be_hidden()


def test_the_yearly_credits_lead_to_the_certificate_page(phone: Page, site: str) -> None:
    phone.goto(f"{site}/m/credits")
    phone.locator("[data-test=id_number] input").fill(FULL_ID)
    phone.locator("[data-test=name] input").fill(NAME)
    phone.locator("select[data-test=year]").select_option(str(HELD.year))
    phone.locator("[data-test=submit]").click()
    expect(phone.locator("[data-test=certificates]")).to_contain_text(PROJECT_NAME)
    phone.locator("[data-test=verify-link]").first.click()
    expect(phone).to_have_url(re.compile(rf"{re.escape(site)}/m/verify/[A-Z0-9-]+$"))
    expect(phone.locator("[data-test=verify-status]")).to_have_attribute("data-status", "valid")
    expect(phone.locator("[data-test=certificate-view]")).to_contain_text(PROJECT_NAME)


def test_wechat_shows_the_certificate_as_a_page_and_the_browser_guide(wechat: Page, site: str) -> None:
    pdf_links: list[str] = []
    wechat.on("request", lambda r: pdf_links.append(r.url) if r.url.endswith("/pdf") else None)
    downloads: list[object] = []
    wechat.on("download", lambda d: downloads.append(d))

    query(wechat, site)
    result = wechat.locator("[data-test=cert-result]")
    expect(result).to_have_count(1)
    result.locator("[data-test=cert-download]").click()
    guide = wechat.locator("[data-test=wechat-guide]")
    expect(guide).to_be_visible()
    expect(guide).to_contain_text("点击右上角 ··· 选择 在浏览器打开")
    guide.locator("[data-test=wechat-guide-close]").click()
    expect(guide).to_be_hidden()

    result.locator("[data-test=cert-view]").click()
    expect(wechat.locator("[data-test=wechat-notice]")).to_contain_text("在浏览器打开")
    expect(wechat.locator("[data-test=certificate-view]")).to_contain_text(PROJECT_NAME)
    wechat.locator("[data-test=verify-download]").click()
    expect(guide).to_be_visible()
    no_wider_than_the_phone(wechat)
    assert not pdf_links and not downloads, "WeChat is never handed a PDF"


def test_the_organiser_copies_a_certificates_verification_link(page: Page, site: str) -> None:
    office = api_login(page.request, site, "office-demo")
    granted = {"year": HELD.year, "name": PROJECT_NAME, "report_status": "granted"}
    sessions = page.request.get(f"{site}/api/sessions", params=granted, headers=office)
    assert sessions.ok, sessions.text()
    (sid,) = [s["session_id"] for s in sessions.json()["items"] if s["project_number"].startswith(PROJECT_NUMBER)]
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site)
    login(page, site, "office-demo")
    page.goto(f"{site}/sessions/{sid}/certificates")
    row = table_row(page, "session-certificates-table", "授课教师")  # the lecturer: no ID number to query with
    expect(row).to_contain_text("授课教师")
    row.locator("[data-test=cert-copy-link]").click()
    expect(page.locator(".el-message--success")).to_contain_text("已复制")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert re.fullmatch(rf"{re.escape(site)}/verify/[A-Z0-9-]+", copied), copied
    verify_href = row.locator("[data-test=cert-verify-link]").get_attribute("href")
    assert copied == f"{site}{verify_href}"
