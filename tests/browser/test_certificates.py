"""Browser test of the electronic credit certificates (issue #7) on the demo data's granted national session
(<year>-03-01-002, 急性胸痛规范化诊治（演示）). On a phone, an attendee finds his certificate through 学员证书查询 (the
console's page sends phones to its /m/ page, issue #15 item 13) and downloads it (a presigned link to the local S3):
the PDF names him, the project and the certificate, and its QR code opens 证书验证 (on a phone its /m/ page), which
shows it valid and counts the look-up. The office then 作废 it on the console's 电子证书 page; 证书验证 shows
已作废 with the reason, and neither the query page nor the API hands out the PDF any more. The query
takes the full ID number only (the last six are refused in the form); a wrong one finds nothing and says no more than
that. Public pages show only the ID number's last four characters.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path

import pypdfium2
from playwright.sync_api import Page, expect

from chalicelib.timeutil import CHINA
from localdev.seed import held_project_number
from tests.browser.helpers import api_login, id_number, login, table_row
from tests.unit.rendering_helpers import decode_qr, pdf_text

PROJECT_NUMBER = held_project_number(datetime.now(CHINA).date() - timedelta(days=3))
PROJECT_NAME = "急性胸痛规范化诊治（演示）"
NAME, MASKED_NAME = "王喆", "王*"
FULL_ID = id_number("32010219850312451")  # 320102198503124515 (localdev/seed.py DEMO_ATTENDEES)
PUBLIC_MASK = "*" * 14 + FULL_ID[-4:]
WRONG_ID = id_number("32010219850313451")  # the next birth day: a valid number of nobody
REASON = "学员身份证号码登记有误，核实后作废"


def query(phone: Page, site: str, id_part: str) -> None:
    phone.goto(f"{site}/query/certificates")
    expect(phone).to_have_url(f"{site}/m/certificates")  # a phone gets the phone page
    form = phone.locator("[data-test=cert-query-form]")
    form.locator("[data-test=cert-query-project] input").fill(PROJECT_NUMBER)
    form.locator("[data-test=cert-query-name] input").fill(NAME)
    form.locator("[data-test=cert-query-id] input").fill(id_part)
    phone.locator("[data-test=cert-query-submit]").click()


def verification_count(page: Page) -> int:
    text = page.locator("[data-test=verify-count]").inner_text()
    found = re.fullmatch(r"本证书已被验证(\d+)次", text.strip())
    assert found, text
    return int(found.group(1))


def test_the_last_six_are_refused_and_a_wrong_id_finds_nothing(phone: Page, site: str) -> None:
    query(phone, site, FULL_ID[-6:])
    expect(phone.locator("[data-test=cert-query-form]")).to_contain_text("身份证号码应为18位")
    expect(phone.locator("[data-test=cert-query-empty]")).to_have_count(0)
    phone.locator("[data-test=cert-query-id] input").fill(WRONG_ID)
    phone.locator("[data-test=cert-query-submit]").click()
    expect(phone.locator("[data-test=cert-query-empty]")).to_contain_text("未查到证书")
    expect(phone.locator("[data-test=cert-result]")).to_have_count(0)
    expect(phone.locator("[data-test=cert-query-error]")).to_have_count(0)
    expect(phone.locator("main")).not_to_contain_text(MASKED_NAME)


def test_attendee_downloads_and_verifies_then_office_revokes(phone: Page, page: Page, site: str) -> None:
    # 学员证书查询: exactly his one certificate, masked, valid.
    query(phone, site, FULL_ID)
    result = phone.locator("[data-test=cert-result]")
    expect(result).to_have_count(1)
    expect(result).to_contain_text(PROJECT_NAME)
    expect(result).to_contain_text(MASKED_NAME)
    expect(result).not_to_contain_text(NAME)
    expect(result).to_contain_text(PUBLIC_MASK)
    expect(result).not_to_contain_text(FULL_ID[:6])
    expect(result.locator("[data-test=cert-status]")).to_have_text("有效")
    certificate_no = result.locator("[data-test=cert-no]").inner_text().strip()
    assert re.fullmatch(r"JS\d{4}-\d{6}", certificate_no), certificate_no

    # 下载PDF: the page asks for a presigned link and follows it, which Chromium turns into a download
    # (the link says attachment, with the Chinese file name); the PDF the browser fetched is his.
    with (
        phone.expect_response(lambda r: r.request.method == "GET" and r.url.endswith("/pdf")) as link,
        phone.expect_download() as caught,
    ):
        result.locator("[data-test=cert-download]").click()
    assert link.value.ok, link.value.text()
    link_body = link.value.json()
    download = caught.value
    assert download.url == link_body["url"]
    assert download.url.startswith("http://127.0.0.1:") and "X-Amz-Signature=" in download.url
    assert download.suggested_filename == link_body["filename"] == f"继续医学教育学分证书-{NAME}-{certificate_no}.pdf"
    content = Path(download.path()).read_bytes()
    assert content.startswith(b"%PDF-")
    text = pdf_text(content)
    for expected in (NAME, PROJECT_NUMBER, certificate_no, PUBLIC_MASK):
        assert expected in text, expected
    assert FULL_ID[:6] not in text, "the PDF shows the ID number's last four characters only"
    page_image = pypdfium2.PdfDocument(content)[0].render(scale=150 / 72).to_pil()
    qr = decode_qr(page_image)
    assert len(qr) == 1, qr
    verify_url = qr[0][0]
    assert re.fullmatch(rf"{re.escape(site)}/verify/[A-Z0-9-]+", verify_url), verify_url
    code = verify_url.rsplit("/", 1)[1]

    # 证书验证 through the QR: the phone page of it, valid, and every look-up counted (the redirect does not count).
    phone.goto(verify_url)
    expect(phone).to_have_url(f"{site}/m/verify/{code}")
    status = phone.locator("[data-test=verify-status]")
    expect(status).to_have_attribute("data-status", "valid")
    expect(status).to_contain_text("有效")
    expect(phone.locator("[data-test=verify-certificate-no]")).to_have_text(certificate_no)
    expect(phone.locator("[data-test=verify-name]")).to_have_text(MASKED_NAME)
    expect(phone.locator("main")).to_contain_text(PUBLIC_MASK)
    expect(phone.locator("main")).not_to_contain_text(FULL_ID[:6])
    expect(phone.locator("[data-test=verify-count]")).to_be_visible()
    seen = verification_count(phone)
    assert seen >= 1

    # The office 作废 it in the console's 电子证书 page of the session.
    office = api_login(phone.request, site, "office-demo")
    granted = {"year": int(PROJECT_NUMBER[:4]), "name": PROJECT_NAME, "report_status": "granted"}
    sessions = phone.request.get(f"{site}/api/sessions", params=granted, headers=office)
    assert sessions.ok, sessions.text()
    (sid,) = [s["session_id"] for s in sessions.json()["items"] if s["project_number"].startswith(PROJECT_NUMBER)]
    login(page, site, "office-demo")
    page.goto(f"{site}/sessions/{sid}/certificates")
    row = table_row(page, "session-certificates-table", certificate_no)
    expect(row.locator("[data-test=cert-status]")).to_have_text("有效")
    # 打印 opens the PDF itself in a new tab (shown inline, where the browser's viewer prints it).
    with page.context.expect_event("request", lambda r: "response-content-disposition=inline" in r.url) as shown:
        row.locator("[data-test=cert-print]").click()
    assert shown.value.is_navigation_request() and page.url.endswith("/certificates"), "a new tab, the list stays"
    # 下载全部证书: a background job; its progress bar ends with the link and the PDF downloads by itself.
    with page.expect_download() as printed:
        page.locator("[data-test=cert-download-all]").click()
        job = page.locator("[data-test=cert-download-all-job]")
        expect(job.locator("[data-test=job-download-link]")).to_be_visible(timeout=30_000)
    assert printed.value.suggested_filename.endswith(".pdf")
    assert Path(printed.value.path()).read_bytes().startswith(b"%PDF")
    row.locator("[data-test=cert-revoke]").click()
    dialog = page.locator("[data-test=reason-dialog]")
    expect(dialog).to_contain_text(certificate_no)
    dialog.locator("textarea[data-test=reason-input]").fill(REASON)
    dialog.locator("[data-test=reason-submit]").click()
    expect(dialog).to_be_hidden()
    expect(row.locator("[data-test=cert-status]")).to_have_text("已作废")
    expect(row.locator("[data-test=cert-revoked]")).to_contain_text(REASON)
    expect(row.locator("[data-test=cert-revoke]")).to_have_count(0)
    expect(row.locator("[data-test=cert-download]")).to_have_count(0)

    # The QR now shows 已作废 with the reason (and counts this look-up too).
    phone.goto(verify_url)
    expect(status).to_have_attribute("data-status", "revoked")
    expect(status).to_contain_text("已作废")
    expect(phone.locator("[data-test=verify-revoked-reason]")).to_have_text(f"作废原因：{REASON}")
    expect(phone.locator("[data-test=verify-count]")).to_have_text(f"本证书已被验证{seen + 1}次")

    # The query still lists it, revoked, without 下载证书; the API refuses the PDF with the reason.
    query(phone, site, FULL_ID)
    expect(result).to_have_count(1)
    expect(result.locator("[data-test=cert-status]")).to_have_text("已作废")
    expect(result.locator("[data-test=cert-revoked]")).to_contain_text(REASON)
    expect(result.locator("[data-test=cert-download]")).to_have_count(0)
    refused = phone.request.get(f"{site}/api/public/certificates/{code}/pdf")
    assert refused.status == 410, refused.text()
    error = refused.json()["error"]
    assert error["code"] == "CERTIFICATE_REVOKED"
    assert REASON in error["message"]
