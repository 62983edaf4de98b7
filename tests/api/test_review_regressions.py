"""Defects found in review, each pinned by the scenario that exposed it."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import boto3

from tests.api.test_projects import NATIONAL, PROVINCIAL, xlsx
from tests.api.test_sessions import PDF, SESSION, ready, upload


def test_a_project_with_sessions_is_frozen_until_they_are_gone(api, demo):
    org = api.login("organizer-demo")
    project = api.post("/projects/national", NATIONAL, org)[1]
    pid = project["project_id"]
    session = api.post(f"/projects/{pid}/sessions", SESSION, org)[1]
    status, body = api.patch(f"/projects/{pid}", {"credits": 2}, org)
    assert status == 409 and body["error"]["code"] == "PROJECT_LOCKED", "sessions copy the project's credits"
    assert api.delete(f"/projects/{pid}", org)[0] == 409
    assert api.delete(f"/sessions/{session['session_id']}", org)[0] == 204
    assert api.patch(f"/projects/{pid}", {"credits": 2}, org)[0] == 200


def test_downloads_serve_the_checked_version_and_a_safe_name(api, demo):
    org = api.login("organizer-demo")
    pid = api.post("/projects/national", NATIONAL, org)[1]["project_id"]
    sid = api.post(f"/projects/{pid}/sessions", SESSION, org)[1]["session_id"]
    status, body = upload(api, org, sid, "notice", PDF, "application/pdf", filename="../x.html")
    assert status == 200
    assert body["materials"][0]["filename"] == "x.pdf"
    key = next(k["Key"] for k in boto3.client("s3").list_objects_v2(Bucket="cme-test-files")["Contents"])
    # the upload ticket is still valid: someone writes other bytes to the same key
    boto3.client("s3").put_object(Bucket="cme-test-files", Key=key, Body=b"<script>", ContentType="application/pdf")
    url = api.get(f"/sessions/{sid}/materials/notice", org)[1]["url"]
    version = parse_qs(urlparse(url).query)["versionId"][0]
    served = boto3.client("s3").get_object(Bucket="cme-test-files", Key=key, VersionId=version)["Body"].read()
    assert served == PDF


def test_inputs_that_used_to_cause_server_errors(api, demo):
    org = api.login("organizer-demo")
    pid = api.post("/projects/national", NATIONAL, org)[1]["project_id"]
    for change in ({"name": None}, {"discipline_code": "14-03"}, {"year": 2027}):
        status, body = api.patch(f"/projects/{pid}", change, org)
        assert status == 400, (change, body)
    block = {**SESSION["schedule"][0], "end": "11:30+08:00"}
    assert api.post(f"/projects/{pid}/sessions", {**SESSION, "schedule": [block]}, org)[0] == 400
    early = {
        **SESSION,
        "start_date": "0001-01-01",
        "end_date": "0001-01-01",
        "schedule": [{**SESSION["schedule"][0], "date": "0001-01-01"}],
    }
    assert api.post(f"/projects/{pid}/sessions", early, org)[0] == 400
    response = api._client.post("/api/auth/login", data="[" * 100000, content_type="application/json")
    assert response.status_code == 400


def test_generated_numbers_skip_imported_ones(api, demo):
    org, admin, office = (api.login(f"{n}-demo") for n in ("organizer", "admin", "office"))
    row = (2026, "2026480301001", "导入项目", "03-01", "赵", 5, "申报项目", 1, "南京示范医院", "心血管内科")
    assert api.post("/projects/import", {"filename": "a.xlsx", "content_base64": xlsx([row])}, office)[0] == 200
    pid = api.post("/projects/provincial", PROVINCIAL, org)[1]["project_id"]
    api.post(f"/projects/{pid}/declare", token=org)
    api.post(f"/projects/{pid}/forward", token=admin)
    status, body = api.post(f"/projects/{pid}/approve", token=office)
    assert status == 200 and body["number"] == "2026480301002"


def test_contact_details_are_masked_in_the_audit_log(api, demo):
    admin, office = api.login("admin-demo"), api.login("office-demo")
    api.post(
        "/accounts",
        {
            "username": "masked-one",
            "display_name": "某",
            "role": "organizer",
            "department": "内科",
            "email": "zhang.san@example.cn",
            "phone": "13912345678",
            "password": "Mask#2026x",
        },
        admin,
    )
    entry = next(e for e in api.get("/audit", office)[1]["items"] if e["target_id"] == "masked-one")
    assert entry["after"]["phone"] == "139****5678" and entry["after"]["email"] == "z***@example.cn"


def test_one_email_per_recipient(api, demo):
    from moto.core import DEFAULT_ACCOUNT_ID
    from moto.ses.models import ses_backends

    org = api.login("organizer-demo")
    pid = api.post("/projects/national", NATIONAL, org)[1]["project_id"]
    session = api.post(f"/projects/{pid}/sessions", SESSION, org)[1]
    sid = ready(api, {"organizer": org}, session)
    api.post(f"/sessions/{sid}/submit", token=org)
    sent = [m for region in ses_backends[DEFAULT_ACCOUNT_ID].values() for m in region.sent_messages]
    assert sent and all(len(m.destinations["ToAddresses"]) == 1 for m in sent)


def test_an_import_that_fails_midway_takes_back_what_it_wrote(api, demo, monkeypatch):
    from chalicelib.models import NameClaim
    from chalicelib.services import project_excel

    office = api.login("office-demo")
    rows = [
        (2026, f"2026480301{n:03d}", f"批量项目{n}", "03-01", "赵", 5, "申报项目", 1, "南京示范医院", "心血管内科")
        for n in range(1, 61)
    ]
    # Another writer claims a number of the second transaction after the import has read the claims.
    NameClaim(claim="project-number#2026480301055", owner_id="someone-else").save()
    real = project_excel._claims
    monkeypatch.setattr(
        project_excel,
        "_claims",
        lambda names: {k: v for k, v in real(names).items() if not k.startswith("project-number#")},
    )
    status, body = api.post("/projects/import", {"filename": "big.xlsx", "content_base64": xlsx(rows)}, office)
    assert status == 409 and body["error"]["code"] == "IMPORT_CONFLICT"
    assert api.get("/public/projects", year=2026, limit=20)[1]["items"] == [], "the first 49 were taken back"
    assert NameClaim.count("project-number#2026480301001") == 0
    monkeypatch.setattr(project_excel, "_claims", real)
    status, body = api.post("/projects/import", {"filename": "big.xlsx", "content_base64": xlsx(rows)}, office)
    assert status == 200 and body == {"imported": 59, "skipped": 1}
