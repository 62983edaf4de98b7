"""Attendance around the scans: settings and windows, daily mode, rejected scans, flags, the questionnaire,
the scheduled close, the Excel export and the encrypted ID copy."""

from __future__ import annotations

import io
from datetime import datetime, timedelta

import pytest
from openpyxl import load_workbook

from chalicelib.container import services
from chalicelib.models import Attendance
from chalicelib.services import identity
from chalicelib.services.scan_rejections import REJECTION_ROWS_PER_ADDRESS
from chalicelib.timeutil import parse_instant
from tests.api.attendance_helpers import ANSWERS, CN, SESSION, approve, id_number, person, tokens_of
from tests.api.jobs_helpers import export
from tests.api.test_projects import fetch

TWO_DAYS = {
    **SESSION,
    "end_date": "2026-12-11",
    "schedule": [
        *SESSION["schedule"],
        {"date": "2026-12-11", "start": "09:00", "end": "12:00", "topic": "次日", "lecturer": "赵", "hours": 3},
    ],
}
OTHER = id_number("32010219851111431")


def sign_in(api, session, **changes):
    return api.post(f"/public/attendance/{session['sid']}/sign-in", {"t": session["tokens"]["in"], **person(**changes)})


def sign_out(api, session, **identify):
    body = {"t": session["tokens"]["out"], "answers": ANSWERS, **(identify or {"id_number": id_number()})}
    return api.post(f"/public/attendance/{session['sid']}/sign-out", body)


# --- settings and windows -------------------------------------------------------------------------


def test_session_shows_its_attendance_settings_and_windows_to_reviewers(api, roles, national_project):
    body = {**SESSION, "attendance": {"sign_in_opens_before": 30, "sign_out_closes_after": 60, "refresh_seconds": 300}}
    status, session = api.post(f"/projects/{national_project}/sessions", body, roles["org"])
    assert status == 201
    assert session["attendance"] == {
        "mode": "whole",
        "refresh_seconds": 300,
        "sign_in_opens_before": 30,
        "sign_in_closes_after": 0,
        "sign_out_opens_before": 30,
        "sign_out_closes_after": 60,
    }
    assert session["windows"][0] == {
        "kind": "in",
        "day": None,
        "opens": "2026-12-10T00:00:00.000Z",
        "closes": "2026-12-10T08:30:00.000Z",
    }
    assert session["windows"][1]["closes"] == "2026-12-10T09:30:00.000Z"
    status, seen = api.get(f"/sessions/{session['session_id']}", roles["admin"])
    assert status == 200 and seen["windows"] == session["windows"]


@pytest.mark.parametrize(
    "attendance, field, code",
    [
        ({"refresh_seconds": 10}, "attendance.refresh_seconds", "VALIDATION_FAILED"),
        ({"mode": "hourly"}, "attendance.mode", "VALIDATION_FAILED"),
        ({"sign_in_opens_before": 0, "sign_in_closes_after": -480}, "attendance.sign_in_closes_after", "WINDOW_EMPTY"),
    ],
)
def test_unusable_attendance_settings_are_refused(api, roles, national_project, attendance, field, code):
    status, body = api.post(
        f"/projects/{national_project}/sessions", {**SESSION, "attendance": attendance}, roles["org"]
    )
    assert status == 400 and body["error"]["field"] == field
    if code != "VALIDATION_FAILED":
        assert body["error"]["code"] == code


def test_daily_overlap_is_refused_and_settings_are_editable_until_submitted(api, roles, national_project):
    overlapping = {**TWO_DAYS, "attendance": {"mode": "daily", "sign_out_closes_after": 1440}}
    status, body = api.post(f"/projects/{national_project}/sessions", overlapping, roles["org"])
    assert status == 400 and body["error"]["code"] == "WINDOW_OVERLAP"
    session = api.post(f"/projects/{national_project}/sessions", TWO_DAYS, roles["org"])[1]
    update = {k: v for k, v in TWO_DAYS.items() if k != "seq"} | {"attendance": {"mode": "daily"}}
    status, changed = api.call("PUT", f"/sessions/{session['session_id']}", update, roles["org"])
    assert status == 200 and [w["day"] for w in changed["windows"]] == ["2026-12-10"] * 2 + ["2026-12-11"] * 2


def test_the_form_previews_windows_as_saving_computes_them(api, roles, national_project):
    times = [{k: block[k] for k in ("date", "start", "end")} for block in TWO_DAYS["schedule"]]
    status, defaults = api.post("/attendance/windows", {}, roles["org"])
    assert status == 200 and defaults == {
        "attendance": {
            "mode": "whole",
            "refresh_seconds": 86400,
            "sign_in_opens_before": 60,
            "sign_in_closes_after": 0,
            "sign_out_opens_before": 30,
            "sign_out_closes_after": 120,
        },
        "windows": [],
    }
    settings = {"mode": "daily", "sign_in_opens_before": 90}
    status, preview = api.post("/attendance/windows", {"schedule": times, "attendance": settings}, roles["org"])
    saved = api.post(f"/projects/{national_project}/sessions", {**TWO_DAYS, "attendance": settings}, roles["org"])[1]
    assert status == 200 and preview == {"attendance": saved["attendance"], "windows": saved["windows"]}
    assert [w["day"] for w in preview["windows"]] == ["2026-12-10"] * 2 + ["2026-12-11"] * 2
    backwards = [{"date": "2026-12-10", "start": "10:00", "end": "09:00"}]
    assert api.post("/attendance/windows", {"schedule": backwards}, roles["org"])[1]["windows"] == []
    one_day = [{k: block[k] for k in ("date", "start", "end")} for block in SESSION["schedule"]]
    empty = {"schedule": one_day, "attendance": {"sign_in_opens_before": 0, "sign_in_closes_after": -480}}
    status, body = api.post("/attendance/windows", empty, roles["org"])
    assert status == 400 and body["error"]["code"] == "WINDOW_EMPTY"
    assert body["error"]["field"] == "attendance.sign_in_closes_after"
    overlapping = {"schedule": times, "attendance": {"mode": "daily", "sign_out_closes_after": 1440}}
    assert api.post("/attendance/windows", overlapping, roles["org"])[1]["error"]["code"] == "WINDOW_OVERLAP"


# --- daily mode -----------------------------------------------------------------------------------


def test_daily_mode_keeps_one_pair_per_day_with_that_days_hours(api, roles, national_project, clock):
    daily = approve(api, roles, national_project, {**TWO_DAYS, "attendance": {"mode": "daily"}})
    assert sign_in(api, daily)[1]["status"] == "signed_in"
    clock.now = datetime(2026, 12, 10, 16, 40, tzinfo=CN)
    assert sign_out(api, daily)[1]["hours"] == 6
    clock.now = datetime(2026, 12, 11, 8, 30, tzinfo=CN)
    assert sign_in(api, daily)[1]["status"] == "signed_in", "a new day, a new sign-in"
    assert sign_in(api, daily)[1]["status"] == "already", "a repeat writes nothing"
    clock.now = datetime(2026, 12, 11, 11, 45, tzinfo=CN)
    status, check = api.post(
        f"/public/attendance/{daily['sid']}/sign-out/lookup", {"t": daily["tokens"]["out"], "mobile": "13912345678"}
    )
    assert status == 200 and check["signed_out_at"] is None, "today's record, not yesterday's"
    assert sign_out(api, daily, mobile="13912345678")[1]["hours"] == 2.75
    listing = api.get(f"/sessions/{daily['sid']}/attendance", roles["org"])[1]
    roster = api.get(f"/sessions/{daily['sid']}/attendance/attendees", roles["org"])[1]
    assert [(row["day"], row["hours"], row["status"]) for row in roster["items"]] == [
        ("2026-12-10", 6, "signed_out"),
        ("2026-12-11", 2.75, "signed_out"),
    ]
    assert listing["flagged"] == 0, "the same person on two days is not suspicious"


# --- rejected scans and flags ---------------------------------------------------------------------


def test_rejected_scans_are_listed_with_reasons_and_masked_ids(api, approved, clock):
    sid = approved["sid"]
    assert sign_in(api, approved, gender="female")[0] == 400
    clock.now += timedelta(minutes=1)
    api.get(f"/public/attendance/{sid}/out", t=approved["tokens"]["out"])  # before the sign-out window
    clock.now += timedelta(minutes=1)
    assert api.post(f"/public/attendance/{sid}/sign-in", {"t": "1.forged", **person()})[0] == 403
    status, page = api.get(f"/sessions/{sid}/attendance/rejections", approved["org"], limit=2)
    assert status == 200 and len(page["items"]) == 2 and page["next_cursor"]
    rest = api.get(f"/sessions/{sid}/attendance/rejections", approved["org"], limit=2, cursor=page["next_cursor"])
    items = page["items"] + rest[1]["items"]
    assert [(r["kind"], r["code"]) for r in items] == [
        ("in", "CODE_INVALID"),
        ("out", "WINDOW_NOT_OPEN"),
        ("in", "GENDER_MISMATCH"),
    ]
    assert items[2]["id_number"] == identity.mask_id(id_number()) and "签退时间" in items[1]["message"]
    assert api.get(f"/sessions/{sid}/attendance/rejections", approved["office"])[0] == 200


def test_repeated_refusals_from_one_source_are_one_counted_row(api, approved, clock):
    sid, stale = approved["sid"], approved["tokens"]["out"]
    for _ in range(5):  # a phone reloading the sign-out page before its window
        api.get(f"/public/attendance/{sid}/out", t=stale)
        clock.now += timedelta(seconds=5)
    for client in ("phone-a", "phone-b"):  # two phones, one wrong gender each
        assert sign_in(api, approved, gender="female", client_id=client)[0] == 400
    items = api.get(f"/sessions/{sid}/attendance/rejections", approved["org"])[1]["items"]
    rows = sorted((r["code"], r["repeats"]) for r in items)
    assert rows == [("GENDER_MISMATCH", 1), ("GENDER_MISMATCH", 1), ("WINDOW_NOT_OPEN", 5)]
    window = next(r for r in items if r["code"] == "WINDOW_NOT_OPEN")
    assert (parse_instant(window["last_at"]) - parse_instant(window["at"])).total_seconds() == 20


def test_a_flood_from_one_address_stays_a_few_rows(api, approved):
    sid = approved["sid"]
    for n in range(REJECTION_ROWS_PER_ADDRESS + 30):  # every request a different phone and ID number
        forged = {"t": "1.forged", **person(client_id=f"flood-{n}")}
        assert api.post(f"/public/attendance/{sid}/sign-in", forged)[0] == 403
    items = api.get(f"/sessions/{sid}/attendance/rejections", approved["org"], limit=100)[1]["items"]
    assert len(items) == REJECTION_ROWS_PER_ADDRESS + 1
    assert sum(r["repeats"] for r in items) == REJECTION_ROWS_PER_ADDRESS + 30, "every refusal is counted"
    (folded,) = [r for r in items if r["repeats"] > 1]
    assert (folded["repeats"], folded["id_number"]) == (30, None), "the folded row names nobody"


def test_one_phone_submitting_several_ids_is_flagged_not_blocked(api, approved):
    assert sign_in(api, approved)[0] == 200
    assert sign_in(api, approved, id_number=OTHER, name="李四", age=41, mobile="13800000001")[0] == 200
    assert sign_in(api, approved, id_number=id_number("32010219900101123"), client_id="phone-2", name="王五")[0] == 200
    listing = api.get(f"/sessions/{approved['sid']}/attendance", approved["org"])[1]
    roster = api.get(f"/sessions/{approved['sid']}/attendance/attendees", approved["org"])[1]
    flags = {row["name"]: [flag["code"] for flag in row["flags"]] for row in roster["items"]}
    assert listing["signed_in"] == 3 and listing["flagged"] == 3, flags
    assert flags["李四"] == ["SHARED_DEVICE"]
    assert sorted(sum(flags.values(), [])) == ["SHARED_DEVICE", "SHARED_DEVICE", "SHARED_MOBILE", "SHARED_MOBILE"]
    assert roster["items"][0]["flags"][0]["label"] == "同一手机提交了多个身份证号"


# --- questionnaire --------------------------------------------------------------------------------

NEW_QUESTIONS = {
    "questions": [
        {"text": "本次培训总体评价", "type": "single", "options": ["好", "一般", "差"]},
        {"text": "最希望增加的内容", "type": "multiple", "choose": 1, "options": ["病例讨论", "操作示范", "前沿进展"]},
    ]
}


def test_office_publishes_a_questionnaire_version_that_later_approvals_use(api, roles, national_project, clock):
    before = approve(api, roles, national_project, SESSION)
    assert api.post("/questionnaires", NEW_QUESTIONS, roles["admin"])[0] == 403
    assert api.get("/questionnaires", roles["org"])[0] == 403
    status, created = api.post("/questionnaires", NEW_QUESTIONS, roles["office"])
    assert status == 201 and created["version"] == "2" and [q["id"] for q in created["questions"]] == ["q1", "q2"]
    assert api.get("/questionnaires/current", roles["org"])[1]["version"] == "2"
    assert [t["version"] for t in api.get("/questionnaires", roles["office"])[1]["items"]] == ["2", "1"]
    after = approve(api, roles, national_project, {**SESSION, "seq": 2})

    assert sign_in(api, before)[0] == sign_in(api, after)[0] == 200
    clock.now = datetime(2026, 12, 10, 16, 10, tzinfo=CN)
    lookup = {"t": after["tokens"]["out"], "mobile": "13912345678"}
    check = api.post(f"/public/attendance/{after['sid']}/sign-out/lookup", lookup)[1]
    assert check["questionnaire"]["version"] == "2"
    assert sign_out(api, after)[0] == 400, "the old answers do not fit the new version"
    answers = {"q1": "好", "q2": ["操作示范"]}
    body = {"t": after["tokens"]["out"], "mobile": "13912345678", "answers": answers}
    assert api.post(f"/public/attendance/{after['sid']}/sign-out", body)[0] == 200
    assert sign_out(api, before)[0] == 200, "a session approved earlier keeps version 1"

    stats = api.get(f"/sessions/{after['sid']}/attendance/questionnaire", roles["admin"])[1]
    assert stats["version"] == "2" and stats["responses"] == 1
    assert stats["questions"][1]["options"] == [
        {"option": "病例讨论", "count": 0},
        {"option": "操作示范", "count": 1},
        {"option": "前沿进展", "count": 0},
    ]
    old = api.get(f"/sessions/{before['sid']}/attendance/questionnaire", roles["office"])[1]
    assert old["version"] == "1" and old["questions"][6]["options"][0] == {"option": "开阔思路", "count": 1}


@pytest.mark.parametrize(
    "question, field",
    [
        ({"text": "多选", "type": "multiple", "choose": 3, "options": ["a", "b", "c"]}, "questions.0"),
        ({"text": "多选", "type": "multiple", "options": ["a", "b", "c"]}, "questions.0"),
        ({"text": "重复", "type": "single", "options": ["a", "a"]}, "questions.0.options"),
        ({"text": "", "type": "single", "options": ["a", "b"]}, "questions.0.text"),
    ],
)
def test_questionnaire_versions_are_validated(api, roles, question, field):
    status, body = api.post("/questionnaires", {"questions": [question]}, roles["office"])
    assert status == 400 and body["error"]["field"] == field


# --- scheduled close ------------------------------------------------------------------------------


def test_the_scheduled_function_runs_the_close_as_eventbridge_calls_it(api, approved, clock, monkeypatch):
    import app
    from chalicelib.handlers import schedules as scheduled_functions
    from localdev.schedules import scheduled_event, scheduled_handlers

    assert sign_in(api, approved)[0] == 200
    schedules = {name: (interval, handler) for name, interval, handler in scheduled_handlers(app.app)}
    assert schedules["credit-deadline-reminders"][0] == 86400
    name = "close-attendance-windows"
    interval, handler = schedules[name]
    assert interval == 300
    monkeypatch.setattr(scheduled_functions, "utc_now", lambda: datetime(2026, 12, 10, 18, 35, tzinfo=CN))
    handler(scheduled_event(name), None)
    clock.now = datetime(2026, 12, 10, 18, 35, tzinfo=CN)
    (row,) = api.get(f"/sessions/{approved['sid']}/attendance/attendees", approved["org"])[1]["items"]
    assert row["status"] == "incomplete" and row["hours"] == 0
    assert Attendance.get(approved["sid"], next(iter(Attendance.query(approved["sid"]))).attendee_key).missing_sign_out


def test_scheduled_close_marks_missing_sign_outs_and_kills_old_codes(api, approved, clock):
    assert sign_in(api, approved)[0] == 200
    assert sign_in(api, approved, id_number=OTHER, name="李四", age=41, mobile="13800000001")[0] == 200
    clock.now = datetime(2026, 12, 10, 16, 10, tzinfo=CN)
    assert sign_out(api, approved)[0] == 200
    attendance = services().attendance_close
    assert attendance.close_due(datetime(2026, 12, 10, 18, 29, tzinfo=CN)) == 0, "window still open"
    clock.now = datetime(2026, 12, 10, 18, 31, tzinfo=CN)
    assert attendance.close_due(clock.now) == 1
    assert attendance.close_due(clock.now) == 0, "a second run finds nothing to do"
    listing = api.get(f"/sessions/{approved['sid']}/attendance/attendees", approved["org"])[1]
    rows = {row["name"]: row for row in listing["items"]}
    assert (rows["李四"]["status"], rows["李四"]["hours"]) == ("incomplete", 0)
    assert rows["张三"]["status"] == "signed_out" and rows["张三"]["hours"] > 0
    counts = api.get(f"/sessions/{approved['sid']}/attendance", approved["org"])[1]
    assert (counts["signed_out"], counts["incomplete"]) == (1, 1)
    new_tokens = tokens_of(api.get(f"/sessions/{approved['sid']}/attendance/codes", approved["org"])[1])
    assert new_tokens["in"] != approved["tokens"]["in"], "the secret was replaced"
    clock.now = datetime(2026, 12, 10, 12, 0, tzinfo=CN)  # even back inside the window, old codes are dead
    assert sign_in(api, approved, id_number=id_number("32010219900101123"))[1]["error"]["code"] == ("CODE_INVALID")


def test_scheduled_close_of_a_daily_session_goes_day_by_day(api, roles, national_project, clock):
    daily = approve(api, roles, national_project, {**TWO_DAYS, "attendance": {"mode": "daily"}})
    assert sign_in(api, daily)[0] == 200
    attendance = services().attendance_close
    assert attendance.close_due(datetime(2026, 12, 10, 19, 0, tzinfo=CN)) == 1
    clock.now = datetime(2026, 12, 11, 8, 30, tzinfo=CN)
    fresh = {**daily, "tokens": tokens_of(api.get(f"/sessions/{daily['sid']}/attendance/codes", roles["org"])[1])}
    assert sign_in(api, fresh)[1]["status"] == "signed_in"
    assert attendance.close_due(datetime(2026, 12, 11, 14, 0, tzinfo=CN)) == 1
    assert attendance.close_due(datetime(2026, 12, 12, 0, 0, tzinfo=CN)) == 0
    roster = api.get(f"/sessions/{daily['sid']}/attendance/attendees", roles["org"])[1]["items"]
    statuses = [row["status"] for row in roster]
    assert statuses == ["incomplete", "incomplete"]


# --- export and privacy ---------------------------------------------------------------------------


def test_excel_export_has_masked_ids_and_china_times(api, approved):
    assert sign_in(api, approved)[0] == 200
    status, body = export(api, f"/sessions/{approved['sid']}/attendance/export", approved["admin"])
    assert status == 200 and body["filename"].startswith("签到名单-") and body["filename"].endswith(".xlsx")
    rows = list(load_workbook(io.BytesIO(fetch(body["url"]))).active.iter_rows(values_only=True))
    assert rows[0][:3] == ("序号", "姓名", "身份证号") and len(rows) == 2
    assert rows[1][1] == "张三" and rows[1][2] == identity.mask_id(id_number()) and rows[1][5] == "139****5678"
    assert rows[1][13:15] == ("2026-12-10", "2026-12-10 08:00") and rows[1][17] == "在场"
    assert id_number() not in repr(rows)


def test_excel_date_is_the_china_date_of_the_sign_in_or_the_records_day(api, roles, national_project, clock):
    early = {**TWO_DAYS, "attendance": {"sign_in_opens_before": 60}}
    whole = approve(api, roles, national_project, early)
    clock.now = datetime(2026, 12, 10, 7, 40, tzinfo=CN)  # still 2026-12-09 in UTC
    assert sign_in(api, whole)[1]["status"] == "signed_in"
    status, body = export(api, f"/sessions/{whole['sid']}/attendance/export", roles["org"])
    rows = list(load_workbook(io.BytesIO(fetch(body["url"]))).active.iter_rows(values_only=True))
    assert status == 200 and rows[0][13] == "日期" and rows[1][13:15] == ("2026-12-10", "2026-12-10 07:40")

    daily = approve(api, roles, national_project, {**TWO_DAYS, "seq": 2, "attendance": {"mode": "daily"}})
    clock.now = datetime(2026, 12, 10, 8, 10, tzinfo=CN)
    assert sign_in(api, daily)[1]["status"] == "signed_in"
    clock.now = datetime(2026, 12, 11, 8, 30, tzinfo=CN)
    assert sign_in(api, daily)[1]["status"] == "signed_in"
    status, body = export(api, f"/sessions/{daily['sid']}/attendance/export", roles["org"])
    rows = list(load_workbook(io.BytesIO(fetch(body["url"]))).active.iter_rows(values_only=True))
    assert [row[13] for row in rows[1:]] == ["2026-12-10", "2026-12-11"]


def test_the_id_number_is_kept_only_encrypted_and_bound_to_its_record(api, approved):
    assert sign_in(api, approved)[0] == 200
    (record,) = Attendance.query(approved["sid"])
    assert id_number() not in record.id_encrypted
    settings_key = services().signing._id_key  # noqa: SLF001 - the configured key, as an operator would hold it
    context = f"{approved['sid']}|{record.attendee_key}"
    assert identity.unseal(record.id_encrypted, settings_key, context) == id_number()
    with pytest.raises(Exception):  # noqa: B017 - any authentication failure
        identity.unseal(record.id_encrypted, settings_key, f"{approved['sid']}|another")


def test_codes_are_for_the_organizer_and_admin_only(api, approved, roles):
    assert api.get(f"/sessions/{approved['sid']}/attendance/codes", roles["admin"])[0] == 200
    assert api.get(f"/sessions/{approved['sid']}/attendance/codes", roles["office"])[0] == 403
    session = api.post(f"/projects/{approved['pid']}/sessions", {**SESSION, "seq": 2}, roles["org"])[1]
    status, body = api.get(f"/sessions/{session['session_id']}/attendance/codes", roles["org"])
    assert status == 409 and body["error"]["code"] == "SESSION_NOT_APPROVED"


def test_windows_follow_china_time_when_they_close(api, approved, clock):
    clock.now = datetime(2026, 12, 10, 18, 30, tzinfo=CN) - timedelta(seconds=1)
    assert api.get(f"/public/attendance/{approved['sid']}/out", t=approved["tokens"]["out"])[1]["state"] == "open"
    clock.now += timedelta(seconds=1)
    page = api.get(f"/public/attendance/{approved['sid']}/out", t=approved["tokens"]["out"])[1]
    assert page["state"] == "closed" and "2026-12-10 16:00 至 2026-12-10 18:30" in page["message"]


def test_code_downloads_are_the_current_code_as_png_svg_and_a4_poster(api, approved):
    from PIL import Image
    from pypdf import PdfReader

    from tests.unit.rendering_helpers import decode_qr

    sid, url = approved["sid"], approved["codes"]["sign_in_url"]
    status, png = api.get(f"/sessions/{sid}/attendance/codes/in/file", approved["org"], format="png")
    assert status == 200 and png["filename"].endswith(".png") and png["filename"].startswith("签到二维码-")
    assert decode_qr(Image.open(io.BytesIO(fetch(png["url"])))) == [(url, "M")]
    status, svg = api.get(f"/sessions/{sid}/attendance/codes/out/file", approved["admin"], format="svg")
    assert status == 200 and fetch(svg["url"]).startswith(b"<svg")
    status, pdf = api.get(f"/sessions/{sid}/attendance/codes/in/file", approved["org"], format="pdf")
    assert status == 200 and pdf["filename"].endswith("-海报.pdf")
    reader = PdfReader(io.BytesIO(fetch(pdf["url"])))
    text = reader.pages[0].extract_text()
    assert len(reader.pages) == 1 and round(float(reader.pages[0].mediabox.width)) == 595
    assert "注册签到二维码" in text and SESSION["venue"] in text and "2026-12-10 07:30" in text
    status, body = api.get(f"/sessions/{sid}/attendance/codes/in/file", approved["org"], format="gif")
    assert status == 400 and body["error"]["field"] == "format"
