"""Rules the office keeps (#17 part 1): credit-rule versions (add, edit and withdraw before they take effect; a
session judged by the version in force on its approval day, never retroactively) and the discipline catalogue (add,
retire, restore; pickers and project checks read the current catalogue; old projects keep retired labels); every
change audited with before and after, office only, under the revision read."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from chalicelib.models import CreditRecord, Session
from chalicelib.services import credit_rule_book, sessions
from tests.api.attendance_helpers import CN, SESSION, approve
from tests.api.jobs_helpers import grant
from tests.api.test_credits import LI, REPORT, ZHANG, at, attend
from tests.api.test_projects import PROVINCIAL, xlsx
from tests.api.test_sessions import NATIONAL, ready
from tests.conftest import Api


def rule_body(revision: int, version: str, effective_from: str, **changes: Any) -> dict[str, Any]:
    level = {"cap_per_project": 25, "required_hours_min_ratio": 0.5, "credit_class": "I类"}
    body = {
        "revision": revision,
        "version": version,
        "effective_from": effective_from,
        "source_title": "《某省继续医学教育学分管理实施细则》",
        "source_number": "苏卫科教〔2026〕9号",
        "source_url": "https://wjw.example.gov.cn/doc/9.html",
        "note": "省级项目每3学时1学分",
        "national": {**level, "hours_per_credit": 3, "lecturer_credits_per_hour": 2},
        "provincial": {**level, "hours_per_credit": 3, "lecturer_credits_per_hour": 1},
        "admin_deadline_days": 14,
        "office_deadline_days": 14,
        "yearly_requirement": {
            "total_credits": 25,
            "class_minimums": [{"credit_class": "I类", "credits": 5}],
            "source": "国卫办科教发〔2024〕20号",
        },
    }
    return {**body, **changes}


def audit_of(api: Api, office: str, action: str) -> list[dict[str, Any]]:
    found = []
    for day in ("2026-12-05", "2026-12-06", "2026-12-10", "2026-12-11"):
        status, page = api.get("/audit", office, date=day, limit=200)
        assert status == 200, page
        found += [event for event in page["items"] if event["action"] == action]
    return found


@pytest.fixture
def on_day(monkeypatch: pytest.MonkeyPatch):
    """Set the rule book's clock (and the session review's) to a China date and hour."""

    def set_to(day: date, hour: int = 10, minute: int = 0, second: int = 0) -> None:
        moment = datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=CN)
        monkeypatch.setattr(credit_rule_book, "utc_now", lambda: moment)
        monkeypatch.setattr(sessions, "utc_now", lambda: moment)

    set_to(date(2026, 12, 10))
    return set_to


# --- credit rules -----------------------------------------------------------------------------------------------


def test_the_shipped_rules_are_the_first_version_and_cannot_change(api: Api, roles: dict[str, str], on_day) -> None:
    status, book = api.get("/credit-rules", roles["org"])
    assert status == 200, book
    assert (book["current"], book["revision"], len(book["items"])) == ("2006", 0, 1)
    first = book["items"][0]
    assert (first["state"], first["editable"]) == ("in_force", False)
    assert first["national"] == {
        "hours_per_credit": 3,
        "lecturer_credits_per_hour": 2,
        "cap_per_project": 25,
        "required_hours_min_ratio": 0.5,
        "credit_class": "I类",
    }
    assert (first["admin_deadline_days"], first["office_deadline_days"]) == (14, 14)
    status, body = api.call("PUT", "/credit-rules/2006", rule_body(0, "2006", "2027-01-01"), roles["office"])
    assert status == 409 and body["error"]["code"] == "RULE_IN_FORCE", body


def test_the_office_adds_edits_and_withdraws_a_future_version_audited(api: Api, roles: dict[str, str], on_day) -> None:
    office = roles["office"]
    body = rule_body(0, "2027", "2027-01-01")
    assert api.post("/credit-rules", body, roles["org"])[0] == 403
    assert api.post("/credit-rules", body, roles["admin"])[0] == 403
    status, book = api.post("/credit-rules", body, office)
    assert status == 200, book
    assert book["revision"] == 1 and book["current"] == "2006"
    newest = book["items"][0]
    assert (newest["version"], newest["state"], newest["editable"]) == ("2027", "future", True)
    assert newest["provincial"]["hours_per_credit"] == 3 and newest["updated_by"] == "office-demo"
    assert newest["source_number"] == "苏卫科教〔2026〕9号"

    # A stale revision, a taken version id or date, a date not in the future: refused, nothing written.
    status, stale = api.post("/credit-rules", rule_body(0, "2028", "2028-01-01"), office)
    assert status == 409 and stale["error"]["code"] == "CONCURRENT_UPDATE"
    status, taken = api.post("/credit-rules", rule_body(1, "2027", "2028-01-01"), office)
    assert status == 400 and (taken["error"]["code"], taken["error"]["field"]) == ("RULE_VERSION_TAKEN", "version")
    status, same_day = api.post("/credit-rules", rule_body(1, "2027b", "2027-01-01"), office)
    assert status == 400 and same_day["error"]["code"] == "RULE_DATE_TAKEN"
    status, today = api.post("/credit-rules", rule_body(1, "now", "2026-12-10"), office)
    assert status == 400 and (today["error"]["code"], today["error"]["field"]) == (
        "RULE_DATE_NOT_FUTURE",
        "effective_from",
    )
    status, bad = api.post("/credit-rules", rule_body(1, "x", "2027-02-01", admin_deadline_days=0), office)
    assert status == 400 and bad["error"]["field"] == "admin_deadline_days"
    assert api.get("/credit-rules", office)[1]["revision"] == 1

    renamed = rule_body(1, "2027b", "2027-03-01")
    status, body = api.call("PUT", "/credit-rules/2027", renamed, office)
    assert status == 400 and (body["error"]["code"], body["error"]["field"]) == ("RULE_VERSION_FIXED", "version")
    edited = rule_body(1, "2027", "2027-03-01", office_deadline_days=10)
    status, book = api.call("PUT", "/credit-rules/2027", edited, office)
    assert status == 200, book
    newest = book["items"][0]
    assert (newest["version"], newest["effective_from"], newest["office_deadline_days"]) == ("2027", "2027-03-01", 10)
    missing = rule_body(2, "2026x", "2027-04-01")
    assert api.call("PUT", "/credit-rules/2026x", missing, office)[0] == 404
    organizer_view = api.get("/credit-rules", roles["org"])[1]["items"][0]
    assert organizer_view["updated_by"] is None and organizer_view["version"] == "2027", "the office's names stay"

    status, book = api.post("/credit-rules/2027/withdraw", {"revision": 2}, office)
    assert status == 200 and [item["version"] for item in book["items"]] == ["2006"] and book["revision"] == 3

    created, updated, withdrawn = (audit_of(api, office, f"credit_rule.{a}") for a in ("create", "update", "withdraw"))
    assert len(created) == len(updated) == len(withdrawn) == 1
    assert created[0]["before"] is None and created[0]["after"]["provincial"]["hours_per_credit"] == 3
    assert (
        updated[0]["before"]["effective_from"] == "2027-01-01" and updated[0]["after"]["effective_from"] == "2027-03-01"
    )
    assert withdrawn[0]["before"]["version"] == "2027" and withdrawn[0]["after"] is None
    assert created[0]["action_label"] == "新增学分规则版本"


def test_a_version_locks_when_it_takes_effect(api: Api, roles: dict[str, str], on_day) -> None:
    office = roles["office"]
    assert api.post("/credit-rules", rule_body(0, "2026-w", "2026-12-11"), office)[0] == 200
    on_day(date(2026, 12, 10), 23, 57)  # 23:57 on the eve: still editable
    assert api.get("/credit-rules", office)[1]["items"][0]["editable"] is True
    on_day(date(2026, 12, 10), 23, 58, 30)  # from 23:58 every container's copy must already hold the final version
    book = api.get("/credit-rules", office)[1]
    assert (book["current"], book["items"][0]["state"], book["items"][0]["editable"]) == ("2006", "future", False)
    edit = rule_body(1, "2026-w", "2026-12-12")
    status, body = api.call("PUT", "/credit-rules/2026-w", edit, office)
    assert status == 409 and body["error"]["code"] == "RULE_IN_FORCE" and "即将生效" in body["error"]["message"]
    status, body = api.post("/credit-rules", rule_body(1, "next", "2026-12-11"), office)
    assert status == 400 and body["error"]["code"] == "RULE_DATE_NOT_FUTURE", "tomorrow is too late now"
    on_day(date(2026, 12, 11), 0)  # in force: only a newer version replaces it
    book = api.get("/credit-rules", office)[1]
    assert (book["current"], book["items"][0]["state"], book["items"][0]["editable"]) == ("2026-w", "in_force", False)
    assert book["items"][1]["state"] == "past"
    status, body = api.post("/credit-rules/2026-w/withdraw", {"revision": 1}, office)
    assert status == 409 and body["error"]["code"] == "RULE_IN_FORCE"


def test_a_session_is_judged_by_the_version_in_force_on_its_approval_day(
    api: Api, roles: dict[str, str], on_day
) -> None:
    office = roles["office"]
    status, project = api.post("/projects/national", {**NATIONAL, "planned_sessions": 3}, roles["org"])
    assert status == 201, project
    national_project = project["project_id"]
    stricter = rule_body(
        0,
        "2026-w",
        "2026-12-11",
        national={
            "hours_per_credit": 6,
            "lecturer_credits_per_hour": 1,
            "cap_per_project": 25,
            "required_hours_min_ratio": 0.5,
            "credit_class": "I类",
        },
        admin_deadline_days=7,
    )
    assert api.post("/credit-rules", stricter, office)[0] == 200
    body = {**SESSION, "start_date": "2026-12-20", "end_date": "2026-12-20"}
    body["schedule"] = [{**block, "date": "2026-12-20"} for block in SESSION["schedule"]]

    before = approve(api, roles, national_project, body)  # approved on 12-10: the 2006 rules
    status, created = api.post(f"/projects/{national_project}/sessions", {**body, "seq": 3}, roles["org"])
    assert status == 201, created
    waiting = api.get(f"/sessions/{created['session_id']}", roles["org"])[1]
    assert "尚未审核通过" in waiting["credit_rule"]["reason"] and waiting["credit_rule"]["version"] == "2006"
    on_day(date(2026, 12, 11))
    after = approve(api, roles, national_project, {**body, "seq": 2})  # approved on 12-11: the new version

    old = api.get(f"/sessions/{before['sid']}", roles["org"])[1]
    new = api.get(f"/sessions/{after['sid']}", roles["org"])[1]
    assert old["credit_rule"]["version"] == "2006", "never judged retroactively by a later version"
    assert "2026-12-10" in old["credit_rule"]["reason"]
    assert new["credit_rule"]["version"] == "2026-w" and "2026-12-11" in new["credit_rule"]["reason"]
    assert (old["schedule_credits"], new["schedule_credits"]) == (2, 1), "6 hours: 3 h per credit, then 6 h"
    assert (old["deadline"]["due"], new["deadline"]["due"]) == ("2027-01-03", "2026-12-27"), "14 days, then 7"
    waiting = api.get(f"/sessions/{waiting['session_id']}", roles["org"])[1]
    assert waiting["credit_rule"]["version"] == "2026-w", "an estimate by the version in force today"


# --- discipline catalogue ---------------------------------------------------------------------------------------


def catalogue(api: Api, office: str) -> dict[str, Any]:
    status, body = api.get("/discipline-catalogue", office)
    assert status == 200, body
    return body


def test_the_office_adds_a_catalogue_and_projects_take_its_codes(api: Api, roles: dict[str, str]) -> None:
    office, org = roles["office"], roles["org"]
    assert api.get("/discipline-catalogue", org)[0] == 403
    assert api.post("/discipline-catalogue", {"revision": 0, "code": "31", "name": "中医学"}, org)[0] == 403
    start = catalogue(api, office)
    assert (
        start["revision"] == 0
        and {"code": "14-02", "name": "外科护理学"}.items()
        <= next(e for e in start["items"] if e["code"] == "14-02").items()
    )

    status, body = api.post("/discipline-catalogue", {"revision": 0, "code": "31-01", "name": "中医内科学"}, office)
    assert status == 400 and body["error"]["code"] == "DISCIPLINE_GROUP_UNKNOWN"
    status, body = api.post("/discipline-catalogue", {"revision": 0, "code": "31", "name": "中医学"}, office)
    assert status == 200 and body["revision"] == 1, body
    status, body = api.post("/discipline-catalogue", {"revision": 1, "code": "31-01", "name": "中医内科学"}, office)
    assert status == 200 and body["revision"] == 2
    for wrong, code in (
        ({"revision": 2, "code": "31-01", "name": "别的"}, "DISCIPLINE_CODE_TAKEN"),
        ({"revision": 2, "code": "31-02", "name": "中医内科学"}, "DISCIPLINE_NAME_TAKEN"),
        ({"revision": 1, "code": "31-03", "name": "针灸学"}, "CONCURRENT_UPDATE"),
    ):
        status, body = api.post("/discipline-catalogue", wrong, office)
        assert status in (400, 409) and body["error"]["code"] == code, body
    status, body = api.post("/discipline-catalogue", {"revision": 2, "code": "3101", "name": "针灸学"}, office)
    assert status == 400 and body["error"]["field"] == "code"

    tree = {group["code"]: group for group in api.get("/disciplines")[1]["items"]}
    assert tree["31"]["name"] == "中医学" and tree["31"]["children"][0] == {
        "code": "31-01",
        "name": "中医内科学",
        "retired": False,
        "children": [],
    }
    project = {**NATIONAL, "discipline_code": "31-01", "number": "2026-31-01-001"}
    status, created = api.post("/projects/national", project, org)
    assert status == 201 and created["discipline_label"] == "中医学/中医内科学", created

    added = audit_of(api, office, "discipline.add")
    assert sorted(e["after"]["code"] for e in added) == ["31", "31-01"]
    assert all(e["before"] is None for e in added)


def test_a_retired_discipline_is_refused_for_new_projects_and_kept_on_old_ones(api: Api, roles: dict[str, str]) -> None:
    office, org = roles["office"], roles["org"]
    status, old = api.post("/projects/provincial", {**PROVINCIAL, "discipline_code": "14-03"}, org)
    assert status == 201, old
    status, body = api.call("PUT", "/discipline-catalogue/14-03", {"revision": 0, "retired": True}, office)
    assert status == 200, body
    assert next(e for e in body["items"] if e["code"] == "14-03")["retired_at"]
    nursing = next(g for g in api.get("/disciplines")[1]["items"] if g["code"] == "14")
    assert next(c for c in nursing["children"] if c["code"] == "14-03")["retired"] is True

    status, refused = api.post("/projects/provincial", {**PROVINCIAL, "discipline_code": "14-03"}, org)
    assert status == 400 and refused["error"]["code"] == "DISCIPLINE_RETIRED", refused
    mine = api.get(f"/projects/{old['project_id']}", org)[1]
    assert mine["discipline_label"].endswith(next(c["name"] for c in nursing["children"] if c["code"] == "14-03"))
    status, kept = api.call(
        "PATCH", f"/projects/{old['project_id']}", {"name": "改名后的省级项目", "discipline_code": "14-03"}, org
    )
    assert status == 200, "an old project keeps its retired code"
    status, moved = api.call("PATCH", f"/projects/{old['project_id']}", {"discipline_code": "14-02"}, org)
    assert status == 200
    status, back = api.call("PATCH", f"/projects/{old['project_id']}", {"discipline_code": "14-03"}, org)
    assert status == 400 and back["error"]["code"] == "DISCIPLINE_RETIRED"

    status, body = api.call("PUT", "/discipline-catalogue/14-03", {"revision": 1, "retired": True}, office)
    assert status == 409 and body["error"]["code"] == "DISCIPLINE_UNCHANGED"
    assert api.call("PUT", "/discipline-catalogue/14-03", {"revision": 1, "retired": False}, office)[0] == 200
    assert api.post("/projects/provincial", {**PROVINCIAL, "discipline_code": "14-03"}, org)[0] == 201
    retired, restored = audit_of(api, office, "discipline.retire"), audit_of(api, office, "discipline.restore")
    assert retired[0]["before"]["retired"] is False and retired[0]["after"]["retired"] is True
    assert restored[0]["after"]["retired"] is False


def test_retiring_a_group_retires_its_entries_for_new_projects(api: Api, roles: dict[str, str]) -> None:
    office, org = roles["office"], roles["org"]
    assert api.call("PUT", "/discipline-catalogue/14", {"revision": 0, "retired": True}, office)[0] == 200
    nursing = next(g for g in api.get("/disciplines")[1]["items"] if g["code"] == "14")
    assert nursing["retired"] and all(child["retired"] for child in nursing["children"])
    status, refused = api.post("/projects/national", NATIONAL, org)
    assert status == 400 and refused["error"]["code"] == "DISCIPLINE_RETIRED"
    status, body = api.post("/discipline-catalogue", {"revision": 1, "code": "14-90", "name": "新护理学"}, office)
    assert status == 400 and body["error"]["code"] == "DISCIPLINE_GROUP_RETIRED"
    assert api.call("PUT", "/discipline-catalogue/14-02", {"revision": 1, "retired": True}, office)[0] == 200
    status, body = api.call("PUT", "/discipline-catalogue/14-02", {"revision": 2, "retired": False}, office)
    assert status == 400 and body["error"]["code"] == "DISCIPLINE_GROUP_RETIRED", "restore the group first"
    assert api.call("PUT", "/discipline-catalogue/14", {"revision": 2, "retired": False}, office)[0] == 200
    nursing = next(g for g in api.get("/disciplines")[1]["items"] if g["code"] == "14")
    retired = [child["code"] for child in nursing["children"] if child["retired"]]
    assert retired == ["14-02"], "the group back in use, its entry retired on its own stays retired"


def test_submit_and_approval_check_the_required_hours_against_the_version_in_force_today(
    api: Api, roles: dict[str, str], national_project: str, on_day
) -> None:
    office = roles["office"]
    level = {"hours_per_credit": 3, "lecturer_credits_per_hour": 2, "cap_per_project": 25, "credit_class": "I类"}
    stricter = rule_body(0, "2026-w", "2026-12-11", national={**level, "required_hours_min_ratio": 0.8})
    assert api.post("/credit-rules", stricter, office)[0] == 200
    body = {**SESSION, "start_date": "2026-12-20", "end_date": "2026-12-20", "required_hours": 3}
    body["schedule"] = [{**block, "date": "2026-12-20"} for block in SESSION["schedule"]]
    status, created = api.post(f"/projects/{national_project}/sessions", body, roles["org"])
    assert status == 201, created  # 3 of 6 hours: enough under the 2006 rules in force on 12-10
    sid = created["session_id"]
    assert ready(api, {"organizer": roles["org"]}, created) == sid
    assert api.post(f"/sessions/{sid}/submit", token=roles["org"])[0] == 200
    assert api.post(f"/sessions/{sid}/forward", token=roles["admin"])[0] == 200
    on_day(date(2026, 12, 11))  # the stricter version is in force: 规定学时 at least 4.8 of 6
    status, refused = api.post(f"/sessions/{sid}/approve", token=office)
    assert status == 400 and refused["error"]["code"] == "REQUIRED_HOURS_OUT_OF_RANGE", refused
    assert "2026-w" in refused["error"]["message"] and "退回" in refused["error"]["message"]
    assert api.get(f"/sessions/{sid}", office)[1]["status"] == "forwarded", "nothing changed"


def test_a_session_approved_before_versions_were_pinned_keeps_the_first_version(
    api: Api, roles: dict[str, str], national_project: str, on_day
) -> None:
    body = {**SESSION, "start_date": "2026-12-20", "end_date": "2026-12-20"}
    body["schedule"] = [{**block, "date": "2026-12-20"} for block in SESSION["schedule"]]
    legacy = approve(api, roles, national_project, body)
    record = Session.get(legacy["sid"])
    record.update(actions=[Session.rule_version.remove(), Session.rule_day.remove()])  # as stored before this release
    assert api.post("/credit-rules", rule_body(0, "2026-w", "2026-12-11"), roles["office"])[0] == 200
    on_day(date(2026, 12, 21))  # the new version is in force on the session's start date and today
    shown = api.get(f"/sessions/{legacy['sid']}", roles["org"])[1]
    assert shown["credit_rule"]["version"] == "2006" and "尚未记录规则版本" in shown["credit_rule"]["reason"]
    assert shown["schedule_credits"] == 2, "6 hours at 3 per credit, not the later version's figures"


def test_the_pinned_version_decides_credits_class_lecturer_credits_and_the_office_term(
    api: Api, roles: dict[str, str], national_project: str, clock, on_day
) -> None:
    office = roles["office"]
    on_day(date(2026, 12, 5))
    national = {
        "hours_per_credit": 2,
        "lecturer_credits_per_hour": 3,
        "cap_per_project": 25,
        "required_hours_min_ratio": 0.5,
        "credit_class": "II类",
    }
    newer = rule_body(0, "2026-w", "2026-12-08", national=national, office_deadline_days=5)
    assert api.post("/credit-rules", newer, office)[0] == 200
    older = approve(api, roles, national_project, {**SESSION, "required_hours": 6})  # on 12-05: the 2006 rules
    on_day(date(2026, 12, 9))
    pinned = approve(api, roles, national_project, {**SESSION, "seq": 2, "required_hours": 6})  # on 12-09: 2026-w
    attend(api, clock, older, ZHANG, at(10, 8), at(10, 16, 30))
    attend(api, clock, pinned, LI, at(10, 8), at(10, 16, 30), name="李四", mobile="13800000001", age=41)
    clock.now = at(10, 19)
    terms = {}
    for session in (older, pinned):
        sid = session["sid"]
        assert api.call("PUT", f"/sessions/{sid}/report", REPORT, roles["org"])[0] == 200
        assert api.post(f"/sessions/{sid}/report/submit", token=roles["org"])[0] == 200
        status, submitted = api.post(f"/sessions/{sid}/selection/submit", {}, roles["admin"])
        assert status == 200, submitted
        terms[sid] = submitted["deadline"]["due"]
        assert grant(api, sid, office)[0] == 200
    assert (terms[older["sid"]], terms[pinned["sid"]]) == ("2026-12-24", "2026-12-15"), "14 days, then 5"

    def credits(session: dict[str, Any]) -> list[tuple[str, float, str]]:
        items = api.get(f"/sessions/{session['sid']}/credits", roles["org"])[1]["items"]
        return sorted((item["kind"], item["credits"], item["credit_class"]) for item in items)

    assert credits(older) == [("attendee", 2, "I类"), ("lecturer", 6, "I类")]
    assert credits(pinned) == [("attendee", 3, "II类"), ("lecturer", 9, "II类")], "6 h / 2; 3 h × 3"
    assert {r.rules_version for r in CreditRecord.query(pinned["sid"])} == {"2026-w"}


def test_the_project_import_refuses_a_retired_discipline(api: Api, roles: dict[str, str]) -> None:
    office = roles["office"]
    assert api.call("PUT", "/discipline-catalogue/03-01", {"revision": 0, "retired": True}, office)[0] == 200
    row = (2026, "2026480301016", "高血压管理", "03-01", "赵医生", 5, "申报项目", 2, "南京示范医院", "心血管内科")
    status, body = api.post("/projects/import", {"filename": "2026.xlsx", "content_base64": xlsx([row])}, office)
    assert status == 400 and body["error"]["code"] == "IMPORT_INVALID", body
    assert body["error"]["rows"] == [{"row": 2, "column": "学科代码", "message": "该学科已在学科目录中停用"}]
