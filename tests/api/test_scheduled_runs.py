"""Scheduled runs with bounded cost: an overdue deadline is noticed once and leaves the reminders' worklist, upcoming
reminders come first, a run stops at its budget and the next goes on without duplicates; the close job marks in
parallel, never over a sign-out that arrives meanwhile, and continues from its cursor."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

from botocore.client import BaseClient

from chalicelib.container import services
from chalicelib.models import Attendance, Notification, Session
from chalicelib.services import attendance_close, deadlines
from tests.api.attendance_helpers import CN
from tests.api.test_credits import at, held  # noqa: F401 - the held fixture


@contextmanager
def dynamodb_calls() -> Iterator[Counter[str]]:
    """DynamoDB calls made meanwhile, as "Operation table[/index]", and under "items" the items they returned."""
    calls: Counter[str] = Counter()
    original = BaseClient._make_api_call

    def counted(client: Any, operation: str, params: dict[str, Any]) -> Any:
        answer = original(client, operation, params)
        if client.meta.service_model.service_name == "dynamodb":
            table = params.get("TableName", "").removeprefix(os.environ["TABLE_PREFIX"] + "-")
            index = params.get("IndexName")
            calls[f"{operation} {table}" + (f"/{index}" if index else "")] += 1
            calls["items"] += answer.get("Count", 1 if "Item" in answer else 0)
        return answer

    BaseClient._make_api_call = counted  # type: ignore[method-assign]
    try:
        yield calls
    finally:
        BaseClient._make_api_call = original  # type: ignore[method-assign]


def copies(sid: str, tag: str, count: int, **fields: Any) -> list[str]:
    """``count`` copies of a stored session under new ids, with ``fields`` changed (their own deadlines)."""
    made = []
    for number in range(count):
        session = Session.get(sid)
        session.session_id = f"{sid}-{tag}{number:03d}"
        for name, value in fields.items():
            setattr(session, name, value)
        session.save(add_version_condition=False)
        made.append(session.session_id)
    return made


def reminded(sids: list[str]) -> Counter[str]:
    """Reminder notifications per session (every recipient's), by link."""
    links = {f"/sessions/{sid}/report": sid for sid in sids}
    found: Counter[str] = Counter()
    for note in Notification.scan():
        if note.link in links:
            found[links[note.link]] += 1
    return found


def allowing(count: int):
    """A budget that lets a run start ``count`` units of work."""
    left = [count]

    def budget() -> bool:
        left[0] -= 1
        return left[0] >= 0

    return budget


def test_an_overdue_deadline_is_noticed_once_and_then_costs_nothing(api, held, clock):  # noqa: F811
    remind = services().reminders.send
    sid = held["sid"]
    assert remind(at(25, 8)) == 1, "the overdue notice (due 2026-12-24)"
    session = Session.get(sid)
    assert session.deadline_open == deadlines.NOTICED and session.deadline_due == "2026-12-24"
    with dynamodb_calls() as calls:
        assert remind(at(26, 8)) == 0
    assert Session.get(sid).version == session.version, "the session is not touched again"
    assert not any(call.startswith(("UpdateItem sessions", "PutItem sessions")) for call in calls)
    assert calls["PutItem notifications"] == 0 and calls["Query sessions/deadline-index"] == 2

    clock.now = at(26, 9)  # the office still sees it overdue
    deadline = api.get(f"/sessions/{sid}/report", held["admin"])[1]["deadline"]
    assert deadline["overdue"] and deadline["days_left"] == -2 and deadline["due"] == "2026-12-24"
    assert deadlines.is_overdue(Session.get(sid), date(2026, 12, 26))

    extension = {"until": "2026-12-31", "reason": "单位统计延误"}
    assert api.post(f"/sessions/{sid}/deadline-extension", extension, held["office"])[0] == 200
    assert Session.get(sid).deadline_open == deadlines.OPEN, "an extension puts it back on the worklist"
    assert remind(at(28, 8)) == 1, "3 days before the new deadline"


def test_calls_do_not_grow_with_overdue_sessions_already_noticed(api, held, clock):  # noqa: F811
    fresh = copies(held["sid"], "late", 20, deadline_due="2026-12-20")
    assert services().reminders.send(at(25, 8)) == 21
    assert all(Session.get(sid).deadline_open == deadlines.NOTICED for sid in [held["sid"], *fresh])
    with dynamodb_calls() as few:
        assert services().reminders.send(at(26, 8)) == 0
    copies(held["sid"], "old", 60, deadline_due="2026-11-01", deadline_open=deadlines.NOTICED)
    with dynamodb_calls() as many:
        assert services().reminders.send(at(27, 8)) == 0
    assert few == many, "81 noticed overdue sessions cost what 21 did"
    assert sum(few.values()) - few["items"] <= 4 and few["items"] <= 1, "hold, two queries, leave"


def test_upcoming_reminders_come_before_overdue_notices(api, held, clock):  # noqa: F811
    late = copies(held["sid"], "late", 3, deadline_due="2026-12-01")  # overdue on the 17th
    remind = services().reminders.send
    assert remind(at(17, 8), budget=allowing(1)) == 1
    assert reminded([held["sid"], *late]) == {held["sid"]: 2}, "the 7-day reminder first (admin and organizer)"
    assert remind(at(17, 8, 5)) == 3
    assert set(reminded(late)) == set(late)


def test_a_run_stopped_by_its_budget_goes_on_in_the_next_without_duplicates(api, held, clock):  # noqa: F811
    upcoming = copies(held["sid"], "soon", 4)  # due 2026-12-24 like the held one: 7 days ahead on the 17th
    late = copies(held["sid"], "late", 3, deadline_due="2026-12-10")
    everyone = [held["sid"], *upcoming, *late]
    remind = services().reminders.send
    sent = [remind(at(17, 8, 5 * tick), budget=allowing(3)) for tick in range(5)]
    assert sent == [3, 3, 2, 0, 0], "3 a run, upcoming first; then the pass is done"
    assert reminded(everyone) == dict.fromkeys(everyone, 2), "each session's reminder once (admin and organizer)"
    assert remind(at(17, 9)) == 0 and reminded(everyone) == dict.fromkeys(everyone, 2)
    assert all(Session.get(sid).deadline_open == deadlines.NOTICED for sid in late)


def test_a_run_never_works_beside_another(api, held, clock):  # noqa: F811
    from chalicelib.services import schedule_runs

    holder = schedule_runs.hold("credit-deadline-reminders", at(17, 8))
    assert holder is not None
    assert services().reminders.send(at(17, 8, 1)) == 0, "the cursor is held: this run leaves it alone"
    assert services().reminders.send(at(17, 8, 3)) == 1, "a hold runs out (a run that died)"


# ---------------------------------------------------------------------------------------------------------------
# the close job
# ---------------------------------------------------------------------------------------------------------------


def sign_in(api, clock, session, count: int, first: int = 0) -> None:
    """``count`` different attendees sign in at 08:00 on the session's day."""
    from tests.api.attendance_helpers import id_number, person

    clock.now = datetime(2026, 12, 10, 8, 0, tzinfo=CN)
    for number in range(first, first + count):
        who = id_number(f"32010219900307{2 * number + 201:03d}")  # odd: male
        phone = person(id_number=who, mobile=f"139{number:08d}", client_id=f"p{number}")
        body = {"t": session["tokens"]["in"], **phone}
        answer = api.post(f"/public/attendance/{session['sid']}/sign-in", body)
        assert answer[0] == 200, answer


def test_close_marks_in_parallel_and_never_over_a_sign_out_that_arrives_meanwhile(api, approved, clock, monkeypatch):
    sign_in(api, clock, approved, 6)
    keys = sorted(a.attendee_key for a in Attendance.query(approved["sid"]))
    racing = keys[2]
    mark = attendance_close._mark

    def signed_out_first(attendee: Attendance) -> None:
        if attendee.attendee_key == racing:  # the phone's sign-out lands between the close's read and its write
            Attendance(approved["sid"], racing).update(
                actions=[Attendance.signed_out_at.set("2026-12-10T10:29:59.000Z"), Attendance.hours.set(6)]
            )
        mark(attendee)

    monkeypatch.setattr(attendance_close, "_mark", signed_out_first)
    assert services().attendance_close.close_due(datetime(2026, 12, 10, 19, 0, tzinfo=CN)) == 1
    rows = {a.attendee_key: a for a in Attendance.query(approved["sid"])}
    assert rows[racing].signed_out_at and rows[racing].hours == 6 and not rows[racing].missing_sign_out
    assert all(rows[k].missing_sign_out and rows[k].hours == 0 for k in keys if k != racing)


def test_a_close_stopped_by_its_budget_continues_from_its_cursor(api, approved, clock, monkeypatch):
    sign_in(api, clock, approved, 7)
    monkeypatch.setattr(attendance_close, "CHUNK", 2)
    close = services().attendance_close.close_due
    after = datetime(2026, 12, 10, 19, 0, tzinfo=CN)
    marked = []
    for _ in range(3):
        assert close(after, budget=allowing(1)) == 0, "one chunk a run, then the budget ends"
        session = Session.get(approved["sid"])
        assert session.attendance_open == "open" and session.attendance_close_cursor["after"]
        marked.append(sum(bool(a.missing_sign_out) for a in Attendance.query(approved["sid"])))
    assert marked == [2, 4, 6], "each run goes on where the last stopped"
    with dynamodb_calls() as calls:
        assert close(after, budget=allowing(2)) == 1
    assert calls["UpdateItem attendance"] == 1, "only the one left is written"
    session = Session.get(approved["sid"])
    assert session.attendance_open is None and session.attendance_close_cursor is None
    assert all(a.missing_sign_out for a in Attendance.query(approved["sid"]))
