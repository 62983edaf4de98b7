"""Each Lambda function's IAM policy grants exactly what its code asks of AWS (issue #12, items 2 and 9).

moto enforces no IAM, so a missing permission (s3:GetObjectVersion for a pinned version, say) only shows on AWS.
Here a complete workflow runs through the API (every route answered with success), the JWT authorizer and every
scheduled function, with each AWS call recorded and attributed to its function (``tests/infra/aws_calls.py``).
The calls are mapped to IAM actions on the stack's resources and compared, per function and stage, with what the
function's policy file grants: a missing action fails, and so does an action or resource granted but never used.
A static look at chalicelib keeps the workflow honest: every boto3/pynamodb operation the source can make must have
been seen.
"""

from __future__ import annotations

import os
import re
import threading
from collections import defaultdict
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from typing import Any

import boto3
import pytest

from chalicelib.settings import get_settings
from localdev.aws import ORIGIN_SETTING, create_key_secrets
from tests.conftest import Api, make_api, start_aws
from tests.infra.aws_calls import (
    API_HANDLER,
    ROOT,
    Call,
    Need,
    Recorder,
    Unmapped,
    allows,
    granted,
    lambda_functions,
    load_config,
    load_policy,
    mail_needs,
    needs,
    policy_actions,
    policy_file,
    recording,
    runtime_needs,
    slots,
    unused_statement_parts,
)

STAGES = sorted(load_config()["stages"])
PREFIX = "cme-test"
BUCKET = "cme-test-files"
ORIGIN_KEY = {ORIGIN_SETTING: "test-origin-secret-" + "o" * 40}


class RouteLog(Api):
    """The API as a user calls it, remembering the status each route answered."""

    def __init__(self, api: Api) -> None:
        super().__init__(api._client)  # noqa: SLF001
        self.answered: dict[tuple[str, str], set[int]] = defaultdict(set)

    def call(
        self,
        method: str,
        path: str,
        body: Any = None,
        token: str | None = None,
        query: dict | None = None,
        headers: dict | None = None,
    ):
        status, answer = super().call(method, path, body, token, query, headers)
        self.answered[(method, path)].add(status)
        return status, answer


def _workflow(api: RouteLog, clock: Any) -> None:
    """Every route at least once with success, as the console, the phone pages and the public pages use them."""
    from openpyxl import load_workbook

    from chalicelib.handlers import schedules
    from chalicelib.services import office_books
    from chalicelib.services.reminders import RemindersFailed
    from localdev.schedules import scheduled_event as event
    from tests.api.attendance_helpers import ANSWERS, CN, SESSION, approve, id_number, person
    from tests.api.jobs_helpers import export, grant, one_step_per_run, run_jobs
    from tests.api.test_credits import REPORT
    from tests.api.test_projects import PROVINCIAL, fetch, xlsx
    from tests.api.test_sessions import NATIONAL, PDF

    def scheduled_event(name: str) -> dict[str, Any]:
        """A scheduled function's event, run as in its own container: without the API's copies of office items."""
        office_books.reset()
        return event(name)

    def ok(answer: tuple[int, Any]) -> Any:
        status, body = answer
        assert 200 <= status < 300, body
        return body

    def at(day: int, hour: int, minute: int = 0) -> datetime:
        return datetime(2026, 12, day, hour, minute, tzinfo=CN)

    ok(api.get("/health"))
    ok(api.get("/meta"))
    ok(api.get("/openapi.json"))
    office, admin, org = (api.login(f"{who}-demo") for who in ("office", "admin", "organizer"))
    users = {"office": office, "admin": admin, "org": org}
    me = ok(api.get("/auth/me", admin))
    hospital = me["org_id"]

    # organisations and accounts
    ok(api.get("/organisations", office))
    created = ok(api.post("/organisations", {"name": "权限测试机构", "type": "other", "city": "苏州"}, office))
    ok(api.get(f"/organisations/{hospital}", admin))
    ok(api.patch(f"/organisations/{created['org_id']}", {"city": "南京"}, office))
    account = {
        "username": "iam-organizer",
        "display_name": "权限",
        "role": "organizer",
        "department": "内科",
        "password": "Demo@2026",
    }
    ok(api.post("/accounts", account, admin))
    ok(api.get("/accounts", admin, org_id=hospital))
    ok(api.get("/accounts/iam-organizer", admin))
    ok(api.post("/accounts/iam-organizer/password", {"new_password": "Reset#2027x"}, admin))
    ok(api.post("/accounts/iam-organizer/disable", token=admin))
    ok(api.post("/accounts/iam-organizer/enable", token=admin))
    fresh = api.login("iam-organizer", "Reset#2027x")
    ok(api.post("/auth/password", {"current_password": "Reset#2027x", "new_password": "Other@2027x"}, fresh))

    # projects
    ok(api.get("/disciplines"))
    national = ok(api.post("/projects/national", NATIONAL, org))
    pid = national["project_id"]
    ok(api.patch(f"/projects/{pid}", {"leader": "王护士"}, org))
    ok(api.get(f"/projects/{pid}", admin))
    ok(api.get("/projects", org))
    ok(api.get("/projects", office, year=2026))  # the office's list reads the year index
    # the lists' own indexes: status per scope, a department; a name search reads the word index (its sketch's sizes,
    # the rarest gram's entries, then the items), written with each project (the patch above removed old grams)
    ok(api.get("/projects", office, year=2026, status="approved"))
    ok(api.get("/projects", admin, status="approved"))
    assert ok(api.get("/projects", office, year=2026, name=NATIONAL["name"][:3]))["items"]
    spare = ok(api.post("/projects/national", {**NATIONAL, "number": "2026-14-02-050"}, org))
    ok(api.delete(f"/projects/{spare['project_id']}", org))
    for ending in ("approve", "reject", "return"):
        provincial = ok(api.post("/projects/provincial", {**PROVINCIAL, "name": f"省级{ending}"}, org))
        ok(api.post(f"/projects/{provincial['project_id']}/declare", token=org))
        if ending == "return":
            ok(api.post(f"/projects/{provincial['project_id']}/return", {"reason": "请补充"}, admin))
            continue
        ok(api.post(f"/projects/{provincial['project_id']}/forward", token=admin))
        reason = {"reason": "不符合要求"} if ending == "reject" else None
        ok(api.post(f"/projects/{provincial['project_id']}/{ending}", reason, office))
    template = ok(api.get("/projects/import-template", office))
    assert load_workbook(__import__("io").BytesIO(fetch(template["url"]))).active.max_row >= 1
    row = (2026, "2026480301016", "高血压管理", "03-01", "赵医生", 5, "申报项目", 2, "南京示范医院", "心血管内科")
    ok(api.post("/projects/import", {"filename": "2026.xlsx", "content_base64": xlsx([row])}, office))
    ok(export(api, "/projects/export", admin))
    ok(export(api, "/projects/export", office, year=2026))  # the year's index
    ok(export(api, "/projects/export", office, year=2026, name="高血压"))  # the word index, then the items
    ok(api.get("/projects", admin))  # an administration's whole list: the organisation's index
    ok(api.get("/public/projects"))

    # holding applications and their materials; the forms' drafts, cleared by the save
    typed = {"version": 0, "data": {"venue": "会议室"}}
    ok(api.call("PUT", f"/projects/{pid}/session-draft", typed, org))
    ok(api.get(f"/projects/{pid}/session-draft", org))
    returned = ok(api.post(f"/projects/{pid}/sessions", {**SESSION, "seq": 2}, org))
    sid2 = returned["session_id"]
    ok(api.call("PUT", f"/sessions/{sid2}/draft", typed, org))
    ok(api.get(f"/sessions/{sid2}/draft", org))
    ok(api.call("PUT", f"/sessions/{sid2}", {k: v for k, v in SESSION.items() if k != "seq"}, org))
    for kind in ("notice", "schedule"):
        ticket = ok(
            api.post(
                f"/sessions/{sid2}/materials/{kind}/upload",
                {"filename": "a.pdf", "content_type": "application/pdf", "size": len(PDF)},
                org,
            )
        )
        # the browser's POST to S3 (not a function of ours)
        boto3.client("s3").put_object(Bucket=BUCKET, Key=ticket["key"], Body=PDF, ContentType="application/pdf")
        ok(api.post(f"/sessions/{sid2}/materials/{kind}/confirm", {"key": ticket["key"], "filename": "a.pdf"}, org))
    ok(api.get(f"/sessions/{sid2}/materials/notice", admin))
    ok(api.post(f"/sessions/{sid2}/submit", token=org))
    ok(api.post(f"/sessions/{sid2}/return", {"reason": "请修改"}, admin))
    ok(api.delete(f"/sessions/{sid2}/materials/notice", org))
    ok(api.get(f"/sessions/{sid2}/timeline", org))
    draft = ok(api.post(f"/projects/{pid}/sessions", {**SESSION, "seq": 1}, org))
    ok(api.delete(f"/sessions/{draft['session_id']}", org))
    ok(api.get("/sessions", org))
    ok(api.get("/sessions", org, project_id=pid))  # one project's sessions: the project index
    for who, query in (
        (office, {"status": "submitted"}),
        (office, {"report_status": "pending"}),
        (admin, {"status": "submitted"}),
        (admin, {"report_status": "pending"}),
        (admin, {}),
        (office, {}),  # the office's whole year: the year index (the reports no longer read it)
    ):
        ok(api.get("/sessions", who, **query))
    assert ok(api.get("/sessions", office, year=2026, name=NATIONAL["name"][:2]))["items"]
    notes = ok(api.get("/notifications", org))
    ok(api.post(f"/notifications/{notes['items'][0]['notification_id']}/read", token=org))

    # attendance: the form's windows preview (no AWS), approval (approve is called by the helper), codes, phones,
    # the organizer's views
    ok(api.post("/attendance/windows", {"schedule": [{"date": "2026-12-10", "start": "08:00", "end": "12:00"}]}, org))
    session = approve(api, users, pid, {**SESSION, "required_hours": 6})
    ok(api.get(f"/sessions/{session['sid']}", org))
    sid, tokens = session["sid"], session["tokens"]
    ok(api.get(f"/sessions/{sid}/attendance/codes/in/file", org, format="png"))
    clock.now = at(10, 8)
    ok(api.get(f"/public/attendance/{sid}/in", t=tokens["in"]))
    zhang, li = id_number(), id_number("32010219851111431")
    ok(api.post(f"/public/attendance/{sid}/sign-in", {"t": tokens["in"], **person(id_number=zhang)}))
    other = person(id_number=li, name="李四", mobile="13800000001", age=41, client_id="phone-2")
    ok(api.post(f"/public/attendance/{sid}/sign-in", {"t": tokens["in"], **other}))
    wang = id_number("32010219900101123")  # never signs out: the close run marks him
    third = person(id_number=wang, name="王五", mobile="13800000002", client_id="phone-3")
    ok(api.post(f"/public/attendance/{sid}/sign-in", {"t": tokens["in"], **third}))
    api.post(f"/public/attendance/{sid}/sign-in", {"t": "1.forged", **person(id_number=zhang)})  # a refused scan
    clock.now = at(10, 16, 30)
    ok(api.post(f"/public/attendance/{sid}/sign-out/lookup", {"t": tokens["out"], "mobile": "13912345678"}))
    for who in (zhang, li):
        ok(api.post(f"/public/attendance/{sid}/sign-out", {"t": tokens["out"], "id_number": who, "answers": ANSWERS}))
    views = ("attendance", "attendance/attendees", "attendance/questionnaire")
    for view in (*views, "attendance/rejections"):
        ok(api.get(f"/sessions/{sid}/{view}", org))
    with pytest.MonkeyPatch.context() as patch:  # a run out of time queues its job again (the worker's SendMessage)
        one_step_per_run(patch)
        ok(export(api, f"/sessions/{sid}/attendance/export", org))

    # scheduled functions, as EventBridge calls them
    clock.now = at(11, 0)
    schedules.close_attendance_windows(scheduled_event("close-attendance-windows"), None)

    # the daily reminders (7 days before the admin's deadline): a run whose mail fails, then its retry
    ses, sender = boto3.client("ses"), os.environ["MAIL_SENDER"]
    ses.delete_identity(Identity=sender)
    clock.now = at(17, 8)
    with pytest.raises(RemindersFailed):
        schedules.credit_deadline_reminders(scheduled_event("credit-deadline-reminders"), None)
    ses.verify_email_identity(EmailAddress=sender)
    clock.now = at(17, 8, 5)
    schedules.credit_deadline_reminders(scheduled_event("credit-deadline-reminders"), None)
    # a day after the deadline (the clock goes back after): the overdue notice takes the session off the worklist
    clock.now = at(25, 8)
    schedules.credit_deadline_reminders(scheduled_event("credit-deadline-reminders"), None)

    # credits and certificates
    clock.now = at(17, 9)
    ok(api.call("PUT", f"/sessions/{sid}/report/draft", {"version": 0, "data": {"summary": "进行中"}}, org))
    ok(api.get(f"/sessions/{sid}/report/draft", org))
    ok(api.call("PUT", f"/sessions/{sid}/report", REPORT, org))
    ok(api.post(f"/sessions/{sid}/report/submit", token=org))
    ok(api.post(f"/sessions/{sid}/report/return", {"reason": "请补充"}, admin))
    ok(api.post(f"/sessions/{sid}/report/submit", token=org))
    ok(api.get(f"/sessions/{sid}/report", admin))
    listed = ok(api.get(f"/sessions/{sid}/selection", admin))
    change = {"attendee_id": listed["items"][0]["attendee_id"], "selected": False}
    ok(api.call("PUT", f"/sessions/{sid}/selection/draft", {"version": listed["version"], "changes": [change]}, admin))
    ok(api.post(f"/sessions/{sid}/selection/submit", {}, admin))
    ok(api.post(f"/sessions/{sid}/selection/return", {"reason": "名单有误"}, office))
    ok(api.post(f"/sessions/{sid}/deadline-extension", {"until": "2027-01-31", "reason": "延期"}, office))
    ok(api.post("/notifications/read-all", token=admin))
    ok(api.post(f"/sessions/{sid}/selection/submit", {}, admin))
    clock.now = at(18, 10)
    ok(grant(api, sid, office))
    ok(api.get(f"/sessions/{sid}/credits", org))
    ok(api.get("/credit-rules", org))
    certificates = ok(api.get(f"/sessions/{sid}/certificates", org))["items"]
    ok(export(api, f"/sessions/{sid}/certificates/pdf", org))
    mine = next(c for c in certificates if c["kind"] == "attendee" and c["name"] == "张*")
    query = {"project_number": NATIONAL["number"], "name": "张三", "id_number": zhang}
    assert ok(api.post("/public/certificates/query", query))["items"]
    year = {"id_number": zhang, "name": "张三", "year": 2026}
    assert ok(api.post("/public/person-credits", year))["total_credits"] > 0
    assert ok(api.post("/person-credits", year, office))["certificates"]
    # guessing: five misses lock the project number and name whatever is sent, until a day after the fifth
    guess = {**query, "name": "王五"}
    for _ in range(5):
        assert ok(api.post("/public/certificates/query", guess))["items"] == []
    status, body = api.post("/public/certificates/query", guess)
    assert status == 429 and body["error"]["code"] == "QUERY_LOCKED", body
    clock.now = at(19, 11)
    assert ok(api.post("/public/certificates/query", guess))["items"] == []
    clock.now = at(18, 10)
    ok(api.get(f"/public/certificates/{mine['verification_code']}"))
    ok(api.get(f"/public/certificates/{mine['verification_code']}/pdf"))
    ok(api.post(f"/certificates/{mine['certificate_no']}/revoke", {"reason": "信息有误"}, office))
    ok(api.post(f"/certificates/{mine['certificate_no']}/reissue", {"reason": "更正"}, office))
    # 个人信息: a person's copy of their data (the job reads the person indexes), a correction reissuing a certificate
    ok(api.post("/personal-data/export", {"id_number": zhang, "reference": "SQ-1"}, office))
    run_jobs()
    li_no = next(c["certificate_no"] for c in certificates if c["kind"] == "lecturer")
    found = ok(api.get(f"/personal-data/certificates/{li_no}", office))
    correction = {"name": "李斯", "reference": "GZ-1", "version": found["version"]}
    ok(api.post(f"/personal-data/certificates/{li_no}/correct", correction, office))

    # questionnaires (a new version applies to sessions approved later)
    ok(api.get("/questionnaires/current", org))
    ok(api.get("/questionnaires", office))
    question = {"questions": [{"text": "总体评价", "type": "single", "options": ["好", "差"]}]}
    ok(api.post("/questionnaires", question, office))

    # reports and the audit log
    ok(api.get(f"/reports/sessions/{sid}", org))
    ok(export(api, f"/reports/sessions/{sid}/export", org))
    ok(api.get("/reports/organisations", admin, org_id=hospital, year=2026))
    ok(export(api, "/reports/organisations/export", admin, org_id=hospital, year=2026))
    ok(api.get("/reports/province", office, year=2026))
    ok(export(api, "/reports/province/export", office, year=2026))
    ok(api.get("/audit", office, date=datetime.now(CN).date().isoformat()))

    # a session granted while its sign-out window is still open: its close then recounts the credit records
    clock.now = at(18, 10)
    day = "2026-12-19"
    later = {
        **SESSION,
        "seq": 1,
        "start_date": day,
        "end_date": day,
        "schedule": [{**block, "date": day} for block in SESSION["schedule"]],
    }
    other = ok(api.post("/projects/national", {**NATIONAL, "number": "2026-14-02-051"}, org))["project_id"]
    early = approve(api, users, other, later)
    clock.now = at(19, 8)
    ok(api.post(f"/public/attendance/{early['sid']}/sign-in", {"t": early["tokens"]["in"], **person(id_number=zhang)}))
    clock.now = at(19, 16, 40)
    ok(api.call("PUT", f"/sessions/{early['sid']}/report", _dates(REPORT, day), org))
    ok(api.post(f"/sessions/{early['sid']}/report/submit", token=org))
    ok(api.post(f"/sessions/{early['sid']}/selection/submit", {}, admin))
    ok(grant(api, early["sid"], office))
    clock.now = at(19, 19)
    schedules.close_attendance_windows(scheduled_event("close-attendance-windows"), None)

    # the rules the office keeps: a future credit-rule version added, edited, withdrawn; a discipline added, retired
    from tests.api.test_office_rules import rule_body

    book = ok(api.post("/credit-rules", rule_body(0, "2030", "2030-01-01"), office))
    book = ok(api.call("PUT", "/credit-rules/2030", rule_body(book["revision"], "2030", "2030-02-01"), office))
    ok(api.post("/credit-rules/2030/withdraw", {"revision": book["revision"]}, office))
    catalogue = ok(api.get("/discipline-catalogue", office))
    catalogue = ok(
        api.post("/discipline-catalogue", {"revision": catalogue["revision"], "code": "31", "name": "中医学"}, office)
    )
    ok(api.call("PUT", "/discipline-catalogue/31", {"revision": catalogue["revision"], "retired": True}, office))

    # the retention policy (office), then the nightly removal years later: a session whose figures were not final
    # (counted before its people's markers, one of them missing) is settled first, then every session's details go
    policy = ok(api.get("/retention-policy", office))
    ok(api.call("PUT", "/retention-policy", {**_policy_body(policy), "rejection_days": 90}, office))
    _unsettle(sid)
    clock.now = datetime(2030, 6, 1, 2, 0, tzinfo=CN)
    schedules.remove_personal_details(scheduled_event("remove-personal-details"), None)


def _policy_body(policy: dict[str, Any]) -> dict[str, Any]:
    return {key: policy[key] for key in ("version", "details_years", "rejection_days")}


def _unsettle(session_id: str) -> None:
    """Test setup (not recorded): the session's stored totals as before its people were counted, one marker gone."""
    table = boto3.resource("dynamodb").Table(f"{PREFIX}-aggregates")
    items = table.scan()["Items"]
    (totals,) = [item for item in items if item["item"] == f"session#{session_id}"]
    key = {"scope": totals["scope"], "item": totals["item"]}
    table.update_item(
        Key=key, UpdateExpression="REMOVE people_counted SET signed_in = :zero", ExpressionAttributeValues={":zero": 0}
    )
    marker = next(item for item in items if item["scope"].startswith("seen#") and item["item"].endswith("#attended"))
    table.delete_item(Key={"scope": marker["scope"], "item": marker["item"]})


def _dates(report: dict[str, Any], day: str) -> dict[str, Any]:
    return {**report, **{key: day for key in report if key.endswith("_date")}}


@pytest.fixture(scope="module")
def workflow(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[list[Call], RouteLog]]:
    """The recorded calls of the whole workflow, and which route answered what."""
    from chalicelib.services import (
        attendance_console,
        attendance_signing,
        budgets,
        certificates,
        deadlines,
        execution_reports,
        grants,
        scan_rejections,
        selection,
    )
    from localdev.seed import seed_demo
    from tests.api.attendance_helpers import CN, Clock

    mock = start_aws()
    recorder = Recorder()
    clock = Clock(datetime(2026, 12, 10, 8, 0, tzinfo=CN))
    try:
        with pytest.MonkeyPatch.context() as patch, recording(recorder):
            for module in (
                attendance_signing,
                scan_rejections,
                attendance_console,
                execution_reports,
                selection,
                grants,
                deadlines,
                certificates,
                budgets,
            ):
                patch.setattr(module, "utc_now", clock)
            from chalicelib.handlers import schedules

            patch.setattr(schedules, "utc_now", clock)
            # as deployed behind CloudFront: the API handler reads the origin secret (the gateway plays CloudFront)
            patch.setenv(ORIGIN_SETTING, create_key_secrets(os.environ["TABLE_PREFIX"], ORIGIN_KEY)[ORIGIN_SETTING])
            get_settings.cache_clear()
            seed_demo(with_projects=False)  # setup: outside any function, so not recorded
            api = RouteLog(make_api(Path(tmp_path_factory.mktemp("web"))))
            _workflow(api, clock)
        yield recorder.calls, api
    finally:
        mock.stop()
        get_settings.cache_clear()  # the origin secret's setting is gone again


def required(calls: list[Call]) -> tuple[dict[str, set[Need]], list[str]]:
    """Function -> what its calls need on AWS (plus its logs), and the calls no rule maps."""
    found: dict[str, set[Need]] = {name: runtime_needs(name) for name in lambda_functions()}
    unmapped = []
    for call in calls:
        try:
            found[call.function] |= needs(call, PREFIX, BUCKET)
        except Unmapped as error:
            unmapped.append(str(error))
    for need in found.values():
        need |= mail_needs(need)
    return found, sorted(set(unmapped))


# ---------------------------------------------------------------------------------------------
# The workflow is complete
# ---------------------------------------------------------------------------------------------


def test_the_workflow_answers_every_route_with_success(workflow: tuple[list[Call], RouteLog]) -> None:
    from chalicelib.api import OPERATIONS

    _, api = workflow
    patterns = {
        (op.method, op.path): re.compile(re.sub(r"\\\{[a-z_]+\\\}", "[^/]+", re.escape(op.path)) + "$")
        for op in OPERATIONS
    }
    succeeded = {
        key
        for (method, path), statuses in api.answered.items()
        for key, pattern in patterns.items()
        if key[0] == method and pattern.match(path) and any(200 <= s < 300 for s in statuses)
    }
    assert set(patterns) - succeeded == set(), "drive these routes in _workflow (with success)"


def test_every_function_ran_and_every_call_is_understood(workflow: tuple[list[Call], RouteLog]) -> None:
    calls, _ = workflow
    ran = {call.function for call in calls}
    assert ran == set(lambda_functions()), "drive every Lambda function in _workflow"
    assert required(calls)[1] == [], "map these calls to IAM actions in tests/infra/aws_calls.py:needs"


def _operation_names(calls: list[Call]) -> set[str]:
    """``service:Operation`` of each call; an S3 call that carried a ``VersionId`` is ``s3:Operation+VersionId``
    (IAM checks another action for it: ``s3:GetObjectVersion``, ``s3:DeleteObjectVersion``)."""
    return {
        f"{call.service}:{call.operation}"
        + ("+VersionId" if call.service == "s3" and call.params.get("VersionId") else "")
        for call in calls
    }


# pynamodb/boto3 usage in chalicelib -> the AWS operation it makes.
SOURCE_OPERATIONS = {
    r"\.get\(": "dynamodb:GetItem",
    r"\.batch_get\(": "dynamodb:BatchGetItem",
    r"\.batch_write\(": "dynamodb:BatchWriteItem",
    r"\.query\(": "dynamodb:Query",
    r"\.count\(": "dynamodb:Query",
    r"\.scan\(": "dynamodb:Scan",
    r"\.exists\(": "dynamodb:DescribeTable",
    r"\bTransactWrite\(": "dynamodb:TransactWriteItems",
    r"\bTransactGet\(": "dynamodb:TransactGetItems",
    r"\.(send_email)\(": "ses:SendEmail",
    r"\.(send_raw_email)\(": "ses:SendRawEmail",
    r"\.(send_message)\(": "sqs:SendMessage",
}
# S3 object calls, found in the syntax tree so that each call site says whether it passes a version.
S3_METHODS = {
    "put_object": "s3:PutObject",
    "get_object": "s3:GetObject",
    "head_object": "s3:HeadObject",
    "delete_object": "s3:DeleteObject",
    "generate_presigned_post": "s3:presigned:PostObject",
}


def _version_forms(call: Any) -> set[str]:
    """How an S3 call site passes ``VersionId``: {"+VersionId"} always (a keyword, or a key of the literal
    ``Params`` of a presigned link), {""} never, both when it cannot be told from the source (``**extra``, a
    ``Params`` variable): such a call may run without a version, so both variants must have been recorded."""
    import ast

    keywords = call.keywords
    if any(keyword.arg == "Params" for keyword in keywords):
        keywords = []
        params = next(keyword.value for keyword in call.keywords if keyword.arg == "Params")
        if not isinstance(params, ast.Dict) or None in params.keys:
            return {"", "+VersionId"}
        names = {key.value for key in params.keys if isinstance(key, ast.Constant)}
        return {"+VersionId"} if "VersionId" in names else {""}
    if any(keyword.arg == "VersionId" for keyword in keywords):
        return {"+VersionId"}
    if any(keyword.arg is None for keyword in keywords):
        return {"", "+VersionId"}
    return {""}


def s3_call_sites(source: str) -> set[str]:
    """The S3 operations (``s3:GetObject``, ``s3:GetObject+VersionId`` …) the call sites of ``source`` can make."""
    import ast

    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        method = node.func.attr
        if method == "generate_presigned_url":
            first = node.args[0] if node.args else None
            if isinstance(first, ast.Constant) and first.value == "get_object":
                found |= {f"s3:presigned:GetObject{form}" for form in _version_forms(node)}
        elif method in S3_METHODS:
            forms = {""} if method in ("put_object", "generate_presigned_post") else _version_forms(node)
            found |= {f"{S3_METHODS[method]}{form}" for form in forms}
    return found


def source_operations() -> dict[str, set[str]]:
    """AWS operations chalicelib's source can make, found by the patterns above -> files using them."""
    found: dict[str, set[str]] = defaultdict(set)
    for path in sorted((ROOT / "chalicelib").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if not any(marker in text for marker in ("pynamodb", "boto3", "chalicelib.models")):
            continue  # no model or client here: ``.get(`` is a dict's, ``.exists(`` a path's
        for pattern, operation in SOURCE_OPERATIONS.items():
            if re.search(pattern, text):
                found[operation].add(str(path.relative_to(ROOT)))
        for operation in s3_call_sites(text):
            found[operation].add(str(path.relative_to(ROOT)))
    return found


def test_every_operation_the_source_can_make_was_recorded(workflow: tuple[list[Call], RouteLog]) -> None:
    """Each operation a call site can make ran in the workflow, so its IAM action is checked against the policies
    below. An S3 call site that may run without a ``VersionId`` counts as the plain operation too: the workflow
    never makes a plain DeleteObject (no policy grants ``s3:DeleteObject``), so such a site fails here."""
    calls, _ = workflow
    seen = _operation_names(calls)
    # a model's save/update/delete are PutItem/UpdateItem/DeleteItem, alone or as items of a transaction
    missing = {op: files for op, files in source_operations().items() if op not in seen}
    assert missing == {}, "the workflow never made these calls the source can make: drive them in _workflow"
    assert {"dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:TransactWriteItems"} <= seen
    assert {"s3:DeleteObject+VersionId", "s3:GetObject+VersionId", "s3:presigned:GetObject+VersionId"} <= seen


@pytest.mark.parametrize(
    ("source", "operations"),
    [
        ("s3.delete_object(Bucket=b, Key=k, VersionId=v)", {"s3:DeleteObject+VersionId"}),
        ("s3.delete_object(Bucket=b, Key=k)", {"s3:DeleteObject"}),
        # a version passed only sometimes: the call may run without one
        ("s3.delete_object(Bucket=b, Key=k, **extra)", {"s3:DeleteObject", "s3:DeleteObject+VersionId"}),
        ("s3.get_object(Bucket=b, Key=k, Range=r, **extra)", {"s3:GetObject", "s3:GetObject+VersionId"}),
        ("s3.head_object(Bucket=b, Key=k)", {"s3:HeadObject"}),
        (
            's3.generate_presigned_url("get_object", Params={"Key": k, "VersionId": v})',
            {"s3:presigned:GetObject+VersionId"},
        ),
        ('s3.generate_presigned_url("get_object", Params={"Key": k})', {"s3:presigned:GetObject"}),
        (
            's3.generate_presigned_url("get_object", Params=params)',
            {"s3:presigned:GetObject", "s3:presigned:GetObject+VersionId"},
        ),
        (
            's3.generate_presigned_url("get_object", Params={**base, "Key": k})',
            {"s3:presigned:GetObject", "s3:presigned:GetObject+VersionId"},
        ),
    ],
)
def test_the_source_scan_tells_whether_an_s3_call_passes_a_version(source: str, operations: set[str]) -> None:
    assert s3_call_sites(source) == operations


def test_every_index_the_source_uses_was_queried(workflow: tuple[list[Call], RouteLog]) -> None:
    """Each branch choosing an index is a Query on another resource: every index chalicelib names must have been
    queried by the workflow (``Model.some_index`` anywhere outside the models)."""
    from pynamodb.indexes import Index

    from chalicelib.models import table_models

    calls, _ = workflow
    models = {model.__name__: (model, logical) for model, logical in table_models().items()}
    named = set()
    for path in sorted((ROOT / "chalicelib").rglob("*.py")):
        if "models" in path.relative_to(ROOT).parts:
            continue
        for cls, attr in re.findall(r"\b([A-Z][A-Za-z]+)\.([a-z_]+)\b", path.read_text(encoding="utf-8")):
            model, logical = models.get(cls, (None, None))
            index = getattr(model, attr, None)
            if isinstance(index, Index):
                named.add(f"table:{logical}/index:{index.Meta.index_name}")
    queried = {slot for needed in required(calls)[0].values() for action, slot in needed if action == "dynamodb:Query"}
    assert named, "no index found in the source: the pattern is stale"
    assert named - queried == set(), "the workflow never queried these indexes: drive the branch that does"


# ---------------------------------------------------------------------------------------------
# Policies grant exactly what the code needs
# ---------------------------------------------------------------------------------------------


def policy_differences(policy: dict, stage: str, need: set[Need]) -> dict[str, list[str]]:
    actions = policy_actions(policy) | {action for action, _ in need}
    allowed = granted(policy, stage, actions)
    # The jobs' prefix is part of the bucket: a grant on every object is judged by the whole bucket's need.
    beyond = {
        (a, s) for a, s in allowed - need if not (s == "bucket-objects:exports" and (a, "bucket-objects") in allowed)
    }
    return {
        "missing": sorted(f"{action} on {slot}" for action, slot in need - allowed),
        "unused": sorted(f"{action} on {slot}" for action, slot in beyond)
        + unused_statement_parts(policy, stage, need),
    }


@pytest.mark.parametrize("stage", STAGES)
def test_each_function_is_granted_exactly_what_its_calls_need(
    workflow: tuple[list[Call], RouteLog], stage: str
) -> None:
    calls, _ = workflow
    need, _ = required(calls)
    differences = {
        function: policy_differences(load_policy(stage, function), stage, need[function]) for function in need
    }
    assert differences == {f: {"missing": [], "unused": []} for f in need}


def test_each_function_has_its_own_policy_file() -> None:
    for stage in STAGES:
        files = {function: policy_file(stage, function) for function in lambda_functions()}
        assert len(set(files.values())) == len(files), files
        assert files[API_HANDLER] == f"policy-{stage}.json"


# Every way to change or drop what was written, PartiQL's included.
AUDIT_CHANGES = (
    "UpdateItem",
    "DeleteItem",
    "BatchWriteItem",
    "PartiQLUpdate",
    "PartiQLDelete",
    "DeleteTable",
    "UpdateTable",
)


@pytest.mark.parametrize("stage", STAGES)
def test_audit_events_can_only_be_appended_and_read(stage: str) -> None:
    """IAM cannot demand a ConditionExpression; an explicit Deny keeps a later broad Allow from granting more."""
    for partition, region in (("aws", "us-east-1"), ("aws-cn", "cn-north-1")):
        arns = slots(stage, partition, region)
        for function in lambda_functions():
            policy = load_policy(stage, function)
            denied = [
                s
                for s in policy["Statement"]
                if s["Effect"] == "Deny"
                and {f"dynamodb:{action}" for action in AUDIT_CHANGES}
                <= set(s["Action"] if isinstance(s["Action"], list) else [s["Action"]])
            ]
            assert denied, f"{function}: no explicit Deny of changes to audit events"
            broad = {
                **policy,
                "Statement": [*policy["Statement"], {"Effect": "Allow", "Action": "dynamodb:*", "Resource": "*"}],
            }
            for action in AUDIT_CHANGES:
                assert not allows(broad, f"dynamodb:{action}", arns["table:audit-events"]), (function, action)
        api = load_policy(stage, API_HANDLER)
        assert allows(api, "dynamodb:PutItem", arns["table:audit-events"])
        assert allows(api, "dynamodb:Query", arns["table:audit-events"])


# ---------------------------------------------------------------------------------------------
# The comparison can fail
# ---------------------------------------------------------------------------------------------


def _versioned(calls: list[Call]) -> list[Call]:
    return [c for c in calls if c.service == "s3" and c.params.get("VersionId")]


def test_versioned_reads_and_deletes_need_the_version_actions(workflow: tuple[list[Call], RouteLog]) -> None:
    """The finding of issue #12 item 2: the code pins versions, so the policy must grant the version actions."""
    calls, _ = workflow
    operations = {c.operation for c in _versioned(calls)}
    assert {"GetObject", "presigned:GetObject"} <= operations, operations
    need, _ = required(calls)
    assert ("s3:GetObjectVersion", "bucket-objects") in need[API_HANDLER]
    old = {
        "Version": "2012-10-17",
        "Statement": [
            *[s for s in load_policy("dev", API_HANDLER)["Statement"] if not s["Action"][0].startswith("s3:")],
            {
                "Effect": "Allow",
                "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
                "Resource": "arn:*:s3:::cme-dev-files-*/*",
                "Condition": {"StringEquals": {"s3:ResourceAccount": "${aws:PrincipalAccount}"}},
            },
        ],
    }
    differences = policy_differences(old, "dev", need[API_HANDLER])
    assert "s3:GetObjectVersion on bucket-objects" in differences["missing"]


def test_calls_in_worker_threads_belong_to_the_function_that_handed_them_out() -> None:
    """Reports query partitions in a thread pool: those calls must be checked against the API handler's policy,
    not dropped as test setup."""
    recorder = Recorder()

    def call(label: str) -> None:
        recorder.record("dynamodb", f"Query-{label}", {})

    def handler() -> None:  # stands in for a Lambda function's entry point
        call("main")
        with ThreadPoolExecutor(2) as pool:
            list(pool.map(call, ("pool-1", "pool-2")))
        thread = threading.Thread(target=call, args=("thread",))
        thread.start()
        thread.join()

    with recording(recorder):
        recorder._entries = {handler.__code__: API_HANDLER}  # noqa: SLF001
        handler()
        call("setup")  # outside any function: not recorded
    assert sorted(c.operation for c in recorder.calls) == [
        "Query-main",
        "Query-pool-1",
        "Query-pool-2",
        "Query-thread",
    ]
    assert {c.function for c in recorder.calls} == {API_HANDLER}


def test_a_granted_but_unused_action_or_table_is_reported(workflow: tuple[list[Call], RouteLog]) -> None:
    calls, _ = workflow
    need, _ = required(calls)
    policy = load_policy("dev", "jwt_authorizer")
    assert policy_differences(policy, "dev", need["jwt_authorizer"]) == {"missing": [], "unused": []}
    wider = {
        **policy,
        "Statement": [
            *policy["Statement"],
            {"Effect": "Allow", "Action": "dynamodb:PutItem", "Resource": "arn:*:dynamodb:*:*:table/cme-dev-accounts"},
            {"Effect": "Allow", "Action": "dynamodb:GetItem", "Resource": "arn:*:dynamodb:*:*:table/cme-dev-other"},
        ],
    }
    unused = policy_differences(wider, "dev", need["jwt_authorizer"])["unused"]
    assert "dynamodb:PutItem on table:accounts" in unused
    assert any("table/cme-dev-other" in problem for problem in unused)
