"""The admin's selection (学员遴选) paged by person with a cursor (issue #13 item 3) and kept on the server as a draft
(issue #15 item 1): every person once and whole (all days in daily mode), counts from the candidate summary counted
once attendance is final, the draft saved, seen by another admin of the unit, checked, guarded against a stale
writer and submitted as the same frozen list as before."""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

import pytest

from chalicelib.models import Attendance, ExecutionReport, Session
from chalicelib.services.selection_rules import candidates, submitted_selection
from tests.api.attendance_helpers import ANSWERS, CN, SESSION, approve, tokens_of
from tests.api.test_list_costs import attendee, counting
from tests.conftest import DEMO_PASSWORD

REPORT = {
    "actual_start_date": "2026-12-10",
    "actual_end_date": "2026-12-10",
    "venue": "南京会场",
    "summary": "按计划完成全部教学。",
    "lecturers": [{"name": "王教授", "title": "主任医师", "unit": "省人民医院", "hours": 3}],
}


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, day, hour, minute, tzinfo=CN)


def sign(api: Any, clock: Any, session: dict, n: int, arrive: datetime, leave: datetime | None, **changes: Any) -> None:
    body = attendee(n, **changes)
    clock.now = arrive
    assert api.post(f"/public/attendance/{session['sid']}/sign-in", {"t": session["tokens"]["in"], **body})[0] == 200
    if leave is not None:
        clock.now = leave
        out = {"t": session["tokens"]["out"], "id_number": body["id_number"], "answers": ANSWERS}
        assert api.post(f"/public/attendance/{session['sid']}/sign-out", out)[0] == 200


def all_pages(api: Any, sid: str, token: str, limit: int) -> list[dict]:
    pages: list[dict] = []
    cursor: str | None = None
    while True:
        more: dict[str, str] = {"cursor": cursor} if cursor else {}
        status, page = api.get(f"/sessions/{sid}/selection", token, limit=limit, **more)
        assert status == 200, page
        pages.append(page)
        cursor = page["next_cursor"]
        if cursor is None:
            return pages


def submit_report(api: Any, session: dict, clock: Any, when: datetime, **changes: Any) -> None:
    clock.now = when
    assert api.call("PUT", f"/sessions/{session['sid']}/report", {**REPORT, **changes}, session["org"])[0] == 200
    assert api.post(f"/sessions/{session['sid']}/report/submit", token=session["org"])[0] == 200


@pytest.fixture
def crowd(api: Any, roles: dict, national_project: str, clock: Any) -> dict:
    """A whole-mode session (规定学时 6) of 11: 0–5 stayed 6 h (3 and 4 on one phone), 6–8 left a minute early,
    9 and 10 never signed out."""
    session = approve(api, roles, national_project, {**SESSION, "required_hours": 6})
    for n in range(11):
        leave = at(10, 16, 30) if n < 6 else at(10, 16, 29) if n < 9 else None
        sign(api, clock, session, n, at(10, 8, 0), leave, **({"client_id": "shared"} if n in (3, 4) else {}))
    return session


@pytest.fixture
def second_admin(api: Any, roles: dict) -> str:
    """Another admin of the demo hospital (钱审核), password changed."""
    org_id = api.get("/auth/me", roles["admin"])[1]["org_id"]
    account = {
        "username": "admin-second",
        "display_name": "钱审核",
        "role": "admin",
        "org_id": org_id,
        "password": DEMO_PASSWORD,
    }
    assert api.post("/accounts", account, roles["office"])[0] == 201
    token = api.login("admin-second")
    change = {"current_password": DEMO_PASSWORD, "new_password": "Second#2027"}
    assert api.post("/auth/password", change, token)[0] == 200
    return api.login("admin-second", "Second#2027")


def test_pages_hold_every_person_once_with_the_counts_and_cost_little(
    api: Any, crowd: dict, clock: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    sid = crowd["sid"]
    submit_report(api, crowd, clock, at(10, 19))  # the sign-out window closed at 18:30
    summary = ExecutionReport.get(sid).candidate_summary
    assert (summary["persons"], summary["preselected"], summary["required_hours"]) == (11, 6, 6), "counted at submit"

    pages = all_pages(api, sid, crowd["admin"], 4)
    assert [len(page["items"]) for page in pages] == [4, 4, 3]
    rows = [row for page in pages for row in page["items"]]
    assert len({row["attendee_id"] for row in rows}) == 11, "every person once"
    assert {(p["total"], p["preselected_count"], p["selected_count"], p["frozen"]) for p in pages} == {
        (11, 6, 6, False)
    }
    # Every field as the whole-session reading gives it (flags from the page's link items included).
    session = Session.get(sid)
    whole = {c.attendee_id: c for c in candidates(session, list(Attendance.query(sid)), clock())}
    for row in rows:
        person = whole[row["attendee_id"]]
        assert (row["hours"], row["preselected"], row["selected"], row["status"]) == (
            person.hours,
            person.preselected,
            person.selected,
            person.status,
        )
        assert [flag["code"] for flag in row["flags"]] == person.flags
        assert row["id_number"] == person.id_masked and row["days"] == person.days
    assert sum(1 for row in rows if row["flags"]) == 2, "the shared phone, on whichever pages"

    with counting(monkeypatch) as reads:
        status, middle = api.get(f"/sessions/{sid}/selection", crowd["admin"], limit=4, cursor=pages[0]["next_cursor"])
    assert status == 200 and middle["items"] == pages[1]["items"]
    assert len(reads.calls) <= 4, reads.calls  # session, report, the page's Query, its links
    assert reads.items <= 2 + 4 + 2 * 4, "the session, the report, a page and its links: not the session's size"

    status, body = api.get(f"/sessions/{sid}/selection", crowd["admin"], cursor="bm90LWEtY3Vyc29y")
    assert status == 400 and body["error"]["code"] == "INVALID_CURSOR"


def test_daily_pages_keep_each_persons_days_together(api: Any, roles: dict, national_project: str, clock: Any) -> None:
    two_days = {
        **SESSION,
        "end_date": "2026-12-11",
        "required_hours": 6,
        "attendance": {"mode": "daily"},
        "schedule": [
            *cast(list, SESSION["schedule"]),
            {"date": "2026-12-11", "start": "09:00", "end": "12:00", "topic": "次日", "lecturer": "赵", "hours": 3},
        ],
    }
    session = approve(api, roles, national_project, two_days)
    for n in (0, 1, 2, 4):  # 3 comes only on the second day
        sign(api, clock, session, n, at(10, 8, 0), at(10, 16, 30))
    clock.now = at(11, 8, 30)
    second = {**session, "tokens": tokens_of(api.get(f"/sessions/{session['sid']}/attendance/codes", roles["org"])[1])}
    for n in (0, 2, 3, 4):
        sign(api, clock, second, n, at(11, 8, 30), at(11, 12, 10))
    submit_report(api, session, clock, at(11, 15), actual_end_date="2026-12-11")

    for limit in (1, 2, 3):
        pages = all_pages(api, session["sid"], roles["admin"], limit)
        rows = [row for page in pages for row in page["items"]]
        assert all(len(page["items"]) <= limit for page in pages)
        assert len(rows) == len({row["attendee_id"] for row in rows}) == 5, f"every person once at {limit} a page"
        days = sorted(len(row["days"]) for row in rows)
        assert days == [1, 1, 2, 2, 2], "a person's days are never split across pages"
        assert sorted(row["hours"] for row in rows) == [3, 6, 9, 9, 9]
        assert pages[0]["total"] == 5 and pages[0]["preselected_count"] == 4  # 6 h on the first day is enough


def test_the_summary_waits_for_the_sign_out_window_and_old_reports_get_theirs_on_first_read(
    api: Any, crowd: dict, clock: Any
) -> None:
    sid = crowd["sid"]
    submit_report(api, crowd, clock, at(10, 16, 45))  # teaching ended; sign-outs still come until 18:30
    assert ExecutionReport.get(sid).candidate_summary is None
    clock.now = at(10, 17)
    out = {"t": crowd["tokens"]["out"], "id_number": attendee(9)["id_number"], "answers": ANSWERS}
    assert api.post(f"/public/attendance/{sid}/sign-out", out)[0] == 200  # 9 signs out late: 6 h after all
    page = api.get(f"/sessions/{sid}/selection", crowd["admin"])[1]
    assert (page["total"], page["preselected_count"]) == (11, 7), "counted live while sign-outs may still come"
    assert ExecutionReport.get(sid).candidate_summary is None, "not kept before the window closes"

    clock.now = at(10, 19)
    page = api.get(f"/sessions/{sid}/selection", crowd["admin"])[1]
    kept = ExecutionReport.get(sid)
    assert kept.candidate_summary["preselected"] == 7 and page["version"] == kept.version, "kept on first read"

    kept.candidate_summary = None  # a report submitted before summaries existed
    kept.save()
    page = api.get(f"/sessions/{sid}/selection", crowd["admin"])[1]
    assert (page["total"], page["preselected_count"], page["selected_count"]) == (11, 7, 7)
    assert ExecutionReport.get(sid).candidate_summary["persons"] == 11


def test_the_draft_is_saved_seen_by_the_other_admin_checked_guarded_and_submitted(
    api: Any, crowd: dict, clock: Any, second_admin: str
) -> None:
    sid, admin = crowd["sid"], crowd["admin"]
    draft_url = f"/sessions/{sid}/selection/draft"
    submit_report(api, crowd, clock, at(10, 19))
    rows = {row["attendee_id"]: row for page in all_pages(api, sid, admin, 50) for row in page["items"]}
    first = api.get(f"/sessions/{sid}/selection", admin)[1]
    full = sorted(i for i, row in rows.items() if row["preselected"])
    short = sorted(i for i, row in rows.items() if not row["preselected"])

    def put(token: str, version: int, *changes: dict) -> tuple[int, dict]:
        return api.call("PUT", draft_url, {"version": version, "changes": list(changes)}, token)

    status, body = put(admin, first["version"], {"attendee_id": "0123456789abcdef", "selected": False})
    assert (status, body["error"]["code"], body["error"]["field"]) == (
        400,
        "UNKNOWN_ATTENDEE",
        "changes.0.attendee_id",
    )
    status, body = put(admin, first["version"], {"attendee_id": short[0], "selected": True, "reason": " 迟 "})
    assert (status, body["error"]["code"], body["error"]["field"]) == (400, "REASON_REQUIRED", "changes.0.reason")
    assert put(crowd["org"], first["version"], {"attendee_id": full[0], "selected": False})[0] == 403
    assert put(crowd["office"], first["version"], {"attendee_id": full[0], "selected": False})[0] == 403

    status, saved = put(
        admin,
        first["version"],
        {"attendee_id": full[0], "selected": False},
        {"attendee_id": full[1], "selected": False},
        {"attendee_id": short[0], "selected": True, "reason": "迟到一分钟"},
        {"attendee_id": short[1], "selected": True, "reason": "途中急诊"},
    )
    assert status == 200, saved
    assert (saved["selected_count"], saved["draft_updated_by"]) == (6 - 2 + 2, "admin-demo")
    status, saved = put(admin, saved["version"], {"attendee_id": full[1], "selected": True})  # ticked again
    assert (status, saved["selected_count"]) == (200, 7)

    # Another admin of the unit reloads and sees it all.
    seen = api.get(f"/sessions/{sid}/selection", second_admin)[1]
    chosen = {row["attendee_id"]: row for row in seen["items"]}
    assert not chosen[full[0]]["selected"] and chosen[full[1]]["selected"]
    assert chosen[short[0]]["selected"] and chosen[short[0]]["reason"] == "迟到一分钟"
    assert (seen["selected_count"], seen["version"], seen["draft_updated_by"]) == (7, saved["version"], "admin-demo")

    # The first admin's view is stale once the second saves: 409, reload, go on.
    status, other = put(second_admin, seen["version"], {"attendee_id": short[1], "selected": False})
    assert (status, other["selected_count"], other["draft_updated_by"]) == (200, 6, "admin-second")
    status, body = put(admin, saved["version"], {"attendee_id": short[2], "selected": True, "reason": "补签"})
    assert status == 409 and body["error"]["code"] == "CONCURRENT_UPDATE" and "刷新" in body["error"]["message"]
    status, body = api.post(f"/sessions/{sid}/selection/submit", {"version": saved["version"]}, admin)
    assert status == 409 and body["error"]["code"] == "CONCURRENT_UPDATE"

    fresh = api.get(f"/sessions/{sid}/selection", admin)[1]
    status, submitted = api.post(f"/sessions/{sid}/selection/submit", {"version": fresh["version"]}, admin)
    assert status == 200 and submitted["status"] == "submitted" and submitted["selected_count"] == 6

    # The same frozen list as the submission of these changes gave before drafts existed.
    report = ExecutionReport.get(sid)
    people = candidates(Session.get(sid), list(Attendance.query(sid)), clock())
    assert report.selection == submitted_selection(people, [full[0]], [(short[0], "迟到一分钟")])
    assert set(report.selection) == {"deselected", "included", "selected"}
    assert report.selection_draft is None, "cleared at submission"
    frozen = api.get(f"/sessions/{sid}/selection", crowd["office"])[1]
    assert (frozen["frozen"], frozen["selected_count"], frozen["draft_updated_by"]) == (True, 6, None)
    assert {row["attendee_id"] for row in frozen["items"] if row["selected"]} == set(report.selection["selected"])
    assert put(admin, frozen["version"], {"attendee_id": full[0], "selected": True})[1]["error"]["code"] == (
        "ILLEGAL_TRANSITION"
    )

    # Returned by the office, the admin starts again from what was submitted.
    assert api.post(f"/sessions/{sid}/selection/return", {"reason": "名单有误"}, crowd["office"])[0] == 200
    again = api.get(f"/sessions/{sid}/selection", admin)[1]
    assert (again["frozen"], again["selected_count"]) == (False, 6)


# --- the views (全部/已选/未选/未达规定学时), kept on the server -------------------------------------------------


def view_pages(api: Any, sid: str, token: str, view: str, limit: int) -> list[dict]:
    pages: list[dict] = []
    cursor: str | None = None
    while True:
        more: dict[str, str] = {"cursor": cursor} if cursor else {}
        status, page = api.get(f"/sessions/{sid}/selection", token, limit=limit, view=view, **more)
        assert status == 200, page
        pages.append(page)
        cursor = page["next_cursor"]
        if cursor is None:
            return pages


def test_each_view_pages_exactly_its_people_with_the_draft_applied(
    api: Any, crowd: dict, clock: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    sid, admin = crowd["sid"], crowd["admin"]
    submit_report(api, crowd, clock, at(10, 19))
    rows = {row["attendee_id"]: row for page in all_pages(api, sid, admin, 50) for row in page["items"]}
    full = sorted(i for i, row in rows.items() if row["preselected"])
    short = sorted(i for i, row in rows.items() if not row["preselected"])
    version = api.get(f"/sessions/{sid}/selection", admin)[1]["version"]
    changes = [
        {"attendee_id": full[0], "selected": False},
        {"attendee_id": short[0], "selected": True, "reason": "迟到一分钟"},
    ]
    status, saved = api.call("PUT", f"/sessions/{sid}/selection/draft", {"version": version, "changes": changes}, admin)
    assert status == 200, saved
    selected = set(full[1:]) | {short[0]}
    expected = {
        "all": set(rows),
        "selected": selected,
        "unselected": set(rows) - selected,
        "below": set(short),
    }
    key_order = [row["attendee_id"] for row in all_pages(api, sid, admin, 50)[0]["items"]]
    for view, wanted in expected.items():
        for limit in (1, 2, 50):
            pages = view_pages(api, sid, admin, view, limit)
            got = [row["attendee_id"] for page in pages for row in page["items"]]
            assert set(got) == wanted and len(got) == len(wanted), (view, limit)
            assert got == [i for i in key_order if i in wanted], "in key order"
            assert all(len(page["items"]) <= limit for page in pages)
            assert {(p["total"], p["preselected_count"], p["selected_count"]) for p in pages} == {(11, 6, 6)}
            for page in pages:
                for row in page["items"]:  # every field as the 全部 view gives it
                    assert row == rows[row["attendee_id"]] | {
                        "selected": row["attendee_id"] in selected,
                        "reason": "迟到一分钟" if row["attendee_id"] == short[0] else None,
                    }

    # A bounded read per request: a short page with the cursor, that goes on to exactly the rest.
    from chalicelib.services import selection

    monkeypatch.setattr(selection, "VIEW_RECORDS", 2)
    monkeypatch.setattr(selection, "VIEW_RECORDS_MAX", 3)
    with counting(monkeypatch) as reads:
        status, first = api.get(f"/sessions/{sid}/selection", admin, limit=50, view="below")
    assert status == 200 and first["next_cursor"] is not None
    assert len(first["items"]) < len(short), "short: the request stopped at its bound"
    assert reads.items <= 2 + 4 + len(first["items"]), "the session, the report, at most 4 records read, the links"
    pages = view_pages(api, sid, admin, "below", 50)
    got = [row["attendee_id"] for page in pages for row in page["items"]]
    assert sorted(got) == short and len(got) == len(short)
    assert len(pages) > 1 and all(page["next_cursor"] for page in pages[:-1])


def test_the_views_after_the_submission_follow_the_frozen_list_and_a_bad_view_is_refused(
    api: Any, crowd: dict, clock: Any
) -> None:
    sid, admin = crowd["sid"], crowd["admin"]
    submit_report(api, crowd, clock, at(10, 19))
    fresh = api.get(f"/sessions/{sid}/selection", admin)[1]
    assert api.post(f"/sessions/{sid}/selection/submit", {"version": fresh["version"]}, admin)[0] == 200
    frozen = set(ExecutionReport.get(sid).selection["selected"])
    got = {row["attendee_id"] for page in view_pages(api, sid, crowd["office"], "selected", 3) for row in page["items"]}
    assert got == frozen and len(got) == 6
    none = {
        row["attendee_id"] for page in view_pages(api, sid, crowd["office"], "unselected", 3) for row in page["items"]
    }
    assert len(none) == 5 and not none & frozen

    status, body = api.get(f"/sessions/{sid}/selection", admin, view="late")
    assert status == 400 and body["error"]["code"] == "VALIDATION_FAILED" and body["error"]["field"] == "view", body
