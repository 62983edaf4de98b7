"""The reports read aggregates: after sign-ins, sign-outs, the close, the grant and a revocation, and after retried
and concurrent closes, grants and sign-outs, they say what a recount of the raw records says (tests/api/
report_oracle.py), and a reading costs the same whatever the number of sessions."""

from __future__ import annotations

import threading
from datetime import datetime

import pytest

from chalicelib.container import services
from chalicelib.models import Aggregate, Session
from chalicelib.schemas.attendance import SignOut
from chalicelib.services import aggregates
from tests.api import report_oracle as oracle
from tests.api.attendance_helpers import ANSWERS, CN, SESSION, approve, id_number, person
from tests.api.test_reports import KUNSHAN, NANJING, SHANGHAI, grant, held, on
from tests.api.test_reports import today as today  # the fixture


def agrees(api, roles, year: int = 2026) -> dict:
    """Both year reports equal the recount; the organisation's report."""
    hospital = api.get("/auth/me", roles["admin"])[1]["org_id"]
    status, report = api.get("/reports/organisations", roles["admin"], year=year)
    assert status == 200, report
    expected = oracle.organisation(hospital, year)
    assert {key: report[key] for key in expected} == expected
    status, province = api.get("/reports/province", roles["office"], year=year)
    assert status == 200, province
    expected = oracle.province(year)
    assert {key: province[key] for key in expected} == expected
    assert province["as_of"] and report["as_of"]
    return report


def test_reports_agree_with_a_recount_through_close_grant_revocation_and_retries(api, roles, national_project, today):
    october = held(api, roles, national_project, today, "2026-10-15", 1, (NANJING, SHANGHAI))
    report = agrees(api, roles)
    assert (report["sessions_held"], report["attendees"], report["credited_attendees"]) == (1, 2, 0)
    grant(api, roles, october, lecturer_hours=2)
    december = held(api, roles, national_project, today, "2026-12-10", 2, (NANJING,), (KUNSHAN,))
    report = agrees(api, roles)
    assert (report["attendees"], report["credited_attendees"], report["credits_granted"]) == (3, 2, 4.0)
    grant(api, roles, december)
    agrees(api, roles)

    for sid in (october["sid"], december["sid"]):  # a retried close or grant counts nobody twice
        assert aggregates.settle(Session.get(sid)) is True
        assert aggregates.settle(Session.get(sid)) is True
    assert services().attendance_close.close_due(datetime(2026, 12, 31, 23, 0, tzinfo=CN)) == 0
    report = agrees(api, roles)
    assert (report["attendees"], report["credited_attendees"], report["credits_granted"]) == (3, 2, 6.0)

    number = api.get(f"/sessions/{december['sid']}/certificates", roles["office"])[1]["items"][0]["certificate_no"]
    status, body = api.post(f"/certificates/{number}/revoke", {"reason": "信息有误"}, roles["office"])
    assert status == 200, body
    agrees(api, roles)  # the credit record stands: revocation changes the person's ledger, not the session's grant

    stored = api.get(f"/reports/sessions/{december['sid']}", roles["admin"])[1]
    assert (stored["signed_in"], stored["signed_out"], stored["attendees"], stored["credits_granted"]) == (2, 1, 2, 2)


def test_a_session_counts_as_held_from_approval_and_overdue_once_noticed(api, roles, national_project, today):
    session = held(api, roles, national_project, today, "2026-12-10", 1, (NANJING,))
    services().reminders.send(datetime(2026, 12, 25, 8, 0, tzinfo=CN))
    report = agrees(api, roles)
    assert (report["sessions_held"], report["overdue"]) == (1, 1)
    services().reminders.send(datetime(2026, 12, 26, 8, 0, tzinfo=CN))  # noticed once: not counted again
    assert agrees(api, roles)["overdue"] == 1
    extension = {"until": "2026-12-31", "reason": "会务延误"}
    assert api.post(f"/sessions/{session['sid']}/deadline-extension", extension, roles["office"])[0] == 200
    assert agrees(api, roles)["overdue"] == 0


@pytest.fixture
def serialised(monkeypatch):
    """DynamoDB applies each request atomically; moto in-process does not across threads, so its dispatch is
    serialised as the real service is (requests of concurrent writers still interleave)."""
    from moto.core.botocore_stubber import BotocoreStubber

    dispatch, one_request = BotocoreStubber.__call__, threading.Lock()

    def atomic(self, *args, **kwargs):
        with one_request:
            return dispatch(self, *args, **kwargs)

    monkeypatch.setattr(BotocoreStubber, "__call__", atomic)


def test_concurrent_sign_outs_and_concurrent_settles_count_everyone_once(
    api, roles, national_project, today, serialised
):
    people = [
        person(id_number=id_number(f"32010219900307{2 * i + 201:03d}"), mobile=f"1390000{i:04d}", client_id=f"c{i}")
        for i in range(6)
    ]
    session = held(api, roles, national_project, today, "2026-11-20", 1, (), people)  # closed: all incomplete
    sid = session["sid"]
    Aggregate(*aggregates.place_of(Session.get(sid)).session_key(sid)).delete()  # as before the aggregates
    for item in Aggregate.scan():
        item.delete()
    report = api.get("/reports/organisations", roles["admin"], year=2026)[1]
    assert (report["sessions_held"], report["attendees"]) == (0, 0)

    # a second session of the same people, signed out at once from six phones
    today.now = datetime(2026, 11, 21, 8, 0, tzinfo=CN)
    second = approve(api, roles, national_project, {**on("2026-11-21", SESSION), "seq": 2})
    for who in people:
        body = {"t": second["tokens"]["in"], **who}
        assert api.post(f"/public/attendance/{second['sid']}/sign-in", body)[0] == 200
    today.now = datetime(2026, 11, 21, 16, 40, tzinfo=CN)
    codes = api.get(f"/sessions/{second['sid']}/attendance/codes", roles["org"])[1]
    token = next(c["url"].split("t=")[1] for c in codes["codes"] if c["kind"] == "out")
    barrier = threading.Barrier(len(people))

    def sign_out(who: dict) -> None:
        barrier.wait()
        body = SignOut(t=token, id_number=who["id_number"], answers=ANSWERS)
        services().signing.sign_out(second["sid"], body, "10.0.0.1")

    run_all([threading.Thread(target=sign_out, args=(who,)) for who in people])
    services().attendance_close.close_due(datetime(2026, 11, 21, 23, 0, tzinfo=CN))

    # the first session settled by two runs at once (a retried close racing another)
    first = Session.get(sid)
    barrier = threading.Barrier(2)

    def settle() -> None:
        barrier.wait()
        aggregates.settle(first)

    run_all([threading.Thread(target=settle) for _ in range(2)])
    report = agrees(api, roles)
    assert (report["sessions_held"], report["attendees"]) == (2, 6), "six people, two sessions: counted once"
    assert report["by_month"][10]["attendees"] == 6
    totals = aggregates.stored(Session.get(second["sid"]))
    assert totals is not None and (totals.signed_out, totals.people_counted) == (6, 6)


def test_a_close_out_of_time_counts_the_rest_next_run(api, roles, national_project, today, monkeypatch):
    people = [
        person(id_number=id_number(f"32010219900307{2 * i + 301:03d}"), mobile=f"1391000{i:04d}", client_id=f"d{i}")
        for i in range(5)
    ]
    monkeypatch.setattr(aggregates, "CHUNK", 2)
    looks = iter([True, True, False])  # the close's look before the session, then the counting's chunks
    monkeypatch.setattr(
        services().attendance_close, "close_due", _with_budget(services().attendance_close.close_due, looks)
    )
    session = held(api, roles, national_project, today, "2026-12-10", 1, people)
    totals = aggregates.stored(Session.get(session["sid"]))
    assert totals is not None and totals.people_after and totals.people_counted is None, "half counted"
    assert Session.get(session["sid"]).attendance_open == "open", "still due: the next run goes on"
    assert api.get("/reports/organisations", roles["admin"], year=2026)[1]["attendees"] == 2
    monkeypatch.undo()
    assert services().attendance_close.close_due(datetime(2026, 12, 10, 23, 5, tzinfo=CN)) == 1
    assert agrees(api, roles)["attendees"] == 5


def _with_budget(close_due, looks):
    def run(now):
        return close_due(now, budget=lambda: next(looks, False))

    return run


def run_all(threads: list[threading.Thread]) -> None:
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def test_the_backfill_builds_the_aggregates_of_existing_sessions_and_can_run_again(api, roles, national_project, today):
    from scripts.backfill_aggregates import backfill

    october = held(api, roles, national_project, today, "2026-10-15", 1, (NANJING, SHANGHAI))
    grant(api, roles, october)
    held(api, roles, national_project, today, "2026-12-10", 2, (NANJING,), (KUNSHAN,))
    before = agrees(api, roles)
    for item in Aggregate.scan():  # as before the aggregates existed
        item.delete()
    assert api.get("/reports/organisations", roles["admin"], year=2026)[1]["sessions_held"] == 0
    assert backfill() == {"sessions": 2, "recounted": 2}
    assert backfill() == {"sessions": 2, "recounted": 2}
    after = agrees(api, roles)
    assert {k: v for k, v in after.items() if k != "as_of"} == {k: v for k, v in before.items() if k != "as_of"}
