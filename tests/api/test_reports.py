"""Reports (统计) through the HTTP API: one session, an organisation's year, the province's year, the Excel exports
and who may see which."""

from __future__ import annotations

import io
from datetime import datetime

import pytest
from openpyxl import load_workbook

from chalicelib.container import services
from chalicelib.services import reports as report_rules
from tests.api.attendance_helpers import ANSWERS, CN, SESSION, approve, id_number, person
from tests.api.jobs_helpers import export, start
from tests.api.jobs_helpers import grant as run_grant
from tests.api.test_projects import fetch

# Three people: 南京 (in the province, not grassroots), 上海 (out of it, grassroots), 昆山 (in it, grassroots).
NANJING = person(id_number=id_number("32010219900307123"), mobile="13900000001", client_id="p1", region="南京市")
SHANGHAI = person(
    id_number=id_number("32010219900307133"), mobile="13900000002", client_id="p2", region="上海市", grassroots=True
)
KUNSHAN = person(
    id_number=id_number("32010219900307143"), mobile="13900000003", client_id="p3", region="昆山", grassroots=True
)


def on(day: str, body: dict) -> dict:
    schedule = [{**block, "date": day} for block in body["schedule"]]
    return {**body, "start_date": day, "end_date": day, "schedule": schedule}


def held(api, roles, pid, clock, day, seq, signed_out=(), signed_in=()):
    """An approved session on ``day`` with these people signed in, and some signed out after the last block
    (6 hours, the required hours) with the questionnaire answered."""
    clock.now = datetime.fromisoformat(f"{day}T08:00:00+08:00")
    session = approve(api, roles, pid, {**on(day, SESSION), "seq": seq})
    for who in (*signed_out, *signed_in):
        body = {"t": session["tokens"]["in"], **who}
        assert api.post(f"/public/attendance/{session['sid']}/sign-in", body)[0] == 200
    clock.now = datetime.fromisoformat(f"{day}T16:40:00+08:00")
    codes = api.get(f"/sessions/{session['sid']}/attendance/codes", roles["org"])[1]
    token = next(c["url"].split("t=")[1] for c in codes["codes"] if c["kind"] == "out")
    for who in signed_out:
        body = {"t": token, "id_number": who["id_number"], "answers": ANSWERS}
        assert api.post(f"/public/attendance/{session['sid']}/sign-out", body)[0] == 200
    close(day)
    return {**session, "day": day}


def close(day: str) -> None:
    """The scheduled close after the day's last sign-out window: it settles the session's aggregates."""
    services().attendance_close.close_due(datetime.fromisoformat(f"{day}T23:00:00+08:00"))


def grant(api, roles, session, lecturer_hours: float = 3) -> None:
    """The credit workflow after the session: report submitted, everyone preselected submitted, the office grants."""
    sid, day = session["sid"], session["day"]
    report = {
        "actual_start_date": day,
        "actual_end_date": day,
        "venue": "南京会场",
        "summary": "按计划举办。",
        "lecturers": [{"name": "王", "hours": lecturer_hours}],
    }
    assert api.call("PUT", f"/sessions/{sid}/report", report, roles["org"])[0] == 200
    assert api.post(f"/sessions/{sid}/report/submit", token=roles["org"])[0] == 200
    status, body = api.post(f"/sessions/{sid}/selection/submit", {}, roles["admin"])
    assert status == 200, body
    status, body = run_grant(api, sid, roles["office"])
    assert status == 200 and body["status"] == "granted", body


@pytest.fixture
def today(monkeypatch, clock):
    """One clock for attendance, the credit workflow (both set by ``clock``) and the reports (overdue is judged on
    the China date)."""
    monkeypatch.setattr(report_rules, "utc_now", clock)
    return clock


def excel(api, path, token, **query):
    status, body = export(api, path, token, **query)
    assert status == 200 and body["filename"].endswith(".xlsx"), body
    book = load_workbook(io.BytesIO(fetch(body["url"])))
    return body["filename"], {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets}


# --- one session ----------------------------------------------------------------------------------


def test_session_report_counts_attendance_shares_questionnaire_and_credits(api, roles, national_project, today):
    session = held(api, roles, national_project, today, "2026-12-10", 1, (NANJING, SHANGHAI), (KUNSHAN,))
    sid = session["sid"]
    status, report = api.get(f"/reports/sessions/{sid}", roles["org"])
    assert status == 200, report
    assert (report["signed_in"], report["signed_out"], report["incomplete"], report["attendees"]) == (3, 2, 1, 3)
    assert report["grassroots_share"] == 0.6667 and report["out_of_region_share"] == 0.3333
    stats = report["questionnaire"]
    assert stats["responses"] == 2 and len(stats["questions"]) == 7
    assert {o["option"]: o["count"] for o in stats["questions"][0]["options"]} == {"是": 2, "基本是": 0, "否": 0}
    assert (report["credited_attendees"], report["credits_granted"], report["lecturer_credits"]) == (0, 0, 0)

    grant(api, roles, session)
    report = api.get(f"/reports/sessions/{sid}", roles["admin"])[1]
    assert (report["credited_attendees"], report["credits_granted"], report["lecturer_credits"]) == (2, 4.0, 6.0)

    name, sheets = excel(api, f"/reports/sessions/{sid}/export", roles["office"])
    assert name.startswith("统计-2026-14-02-049(国)-第1期-")
    figures = dict(sheets["统计"][1:])
    assert figures["签到人次"] == 3 and figures["学员人数"] == 3 and figures["基层学员占比"] == "66.7%"
    assert figures["江苏省外学员占比"] == "33.3%" and figures["学员学分合计"] == 4 and figures["授课人学分合计"] == 6
    first = [row for row in sheets["问卷统计"] if row[0] == 1]
    assert [(row[2], row[3], row[4]) for row in first] == [
        ("是", 2, "100.0%"),
        ("基本是", 0, "0.0%"),
        ("否", 0, "0.0%"),
    ]
    assert NANJING["id_number"] not in repr(sheets)


def test_a_session_without_attendees_reports_zero_shares(api, roles, national_project, today):
    session = held(api, roles, national_project, today, "2026-12-10", 1)
    report = api.get(f"/reports/sessions/{session['sid']}", roles["office"])[1]
    assert (report["signed_in"], report["grassroots_share"], report["out_of_region_share"]) == (0, 0.0, 0.0)
    assert report["questionnaire"]["responses"] == 0


# --- an organisation's year and the province's ------------------------------------------------


def test_yearly_reports_count_each_person_once_by_month_and_organisation(api, roles, national_project, today):
    october = held(api, roles, national_project, today, "2026-10-15", 1, (NANJING, SHANGHAI))
    grant(api, roles, october, lecturer_hours=2)
    december = held(api, roles, national_project, today, "2026-12-10", 2, (NANJING,), (KUNSHAN,))
    grant(api, roles, december)
    other = api.post("/projects/national", {**NATIONAL_2027}, roles["org"])[1]["project_id"]
    held(api, roles, other, today, "2027-01-12", 1, (SHANGHAI,))
    today.now = datetime(2026, 12, 20, 9, 0, tzinfo=CN)

    status, report = api.get("/reports/organisations", roles["admin"], year=2026)
    assert status == 200, report
    assert (report["year"], report["org_name"], report["sessions_held"]) == (2026, "南京示范医院", 2)
    assert (report["attendees"], report["credited_attendees"]) == (3, 2), "南京 attended twice, counted once"
    assert (report["credits_granted"], report["lecturer_credits"], report["overdue"]) == (6.0, 10.0, 0)
    months = {m["month"]: (m["sessions"], m["attendees"], m["credits"]) for m in report["by_month"]}
    assert len(report["by_month"]) == 12 and months[10] == (1, 2, 4.0) and months[12] == (1, 2, 2.0)
    assert months[1] == (0, 0, 0)
    assert api.get("/reports/organisations", roles["admin"], year=2027)[1]["sessions_held"] == 1

    same = api.get("/reports/organisations", roles["office"], year=2026, org_id=report["org_id"])[1]
    assert same == report

    status, province = api.get("/reports/province", roles["office"], year=2026)
    assert status == 200
    assert (province["sessions_held"], province["attendees"], province["credits_granted"]) == (2, 3, 6.0)
    assert province["organisations"] == [
        {
            "org_id": report["org_id"],
            "org_name": "南京示范医院",
            "sessions_held": 2,
            "attendees": 3,
            "credited_attendees": 2,
            "credits_granted": 6.0,
            "overdue": 0,
        }
    ]
    assert api.get("/reports/province", roles["office"], year=2025)[1]["organisations"] == []

    name, sheets = excel(api, "/reports/organisations/export", roles["admin"], year=2026)
    assert name.startswith("南京示范医院-2026年统计-")
    assert dict(sheets["汇总"][1:])["学员人数"] == 3
    assert sheets["按月"][10] == ("10月", 1, 2, 4) and sheets["按月"][12] == ("12月", 1, 2, 2)
    assert [row[3] for row in sheets["举办明细"][1:]] == ["2026-10-15", "2026-12-10"]
    name, sheets = excel(api, "/reports/province/export", roles["office"], year=2026)
    assert name.startswith("全省-2026年统计-") and sheets["各单位"][1] == ("南京示范医院", 2, 3, 2, 6.0, 0)


def test_overdue_sessions_are_those_whose_overdue_notice_went_out_until_extended(api, roles, national_project, today):
    session = held(api, roles, national_project, today, "2026-12-10", 1, (NANJING,))
    assert api.get(f"/sessions/{session['sid']}", roles["admin"])[1]["deadline"]["due"] == "2026-12-24"
    services().reminders.send(datetime(2026, 12, 24, 8, 0, tzinfo=CN))
    today.now = datetime(2026, 12, 24, 23, 59, tzinfo=CN)
    assert api.get("/reports/organisations", roles["admin"], year=2026)[1]["overdue"] == 0
    services().reminders.send(datetime(2026, 12, 25, 8, 0, tzinfo=CN))  # the overdue notice: counted from then on
    today.now = datetime(2026, 12, 25, 8, 1, tzinfo=CN)
    assert api.get("/reports/organisations", roles["admin"], year=2026)[1]["overdue"] == 1
    assert api.get("/reports/province", roles["office"], year=2026)[1]["organisations"][0]["overdue"] == 1
    assert api.get(f"/sessions/{session['sid']}", roles["admin"])[1]["deadline"]["overdue"] is True
    extension = {"until": "2026-12-31", "reason": "会务延误"}
    assert api.post(f"/sessions/{session['sid']}/deadline-extension", extension, roles["office"])[0] == 200
    assert api.get("/reports/organisations", roles["admin"], year=2026)[1]["overdue"] == 0


# --- who may see what -----------------------------------------------------------------------------


def test_reports_are_scoped_like_the_rest_of_the_api(api, roles, national_project, today):
    session = held(api, roles, national_project, today, "2026-12-10", 1, (NANJING,))
    sid = session["sid"]
    foreign_admin, foreign_org = api.login("society-admin-demo"), api.login("society-organizer-demo")
    colleague = other_department_organizer(api, roles["admin"])
    for token in (foreign_admin, foreign_org, colleague):
        assert api.get(f"/reports/sessions/{sid}", token)[0] == 404
        assert start(api, f"/reports/sessions/{sid}/export", token)[0] == 404
    hospital = api.get("/auth/me", roles["admin"])[1]["org_id"]
    status, body = api.get("/reports/organisations", foreign_admin, org_id=hospital)
    assert status == 404 and body["error"]["code"] == "NOT_FOUND"
    assert api.get("/reports/organisations", foreign_admin, year=2026)[1]["sessions_held"] == 0
    for token in (roles["org"], colleague):
        assert api.get("/reports/organisations", token)[0] == 403
    for token in (roles["admin"], roles["org"], foreign_admin):
        assert api.get("/reports/province", token)[0] == 403
        assert start(api, "/reports/province/export", token)[0] == 403
    status, body = api.get("/reports/organisations", roles["office"], year=2026)
    assert status == 400 and body["error"]["code"] == "ORG_REQUIRED" and body["error"]["field"] == "org_id"
    assert api.get("/reports/organisations", roles["office"], org_id="org-missing")[0] == 404
    assert api.get("/reports/province", roles["office"], year=1999)[0] == 400


def other_department_organizer(api, admin_token: str) -> str:
    account = {
        "username": "reports-ortho",
        "display_name": "骨科立项",
        "role": "organizer",
        "department": "骨科",
        "password": "Init#2026r",
    }
    assert api.post("/accounts", account, admin_token)[0] == 201
    first = api.login("reports-ortho", "Init#2026r")
    status, session = api.post(
        "/auth/password", {"current_password": "Init#2026r", "new_password": "Mine#2026r"}, first
    )
    assert status == 200
    return session["token"]


NATIONAL_2027 = {
    "year": 2027,
    "number": "2027-14-02-050",
    "name": "外科护理进展（2027）",
    "discipline_code": "14-02",
    "leader": "王护",
    "credits": 10,
    "nature": "declared",
    "planned_sessions": 1,
}
