"""What request bodies and query strings may hold (issue #12, items 3, 4 and 9): text without control characters,
printable person names, JSON types as sent (no coercion), sessions inside their project's year."""

from __future__ import annotations

import base64
import io
import json

from openpyxl import Workbook
from pypdf import PdfReader

from tests.api.attendance_helpers import SESSION, id_number, person
from tests.api.jobs_helpers import export
from tests.api.test_projects import PROVINCIAL, fetch
from tests.api.test_reports import grant, held, today  # noqa: F401 - the today fixture
from tests.api.test_sessions import NATIONAL
from tests.conftest import DEMO_PASSWORD


def sign_in(api, approved, **changes):
    body = {"t": approved["tokens"]["in"], **person(**changes)}
    return api.post(f"/public/attendance/{approved['sid']}/sign-in", body)


def refused(result, field: str) -> str:
    status, body = result
    assert status == 400, body
    assert body["error"]["code"] == "VALIDATION_FAILED" and body["error"]["field"] == field, body
    return body["error"]["message"]


# --- item 3: no control characters, lone surrogates or noncharacters in any text ------------------------------


def test_sign_in_refuses_control_characters_in_every_text_field_naming_it(api, approved):
    for field, value in [
        ("name", "钱\u0001某"),
        ("unit", "南京\u0000医院"),
        ("department", "内\u0085科"),  # C1
        ("title", "主治\ufdd0医师"),  # noncharacter
        ("region", "南京\ud800"),  # lone surrogate (json.dumps sends it as the escape \ud800)
        ("position", "主任\u001b"),
        ("education", "本科\u007f"),
        ("client_id", "phone\u0007"),
        ("unit", "南京\n医院"),  # a newline in a one-line field
        ("department", "内\t科"),
    ]:
        message = refused(sign_in(api, approved, **{field: value}), field)
        assert "字符" in message or field == "name", message
    assert api.get(f"/sessions/{approved['sid']}/attendance", approved["org"])[1]["signed_in"] == 0
    assert sign_in(api, approved)[0] == 200


def test_a_lone_surrogate_sent_raw_is_named_like_any_refused_character(api, approved):
    body = json.dumps({"t": approved["tokens"]["in"], **person(unit="X")}).replace('"X"', '"\\udc00\\u0041"')
    response = api._client.open(
        f"/api/public/attendance/{approved['sid']}/sign-in",
        method="POST",
        data=body,
        content_type="application/json",
    )
    error = response.get_json()["error"]
    assert response.status_code == 400 and error["field"] == "unit" and "U+DC00" in error["message"], error


def test_nested_texts_lists_dictionaries_and_query_strings_are_checked_too(api, roles, national_project, approved):
    schedule = [{**SESSION["schedule"][0], "topic": "上午\u0002"}, SESSION["schedule"][1]]
    result = api.post(
        f"/projects/{national_project}/sessions", {**SESSION, "seq": 2, "schedule": schedule}, roles["org"]
    )
    refused(result, "schedule.0.topic")

    questions = {"questions": [{"text": "评价", "type": "single", "options": ["好", "一\u0003般"]}]}
    refused(api.post("/questionnaires", questions, roles["office"]), "questions.0.options")

    assert sign_in(api, approved)[0] == 200
    body = {"t": approved["tokens"]["out"], "id_number": id_number(), "answers": {"q1": ["是\u0004"]}}
    refused(api.post(f"/public/attendance/{approved['sid']}/sign-out", body), "answers")

    refused(api.get("/projects", roles["office"], name="外科\u0005"), "name")
    refused(api.get("/public/projects", organisation="南\u0085京"), "organisation")
    assert api.get("/public/projects", organisation="南京")[0] == 200


def test_project_text_refuses_controls_and_multiline_fields_keep_line_breaks(api, roles):
    org, admin, office = roles["org"], roles["admin"], roles["office"]
    refused(api.post("/projects/national", {**NATIONAL, "name": "A\u0000B"}, org), "name")
    refused(api.post("/projects/national", {**NATIONAL, "name": "外科\n护理"}, org), "name")
    refused(api.post("/projects/provincial", {**PROVINCIAL, "plan": "每年两期\u0001，面向基层医生。"}, org), "plan")

    plan = "第一期：理论授课。\r\n第二期：\t操作示范。"
    status, project = api.post("/projects/provincial", {**PROVINCIAL, "plan": plan}, org)
    assert status == 201 and project["plan"] == "第一期：理论授课。\n第二期：\t操作示范。", project
    pid = project["project_id"]
    api.post(f"/projects/{pid}/declare", token=org)
    api.post(f"/projects/{pid}/forward", token=admin)
    refused(api.post(f"/projects/{pid}/reject", {"reason": "重复\u0008申报"}, office), "reason")
    status, body = api.post(f"/projects/{pid}/reject", {"reason": "与已有项目重复\n请合并申报"}, office)
    assert status == 200 and "与已有项目重复\n请合并申报" in body["review_reason"], body


def test_numbers_and_codes_take_ascii_digits_only(api, roles):
    """Full-width or other Unicode digits would make numbers that look alike but never match a look-up."""
    org = roles["org"]
    status, body = api.post("/projects/national", {**NATIONAL, "number": "２０２６-14-02-049"}, org)
    assert status == 400 and body["error"]["field"] == "number", body
    status, body = api.post("/projects/national", {**NATIONAL, "discipline_code": "١٤-02"}, org)
    assert status == 400 and body["error"]["field"] == "discipline_code", body


def _xlsx(rows: list[tuple]) -> str:
    book = Workbook()
    book.active.append(
        ("项目年份", "项目编号", "项目名称", "学科代码", "项目负责人", "学分", "项目性质", "期数", "举办单位", "科室")
    )
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return base64.b64encode(buffer.getvalue()).decode()


def import_problems(api, token: str, rows: list[tuple]) -> dict[tuple[int, str], str]:
    """The office imports ``rows``: refused as a whole, with a message per (row, column)."""
    status, body = api.post("/projects/import", {"filename": "2026.xlsx", "content_base64": _xlsx(rows)}, token)
    assert status == 400 and body["error"]["code"] == "IMPORT_INVALID", body
    return {(r["row"], r["column"]): r["message"] for r in body["error"]["rows"]}


def test_excel_import_applies_the_text_and_name_rules_naming_row_and_column(api, roles):
    good = (2026, "2026480301016", "高血压管理", "03-01", "赵医生", 5, "申报项目", 2, "南京示范医院", "心血管内科")
    rows = [
        good,
        (2026, "2026480301017", "高血压\u0085管理", "03-01", "赵医生", 5, "申报项目", 2, "南京示范医院", "内科"),
        (2026, "2026480301018", "高血压管理进阶", "03-01", "赵医生", 5, "申报项目", 2, "南京示范医院", "内\ufdd0科"),
        (2026, "2026480301019", "高血压管理新进展", "03-01", "赵😀", 5, "申报项目", 2, "南京示范医院", "内科"),
    ]
    problems = import_problems(api, roles["office"], rows)
    assert set(problems) == {(3, "项目名称"), (4, "科室"), (5, "项目负责人")}, problems
    assert "U+0085" in problems[(3, "项目名称")] and "U+FDD0" in problems[(4, "科室")]


# --- item 4: person names that print --------------------------------------------------------------------------


def test_sign_in_refuses_names_a_certificate_cannot_print(api, approved):
    for name in ("张😀", "张\u200b三", "张\u200d三", "\u202e张三", "张\u2066三", "张三1", "·张三", "محمد"):
        refused(sign_in(api, approved, name=name), "name")
    assert api.get(f"/sessions/{approved['sid']}/attendance", approved["org"])[1]["signed_in"] == 0


def test_rare_and_minority_names_sign_in_normalised_and_print_on_the_certificates(
    api,
    roles,
    national_project,
    today,  # noqa: F811 - the fixture
):
    typed = {
        "𠮷田": "𠮷田",
        "刘䶮": "刘䶮",
        "王喆": "王喆",
        "李堃": "李堃",
        "阿卜杜•热合曼": "阿卜杜·热合曼",  # U+2022 typed, U+00B7 stored
        "买买提・艾力": "买买提·艾力",  # U+30FB
        "古丽‧努尔": "古丽·努尔",  # U+2027
        "迪丽．热巴": "迪丽·热巴",  # U+FF0E
    }
    people = [
        person(name=name, id_number=id_number(f"32010219900301{index:02d}1"), mobile=f"139000000{index:02d}")
        | {"client_id": f"phone-{index}"}
        for index, name in enumerate(typed)
    ]
    session = held(api, roles, national_project, today, "2026-12-10", 1, people)
    roster = api.get(f"/sessions/{session['sid']}/attendance/attendees", roles["org"])[1]["items"]
    assert sorted(a["name"] for a in roster) == sorted(typed.values())

    grant(api, roles, session)
    status, link = export(api, f"/sessions/{session['sid']}/certificates/pdf", roles["admin"])
    assert status == 200, link
    reader = PdfReader(io.BytesIO(fetch(link["url"])))
    text = "".join(page.extract_text() for page in reader.pages).replace("\n", "")
    assert len(reader.pages) == len(typed) + 1  # the attendees and the lecturer
    for stored in ("王喆", "李堃", "阿卜杜·热合曼", "买买提·艾力"):
        assert stored in text, stored

    found = api.post(
        "/public/certificates/query",
        {"project_number": "2026-14-02-049", "name": "阿卜杜・热合曼", "id_number": people[4]["id_number"]},
    )
    assert found[0] == 200 and len(found[1]["items"]) == 1, "the query folds the dot the same way"


def test_lecturer_account_and_leader_names_follow_the_same_rule(api, roles, national_project, today):  # noqa: F811
    refused(api.post("/projects/national", {**NATIONAL, "leader": "王\u200b护"}, roles["org"]), "leader")
    refused(api.patch(f"/projects/{national_project}", {"leader": "王护🙂"}, roles["org"]), "leader")

    account = {"username": "name-rule", "role": "organizer", "department": "骨科", "password": DEMO_PASSWORD}
    refused(api.post("/accounts", {**account, "display_name": "周\u202e立项"}, roles["admin"]), "display_name")
    status, body = api.post("/accounts", {**account, "display_name": "阿依古丽•买买提"}, roles["admin"])
    assert status == 201 and body["display_name"] == "阿依古丽·买买提", body

    session = held(api, roles, national_project, today, "2026-12-10", 1, [person()])
    report = {
        "actual_start_date": "2026-12-10",
        "actual_end_date": "2026-12-10",
        "venue": "南京会场",
        "summary": "按计划举办。",
        "lecturers": [{"name": "王教授", "hours": 3}, {"name": "王\U0001f600", "hours": 3}],
    }
    refused(api.call("PUT", f"/sessions/{session['sid']}/report", report, roles["org"]), "lecturers.1.name")


# --- item 9b: JSON types as sent ------------------------------------------------------------------------------


def test_bodies_are_not_coerced_but_query_strings_still_read_numbers(api, roles, approved):
    org = roles["org"]
    for field, value in [
        ("planned_sessions", True),
        ("planned_sessions", "2"),
        ("planned_sessions", 2.0),
        ("year", "2026"),
        ("credits", "10"),
        ("credits", True),
        ("name", 123),
        ("nature", 1),
    ]:
        refused(api.post("/projects/national", {**NATIONAL, field: value}, org), field)
    refused(sign_in(api, approved, age="36"), "age")
    refused(sign_in(api, approved, grassroots="false"), "grassroots")
    refused(sign_in(api, approved, grassroots=0), "grassroots")
    refused(sign_in(api, approved, mobile=13912345678), "mobile")
    assert sign_in(api, approved)[0] == 200

    status, page = api.get("/projects", org, year="2026", limit="20")
    assert status == 200 and len(page["items"]) == 1, page
    refused(api.get("/projects", org, limit="true"), "limit")


# --- item 9c: a session falls inside its project's year ------------------------------------------------------


def _dated(day: str, end: str | None = None) -> dict:
    schedule = [{**block, "date": day} for block in SESSION["schedule"]]
    return {**SESSION, "start_date": day, "end_date": end or day, "schedule": schedule}


def _update(day: str) -> dict:
    return {key: value for key, value in _dated(day).items() if key != "seq"}


def test_a_session_is_dated_inside_its_projects_year(api, roles, national_project):
    org = roles["org"]
    path = f"/projects/{national_project}/sessions"
    for start, end, field in [
        ("2000-03-01", None, "start_date"),
        ("2100-03-01", None, "start_date"),
        ("2025-12-31", "2026-01-01", "start_date"),
        ("2026-12-31", "2027-01-01", "end_date"),
    ]:
        status, body = api.post(path, _dated(start, end), org)
        assert status == 400 and body["error"]["field"] == field, (start, body)
        assert body["error"]["code"] == "SESSION_OUTSIDE_PROJECT_YEAR" and "2026" in body["error"]["message"]

    status, session = api.post(path, _dated("2026-01-01"), org)
    assert status == 201, session
    status, body = api.call("PUT", f"/sessions/{session['session_id']}", _update("2027-01-05"), org)
    assert status == 400 and body["error"]["field"] == "start_date", body
    assert api.get(f"/sessions/{session['session_id']}", org)[1]["start_date"] == "2026-01-01"
    assert api.call("PUT", f"/sessions/{session['session_id']}", _update("2026-12-31"), org)[0] == 200
