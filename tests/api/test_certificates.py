"""Electronic certificates: made at granting, public query with the ID part, verification, PDFs, revocation."""

from __future__ import annotations

import io
from urllib.parse import parse_qs, urlparse

import boto3
import pytest

from chalicelib.services.certificates import QUERY_LIMIT
from tests.api.jobs_helpers import export, grant
from tests.api.test_credits import LI, REPORT, WANG, ZHANG, at, held  # noqa: F401 - the held fixture
from tests.api.test_projects import fetch


@pytest.fixture
def granted(api, held, clock):  # noqa: F811
    clock.now = at(10, 19)
    api.call("PUT", f"/sessions/{held['sid']}/report", REPORT, held["org"])
    api.post(f"/sessions/{held['sid']}/report/submit", token=held["org"])
    selection = api.get(f"/sessions/{held['sid']}/selection", held["admin"])[1]
    li = next(row["attendee_id"] for row in selection["items"] if row["name"] == "李四")
    change = {"attendee_id": li, "selected": True, "reason": "迟到一分钟"}
    draft = {"version": selection["version"], "changes": [change]}
    assert api.call("PUT", f"/sessions/{held['sid']}/selection/draft", draft, held["admin"])[0] == 200
    assert api.post(f"/sessions/{held['sid']}/selection/submit", {}, held["admin"])[0] == 200
    clock.now = at(15, 10)
    assert grant(api, held["sid"], held["office"])[0] == 200
    certificates = api.get(f"/sessions/{held['sid']}/certificates", held["org"])[1]["items"]
    return {
        **held,
        "certificates": {c["name"]: c for c in certificates if c["kind"] == "attendee"},
        "all": certificates,
    }


def query(api, **changes):
    body = {"project_number": "2026-14-02-049", "name": "张三", "id_number": ZHANG, **changes}
    return api.post("/public/certificates/query", body)


def test_every_granted_attendee_has_a_numbered_certificate(granted):
    certificates = granted["certificates"]
    assert sorted(certificates) == ["张*", "李*"]
    zhang = certificates["张*"]
    assert zhang["status"] == "valid" and zhang["certificate_no"].startswith("JS2026-")
    assert len(zhang["verification_code"]) == 19 and zhang["credits"] == 2 and zhang["credit_class"] == "I类"
    assert zhang["issued_on"] == "2026-12-15" and zhang["level_label"] == "国家级"
    assert zhang["id_number"].startswith("320102********")
    numbers = sorted(c["certificate_no"] for c in certificates.values())
    assert int(numbers[1][-6:]) == int(numbers[0][-6:]) + 1


def test_lecturers_get_a_certificate_too_found_in_the_console_only(api, granted):
    from pypdf import PdfReader

    (lecturer,) = [c for c in granted["all"] if c["kind"] == "lecturer"]
    assert lecturer["name"] == "王*授" and lecturer["id_number"] is None and lecturer["credits"] == 6
    numbers = sorted(c["certificate_no"] for c in granted["all"])
    assert len(set(numbers)) == 3 and lecturer["certificate_no"] == numbers[-1], "numbered after the attendees"
    status, link = api.get(f"/public/certificates/{lecturer['verification_code']}/pdf")
    text = PdfReader(io.BytesIO(fetch(link["url"]))).pages[0].extract_text().replace("\n", "")
    assert status == 200 and "担任授课教师" in text and "身份证号" not in text
    body = {"project_number": "2026-14-02-049", "name": "王教授", "id_number": WANG}
    assert api.post("/public/certificates/query", body)[1]["items"] == []


def test_the_public_query_needs_the_full_id_number_and_lists_only_that_person(api, granted):
    status, body = query(api)
    assert status == 200 and [c["name"] for c in body["items"]] == ["张*"]
    assert query(api, id_number=f" {ZHANG.lower()} ")[1]["items"][0]["name"] == "张*"
    assert query(api, project_number="2026-14-02-049(国)")[1]["items"][0]["certificate_no"]
    assert query(api, id_number=LI)[1]["items"] == [], "another person's ID finds nothing under this name"
    assert query(api, name="李四")[1]["items"] == [], "and this ID nothing under another name"
    for part in (ZHANG[-6:], "12345"):  # the last-six form is gone: it showed the birth day beside the mask
        status, body = query(api, id_number=part)
        assert status == 400 and (body["error"]["code"], body["error"]["field"]) == ("ID_FORMAT", "id_number")
    status, body = query(api, id_number=ZHANG[:17] + "0" if ZHANG[17] != "0" else ZHANG[:17] + "1")
    assert status == 400 and body["error"]["code"] == "ID_CHECKSUM"
    status, body = api.post("/public/certificates/query", {"project_number": "2026-14-02-049", "name": "张三"})
    assert status == 400 and body["error"]["field"] == "id_number"
    assert query(api)[0] == 200, "refused ID numbers are not failed look-ups"


def test_the_public_query_is_rate_limited_per_client(api, granted):
    statuses = [query(api)[0] for _ in range(QUERY_LIMIT + 2)]
    assert statuses.count(200) == QUERY_LIMIT and statuses[-1] == 429
    status, body = query(api)
    assert body["error"]["code"] == "TOO_MANY_REQUESTS" and "秒后再试" in body["error"]["message"]


def test_verification_counts_and_shows_the_status(api, granted):
    code = granted["certificates"]["张*"]["verification_code"]
    first = api.get(f"/public/certificates/{code}")[1]
    second = api.get(f"/public/certificates/{code.lower()}")[1]
    assert first["status_label"] == "有效" and second["verifications"] == first["verifications"] + 1
    assert first["project_name"] and first["issuer"] == "江苏省继续医学教育委员会办公室"
    assert api.get("/public/certificates/AAAA-BBBB-CCCC-DDDD")[0] == 404


def test_the_pdf_is_made_once_and_handed_out_through_a_short_lived_link(api, granted):
    from pypdf import PdfReader

    code = granted["certificates"]["张*"]["verification_code"]
    status, link = api.get(f"/public/certificates/{code}/pdf")
    assert status == 200 and link["filename"].startswith("继续医学教育学分证书-张三-")
    assert int(parse_qs(urlparse(link["url"]).query)["X-Amz-Expires"][0]) <= 300
    text = PdfReader(io.BytesIO(fetch(link["url"]))).pages[0].extract_text()
    assert "张三" in text and granted["certificates"]["张*"]["certificate_no"] in text and "2" in text
    shown = parse_qs(urlparse(link["view_url"]).query)
    assert shown["response-content-disposition"][0].startswith("inline;"), "打印 opens the PDF in the browser"
    assert int(shown["X-Amz-Expires"][0]) <= 300 and fetch(link["view_url"]) == fetch(link["url"])
    api.get(f"/public/certificates/{code}/pdf")
    versions = boto3.client("s3").list_object_versions(Bucket="cme-test-files", Prefix=f"certificates/{code}/")
    assert len(versions["Versions"]) == 1, "generated on the first request only"


def test_the_office_revokes_and_reissues(api, granted):
    old = granted["certificates"]["李*"]
    path = f"/certificates/{old['certificate_no']}"
    assert api.post(f"{path}/revoke", {"reason": "信息有误"}, granted["admin"])[0] == 403
    status, revoked = api.post(f"{path}/revoke", {"reason": "信息有误"}, granted["office"])
    assert status == 200 and revoked["status"] == "revoked"
    verified = api.get(f"/public/certificates/{old['verification_code']}")[1]
    assert verified["status_label"] == "已作废" and verified["revoked_reason"] == "信息有误"
    status, body = api.get(f"/public/certificates/{old['verification_code']}/pdf")
    assert status == 410 and body["error"]["code"] == "CERTIFICATE_REVOKED" and "信息有误" in body["error"]["message"]
    status, fresh = api.post(f"{path}/reissue", {"reason": "更正姓名"}, granted["office"])
    assert status == 201 and fresh["status"] == "valid" and fresh["certificate_no"] != old["certificate_no"]
    assert api.get(f"/public/certificates/{old['verification_code']}")[1]["replaced_by"] == fresh["certificate_no"]
    assert api.post(f"{path}/reissue", {"reason": "再次"}, granted["office"])[0] == 409


def test_a_session_prints_all_its_valid_certificates_in_one_pdf(api, granted):
    from pypdf import PdfReader

    status, link = export(api, f"/sessions/{granted['sid']}/certificates/pdf", granted["admin"])
    assert status == 200 and link["filename"].endswith(".pdf")
    reader = PdfReader(io.BytesIO(fetch(link["url"])))
    assert len(reader.pages) == 3, "two attendees and the lecturer"
    text = "".join(page.extract_text() for page in reader.pages)
    assert "张三" in text and "李四" in text
