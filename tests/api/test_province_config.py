"""Another province's configuration (浙江, prefix ZJ) changes what the app shows and counts, without a code change:
/meta, new certificate numbers and their issuer (in the PDF too), and the out-of-province share of the reports.
Certificates made before a change keep their numbers and issuer."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from chalicelib.container import reset
from tests.api.attendance_helpers import id_number, person
from tests.api.test_certificates import granted  # noqa: F401 - the granted fixture
from tests.api.test_credits import held  # noqa: F401 - the held fixture
from tests.api.test_projects import fetch
from tests.api.test_reports import KUNSHAN, NANJING, SHANGHAI, today  # noqa: F401 - the today fixture
from tests.api.test_reports import held as held_on

ZHEJIANG = {
    "PROVINCE_NAME": "浙江省",
    "HOME_REGION": "33",
    "CERTIFICATE_PREFIX": "ZJ",
    "CERTIFICATE_ISSUER": "浙江省继续医学教育委员会办公室",
    "CONSOLE_TITLE": "浙江省继续医学教育学分管理系统",
    "PHONE_TITLE": "浙江省继续医学教育 手机服务",
}
HANGZHOU = person(id_number=id_number("33010219900307153"), mobile="13900000004", client_id="p4", region="杭州市")


@pytest.fixture
def zhejiang(monkeypatch):
    """The stage configured for 浙江 (what its stack parameters would set); the settings are read again."""
    for name, value in ZHEJIANG.items():
        monkeypatch.setenv(name, value)
    reset()
    yield
    reset()


def test_meta_answers_the_configured_titles_province_and_issuer(api, zhejiang):
    status, meta = api.get("/meta")
    assert status == 200, meta
    assert meta == {
        "province_name": "浙江省",
        "console_title": "浙江省继续医学教育学分管理系统",
        "phone_title": "浙江省继续医学教育 手机服务",
        "certificate_issuer": "浙江省继续医学教育委员会办公室",
        "certificate_prefix": "ZJ",
        "version": "dev",
    }


def test_meta_of_a_local_run_is_jiangsu(api):
    meta = api.get("/meta")[1]
    assert meta["province_name"] == "江苏省" and meta["certificate_prefix"] == "JS"
    assert meta["console_title"] == "江苏省继续医学教育学分管理系统"


@pytest.mark.usefixtures("zhejiang")
def test_new_certificates_carry_the_configured_prefix_and_issuer_in_the_pdf(api, granted):  # noqa: F811
    zhang = granted["certificates"]["张*"]
    assert zhang["certificate_no"].startswith("ZJ2026-")
    verified = api.get(f"/public/certificates/{zhang['verification_code']}")[1]
    assert verified["issuer"] == "浙江省继续医学教育委员会办公室"
    link = api.get(f"/public/certificates/{zhang['verification_code']}/pdf")[1]
    text = PdfReader(io.BytesIO(fetch(link["url"]))).pages[0].extract_text()
    assert "浙江省继续医学教育委员会办公室" in "".join(text.split()) and zhang["certificate_no"] in text
    assert "江苏" not in text


def test_certificates_keep_their_number_and_issuer_when_the_configuration_changes(api, granted, monkeypatch):  # noqa: F811
    old = granted["certificates"]["李*"]
    assert old["certificate_no"].startswith("JS2026-")
    for name, value in ZHEJIANG.items():
        monkeypatch.setenv(name, value)
    reset()  # as a stack update with new parameters: every function starts again with the new values
    kept = api.get(f"/public/certificates/{old['verification_code']}")[1]
    assert kept["certificate_no"] == old["certificate_no"] and kept["issuer"] == "江苏省继续医学教育委员会办公室"
    office = api.login("office-demo")
    status, fresh = api.post(f"/certificates/{old['certificate_no']}/reissue", {"reason": "更正"}, office)
    assert status == 201, fresh
    # one counter per year whatever the prefix: the number after the session's three
    assert fresh["certificate_no"].startswith("ZJ2026-") and fresh["certificate_no"][-6:] == "000004"
    assert (
        api.get(f"/public/certificates/{fresh['verification_code']}")[1]["issuer"] == "浙江省继续医学教育委员会办公室"
    )
    reset()


@pytest.mark.usefixtures("zhejiang")
def test_the_out_of_province_share_counts_from_the_configured_home_region(api, roles, national_project, today):  # noqa: F811
    session = held_on(api, roles, national_project, today, "2026-12-10", 1, (NANJING, SHANGHAI, KUNSHAN, HANGZHOU))
    report = api.get(f"/reports/sessions/{session['sid']}", roles["office"])[1]
    assert report["out_of_region_share"] == 0.75  # 南京, 上海 and 昆山 are outside 浙江; 杭州 is in it
