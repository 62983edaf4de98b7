"""Free text printed on a certificate (project name, organisation name as 主办单位, revocation and reissue reasons)
is refused at input when a certificate could not print it: format characters (zero-width, bidi) and characters
no certificate font has. Before, such text was stored and every certificate of the project answered 409
CERTIFICATE_UNPRINTABLE for good (review of issue #12, finding 1)."""

from __future__ import annotations

import io

from pypdf import PdfReader

from tests.api.jobs_helpers import export
from tests.api.test_certificates import granted  # noqa: F401 - the granted fixture
from tests.api.test_credits import held  # noqa: F401 - the held fixture
from tests.api.test_projects import PROVINCIAL, fetch
from tests.api.test_sessions import NATIONAL
from tests.api.test_text_inputs import import_problems, refused

UNPRINTABLE = {
    "emoji": "\U0001f600",
    "zero-width space": "\u200b",
    "bidi override": "\u202e",
    "soft hyphen": "\u00ad",
    "Arabic (no certificate font has it)": "\u0645",
}


def test_project_names_a_certificate_cannot_print_are_refused_naming_the_field(api, roles, national_project):
    org = roles["org"]
    for what, char in UNPRINTABLE.items():
        message = refused(api.post("/projects/national", {**NATIONAL, "name": f"胸痛{char}诊治"}, org), "name")
        assert f"U+{ord(char):04X}" in message, (what, message)
        refused(api.post("/projects/provincial", {**PROVINCIAL, "name": f"{char}高血压管理"}, org), "name")
        refused(api.patch(f"/projects/{national_project}", {"name": f"胸痛诊治{char}"}, org), "name")
    assert api.get(f"/projects/{national_project}", org)[1]["name"] == NATIONAL["name"]

    status, body = api.post("/projects/provincial", {**PROVINCIAL, "name": "𠮷田氏李堃喆学术讲座"}, org)
    assert status == 201 and body["name"] == "𠮷田氏李堃喆学术讲座", "rare characters the fonts print are kept"


def test_organisation_names_a_certificate_cannot_print_are_refused(api, roles):
    office = roles["office"]
    for char in UNPRINTABLE.values():
        body = {"name": f"苏州{char}医院", "type": "hospital", "city": "苏州"}
        refused(api.post("/organisations", body, office), "name")
    status, org = api.post("/organisations", {"name": "苏州示范医院", "type": "hospital", "city": "苏州"}, office)
    assert status == 201, org
    refused(api.patch(f"/organisations/{org['org_id']}", {"name": "苏州\u202e示范医院"}, office), "name")
    assert api.get(f"/organisations/{org['org_id']}", office)[1]["name"] == "苏州示范医院"


def test_the_excel_import_refuses_a_project_name_a_certificate_cannot_print(api, roles):
    good = (2026, "2026480301016", "高血压管理", "03-01", "赵医生", 5, "申报项目", 2, "南京示范医院", "心血管内科")
    rows = [
        good,
        (2026, "2026480301017", "高血压\u200b管理", "03-01", "赵医生", 5, "申报项目", 2, "南京示范医院", "内科"),
        (2026, "2026480301018", "高血压管理\U0001f600", "03-01", "赵医生", 5, "申报项目", 2, "南京示范医院", "内科"),
    ]
    problems = import_problems(api, roles["office"], rows)
    assert set(problems) == {(3, "项目名称"), (4, "项目名称")}, problems
    assert "U+200B" in problems[(3, "项目名称")] and "U+1F600" in problems[(4, "项目名称")], problems


def test_revocation_and_reissue_reasons_must_print_and_the_certificates_keep_printing(api, granted):  # noqa: F811
    old = granted["certificates"]["李*"]
    path = f"/certificates/{old['certificate_no']}"
    for char in UNPRINTABLE.values():
        refused(api.post(f"{path}/revoke", {"reason": f"信息{char}有误"}, granted["office"]), "reason")
    assert api.get(f"/public/certificates/{old['verification_code']}")[1]["status"] == "valid"

    status, revoked = api.post(f"{path}/revoke", {"reason": "信息有误"}, granted["office"])
    assert status == 200 and revoked["status"] == "revoked", revoked
    refused(api.post(f"{path}/reissue", {"reason": "更正\u2066姓名\u2069"}, granted["office"]), "reason")
    status, fresh = api.post(f"{path}/reissue", {"reason": "更正姓名"}, granted["office"])
    assert status == 201 and fresh["status"] == "valid", fresh

    status, link = export(api, f"/sessions/{granted['sid']}/certificates/pdf", granted["admin"])
    assert status == 200, link
    assert len(PdfReader(io.BytesIO(fetch(link["url"]))).pages) == 3
