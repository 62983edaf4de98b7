"""Distinct people are counted a chunk at a time (one BatchGetItem of the markers, one TransactWriteItems of the
missing ones and the rollups' ADDs): the counts agree with a recount of the raw records when two sessions sharing
people settle at once, when a chunk's transaction is cancelled by a marker that appeared meanwhile or by conflicts,
when the close's budget runs out after every chunk, and when the grant's count spans several job steps."""

from __future__ import annotations

import threading
from datetime import datetime
from typing import Any

import pytest
from pynamodb.exceptions import CancellationReason, TransactWriteError
from pynamodb.transactions import TransactWrite

from chalicelib.container import services
from chalicelib.models import Aggregate, Session
from chalicelib.services import aggregates, grants
from chalicelib.services.aggregate_rules import org_scope
from tests.api.attendance_helpers import CN, id_number, person
from tests.api.jobs_helpers import run_jobs, start
from tests.api.test_report_aggregates import agrees, run_all
from tests.api.test_report_aggregates import serialised as serialised  # the fixture
from tests.api.test_reports import held
from tests.api.test_reports import today as today  # the fixture

PEOPLE = [
    person(id_number=id_number(f"32010219900307{2 * i + 401:03d}"), mobile=f"1392000{i:04d}", client_id=f"k{i}")
    for i in range(7)
]


def _forget_aggregates() -> None:
    for item in Aggregate.scan():  # as before the aggregates existed
        item.delete()


def test_two_sessions_sharing_people_settled_at_once_count_everyone_once(
    api, roles, national_project, today, serialised, monkeypatch
):
    first = held(api, roles, national_project, today, "2026-11-20", 1, PEOPLE[:3], PEOPLE[3:])
    second = held(api, roles, national_project, today, "2026-11-21", 2, PEOPLE[2:], PEOPLE[:2])
    _forget_aggregates()
    monkeypatch.setattr(aggregates, "CHUNK", 2)  # many small chunks, so the two counts interleave
    sessions = [Session.get(first["sid"]), Session.get(second["sid"])]
    barrier = threading.Barrier(2)

    def settle(session: Session) -> None:
        barrier.wait()
        assert aggregates.settle(session) is True

    run_all([threading.Thread(target=settle, args=(session,)) for session in sessions])
    report = agrees(api, roles)
    assert (report["sessions_held"], report["attendees"]) == (2, 7), "seven people, two sessions: counted once"
    assert report["by_month"][10]["attendees"] == 7
    for session in sessions:
        totals = aggregates.stored(session)
        assert totals is not None and totals.people_counted == 7 and totals.people_after is None


def test_a_chunk_cancelled_by_a_marker_that_appeared_meanwhile_is_read_again_and_retried(
    api, roles, national_project, today, monkeypatch
):
    session = held(api, roles, national_project, today, "2026-11-20", 1, PEOPLE[:4])
    _forget_aggregates()
    real = aggregates._present
    reads: list[int] = []

    def another_settle_counts_one_meanwhile(keys: list[Any]) -> set[Any]:
        reads.append(len(keys))
        found = real(keys)
        if len(reads) == 1:  # between this chunk's read and its transaction, someone counts the chunk's 2nd person
            place = aggregates.place_of(Session.get(session["sid"]))
            key = place.session_key(session["sid"])
            person = keys[len(keys) // 2][0].removeprefix("seen#")
            assert aggregates._count_chunk(place, key, "attended", [person], "2026-11-20T15:00:00Z", 1)
        return found

    monkeypatch.setattr(aggregates, "_present", another_settle_counts_one_meanwhile)
    assert aggregates.settle(Session.get(session["sid"])) is True
    assert reads == [16, 4, 16], "the chunk, the concurrent one, the chunk read again"
    report = agrees(api, roles)
    assert report["attendees"] == 4 and report["by_month"][10]["attendees"] == 4


class _Conflicted(TransactWriteError):
    @property
    def cancellation_reasons(self) -> list[CancellationReason | None]:
        return [CancellationReason(code="TransactionConflict")]


def test_a_chunk_that_keeps_conflicting_is_counted_one_person_at_a_time(
    api, roles, national_project, today, monkeypatch
):
    session = held(api, roles, national_project, today, "2026-11-20", 1, PEOPLE[:5])
    _forget_aggregates()
    commits = {"refused": 0, "single": 0}

    class Conflicting(TransactWrite):
        def _commit(self) -> Any:
            people = {item["Item"]["scope"]["S"] for item in self._put_items}  # the markers
            if len(people) > 1:  # on the hot rollups, another transaction always comes first
                commits["refused"] += 1
                raise _Conflicted("Transaction cancelled")
            commits["single"] += len(people)
            return super()._commit()

    monkeypatch.setattr(aggregates, "TransactWrite", Conflicting)
    monkeypatch.setattr(aggregates, "FIRST_WAIT", 0.001)
    assert aggregates.settle(Session.get(session["sid"])) is True
    assert commits == {"refused": aggregates.CHUNK_TRIES, "single": 5}
    assert agrees(api, roles)["attendees"] == 5


def test_a_close_whose_budget_ends_after_every_chunk_counts_everyone_once_over_its_runs(
    api, roles, national_project, today, monkeypatch
):
    monkeypatch.setattr(aggregates, "CHUNK", 2)
    close = services().attendance_close
    runs = 0

    def one_chunk_a_run(now: datetime) -> int:
        nonlocal runs
        runs += 1
        looks = iter([True, True])  # the session, then one chunk of the count
        return close.__class__.close_due(close, now, budget=lambda: next(looks, False))

    monkeypatch.setattr(close, "close_due", one_chunk_a_run)
    session = held(api, roles, national_project, today, "2026-12-10", 1, PEOPLE[:3], PEOPLE[3:])
    half = aggregates.stored(Session.get(session["sid"]))
    assert half is not None and half.people_after, "half counted"
    while Session.get(session["sid"]).attendance_open == "open":
        assert runs < 10
        close.close_due(datetime(2026, 12, 10, 23, 5 + runs, tzinfo=CN))
    assert runs == 4, "7 people, chunks of 2: one chunk a run"
    report = agrees(api, roles)
    assert report["attendees"] == 7
    assert aggregates.settle(Session.get(session["sid"])) is True  # settled again: nobody counted twice
    assert agrees(api, roles)["by_month"] == report["by_month"]


def _one_step(job_id: str) -> str:
    """One worker run with time for one step (then it saves and queues the job again)."""
    calls = iter((10_000.0,))
    return services().jobs.run(job_id, lambda: next(calls, 0.0))


@pytest.fixture
def submitted(api, roles, national_project, today):
    """A held, closed session of seven people with its report and the preselection submitted."""
    session = held(api, roles, national_project, today, "2026-10-15", 1, PEOPLE)
    sid = session["sid"]
    report = {
        "actual_start_date": "2026-10-15",
        "actual_end_date": "2026-10-15",
        "venue": "南京会场",
        "summary": "按计划举办。",
        "lecturers": [{"name": "王", "hours": 2}],
    }
    assert api.call("PUT", f"/sessions/{sid}/report", report, roles["org"])[0] == 200
    assert api.post(f"/sessions/{sid}/report/submit", token=roles["org"])[0] == 200
    assert api.post(f"/sessions/{sid}/selection/submit", {}, roles["admin"])[0] == 200
    return session


def test_the_grants_count_goes_on_in_further_steps_and_the_session_says_granted_only_at_its_end(
    api, roles, today, submitted, monkeypatch
):
    sid = submitted["sid"]
    monkeypatch.setattr(aggregates, "CHUNK", 3)
    monkeypatch.setattr(grants, "SETTLE_SECONDS", 0.0)  # each step counts one chunk, then the job goes on
    status, started = start(api, f"/sessions/{sid}/credits/grant", roles["office"])
    assert status == 202
    counted: list[int] = []
    while len(counted) < 10:
        if _one_step(started["job_id"]) == "done":
            break
        # the records written, the count under way (or just done): the session is not granted yet
        assert api.get(f"/sessions/{sid}/report", roles["office"])[1]["status"] == "submitted"
        year = Aggregate.get(org_scope(Session.get(sid).org_id, "2026"), "sum#year")
        counted.append(int(year.credited_people or 0))
    assert counted == [3, 6, 7], "the chunk and a first count, two steps of the count alone, then the final step"
    job = api.get(f"/jobs/{started['job_id']}", roles["office"])[1]
    assert (job["state"], job["done"], job["total"]) == ("succeeded", 4, 4)
    assert api.get(f"/sessions/{sid}/report", roles["office"])[1]["status"] == "granted"
    report = agrees(api, roles)
    assert (report["attendees"], report["credited_attendees"], report["credits_granted"]) == (7, 7, 14.0)

    run_jobs()  # nothing left; a settle again counts nobody twice
    assert aggregates.settle(Session.get(sid)) is True
    assert agrees(api, roles)["credited_attendees"] == 7
