"""Every route, every kind of caller: the status each must get.

Callers: no token, a forged token, a disabled account's token, the office, the hospital's admin and
organizer, and the society's admin and organizer (a foreign organisation for hospital objects).
A new route fails ``test_every_route_is_in_the_matrix`` until it is added here.
"""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from pathlib import Path

import boto3
import pytest

from chalicelib.api import OPERATIONS
from chalicelib.services.tokens import Claims, issue_token
from tests.conftest import DEMO_PASSWORD, make_api, start_aws

CALLERS = ("anonymous", "forged", "disabled", "office", "admin", "organizer", "foreign_admin", "foreign_organizer")
_unique = itertools.count()

U = dict.fromkeys(("anonymous", "forged", "disabled"), 401)


def _rule_body(revision: int, version: str, effective_from: str) -> dict:
    from tests.api.test_office_rules import rule_body

    return rule_body(revision, version, effective_from)


def row(method, path, body=None, *, public=None, **expected):
    """Expected statuses; authenticated callers missing from ``expected`` are not listed on purpose."""
    statuses = dict.fromkeys(CALLERS, public) if public else {**U, **expected}
    assert set(statuses) == set(CALLERS), (method, path)
    return pytest.param(method, path, body, statuses, id=f"{method} {path}")


def _born_id(days: int) -> str:
    """A valid ID number of someone born ``days`` after 1 January 1950."""
    prefix17 = f"110105{date(1950, 1, 1) + timedelta(days=days):%Y%m%d}002"
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return prefix17 + "10X98765432"[sum(int(d) * w for d, w in zip(prefix17, weights, strict=True)) % 11]


def org_body():
    return {"name": f"矩阵测试机构{next(_unique)}", "type": "other", "city": "苏州"}


def organizer_body(org="{hospital}"):
    return {
        "username": f"matrix-{next(_unique)}",
        "display_name": "矩阵",
        "role": "organizer",
        "org_id": org,
        "department": "内科",
        "password": DEMO_PASSWORD,
    }


def national_body():
    return {**NATIONAL, "number": f"2026-14-02-{next(_unique):03d}"}


NATIONAL = {
    "year": 2026,
    "number": "2026-14-02-001",
    "name": "矩阵国家级项目",
    "discipline_code": "14-02",
    "leader": "矩阵",
    "credits": 5,
    "nature": "declared",
    "planned_sessions": 1,
}
PROVINCIAL = {
    "year": 2026,
    "name": "矩阵省级项目",
    "discipline_code": "03-01",
    "leader": "矩阵",
    "credits": 5,
    "nature": "declared",
    "planned_sessions": 1,
    "plan": "矩阵测试用的省级项目计划。",
}

PDF = b"%PDF-1.7\n"
PDF_TYPE = "application/pdf"
SESSION = {
    "venue": "矩阵会场",
    "start_date": "2026-12-10",
    "end_date": "2026-12-10",
    "planned_attendees": 50,
    "schedule": [
        {"date": "2026-12-10", "start": "09:00", "end": "11:00", "topic": "矩阵", "lecturer": "矩阵", "hours": 2}
    ],
}


SIGN_IN = {
    "t": "1.x",
    "id_number": "11010519491231002X",
    "name": "张三",
    "gender": "female",
    "age": 76,
    "mobile": "13912345678",
    "unit": "医院",
    "department": "内科",
    "region": "南京",
    "grassroots": False,
    "title": "医师",
}


def session_body():
    return {**SESSION, "seq": 90 + next(_unique) % 9}


OK = dict(office=200, admin=200, organizer=200, foreign_admin=200, foreign_organizer=200)
OFFICE_ONLY = dict(office=200, admin=403, organizer=403, foreign_admin=403, foreign_organizer=403)
HOSPITAL_ORG = dict(office=200, admin=200, organizer=200, foreign_admin=404, foreign_organizer=404)
OWNER = dict(office=403, admin=403, organizer=200, foreign_admin=404, foreign_organizer=404)
ADMIN_REVIEW = dict(office=403, admin=200, organizer=403, foreign_admin=404, foreign_organizer=404)
OFFICE_REVIEW = dict(office=200, admin=403, organizer=403, foreign_admin=404, foreign_organizer=404)
CODES = dict(office=403, admin=200, organizer=200, foreign_admin=404, foreign_organizer=404)
REPORT = {
    "actual_start_date": "2026-12-10",
    "actual_end_date": "2026-12-10",
    "venue": "南京会场",
    "summary": "矩阵",
    "lecturers": [{"name": "王", "hours": 1}],
}


def ROLE_ONLY(role: str) -> dict[str, int]:  # noqa: N802 - reads like the other status tables
    """The role may act on its own organisation's session (200); other roles 403; other organisations 404."""
    own = dict(office=403, admin=403, organizer=403, foreign_admin=404, foreign_organizer=404)
    return {**own, role: 200}


MANAGE_TARGET = dict(office=200, admin=200, organizer=404, foreign_admin=404, foreign_organizer=404)
ORG_REPORT = dict(office=200, admin=200, organizer=403, foreign_admin=404, foreign_organizer=403)


def STARTED(expected: dict) -> dict:  # noqa: N802 - reads as the constants it wraps
    """A route that starts a background job: 202 where the synchronous route answered 200."""
    return {caller: 202 if status == 200 else status for caller, status in expected.items()}


MATRIX = [
    row("GET", "/health", public=200),
    row("GET", "/meta", public=200),
    row("GET", "/openapi.json", public=200),
    row("POST", "/auth/login", {"username": "admin-demo", "password": DEMO_PASSWORD}, public=200),
    row("GET", "/auth/me", **OK),
    row(
        "POST",
        "/auth/password",
        {"current_password": "Wrong@2026x", "new_password": "Other@2027x"},
        **dict.fromkeys(OK, 400),
    ),
    row("GET", "/organisations", **OK),
    row(
        "POST",
        "/organisations",
        org_body,
        office=201,
        admin=403,
        organizer=403,
        foreign_admin=403,
        foreign_organizer=403,
    ),
    row("GET", "/organisations/{hospital}", **HOSPITAL_ORG),
    row("PATCH", "/organisations/{hospital}", {"city": "南京"}, **OFFICE_ONLY),
    row(
        "GET",
        "/accounts?org_id={hospital}",
        office=200,
        admin=200,
        organizer=403,
        foreign_admin=403,
        foreign_organizer=403,
    ),
    row(
        "POST",
        "/accounts",
        organizer_body,
        office=403,
        admin=201,
        organizer=403,
        foreign_admin=403,
        foreign_organizer=403,
    ),
    row("GET", "/accounts/{target}", **MANAGE_TARGET),
    row("POST", "/accounts/{target}/password", {"new_password": "Reset#2027x"}, **MANAGE_TARGET),
    row("POST", "/accounts/{target}/disable", **MANAGE_TARGET),
    row("POST", "/accounts/{target}/enable", **MANAGE_TARGET),
    row("GET", "/audit", **OFFICE_ONLY),
    row("GET", "/disciplines", public=200),
    row("GET", "/public/projects", public=200),
    row("GET", "/projects", **OK),
    row(
        "POST",
        "/projects/national",
        national_body,
        office=403,
        admin=403,
        organizer=201,
        foreign_admin=403,
        foreign_organizer=201,
    ),
    row(
        "POST",
        "/projects/provincial",
        PROVINCIAL,
        office=403,
        admin=403,
        organizer=201,
        foreign_admin=403,
        foreign_organizer=201,
    ),
    row("GET", "/projects/import-template", **OFFICE_ONLY),
    row(
        "POST",
        "/projects/import",
        {"filename": "a.xlsx", "content_base64": "bm90IGEgZmlsZQ=="},
        office=400,
        admin=403,
        organizer=403,
        foreign_admin=403,
        foreign_organizer=403,
    ),
    row("POST", "/projects/export", office=202, admin=202, organizer=403, foreign_admin=202, foreign_organizer=403),
    row("GET", "/projects/{project}", **HOSPITAL_ORG),
    row("PATCH", "/projects/{project}", {"leader": "矩阵"}, **OWNER),
    row("DELETE", "/projects/{fresh_national}", **{**OWNER, "organizer": 204}),
    row("POST", "/projects/{draft}/declare", **OWNER),
    row("POST", "/projects/{declared}/forward", **ADMIN_REVIEW),
    row("POST", "/projects/{declared}/return", {"reason": "矩阵退回"}, **ADMIN_REVIEW),
    row("POST", "/projects/{forwarded}/approve", **OFFICE_REVIEW),
    row("POST", "/projects/{forwarded}/reject", {"reason": "矩阵不通过"}, **OFFICE_REVIEW),
    row("GET", "/sessions", **OK),
    row("POST", "/projects/{host}/sessions", session_body, **{**OWNER, "organizer": 201}),
    row("GET", "/sessions/{session}", **HOSPITAL_ORG),
    row("PUT", "/sessions/{session}", {k: v for k, v in SESSION.items() if k != "seq"}, **OWNER),
    row("GET", "/projects/{host}/session-draft", **OWNER),
    row("PUT", "/projects/{host}/session-draft", {"version": 0, "data": {"venue": "矩阵"}}, **OWNER),
    row("GET", "/sessions/{session}/draft", **OWNER),
    row("PUT", "/sessions/{session}/draft", {"version": 0, "data": {"venue": "矩阵"}}, **OWNER),
    row("DELETE", "/sessions/{fresh_session}", **{**OWNER, "organizer": 204}),
    row(
        "POST",
        "/sessions/{session}/materials/notice/upload",
        {"filename": "a.pdf", "content_type": "application/pdf", "size": 100},
        **OWNER,
    ),
    row(
        "POST",
        "/sessions/{session}/materials/notice/confirm",
        {"key": "sessions/x/notice/y", "filename": "a.pdf"},
        **{**OWNER, "organizer": 400},
    ),
    row("GET", "/sessions/{ready_session}/materials/notice", **HOSPITAL_ORG),
    row("DELETE", "/sessions/{fresh_ready}/materials/notice", **OWNER),
    row("GET", "/sessions/{session}/timeline", **HOSPITAL_ORG),
    row("POST", "/sessions/{fresh_ready}/submit", **OWNER),
    row("POST", "/sessions/{submitted_session}/forward", **ADMIN_REVIEW),
    row("POST", "/sessions/{submitted_session}/return", {"reason": "矩阵退回"}, **{**ADMIN_REVIEW, "office": 409}),
    row("POST", "/sessions/{forwarded_session}/approve", **OFFICE_REVIEW),
    row("GET", "/notifications", **OK),
    row("GET", "/public/attendance/{session}/in?t=1.x", public=404),
    row("POST", "/public/attendance/{session}/sign-in", SIGN_IN, public=404),
    row("POST", "/public/attendance/{session}/sign-out/lookup", {"t": "1.x", "mobile": "13912345678"}, public=404),
    row(
        "POST",
        "/public/attendance/{session}/sign-out",
        {"t": "1.x", "mobile": "13912345678", "answers": {}},
        public=404,
    ),
    row("GET", "/sessions/{approved_session}/attendance/codes", **CODES),
    row("POST", "/attendance/windows", {}, **OK),
    row("GET", "/sessions/{approved_session}/attendance/codes/in/file?format=png", **CODES),
    row("GET", "/sessions/{approved_session}/attendance", **HOSPITAL_ORG),
    row("GET", "/sessions/{approved_session}/attendance/attendees", **HOSPITAL_ORG),
    row("POST", "/sessions/{approved_session}/attendance/export", **STARTED(HOSPITAL_ORG)),
    row("GET", "/sessions/{approved_session}/attendance/questionnaire", **HOSPITAL_ORG),
    row("GET", "/sessions/{approved_session}/attendance/rejections", **HOSPITAL_ORG),
    row("GET", "/sessions/{approved_session}/report", **HOSPITAL_ORG),
    row("PUT", "/sessions/{approved_session}/report", REPORT, **{**ROLE_ONLY("organizer"), "organizer": 409}),
    row("GET", "/sessions/{approved_session}/report/draft", **OWNER),
    row(
        "PUT",
        "/sessions/{approved_session}/report/draft",
        {"version": 0, "data": {"summary": "矩阵"}},
        **{**OWNER, "organizer": 409},
    ),
    row("POST", "/sessions/{approved_session}/report/submit", **{**ROLE_ONLY("organizer"), "organizer": 409}),
    row(
        "POST",
        "/sessions/{approved_session}/report/return",
        {"reason": "矩阵退回"},
        **{**ROLE_ONLY("admin"), "admin": 409},
    ),
    row("GET", "/sessions/{approved_session}/selection", **HOSPITAL_ORG),
    row(
        "PUT",
        "/sessions/{approved_session}/selection/draft",
        {"version": 0, "changes": [{"attendee_id": "0123456789abcdef", "selected": False}]},
        **{**ROLE_ONLY("admin"), "admin": 409},
    ),
    row("POST", "/sessions/{approved_session}/selection/submit", {}, **{**ROLE_ONLY("admin"), "admin": 409}),
    row(
        "POST",
        "/sessions/{approved_session}/selection/return",
        {"reason": "矩阵退回"},
        **{**ROLE_ONLY("office"), "office": 409},
    ),
    row(
        "POST",
        "/sessions/{approved_session}/deadline-extension",
        {"until": "2030-01-01", "reason": "矩阵延期"},
        **ROLE_ONLY("office"),
    ),
    row("POST", "/sessions/{approved_session}/credits/grant", **{**ROLE_ONLY("office"), "office": 409}),
    row("GET", "/sessions/{approved_session}/credits", **HOSPITAL_ORG),
    row("GET", "/credit-rules", **OK),
    # The office's changes: one that succeeds, the others under a revision nobody read (409 for the office only).
    row("POST", "/credit-rules", lambda: _rule_body(0, "matrix", "2030-01-01"), **OFFICE_ONLY),
    row("PUT", "/credit-rules/2006", lambda: _rule_body(99, "2006", "2030-02-01"), **{**OFFICE_ONLY, "office": 409}),
    row("POST", "/credit-rules/2006/withdraw", {"revision": 99}, **{**OFFICE_ONLY, "office": 409}),
    row("GET", "/discipline-catalogue", **OFFICE_ONLY),
    row("POST", "/discipline-catalogue", {"revision": 0, "code": "30", "name": "矩阵学科"}, **OFFICE_ONLY),
    row("PUT", "/discipline-catalogue/14-02", {"revision": 99, "retired": True}, **{**OFFICE_ONLY, "office": 409}),
    row(
        "POST",
        "/public/certificates/query",
        # A project number per caller: each miss counts against its project number and name, five lock it for a day.
        lambda: {
            "project_number": f"2026-14-02-{next(_unique):03d}",
            "name": "张三",
            "id_number": "11010519491231002X",
        },
        public=200,
    ),
    row("GET", "/public/certificates/AAAA-BBBB-CCCC-DDDD", public=404),
    row("GET", "/public/certificates/AAAA-BBBB-CCCC-DDDD/pdf", public=404),
    row("GET", "/sessions/{approved_session}/certificates", **HOSPITAL_ORG),
    row("POST", "/sessions/{approved_session}/certificates/pdf", **dict.fromkeys(OK, 404)),  # none granted yet
    row(
        "POST",
        "/certificates/JS2026-999999/revoke",
        {"reason": "矩阵作废"},
        **{**dict.fromkeys(OK, 403), "office": 404},
    ),
    row(
        "POST",
        "/certificates/JS2026-999999/reissue",
        {"reason": "矩阵重发"},
        **{**dict.fromkeys(OK, 403), "office": 404},
    ),
    row(
        "POST",
        "/public/person-credits",
        # A name and an ID number per caller: each miss counts against both, five lock them for a day.
        lambda: {"id_number": _born_id(next(_unique)), "name": "张三", "year": 2026},
        public=404,
    ),
    row(
        "POST",
        "/person-credits",
        {"id_number": "11010519491231002X", "name": "张三", "year": 2026},
        **{**dict.fromkeys(OK, 403), "office": 404},
    ),
    row(
        "POST",
        "/personal-data/export",
        {"id_number": "11010519491231002X", "reference": "矩阵申请"},
        **STARTED(OFFICE_ONLY),
    ),
    row("GET", "/personal-data/certificates/JS2026-999999", **{**dict.fromkeys(OK, 403), "office": 404}),
    row(
        "POST",
        "/personal-data/certificates/JS2026-999999/correct",
        {"name": "张三", "reference": "矩阵更正"},
        **{**dict.fromkeys(OK, 403), "office": 404},
    ),
    row("POST", "/notifications/read-all", **OK),
    row("GET", "/questionnaires/current", **OK),
    row("GET", "/questionnaires", **OFFICE_ONLY),
    row("GET", "/retention-policy", **OFFICE_ONLY),
    row("PUT", "/retention-policy", {"version": 0, "details_years": 3, "rejection_days": 180}, **OFFICE_ONLY),
    row(
        "POST",
        "/questionnaires",
        {"questions": [{"text": "总体评价", "type": "single", "options": ["好", "差"]}]},
        **{**OFFICE_ONLY, "office": 201},
    ),
    row(
        "POST",
        "/notifications/{notification}/read",
        office=404,
        admin=200,
        organizer=404,
        foreign_admin=404,
        foreign_organizer=404,
    ),
    row("GET", "/reports/sessions/{approved_session}", **HOSPITAL_ORG),
    row("POST", "/reports/sessions/{approved_session}/export", **STARTED(HOSPITAL_ORG)),
    row("GET", "/reports/organisations?org_id={hospital}", **ORG_REPORT),
    row("POST", "/reports/organisations/export?org_id={hospital}", **STARTED(ORG_REPORT)),
    row("GET", "/reports/province", **OFFICE_ONLY),
    row("POST", "/reports/province/export", **STARTED(OFFICE_ONLY)),
    # a job is its creator's; an office user's job is the office's
    row("GET", "/jobs/{admin_job}", office=404, admin=200, organizer=404, foreign_admin=404, foreign_organizer=404),
    row("GET", "/jobs/{office_job}", office=200, admin=404, organizer=404, foreign_admin=404, foreign_organizer=404),
]


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    mock = start_aws()
    from localdev.seed import seed_demo

    seed_demo()
    api = make_api(Path(tmp_path_factory.mktemp("web")))
    tokens = {
        "office": api.login("office-demo"),
        "admin": api.login("admin-demo"),
        "organizer": api.login("organizer-demo"),
        "foreign_admin": api.login("society-admin-demo"),
        "foreign_organizer": api.login("society-organizer-demo"),
    }
    hospital = api.get("/auth/me", tokens["admin"])[1]["org_id"]
    for username in ("matrix-target", "matrix-disabled"):
        body = {**organizer_body(hospital), "username": username}
        assert api.post("/accounts", body, tokens["admin"])[0] == 201
    tokens["disabled"] = api.login("matrix-disabled")
    assert api.post("/accounts/matrix-disabled/disable", token=tokens["admin"])[0] == 200
    tokens["forged"] = issue_token(Claims("office-demo", "office", "office", 1), "not-our-secret-" + "z" * 32, 600)[0]
    tokens["anonymous"] = None

    def project(state: str):
        def make() -> str:
            body = national_body() if state == "national" else PROVINCIAL
            kind = "national" if state == "national" else "provincial"
            status, created = api.post(f"/projects/{kind}", body, tokens["organizer"])
            assert status == 201, created
            pid = created["project_id"]
            steps = {"draft": [], "declared": ["declare"], "forwarded": ["declare", "forward"], "national": []}
            for step in steps[state]:
                who = {"declare": "organizer", "forward": "admin"}[step]
                assert api.post(f"/projects/{pid}/{step}", token=tokens[who])[0] == 200
            return pid

        return make

    host = api.post("/projects/national", {**national_body(), "planned_sessions": 99}, tokens["organizer"])[1]
    seqs = itertools.count(1)

    def session(state: str):
        def make() -> str:
            body = {**SESSION, "seq": next(seqs)}
            status, created = api.post(f"/projects/{host['project_id']}/sessions", body, tokens["organizer"])
            assert status == 201, created
            sid = created["session_id"]
            if state == "draft":
                return sid
            for kind, content, content_type in (("notice", PDF, "application/pdf"), ("schedule", PDF, PDF_TYPE)):
                _, ticket = api.post(
                    f"/sessions/{sid}/materials/{kind}/upload",
                    {"filename": "a.pdf", "content_type": content_type, "size": len(content)},
                    tokens["organizer"],
                )
                boto3.client("s3").put_object(
                    Bucket="cme-test-files", Key=ticket["key"], Body=content, ContentType=content_type
                )
                assert (
                    api.post(
                        f"/sessions/{sid}/materials/{kind}/confirm",
                        {"key": ticket["key"], "filename": "a.pdf"},
                        tokens["organizer"],
                    )[0]
                    == 200
                )
            steps = {
                "ready": [],
                "submitted": ["submit"],
                "forwarded": ["submit", "forward"],
                "approved": ["submit", "forward", "approve"],
            }[state]
            for step in steps:
                who = {"submit": "organizer", "forward": "admin", "approve": "office"}[step]
                assert api.post(f"/sessions/{sid}/{step}", token=tokens[who])[0] == 200
            return sid

        return make

    ready = session("ready")()
    session("submitted")()  # gives admin-demo a notification
    notification = api.get("/notifications", tokens["admin"])[1]["items"][0]["notification_id"]
    jobs = {
        who: api.call("POST", path, token=tokens[who])[1]["job_id"]
        for who, path in (("admin", "/projects/export"), ("office", "/reports/province/export"))
    }
    names = {
        "hospital": hospital,
        "target": "matrix-target",
        "project": project("national")(),
        "fresh_national": project("national"),
        "draft": project("draft"),
        "declared": project("declared"),
        "forwarded": project("forwarded"),
        "host": host["project_id"],
        "session": session("draft")(),
        "fresh_session": session("draft"),
        "ready_session": ready,
        "fresh_ready": session("ready"),
        "submitted_session": session("submitted"),
        "forwarded_session": session("forwarded"),
        "notification": notification,
        "admin_job": jobs["admin"],
        "office_job": jobs["office"],
        "approved_session": session("approved")(),
    }
    yield api, tokens, names
    mock.stop()


@pytest.mark.parametrize("method, path, body, expected", MATRIX)
@pytest.mark.parametrize("caller", CALLERS)
def test_route_answers_caller_with_expected_status(world, caller, method, path, body, expected):
    api, tokens, factories = world
    names = {key: value() if callable(value) and "{" + key + "}" in path else value for key, value in factories.items()}
    url = path.format(**names)
    payload = body() if callable(body) else body
    if isinstance(payload, dict):
        payload = {k: (v.format(**names) if isinstance(v, str) else v) for k, v in payload.items()}
    route, _, query = url.partition("?")
    query_args = dict(pair.split("=") for pair in query.split("&")) if query else None
    status, response = api.call(method, route, payload if method != "GET" else None, tokens[caller], query_args)
    assert status == expected[caller], response
    if status >= 400:
        assert set(response["error"]) == {"code", "message", "field"}


def test_every_route_is_in_the_matrix():
    placeholders = {
        "hospital": "org_id",
        "target": "username",
        "project": "project_id",
        "fresh_national": "project_id",
        "draft": "project_id",
        "declared": "project_id",
        "forwarded": "project_id",
        "host": "project_id",
        "session": "session_id",
        "fresh_session": "session_id",
        "ready_session": "session_id",
        "fresh_ready": "session_id",
        "submitted_session": "session_id",
        "forwarded_session": "session_id",
        "admin_job": "job_id",
        "office_job": "job_id",
        "notification": "notification_id",
        "approved_session": "session_id",
    }
    covered = set()
    for param in MATRIX:
        path = param.values[1].split("?")[0]
        for placeholder, name in placeholders.items():
            path = path.replace("{" + placeholder + "}", "{" + name + "}")
        path = path.replace("/materials/notice", "/materials/{kind}").replace("/codes/in/", "/codes/{kind}/")
        path = path.replace("AAAA-BBBB-CCCC-DDDD", "{code}").replace("JS2026-999999", "{certificate_no}")
        path = path.replace("/credit-rules/2006", "/credit-rules/{version}").replace("/14-02", "/{code}")
        if path.startswith("/public/attendance/") and path.endswith("/in"):
            path = path.removesuffix("/in") + "/{kind}"
        covered.add((param.values[0], path))
    declared = {(op.method, op.path) for op in OPERATIONS}
    assert declared - covered == set(), "add these routes to the authorization matrix"
