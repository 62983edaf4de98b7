from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from tests.api.attendance_helpers import ANSWERS, CN, SESSION, approve, id_number, person, tokens_of
from tests.api.test_sessions import NATIONAL


def test_codes_carry_windows_from_the_schedule(approved):
    codes = approved["codes"]
    assert codes["sign_in_url"].startswith("http") and f"/m/in/{approved['sid']}?t=" in codes["sign_in_url"]
    sign_in, sign_out = codes["codes"]
    assert (sign_in["kind"], sign_in["label"], sign_in["state"]) == ("in", "签到", "open")
    assert sign_in["window"] == {
        "kind": "in",
        "day": None,
        "opens": "2026-12-09T23:30:00.000Z",
        "closes": "2026-12-10T08:30:00.000Z",
    }
    assert sign_out["window"]["opens"] == "2026-12-10T08:00:00.000Z" and sign_out["state"] == "not_yet"
    assert sign_out["window"]["closes"] == "2026-12-10T10:30:00.000Z"
    assert sign_in["svg"].startswith("<svg") and "viewBox" in sign_in["svg"]
    assert codes["refresh_seconds"] == 86400
    assert codes["valid_until"] == "2026-12-10T16:00:00.000Z", "day-long codes roll over at China midnight"
    assert [w["kind"] for w in codes["windows"]] == ["in", "out"]


def test_sign_in_then_out_with_hours_and_questionnaire(api, approved, clock):
    sid, tokens = approved["sid"], approved["tokens"]
    status, page = api.get(f"/public/attendance/{sid}/in", t=tokens["in"])
    assert status == 200 and page["state"] == "open" and page["project_name"] == NATIONAL["name"]
    status, body = api.post(f"/public/attendance/{sid}/sign-in", {"t": tokens["in"], **person()})
    assert status == 200 and body["status"] == "signed_in"
    first = body["signed_in_at"]
    clock.now = clock.now + timedelta(minutes=5)
    status, body = api.post(f"/public/attendance/{sid}/sign-in", {"t": tokens["in"], **person(mobile="13800000000")})
    assert (status, body["status"], body["signed_in_at"]) == (200, "already", first), "this phone's repeat"
    listing = api.get(f"/sessions/{sid}/attendance/attendees", approved["org"])[1]["items"]
    assert [(row["signed_in_at"], row["mobile"]) for row in listing] == [(first, "139****5678")], "the first is kept"

    clock.now = datetime(2026, 12, 10, 16, 10, tzinfo=CN)
    status, check = api.post(f"/public/attendance/{sid}/sign-out/lookup", {"t": tokens["out"], "mobile": "13912345678"})
    assert status == 200 and check["name"] == "张*" and check["id_number"] == "*" * 14 + id_number()[-4:]
    assert check["unit"] == "南京***医院", "public answers are masked"
    assert len(check["questionnaire"]["questions"]) == 7
    status, body = api.post(
        f"/public/attendance/{sid}/sign-out",
        {"t": tokens["out"], "mobile": "13912345678", "answers": {**ANSWERS, "q7": ["开阔思路"]}},
    )
    assert status == 400 and body["error"]["field"] == "answers.q7"
    status, body = api.post(
        f"/public/attendance/{sid}/sign-out", {"t": tokens["out"], "id_number": id_number(), "answers": ANSWERS}
    )
    assert status == 200 and body["status"] == "signed_out" and body["hours"] == 5.67
    status, again = api.post(
        f"/public/attendance/{sid}/sign-out", {"t": tokens["out"], "mobile": "13912345678", "answers": ANSWERS}
    )
    assert again["status"] == "already" and again["signed_out_at"] == body["signed_out_at"]

    status, listing = api.get(f"/sessions/{sid}/attendance", approved["admin"])
    assert status == 200 and (listing["signed_in"], listing["signed_out"], listing["incomplete"]) == (1, 1, 0)
    row = api.get(f"/sessions/{sid}/attendance/attendees", approved["admin"])[1]["items"][0]
    assert row["id_number"] == "320102********" + id_number()[-4:] and row["mobile"] == "139****5678"


def test_fifty_identical_sign_ins_make_one_record(api, approved):
    sid, token = approved["sid"], approved["tokens"]["in"]
    answers = [api.post(f"/public/attendance/{sid}/sign-in", {"t": token, **person()})[1] for _ in range(50)]
    assert answers[0]["status"] == "signed_in"
    assert {(a["status"], a["signed_in_at"]) for a in answers[1:]} == {("already", answers[0]["signed_in_at"])}
    assert api.get(f"/sessions/{sid}/attendance", approved["org"])[1]["signed_in"] == 1


def test_codes_of_another_session_kind_or_slot_are_refused(api, approved, clock):
    sid, tokens = approved["sid"], approved["tokens"]
    for token in (tokens["out"], "1." + "A" * 16, "garbage"):
        status, body = api.post(f"/public/attendance/{sid}/sign-in", {"t": token, **person()})
        assert status == 403 and body["error"]["code"] == "CODE_INVALID"
    assert api.get("/public/attendance/ses-nope/in", t=tokens["in"])[0] == 404


def test_short_refresh_codes_expire_after_one_grace_slot(api, roles, national_project, clock):
    fast = approve(api, roles, national_project, {**SESSION, "attendance": {"refresh_seconds": 60}})
    sid, token = fast["sid"], fast["tokens"]["in"]
    assert fast["codes"]["valid_until"] == "2026-12-10T00:01:00.000Z"
    clock.now = clock.now + timedelta(seconds=90)
    assert api.get(f"/public/attendance/{sid}/in", t=token)[1]["state"] == "open", "previous slot is grace"
    clock.now = clock.now + timedelta(seconds=60)
    status, page = api.get(f"/public/attendance/{sid}/in", t=token)
    assert page["state"] == "invalid" and "最新的二维码" in page["message"]
    assert "签到时间：2026-12-10 07:30 至 2026-12-10 16:30" in page["message"], "and when the window is"
    status, body = api.post(f"/public/attendance/{sid}/sign-in", {"t": token, **person()})
    assert status == 403 and body["error"]["code"] == "CODE_INVALID"
    fresh = tokens_of(api.get(f"/sessions/{sid}/attendance/codes", roles["org"])[1])["in"]
    assert api.post(f"/public/attendance/{sid}/sign-in", {"t": fresh, **person()})[1]["status"] == "signed_in"


@pytest.mark.parametrize(
    "moment, state",
    [
        (datetime(2026, 12, 10, 7, 29, tzinfo=CN), "not_yet"),
        (datetime(2026, 12, 10, 7, 30, tzinfo=CN), "open"),
        (datetime(2026, 12, 10, 16, 29, tzinfo=CN), "open"),
        (datetime(2026, 12, 10, 16, 30, tzinfo=CN), "closed"),
    ],
)
def test_sign_in_window_edges(api, approved, clock, moment, state):
    clock.now = moment
    status, page = api.get(f"/public/attendance/{approved['sid']}/in", t=approved["tokens"]["in"])
    assert page["state"] == state, page["message"]
    if state != "open":
        status, body = api.post(
            f"/public/attendance/{approved['sid']}/sign-in", {"t": approved["tokens"]["in"], **person()}
        )
        assert status == 403 and body["error"]["code"] in ("WINDOW_NOT_OPEN", "WINDOW_CLOSED")
        assert "签到时间：2026-12-10 07:30 至 2026-12-10 16:30" in body["error"]["message"]


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"id_number": "32010219900307123" + "0"}, "id_number"),
        ({"id_number": "1234"}, "id_number"),
        ({"gender": "female"}, "gender"),
        ({"age": 50}, "age"),
        ({"mobile": "12345678901"}, "mobile"),
    ],
)
def test_bad_identity_data_is_refused_with_the_field(api, approved, changes, field):
    status, body = api.post(
        f"/public/attendance/{approved['sid']}/sign-in", {"t": approved["tokens"]["in"], **person(**changes)}
    )
    assert status == 400 and body["error"]["field"] == field


def test_sign_out_without_sign_in_changes_nothing(api, approved, clock):
    clock.now = datetime(2026, 12, 10, 16, 10, tzinfo=CN)
    status, body = api.post(
        f"/public/attendance/{approved['sid']}/sign-out",
        {"t": approved["tokens"]["out"], "mobile": "13700000000", "answers": ANSWERS},
    )
    assert status == 404 and body["error"]["code"] == "NOT_SIGNED_IN"
    assert api.get(f"/sessions/{approved['sid']}/attendance", approved["org"])[1]["signed_in"] == 0


def test_personal_data_never_reaches_the_logs(api, approved, caplog):
    from chalicelib.observability import logger

    caplog.set_level("INFO", logger="cme-credits")
    api.post(f"/public/attendance/{approved['sid']}/sign-in", {"t": approved["tokens"]["in"], **person()})
    api.post(f"/public/attendance/{approved['sid']}/sign-in", {"t": approved["tokens"]["in"], **person(age=70)})
    formatter = logger.registered_handler.formatter
    out = "\n".join(formatter.format(record) for record in caplog.records)
    assert caplog.records and id_number() not in out and "13912345678" not in out and "张三" not in out
