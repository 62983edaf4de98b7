from __future__ import annotations

import base64
import io
from urllib.parse import unquote, urlparse

import boto3
import pytest
from openpyxl import Workbook, load_workbook

from tests.api.jobs_helpers import export, start

NATIONAL = {
    "year": 2026,
    "number": "2026-14-02-049",
    "name": "外科护理新进展",
    "discipline_code": "14-02",
    "leader": "王护",
    "credits": 10,
    "nature": "declared",
    "planned_sessions": 2,
}
PROVINCIAL = {
    "year": 2026,
    "name": "心血管病诊治进展",
    "discipline_code": "03-01",
    "leader": "张三",
    "credits": 5,
    "nature": "filed",
    "planned_sessions": 1,
    "plan": "每年举办一期，讲授心血管病诊治的最新进展。",
}


@pytest.fixture
def users(api, demo):
    return {name: api.login(f"{name}-demo") for name in ("organizer", "admin", "office", "society-organizer")}


def fetch(url: str) -> bytes:
    """Read a presigned download from (mocked) S3 by the key it names."""
    parsed = urlparse(url)
    bucket = parsed.netloc.split(".")[0]
    return boto3.client("s3").get_object(Bucket=bucket, Key=unquote(parsed.path.lstrip("/")))["Body"].read()


def xlsx(rows: list[tuple]) -> str:
    book = Workbook()
    sheet = book.active
    sheet.append(
        ("项目年份", "项目编号", "项目名称", "学科代码", "项目负责人", "学分", "项目性质", "期数", "举办单位", "科室")
    )
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return base64.b64encode(buffer.getvalue()).decode()


def test_national_project_appears_at_once_for_organizer_admin_and_public(api, users):
    status, project = api.post("/projects/national", NATIONAL, users["organizer"])
    assert status == 201
    assert project["number_display"] == "2026-14-02-049(国)"
    assert project["discipline_label"] == "护理学/外科护理学"
    assert project["status"] == "approved" and project["actions"] == ["edit", "delete"]
    for who in ("organizer", "admin", "office"):
        page = api.get("/projects", users[who], year=2026)[1]
        assert [p["project_id"] for p in page["items"]] == [project["project_id"]], who
    assert api.get("/projects", users["society-organizer"], year=2026)[1]["items"] == []
    public = api.get("/public/projects", year=2026, name="护理")[1]["items"]
    assert [p["number_display"] for p in public] == ["2026-14-02-049(国)"]


def test_national_numbers_are_validated_and_unique(api, users):
    status, body = api.post("/projects/national", {**NATIONAL, "number": "2026-14-2-049"}, users["organizer"])
    assert status == 400 and body["error"]["field"] == "number"
    status, body = api.post("/projects/national", {**NATIONAL, "number": "2025-14-02-049"}, users["organizer"])
    assert status == 400 and "年份" in body["error"]["message"]
    status, body = api.post("/projects/national", {**NATIONAL, "discipline_code": "14-03"}, users["organizer"])
    assert status == 400 and "学科" in body["error"]["message"]
    status, body = api.post(
        "/projects/national", {**NATIONAL, "discipline_code": "99-99", "number": "2026-99-99-001"}, users["organizer"]
    )
    assert status == 400 and body["error"]["field"] == "discipline_code"
    assert api.post("/projects/national", NATIONAL, users["organizer"])[0] == 201
    status, body = api.post("/projects/national", NATIONAL, users["society-organizer"])
    assert status == 409 and body["error"]["code"] == "PROJECT_NUMBER_TAKEN"
    assert api.post("/projects/national", NATIONAL, users["admin"])[0] == 403


def test_provincial_declaration_review_chain_and_number(api, users):
    org, admin, office = users["organizer"], users["admin"], users["office"]
    _, draft = api.post("/projects/provincial", PROVINCIAL, org)
    pid = draft["project_id"]
    assert draft["status"] == "draft" and draft["review_reason"] == "未上报" and draft["number"] is None
    assert api.get("/public/projects", year=2026)[1]["items"] == [], "undeclared projects are not public"

    status, body = api.post(f"/projects/{pid}/forward", token=admin)
    assert status == 409 and body["error"]["code"] == "ILLEGAL_TRANSITION"
    assert api.post(f"/projects/{pid}/declare", token=org)[1]["status"] == "declared"
    status, body = api.patch(f"/projects/{pid}", {"leader": "李四"}, org)
    assert status == 409 and body["error"]["code"] == "PROJECT_LOCKED"

    status, body = api.post(f"/projects/{pid}/return", {"reason": "缺少师资"}, admin)
    assert status == 200 and body["review_reason"] == "南京示范医院[退回修改：缺少师资]"
    assert api.patch(f"/projects/{pid}", {"leader": "李四"}, org)[1]["leader"] == "李四"
    api.post(f"/projects/{pid}/declare", token=org)
    assert api.post(f"/projects/{pid}/approve", token=office)[0] == 409, "the office waits for the admin"
    assert api.post(f"/projects/{pid}/forward", token=admin)[1]["status"] == "forwarded"
    assert api.post(f"/projects/{pid}/approve", token=admin)[0] == 403

    status, approved = api.post(f"/projects/{pid}/approve", token=office)
    assert status == 200
    assert approved["number"] == "2026480301001" and approved["number_display"] == "2026480301001(省)"
    assert approved["review_reason"] == "江苏省继续医学教育委员会办公室[审核通过]"
    assert api.post(f"/projects/{pid}/reject", {"reason": "重复"}, office)[0] == 409
    assert api.delete(f"/projects/{pid}", org)[0] == 409
    public = api.get("/public/projects", year=2026, discipline="03")[1]["items"]
    assert [p["number_display"] for p in public] == ["2026480301001(省)"]

    _, second = api.post("/projects/provincial", PROVINCIAL, org)
    for step, token in (("declare", org), ("forward", admin), ("approve", office)):
        api.post(f"/projects/{second['project_id']}/{step}", token=token)
    assert api.get(f"/projects/{second['project_id']}", org)[1]["number"] == "2026480301002"


def test_rejection_needs_a_reason_and_is_not_public(api, users):
    org, admin, office = users["organizer"], users["admin"], users["office"]
    _, project = api.post("/projects/provincial", PROVINCIAL, org)
    pid = project["project_id"]
    api.post(f"/projects/{pid}/declare", token=org)
    api.post(f"/projects/{pid}/forward", token=admin)
    status, body = api.post(f"/projects/{pid}/reject", {}, office)
    assert status == 400 and body["error"]["field"] == "reason"
    status, body = api.post(f"/projects/{pid}/reject", {"reason": "内容与已有项目重复"}, office)
    assert status == 200 and body["status"] == "rejected"
    assert "不通过：内容与已有项目重复" in body["review_reason"]
    assert api.get("/public/projects", year=2026)[1]["items"] == []


def test_editing_and_deleting_follow_ownership(api, users):
    _, project = api.post("/projects/national", NATIONAL, users["organizer"])
    pid = project["project_id"]
    assert api.get(f"/projects/{pid}", users["society-organizer"])[0] == 404
    assert api.patch(f"/projects/{pid}", {"name": "改名"}, users["society-organizer"])[0] == 404
    status, body = api.patch(f"/projects/{pid}", {"number": "2026-14-02-050"}, users["organizer"])
    assert status == 200 and body["number"] == "2026-14-02-050"
    assert api.post("/projects/national", NATIONAL, users["organizer"])[0] == 201, "the old number is free again"
    assert api.delete(f"/projects/{pid}", users["organizer"])[0] == 204
    assert api.get(f"/projects/{pid}", users["organizer"])[0] == 404


def test_excel_import_is_all_or_nothing_and_idempotent(api, users):
    office = users["office"]
    template = api.get("/projects/import-template", office)[1]
    assert template["filename"] == "省级项目导入模板.xlsx"
    header = next(load_workbook(io.BytesIO(fetch(template["url"]))).active.iter_rows(values_only=True))
    assert header[:3] == ("项目年份", "项目编号", "项目名称")

    good = (2026, "2026480301016", "高血压管理", "03-01", "赵医生", 5, "申报项目", 2, "南京示范医院", "心血管内科")
    other = (2026, "2026481402003", "伤口护理", "14-02", "钱护士", 3, "备案项目", 1, "江苏省示范医学会", "学术部")
    bad = [
        (2026, "2026480301017", "无单位", "03-01", "孙", 5, "申报项目", 1, "不存在的医院", "内科"),
        (2026, "2026480301018", "学分太多", "03-01", "李", 99, "申报项目", 1, "南京示范医院", "内科"),
        (2026, "2026480301016", "重复编号", "03-01", "周", 5, "申报项目", 1, "南京示范医院", "内科"),
        (2026, "2026480301019", "性质不对", "03-01", "吴", 5, "其他", 1, "南京示范医院", "内科"),
    ]
    status, body = api.post("/projects/import", {"filename": "2026.xlsx", "content_base64": xlsx([good, *bad])}, office)
    assert status == 400 and body["error"]["code"] == "IMPORT_INVALID"
    problems = {(r["row"], r["column"]) for r in body["error"]["rows"]}
    assert problems == {(3, "举办单位"), (4, "学分"), (5, "项目编号"), (6, "项目性质")}
    assert api.get("/public/projects", year=2026)[1]["items"] == [], "a file with bad rows imports nothing"

    content = xlsx([good, other])
    assert api.post("/projects/import", {"filename": "2026.xlsx", "content_base64": content}, office)[1] == {
        "imported": 2,
        "skipped": 0,
    }
    assert api.post("/projects/import", {"filename": "2026.xlsx", "content_base64": content}, office)[1] == {
        "imported": 0,
        "skipped": 2,
    }
    public = api.get("/public/projects", year=2026)[1]["items"]
    assert sorted(p["number_display"] for p in public) == ["2026480301016(省)", "2026481402003(省)"]
    mine = api.get("/projects", users["organizer"], year=2026)[1]["items"]
    assert [p["name"] for p in mine] == ["高血压管理"], "imported projects appear for their organizer"
    assert (
        api.post("/projects/import", {"filename": "x.xlsx", "content_base64": "bm90IGEgemlw"}, office)[1]["error"][
            "code"
        ]
        == "IMPORT_UNREADABLE"
    )
    assert api.post("/projects/import", {"filename": "x.xlsx", "content_base64": content}, users["admin"])[0] == 403


def test_export_lists_the_callers_projects(api, users):
    api.post("/projects/national", NATIONAL, users["organizer"])
    api.post(
        "/projects/national", {**NATIONAL, "number": "2026-14-02-077", "name": "学会项目"}, users["society-organizer"]
    )
    status, body = export(api, "/projects/export", users["admin"], year=2026)
    assert status == 200 and body["filename"].endswith(".xlsx")
    rows = list(load_workbook(io.BytesIO(fetch(body["url"]))).active.iter_rows(values_only=True))
    assert rows[0][:4] == ("序号", "项目编号", "期数", "项目名称")
    assert [row[3] for row in rows[1:]] == ["外科护理新进展"], "an admin exports only its organisation"
    rows = list(
        load_workbook(
            io.BytesIO(fetch(export(api, "/projects/export", users["office"], year=2026)[1]["url"]))
        ).active.iter_rows(values_only=True)
    )
    assert sorted(row[3] for row in rows[1:]) == ["外科护理新进展", "学会项目"]
    assert start(api, "/projects/export", users["organizer"])[0] == 403


def test_public_query_filters_and_needs_no_login(api, users):
    api.post("/projects/national", NATIONAL, users["organizer"])
    api.post("/projects/national", {**NATIONAL, "number": "2025-14-02-001", "year": 2025}, users["organizer"])
    assert [p["year"] for p in api.get("/public/projects", year=2025)[1]["items"]] == [2025]
    assert api.get("/public/projects", year=2026, organisation="示范医学会")[1]["items"] == []
    assert len(api.get("/public/projects", year=2026, organisation="南京示范")[1]["items"]) == 1
    assert len(api.get("/public/projects", year=2026, leader="王")[1]["items"]) == 1
    assert api.get("/public/projects", year=2026, level="provincial")[1]["items"] == []
    status, catalogue = api.get("/disciplines")
    assert status == 200 and len(catalogue["items"]) == 24
    assert sum(len(group["children"]) for group in catalogue["items"]) == 89
