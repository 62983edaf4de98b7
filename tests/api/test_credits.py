"""After the session: execution report, the admin's selection, deadlines in China time, granting (reminders:
test_reminders.py)."""

from __future__ import annotations

from datetime import datetime

import pytest

from chalicelib.container import services
from chalicelib.models import CreditRecord
from chalicelib.services import identity
from tests.api.attendance_helpers import ANSWERS, CN, SESSION, approve, id_number, person, tokens_of
from tests.api.jobs_helpers import grant

REPORT = {
    "actual_start_date": "2026-12-10",
    "actual_end_date": "2026-12-10",
    "venue": "南京会场",
    "summary": "按计划完成全部教学。",
    "lecturers": [{"name": "王教授", "title": "主任医师", "unit": "省人民医院", "hours": 3}],
}
ZHANG = id_number()
LI = id_number("32010219851111431")
WANG = id_number("32010219900101123")


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, day, hour, minute, tzinfo=CN)


def attend(api, clock, session, who: str, arrive: datetime, leave: datetime | None, **changes) -> None:
    clock.now = arrive
    body = {"t": session["tokens"]["in"], **person(id_number=who, **changes)}
    assert api.post(f"/public/attendance/{session['sid']}/sign-in", body)[0] == 200
    if leave is not None:
        clock.now = leave
        body = {"t": session["tokens"]["out"], "id_number": who, "answers": ANSWERS}
        assert api.post(f"/public/attendance/{session['sid']}/sign-out", body)[0] == 200


@pytest.fixture
def held(api, roles, national_project, clock):
    """A session (6 teaching hours, 规定学时 6) with: 张三 6 h, 李四 5.98 h, 王五 never signed out."""
    session = approve(api, roles, national_project, {**SESSION, "required_hours": 6})
    attend(api, clock, session, ZHANG, at(10, 8), at(10, 16, 30))
    attend(api, clock, session, LI, at(10, 8, 1), at(10, 16, 29), name="李四", mobile="13800000001", age=41)
    attend(api, clock, session, WANG, at(10, 8, 2), None, name="王五", mobile="13800000002")
    return session


def report_of(api, session, who="org"):
    return api.get(f"/sessions/{session['sid']}/report", session[who])[1]


def test_the_report_waits_for_the_end_of_the_session(api, held, clock):
    clock.now = at(10, 16, 0)
    report = report_of(api, held)
    assert report["status"] == "pending" and report["actions"] == []
    assert report["deadline"] == {
        "kind": "admin",
        "due": "2026-12-24",
        "days_left": 14,
        "overdue": False,
        "extended": False,
    }
    status, body = api.call("PUT", f"/sessions/{held['sid']}/report", REPORT, held["org"])
    assert status == 409 and body["error"]["code"] == "SESSION_NOT_ENDED"


def test_preselection_at_the_hours_boundary_and_the_whole_chain_to_credits(api, held, clock):
    clock.now = at(10, 19)  # the sign-out window closed at 18:30
    assert report_of(api, held)["actions"] == ["edit", "submit"]
    status, saved = api.call("PUT", f"/sessions/{held['sid']}/report", REPORT, held["org"])
    assert status == 200 and saved["lecturers"][0]["credits"] == 6, "national: 2 credits per lecturer hour"
    assert api.post(f"/sessions/{held['sid']}/report/submit", token=held["org"])[1]["status"] == "reported"

    status, selection = api.get(f"/sessions/{held['sid']}/selection", held["admin"])
    assert status == 200 and selection["required_hours"] == 6 and selection["total"] == 3
    rows = {row["name"]: row for row in selection["items"]}
    assert (rows["张三"]["hours"], rows["张三"]["preselected"]) == (6, True)
    assert (rows["李四"]["hours"], rows["李四"]["preselected"]) == (5.98, False)
    assert (rows["王五"]["status"], rows["王五"]["preselected"]) == ("incomplete", False)
    assert rows["张三"]["id_number"].startswith("320102********") and rows["张三"]["questionnaire_done"]

    draft, submit = f"/sessions/{held['sid']}/selection/draft", f"/sessions/{held['sid']}/selection/submit"
    li = rows["李四"]["attendee_id"]
    change = {"version": selection["version"], "changes": [{"attendee_id": li, "selected": True, "reason": ""}]}
    status, body = api.call("PUT", draft, change, held["admin"])
    assert status == 400 and body["error"]["field"] == "changes.0.reason"
    change["changes"][0]["reason"] = "迟到一分钟"
    assert api.call("PUT", draft, change, held["org"])[0] == 403
    status, saved = api.call("PUT", draft, change, held["admin"])
    assert status == 200 and saved["selected_count"] == 2
    assert api.post(submit, {"version": saved["version"]}, held["org"])[0] == 403
    status, submitted = api.post(submit, {"version": saved["version"]}, held["admin"])
    assert status == 200 and submitted["status"] == "submitted" and submitted["selected_count"] == 2
    assert submitted["deadline"]["kind"] == "office" and submitted["deadline"]["due"] == "2026-12-24"
    assert api.get(f"/sessions/{held['sid']}/credits", held["org"])[1]["items"] == [], "nothing before granting"

    status, granted = grant(api, held["sid"], held["office"])
    assert status == 200 and granted["status"] == "granted" and granted["deadline"] is None
    status, again = grant(api, held["sid"], held["office"])
    assert status == 200 and again["status"] == "granted"
    assert len(list(CreditRecord.query(held["sid"]))) == 3, "granting twice writes nothing twice"
    credits = api.get(f"/sessions/{held['sid']}/credits", held["org"])[1]
    assert sorted((c["kind"], c["name"], c["credits"]) for c in credits["items"]) == [
        ("attendee", "张三", 2),
        ("attendee", "李四", 2),
        ("lecturer", "王教授", 6),
    ]
    assert credits["total_credits"] == 10 and all(c["credit_class"] == "I类" for c in credits["items"])
    listing = api.get("/sessions", held["org"], project_id=held["pid"])[1]["items"]
    assert listing[0]["report_status_label"] == "已授予学分"


def test_returns_send_the_work_back_with_a_reason(api, held, clock):
    clock.now = at(10, 17)
    api.call("PUT", f"/sessions/{held['sid']}/report", REPORT, held["org"])
    api.post(f"/sessions/{held['sid']}/report/submit", token=held["org"])
    status, body = api.post(f"/sessions/{held['sid']}/report/return", {"reason": "请补充总结"}, held["admin"])
    assert status == 200 and body["status"] == "returned" and body["return_reason"] == "请补充总结"
    assert api.post(f"/sessions/{held['sid']}/report/submit", token=held["org"])[1]["status"] == "reported"
    api.post(f"/sessions/{held['sid']}/selection/submit", {}, held["admin"])
    clock.now = at(12, 9)
    status, body = api.post(f"/sessions/{held['sid']}/selection/return", {"reason": "名单有误"}, held["office"])
    assert status == 200 and body["status"] == "office_returned"
    assert body["deadline"] == {
        "kind": "admin",
        "due": "2026-12-26",
        "days_left": 14,
        "overdue": False,
        "extended": False,
    }
    assert api.post(f"/sessions/{held['sid']}/credits/grant", token=held["office"])[0] == 409


def test_the_submit_deadline_is_the_end_of_the_14th_day_in_china_time(api, held, clock):
    clock.now = at(10, 17)
    api.call("PUT", f"/sessions/{held['sid']}/report", REPORT, held["org"])
    api.post(f"/sessions/{held['sid']}/report/submit", token=held["org"])
    clock.now = at(24, 23, 59)  # 2026-12-24T15:59Z
    assert report_of(api, held, "admin")["deadline"]["days_left"] == 0
    clock.now = at(25, 0, 0)  # 2026-12-24T16:00Z: still the 24th in UTC, already the 25th in China
    deadline = report_of(api, held, "admin")["deadline"]
    assert deadline["overdue"] and deadline["days_left"] == -1
    status, body = api.post(f"/sessions/{held['sid']}/selection/submit", {}, held["admin"])
    assert status == 409 and body["error"]["code"] == "DEADLINE_PASSED" and "2026-12-24" in body["error"]["message"]
    extension = {"until": "2026-12-31", "reason": "单位统计延误"}
    assert api.post(f"/sessions/{held['sid']}/deadline-extension", extension, held["admin"])[0] == 403
    status, extended = api.post(f"/sessions/{held['sid']}/deadline-extension", extension, held["office"])
    assert status == 200 and extended["deadline"]["extended"] and extended["extension"]["reason"] == "单位统计延误"
    assert api.post(f"/sessions/{held['sid']}/selection/submit", {}, held["admin"])[1]["status"] == "submitted"


def test_the_last_minute_before_china_midnight_is_still_in_time(api, held, clock):
    clock.now = at(10, 17)
    api.call("PUT", f"/sessions/{held['sid']}/report", REPORT, held["org"])
    api.post(f"/sessions/{held['sid']}/report/submit", token=held["org"])
    clock.now = at(24, 23, 59)
    assert api.post(f"/sessions/{held['sid']}/selection/submit", {}, held["admin"])[0] == 200


def test_required_hours_are_bounded_by_the_rules(api, roles, national_project):
    status, body = api.post(f"/projects/{national_project}/sessions", {**SESSION, "required_hours": 2}, roles["org"])
    assert status == 400 and body["error"]["code"] == "REQUIRED_HOURS_OUT_OF_RANGE"
    status, session = api.post(f"/projects/{national_project}/sessions", SESSION, roles["org"])
    assert status == 201 and session["required_hours"] == 6 and session["report_status"] is None


def test_a_daily_session_grants_one_record_per_person_whose_id_copy_still_opens(api, roles, national_project, clock):
    two_days = {
        **SESSION,
        "end_date": "2026-12-11",
        "required_hours": 6,
        "attendance": {"mode": "daily"},
        "schedule": [
            *SESSION["schedule"],
            {"date": "2026-12-11", "start": "09:00", "end": "12:00", "topic": "次日", "lecturer": "赵", "hours": 3},
        ],
    }
    session = approve(api, roles, national_project, two_days)
    attend(api, clock, session, ZHANG, at(10, 8), at(10, 16, 30))
    clock.now = at(11, 8, 30)
    codes = api.get(f"/sessions/{session['sid']}/attendance/codes", session["org"])[1]
    attend(api, clock, {**session, "tokens": tokens_of(codes)}, ZHANG, at(11, 8, 30), at(11, 12, 10))

    clock.now = at(11, 15)
    assert (
        api.call(
            "PUT", f"/sessions/{session['sid']}/report", {**REPORT, "actual_end_date": "2026-12-11"}, session["org"]
        )[0]
        == 200
    )
    assert api.post(f"/sessions/{session['sid']}/report/submit", token=session["org"])[0] == 200
    (row,) = api.get(f"/sessions/{session['sid']}/selection", session["admin"])[1]["items"]
    assert row["hours"] == 9 and row["preselected"], "both days add up"
    assert api.post(f"/sessions/{session['sid']}/selection/submit", {}, session["admin"])[0] == 200
    assert grant(api, session["sid"], session["office"])[0] == 200

    (record,) = [r for r in CreditRecord.query(session["sid"]) if r.kind == "attendee"]
    key = services().signing._id_key  # noqa: SLF001 - the configured key, as an operator would hold it
    assert identity.unseal(record.id_encrypted, key, record.id_context) == ZHANG


def test_credit_rules_are_visible_with_their_source(api, roles):
    status, rules = api.get("/credit-rules", roles["org"])
    assert status == 200 and rules["current"] == rules["items"][0]["version"]
    assert rules["items"][0]["national"]["hours_per_credit"] == 3 and rules["items"][0]["source_title"]
