from __future__ import annotations

import base64
import json

import boto3
import pytest
from moto.core import DEFAULT_ACCOUNT_ID
from moto.ses.models import ses_backends

from chalicelib.errors import Conflict
from chalicelib.principal import Principal

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
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
SESSION = {
    "seq": 1,
    "venue": "南京市鼓楼区示范医院学术报告厅",
    "start_date": "2026-12-10",
    "end_date": "2026-12-11",
    "planned_attendees": 200,
    "remark": "含实操",
    "schedule": [
        {
            "date": "2026-12-10",
            "start": "08:30",
            "end": "11:30",
            "topic": "围手术期护理",
            "lecturer": "王护",
            "hours": 3,
        },
        {"date": "2026-12-10", "start": "13:30", "end": "16:30", "topic": "伤口护理", "lecturer": "李护", "hours": 3},
        {"date": "2026-12-11", "start": "08:30", "end": "10:30", "topic": "病例讨论", "lecturer": "赵医生", "hours": 2},
    ],
}


@pytest.fixture
def users(api, demo):
    return {
        name: api.login(f"{name}-demo")
        for name in ("organizer", "admin", "office", "society-organizer", "society-admin")
    }


@pytest.fixture
def project(api, users):
    return api.post("/projects/national", NATIONAL, users["organizer"])[1]


@pytest.fixture
def session(api, users, project):
    status, body = api.post(f"/projects/{project['project_id']}/sessions", SESSION, users["organizer"])
    assert status == 201, body
    return body


def upload(api, token, session_id, kind, content, content_type, declared=None, filename="通知.pdf"):
    """What the browser does: ask for a ticket, POST to S3 (here: put the object), confirm."""
    status, ticket = api.post(
        f"/sessions/{session_id}/materials/{kind}/upload",
        {"filename": filename, "content_type": declared or content_type, "size": len(content)},
        token,
    )
    assert status == 200, ticket
    boto3.client("s3").put_object(Bucket="cme-test-files", Key=ticket["key"], Body=content, ContentType=content_type)
    return api.post(
        f"/sessions/{session_id}/materials/{kind}/confirm", {"key": ticket["key"], "filename": filename}, token
    )


def ready(api, users, session):
    sid = session["session_id"]
    assert upload(api, users["organizer"], sid, "notice", PDF, "application/pdf")[0] == 200
    assert upload(api, users["organizer"], sid, "schedule", PNG, "image/png", filename="日程.png")[0] == 200
    return sid


def test_session_keeps_a_validated_schedule_in_china_and_utc_time(api, users, session):
    assert session["status"] == "draft" and session["review_reason"] == "未上报"
    assert session["teaching_hours"] == 8
    first = session["schedule"][0]
    assert (first["date"], first["start"], first["starts_at"]) == ("2026-12-10", "08:30", "2026-12-10T00:30:00.000Z")
    assert session["project_number"] == "2026-14-02-049(国)"
    assert session["actions"] == ["edit", "upload", "delete", "submit"]


@pytest.mark.parametrize(
    "change, field, code",
    [
        ({"end_date": "2026-12-09"}, "end_date", "INVALID_DATES"),
        ({"schedule": [{**SESSION["schedule"][0], "date": "2026-12-12"}]}, "schedule.0.date", "SCHEDULE_OUTSIDE_DATES"),
        ({"schedule": [{**SESSION["schedule"][0], "end": "08:00"}]}, "schedule.0.end", "SCHEDULE_END_BEFORE_START"),
        ({"schedule": [{**SESSION["schedule"][0], "hours": 4}]}, "schedule.0.hours", "SCHEDULE_HOURS_TOO_MANY"),
        (
            {"schedule": [SESSION["schedule"][0], {**SESSION["schedule"][1], "start": "11:00"}]},
            "schedule.1.start",
            "SCHEDULE_OVERLAP",
        ),
        ({"schedule": []}, "schedule", "VALIDATION_FAILED"),
        ({"seq": 3}, "seq", "SEQ_OUT_OF_RANGE"),
    ],
)
def test_bad_schedules_are_refused_with_the_field(api, users, project, change, field, code):
    status, body = api.post(f"/projects/{project['project_id']}/sessions", {**SESSION, **change}, users["organizer"])
    assert status == 400, body
    assert body["error"]["code"] == code and body["error"]["field"] == field


def test_one_session_per_number(api, users, project, session):
    status, body = api.post(f"/projects/{project['project_id']}/sessions", SESSION, users["organizer"])
    assert status == 409 and body["error"]["code"] == "SEQ_TAKEN"


def test_presigned_post_policy_fixes_key_type_and_size(api, users, session):
    sid = session["session_id"]
    status, ticket = api.post(
        f"/sessions/{sid}/materials/notice/upload",
        {"filename": "../../etc/passwd.pdf", "content_type": "application/pdf", "size": 1000},
        users["organizer"],
    )
    assert status == 200
    assert ticket["key"].startswith(f"sessions/{sid}/notice/") and "passwd" not in ticket["key"]
    policy = json.loads(base64.b64decode(ticket["fields"]["policy"]))
    conditions = policy["conditions"]
    assert {"Content-Type": "application/pdf"} in conditions
    assert ["content-length-range", 1, 50 * 1024 * 1024] in conditions
    assert {"key": ticket["key"]} in conditions and {"bucket": "cme-test-files"} in conditions
    assert ticket["fields"]["key"] == ticket["key"] and ticket["fields"]["Content-Type"] == "application/pdf"

    for body, code in (
        ({"content_type": "application/zip", "size": 10}, "FILE_TYPE_NOT_ALLOWED"),
        ({"content_type": "application/pdf", "size": 50 * 1024 * 1024 + 1}, "FILE_TOO_LARGE"),
    ):
        status, answer = api.post(
            f"/sessions/{sid}/materials/notice/upload", {"filename": "a.pdf", **body}, users["organizer"]
        )
        assert status == 400 and answer["error"]["code"] == code
    status, answer = api.post(
        f"/sessions/{sid}/materials/notice/upload",
        {"filename": "a.docx", "content_type": "application/msword", "size": 10},
        users["organizer"],
    )
    assert status == 400, "a notice must be a scan (JPEG/PNG) or a PDF"
    assert (
        api.post(
            f"/sessions/{sid}/materials/other/upload",
            {"filename": "a.pdf", "content_type": "application/pdf", "size": 10},
            users["organizer"],
        )[0]
        == 404
    )


def test_confirm_rejects_a_file_whose_bytes_do_not_match_and_deletes_it(api, users, session):
    sid = session["session_id"]
    status, body = upload(api, users["organizer"], sid, "notice", PNG, "application/pdf")
    assert status == 400 and body["error"]["code"] == "FILE_REJECTED"
    listed = boto3.client("s3").list_objects_v2(Bucket="cme-test-files", Prefix=f"sessions/{sid}/")
    assert listed.get("KeyCount", 0) == 0, "the bad file is deleted"
    status, body = api.post(
        f"/sessions/{sid}/materials/notice/confirm",
        {"key": f"sessions/{sid}/notice/missing", "filename": "a.pdf"},
        users["organizer"],
    )
    assert status == 400 and body["error"]["code"] == "UPLOAD_MISSING"


def test_keys_cannot_be_redirected_to_another_session(api, users, project, session):
    other = api.post(f"/projects/{project['project_id']}/sessions", {**SESSION, "seq": 2}, users["organizer"])[1]
    _, ticket = api.post(
        f"/sessions/{other['session_id']}/materials/notice/upload",
        {"filename": "a.pdf", "content_type": "application/pdf", "size": len(PDF)},
        users["organizer"],
    )
    boto3.client("s3").put_object(Bucket="cme-test-files", Key=ticket["key"], Body=PDF, ContentType="application/pdf")
    for key in (ticket["key"], f"sessions/{session['session_id']}/notice/../../{other['session_id']}/x"):
        status, body = api.post(
            f"/sessions/{session['session_id']}/materials/notice/confirm",
            {"key": key, "filename": "a.pdf"},
            users["organizer"],
        )
        assert status == 400 and body["error"]["code"] == "INVALID_UPLOAD_KEY"


def test_materials_replace_remove_and_download_with_original_name(api, users, session):
    sid = ready(api, users, session)
    status, body = upload(api, users["organizer"], sid, "notice", PNG, "image/png", filename="红章通知.png")
    assert status == 200
    notice = next(m for m in body["materials"] if m["kind"] == "notice")
    assert notice["filename"] == "红章通知.png" and notice["content_type"] == "image/png"
    keys = boto3.client("s3").list_objects_v2(Bucket="cme-test-files", Prefix=f"sessions/{sid}/notice/")
    assert keys["KeyCount"] == 1, "the replaced file is deleted"
    status, link = api.get(f"/sessions/{sid}/materials/notice", users["admin"])
    assert status == 200 and "X-Amz-Expires=300" in link["url"] and "filename" in link["url"]
    assert api.get(f"/sessions/{sid}/materials/notice", users["society-admin"])[0] == 404
    status, body = api.call("DELETE", f"/sessions/{sid}/materials/notice", token=users["organizer"])
    assert status == 200 and [m["kind"] for m in body["materials"]] == ["schedule"]


def test_full_chain_with_returns_timeline_and_notifications(api, users, session, project):
    org, admin, office = users["organizer"], users["admin"], users["office"]
    sid = session["session_id"]
    status, body = api.post(f"/sessions/{sid}/submit", token=org)
    assert status == 400 and body["error"]["code"] == "MATERIALS_MISSING"
    ready(api, users, session)
    assert api.post(f"/sessions/{sid}/submit", token=org)[1]["status"] == "submitted"
    assert api.get(f"/projects/{project['project_id']}", org)[1]["editable"] is False, "submitted: project locked"
    notes = api.get("/notifications", admin)[1]
    assert notes["unread"] == 1 and "外科护理新进展" in notes["items"][0]["body"]

    status, body = api.post(f"/sessions/{sid}/return", {"reason": "日程缺少讲者职称"}, admin)
    assert status == 200 and body["review_reason"] == "南京示范医院[退回修改：日程缺少讲者职称]"
    assert api.get("/notifications", org)[1]["unread"] == 1
    status, body = api.call(
        "PUT",
        f"/sessions/{sid}",
        {k: v for k, v in SESSION.items() if k != "seq"} | {"venue": "南京市示范医院3号楼报告厅"},
        org,
    )
    assert status == 200 and body["venue"].startswith("南京市示范医院3号楼")
    assert api.post(f"/sessions/{sid}/submit", token=org)[0] == 200
    assert api.post(f"/sessions/{sid}/forward", token=admin)[1]["status"] == "forwarded"
    status, body = api.post(f"/sessions/{sid}/return", {"reason": "请补充学分说明"}, office)
    assert status == 200 and body["review_reason"] == "江苏省继续医学教育委员会办公室[退回修改：请补充学分说明]"
    api.post(f"/sessions/{sid}/submit", token=org)
    api.post(f"/sessions/{sid}/forward", token=admin)
    status, body = api.post(f"/sessions/{sid}/approve", token=office)
    assert status == 200 and body["review_reason"] == "江苏省继续医学教育委员会办公室[审核通过]"
    assert body["actions"] == []

    entries = api.get(f"/sessions/{sid}/timeline", org)[1]["items"]
    actions = [e["action"] for e in entries]
    assert actions[0] == "session.create" and actions[-1] == "session.approve"
    assert actions.count("session.submit") == 3 and actions.count("session.return") == 2
    assert [e["reason"] for e in entries if e["action"] == "session.return"] == ["日程缺少讲者职称", "请补充学分说明"]
    assert {e["action"]: e["action_label"] for e in entries}["session.forward"] == "确认并上报"
    logged = [e for e in api.get("/audit", office, limit=200)[1]["items"] if e["target_id"] == sid]
    assert {e["action"]: e["action_label"] for e in logged} == {e["action"]: e["action_label"] for e in entries}
    sent = [m for region in ses_backends[DEFAULT_ACCOUNT_ID].values() for m in region.sent_messages]
    assert any("admin-demo@demo.cme.local" in m.destinations["ToAddresses"] for m in sent)
    assert any("office-demo@demo.cme.local" in m.destinations["ToAddresses"] for m in sent)

    outbox = api._client.get("/_local/outbox").get_data(as_text=True)
    assert "待审核的举办申请" in outbox and "admin-demo@demo.cme.local" in outbox

    note = api.get("/notifications", admin)[1]["items"][0]
    assert api.post(f"/notifications/{note['notification_id']}/read", token=admin)[1]["read"] is True
    assert api.post("/notifications/nope/read", token=admin)[0] == 404


STATES = {
    "draft": [],
    "submitted": ["submit"],
    "forwarded": ["submit", "forward"],
    "returned": ["submit", "return"],
    "approved": ["submit", "forward", "approve"],
}
ACTORS = {"submit": "organizer", "forward": "admin", "approve": "office"}
LEGAL = {
    ("submit", "draft"),
    ("submit", "returned"),
    ("forward", "submitted"),
    ("approve", "forwarded"),
    ("return-admin", "submitted"),
    ("return-office", "forwarded"),
}


def test_every_illegal_transition_answers_409_and_changes_nothing(api, users):
    project = api.post("/projects/national", {**NATIONAL, "planned_sessions": 9}, users["organizer"])[1]
    for seq, (state, steps) in enumerate(STATES.items(), start=1):
        body = {**SESSION, "seq": seq}
        session = api.post(f"/projects/{project['project_id']}/sessions", body, users["organizer"])[1]
        sid = ready(api, users, session)
        for step in steps:
            actor = ACTORS.get(step, "admin")
            body = {"reason": "退回理由"} if step == "return" else None
            assert api.post(f"/sessions/{sid}/{step}", body, users[actor])[0] == 200, (state, step)
        for action, actor in (
            ("submit", "organizer"),
            ("forward", "admin"),
            ("approve", "office"),
            ("return-admin", "admin"),
            ("return-office", "office"),
        ):
            if (action, state) in LEGAL:
                continue
            path = action.split("-")[0]
            body = {"reason": "退回理由"} if path == "return" else None
            status, answer = api.post(f"/sessions/{sid}/{path}", body, users[actor])
            assert status == 409 and answer["error"]["code"] == "ILLEGAL_TRANSITION", (state, action)
            assert api.get(f"/sessions/{sid}", users["organizer"])[1]["status"] == state
        if state != "draft":
            status, answer = api.call("DELETE", f"/sessions/{sid}", token=users["organizer"])
            assert status == 409 and answer["error"]["code"] == "SESSION_NOT_DRAFT"


def test_wrong_roles_are_forbidden(api, users, session):
    sid = ready(api, users, session)
    assert api.post(f"/sessions/{sid}/submit", token=users["admin"])[0] == 403
    assert api.post(f"/sessions/{sid}/approve", token=users["organizer"])[0] == 403
    assert api.post(f"/sessions/{sid}/submit", token=users["society-organizer"])[0] == 404
    assert (
        api.post(
            f"/sessions/{sid}/materials/notice/upload",
            {"filename": "a.pdf", "content_type": "application/pdf", "size": 5},
            users["society-organizer"],
        )[0]
        == 404
    )


def test_two_reviewers_at_once_one_wins(api, users, session, monkeypatch):
    from chalicelib.container import services
    from chalicelib.models import Session

    sid = ready(api, users, session)
    api.post(f"/sessions/{sid}/submit", token=users["organizer"])
    api.post(f"/sessions/{sid}/forward", token=users["admin"])
    svc = services().sessions
    stale = Session.get(sid)  # what the second reviewer read before the first one acted
    office = Principal("office-demo", "office", "office", None)
    svc.transition(office, sid, "approve")
    monkeypatch.setattr(svc, "get", lambda principal, session_id: stale)
    with pytest.raises(Conflict) as raised:
        svc.transition(office, sid, "return", "迟到的退回")
    assert raised.value.code == "CONCURRENT_UPDATE"
    assert Session.get(sid).status == "approved"


def test_deleting_a_draft_frees_its_number_and_files(api, users, project, session):
    sid = ready(api, users, session)
    assert api.call("DELETE", f"/sessions/{sid}", token=users["organizer"])[0] == 204
    listed = boto3.client("s3").list_objects_v2(Bucket="cme-test-files", Prefix=f"sessions/{sid}/")
    assert listed.get("KeyCount", 0) == 0
    assert api.post(f"/projects/{project['project_id']}/sessions", SESSION, users["organizer"])[0] == 201


def test_lists_per_role(api, users, session):
    ready(api, users, session)
    api.post(f"/sessions/{session['session_id']}/submit", token=users["organizer"])
    mine = api.get("/sessions", users["admin"], status="submitted")[1]["items"]
    assert [s["session_id"] for s in mine] == [session["session_id"]]
    assert api.get("/sessions", users["society-admin"])[1]["items"] == []
    office = api.get("/sessions", users["office"], year=2026)[1]["items"]
    assert [s["org_name"] for s in office] == ["南京示范医院"]
    by_project = api.get("/sessions", users["organizer"], project_id=session["project_id"])[1]
    assert [s["seq"] for s in by_project["items"]] == [1]
