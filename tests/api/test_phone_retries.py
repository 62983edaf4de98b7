"""The phone pages resend a sign-in or sign-out whose answer was lost (network failure, 429) with backoff
(web/src/shared/retry.ts): the very same body, so the server must know every resend as the first request."""

from __future__ import annotations

from datetime import datetime, timedelta

from tests.api.attendance_helpers import ANSWERS, CN, person

BACKOFF = (0.5, 1, 2, 4)  # seconds between the phone's tries (web/src/shared/retry.ts, before jitter)


def test_a_resent_sign_in_answers_already_with_the_first_time(api, approved, clock):
    sid, token = approved["sid"], approved["tokens"]["in"]
    body = {"t": token, **person()}
    status, first = api.post(f"/public/attendance/{sid}/sign-in", body)  # its answer never reached the phone
    assert status == 200 and first["status"] == "signed_in"
    for wait in BACKOFF:
        clock.now = clock.now + timedelta(seconds=wait)
        status, again = api.post(f"/public/attendance/{sid}/sign-in", body)
        assert status == 200 and again["status"] == "already"
        assert again["signed_in_at"] == first["signed_in_at"] and again["name"] == first["name"] == "张*"
    counts = api.get(f"/sessions/{sid}/attendance", approved["org"])[1]
    roster = api.get(f"/sessions/{sid}/attendance/attendees", approved["org"])[1]
    assert counts["signed_in"] == 1 and [row["signed_in_at"] for row in roster["items"]] == [first["signed_in_at"]]
    other = api.post(f"/public/attendance/{sid}/sign-in", {"t": token, **person(client_id="phone-2")})[1]
    assert other["status"] == "elsewhere", "the same number from another phone is no resend"


def test_a_resent_sign_out_answers_already_with_the_first_time(api, approved, clock):
    sid, tokens = approved["sid"], approved["tokens"]
    assert api.post(f"/public/attendance/{sid}/sign-in", {"t": tokens["in"], **person()})[0] == 200
    clock.now = datetime(2026, 12, 10, 16, 10, tzinfo=CN)
    body = {"t": tokens["out"], "mobile": "13912345678", "answers": ANSWERS}
    status, first = api.post(f"/public/attendance/{sid}/sign-out", body)
    assert status == 200 and first["status"] == "signed_out"
    for wait in BACKOFF:
        clock.now = clock.now + timedelta(seconds=wait)
        status, again = api.post(f"/public/attendance/{sid}/sign-out", body)
        assert status == 200 and again["status"] == "already" and again["signed_out_at"] == first["signed_out_at"]
    assert api.get(f"/sessions/{sid}/attendance", approved["org"])[1]["signed_out"] == 1
