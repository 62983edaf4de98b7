"""Drafts of the session form and of the execution report (#15 item 1): saved under their own version, shared by
those who may edit the object, refused to others, cleared by the save or submission; and the credits the schedule
supports in the session's answer (#15 item 2)."""

from __future__ import annotations

import pytest

from chalicelib.models import AuditEvent
from tests.api.attendance_helpers import CN, SESSION
from tests.api.test_credits import REPORT, held  # noqa: F401  (fixture)
from tests.api.test_sessions import NATIONAL

TYPED = {"venue": "南京会场", "start_date": "2026-12-10", "schedule": [{"topic": "开场", "hours": 0.5}]}


@pytest.fixture
def colleague(api, roles):
    """A second organizer of the same department (may edit the same applications)."""
    body = {
        "username": "colleague-demo",
        "display_name": "同科室",
        "role": "organizer",
        "department": "心血管内科",
        "password": "Demo@2026x",
    }
    assert api.post("/accounts", body, roles["admin"])[0] == 201
    token = api.login("colleague-demo", "Demo@2026x")
    change = {"current_password": "Demo@2026x", "new_password": "Other@2027x"}
    assert api.post("/auth/password", change, token)[0] == 200
    return api.login("colleague-demo", "Other@2027x")


def _audits() -> int:
    return sum(1 for _ in AuditEvent.scan())


def test_a_new_sessions_draft_is_the_users_own_and_is_cleared_when_the_session_is_created(
    api, roles, national_project, colleague
):
    path = f"/projects/{national_project}/session-draft"
    assert api.get(path, roles["org"]) == (200, {"data": None, "version": 0, "updated_by": None, "updated_at": None})
    audits = _audits()
    status, saved = api.call("PUT", path, {"version": 0, "data": TYPED}, roles["org"])
    assert status == 200, saved
    assert saved["version"] == 1 and saved["updated_by"] == "organizer-demo"
    assert saved["data"]["venue"] == "南京会场" and saved["data"]["schedule"][0]["hours"] == 0.5
    assert saved["updated_at"].endswith("Z") or saved["updated_at"].endswith("+00:00")
    assert _audits() == audits  # drafts are not audited
    assert api.get(path, roles["org"])[1]["version"] == 1
    assert api.get(path, colleague)[1]["data"] is None  # one draft per project and user
    # a stale writer (an older tab) is refused with a stable code
    status, body = api.call("PUT", path, {"version": 0, "data": TYPED}, roles["org"])
    assert status == 409 and body["error"]["code"] == "DRAFT_STALE", body
    assert api.call("PUT", path, {"version": 1, "data": {**TYPED, "venue": "新会场"}}, roles["org"])[1]["version"] == 2
    status, created = api.post(f"/projects/{national_project}/sessions", SESSION, roles["org"])
    assert status == 201, created
    assert api.get(path, roles["org"])[1] == {"data": None, "version": 0, "updated_by": None, "updated_at": None}


def test_a_sessions_draft_is_shared_by_its_editors_and_refused_to_others(api, roles, national_project, colleague):
    sid = api.post(f"/projects/{national_project}/sessions", SESSION, roles["org"])[1]["session_id"]
    path = f"/sessions/{sid}/draft"
    assert api.call("PUT", path, {"version": 0, "data": TYPED}, roles["org"])[0] == 200
    seen = api.get(path, colleague)[1]
    assert seen["data"]["venue"] == "南京会场" and seen["updated_by"] == "organizer-demo"
    status, body = api.call("PUT", path, {"version": 0, "data": TYPED}, colleague)
    assert status == 409 and body["error"]["code"] == "DRAFT_STALE"
    assert api.call("PUT", path, {"version": 1, "data": TYPED}, colleague)[1]["updated_by"] == "colleague-demo"
    # others: the admin reviews but does not fill in the form; another organisation's organizer does not see it
    assert api.call("PUT", path, {"version": 2, "data": TYPED}, roles["admin"])[0] == 403
    society = api.login("society-organizer-demo")
    assert api.get(path, society)[0] == 404
    assert api.call("PUT", path, {"version": 2, "data": TYPED}, society)[0] == 404
    # the save clears it (in the same transaction)
    body = {k: v for k, v in SESSION.items() if k != "seq"}
    assert api.call("PUT", f"/sessions/{sid}", body, roles["org"])[0] == 200
    assert api.get(path, roles["org"])[1]["version"] == 0
    # an in-flight save of the old draft after that is stale, not a resurrection
    status, body = api.call("PUT", path, {"version": 2, "data": TYPED}, roles["org"])
    assert status == 409 and body["error"]["code"] == "DRAFT_STALE"


def test_a_draft_is_discarded_on_request_and_bounded_at_the_edge(api, roles, national_project):
    sid = api.post(f"/projects/{national_project}/sessions", SESSION, roles["org"])[1]["session_id"]
    path = f"/sessions/{sid}/draft"
    assert api.call("PUT", path, {"version": 0, "data": TYPED}, roles["org"])[0] == 200
    assert api.call("PUT", path, {"version": 1, "data": None}, roles["org"])[1]["version"] == 0
    assert api.get(path, roles["org"])[1]["data"] is None
    too_long = {"version": 0, "data": {"venue": "会" * 101}}
    status, body = api.call("PUT", path, too_long, roles["org"])
    assert status == 400 and body["error"]["field"] == "data.venue", body
    too_many = {"version": 0, "data": {"schedule": [{"topic": "x"}] * 101}}
    assert api.call("PUT", path, too_many, roles["org"])[0] == 400
    unknown = {"version": 0, "data": {"id_number": "320102199003071234"}}
    assert api.call("PUT", path, unknown, roles["org"])[0] == 400


def test_a_submitted_application_takes_no_draft(api, roles, approved):
    status, body = api.call("PUT", f"/sessions/{approved['sid']}/draft", {"version": 0, "data": TYPED}, roles["org"])
    assert status == 409 and body["error"]["code"] == "SESSION_LOCKED"


def test_the_reports_draft_waits_for_the_end_and_is_cleared_by_save_and_submit(api, roles, held, clock):  # noqa: F811
    from datetime import datetime

    path = f"/sessions/{held['sid']}/report/draft"
    typed = {"version": 0, "data": {"summary": "进行中", "lecturers": [{"name": "王教授", "hours": 3}]}}
    clock.now = datetime(2026, 12, 10, 9, 0, tzinfo=CN)
    status, body = api.call("PUT", path, typed, roles["org"])
    assert status == 409 and body["error"]["code"] == "SESSION_NOT_ENDED", body
    clock.now = datetime(2026, 12, 11, 9, 0, tzinfo=CN)
    assert api.call("PUT", path, typed, roles["org"])[1]["version"] == 1
    assert api.get(path, roles["org"])[1]["data"]["summary"] == "进行中"
    assert api.call("PUT", path, typed, roles["admin"])[0] == 403
    assert api.call("PUT", f"/sessions/{held['sid']}/report", REPORT, roles["org"])[0] == 200
    assert api.get(path, roles["org"])[1]["version"] == 0
    assert api.call("PUT", path, typed, roles["org"])[1]["version"] == 1
    assert api.post(f"/sessions/{held['sid']}/report/submit", token=roles["org"])[0] == 200
    assert api.get(path, roles["org"])[1]["version"] == 0


def test_the_session_answers_the_credits_its_schedule_supports(api, roles):
    short = {**NATIONAL, "number": "2026-14-02-077", "credits": 6}
    pid = api.post("/projects/national", short, roles["org"])[1]["project_id"]
    half_hour = {
        **SESSION,
        "end_date": "2026-12-10",
        "schedule": [{**SESSION["schedule"][0], "start": "08:30", "end": "09:00", "hours": 0.5}],
    }
    status, body = api.post(f"/projects/{pid}/sessions", half_hour, roles["org"])
    assert status == 201, body
    # national: 3 hours a credit, 0.5 hours earn 0.1 (rounded down to a tenth), 5.9 short of the project's 6
    assert body["schedule_credits"] == 0.1 and body["credits_shortfall"] == 5.9
    full = api.get(f"/sessions/{body['session_id']}", roles["admin"])[1]
    assert full["schedule_credits"] == 0.1 and full["credits_shortfall"] == 5.9
    enough = api.post(f"/projects/{pid}/sessions", {**SESSION, "seq": 2}, roles["org"])[1]
    assert enough["schedule_credits"] == 2.0 and enough["credits_shortfall"] == 4.0  # 6 hours / 3
