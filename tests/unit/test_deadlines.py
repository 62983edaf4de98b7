"""The deadline rules (services/deadlines.py) without AWS: terms, extensions, overdue and reminder days."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from chalicelib.errors import ValidationFailed
from chalicelib.models import Session
from chalicelib.services import deadlines
from chalicelib.timeutil import china_today

DAY = date(2026, 12, 10)


def session(**fields) -> Session:
    return Session(session_id="s-1", start_date="2026-12-10", end_date="2026-12-11", **fields)


def test_china_today_turns_at_china_midnight():
    assert china_today(datetime(2026, 12, 24, 15, 59, tzinfo=UTC)) == date(2026, 12, 24)
    assert china_today(datetime(2026, 12, 24, 16, 0, tzinfo=UTC)) == date(2026, 12, 25)


def test_the_admins_first_term_runs_from_the_last_day_of_the_session():
    s = session()
    deadlines.open_admin_term(s, 14)
    assert (s.deadline_open, s.deadline_kind, s.deadline_due) == ("open", "admin", "2026-12-25")
    assert deadlines.deadline_of(s, date(2026, 12, 25)) == deadlines.Deadline("admin", date(2026, 12, 25), 0, False)


def test_the_office_term_and_the_admins_fresh_term_run_from_today():
    s = session(deadline_open="open", deadline_kind="admin", deadline_due="2026-12-25")
    deadlines.open_office_term(s, date(2026, 12, 20), 10)
    assert (s.deadline_kind, s.deadline_due) == ("office", "2026-12-30"), "the office's own term"
    deadlines.reopen_admin_term(s, date(2026, 12, 22), 14)
    assert (s.deadline_kind, s.deadline_due) == ("admin", "2027-01-05")
    deadlines.close(s)
    assert deadlines.deadline_of(s, DAY) is None and not deadlines.is_overdue(s, date(2030, 1, 1))


def test_overdue_is_the_day_after_the_due_date():
    s = session(deadline_open="open", deadline_kind="office", deadline_due="2026-12-24")
    assert not deadlines.is_overdue(s, date(2026, 12, 24))
    assert deadlines.is_overdue(s, date(2026, 12, 25))
    assert deadlines.deadline_of(s, date(2026, 12, 25)).days_left == -1


def test_an_extension_runs_from_today_past_the_current_deadline_and_reopens_the_admins_term():
    s = session(deadline_open="open", deadline_kind="admin", deadline_due="2026-12-24")
    for until, code in ((date(2026, 12, 23), "EXTENSION_IN_PAST"), (date(2026, 12, 24), "EXTENSION_TOO_SHORT")):
        with pytest.raises(ValidationFailed) as raised:
            deadlines.check_extension(s, until, date(2026, 12, 24))
        assert raised.value.code == code and raised.value.field == "until"
    deadlines.check_extension(s, date(2026, 12, 31), date(2026, 12, 24))
    deadlines.extend(s, date(2026, 12, 31), "统计延误", "office-demo", datetime(2026, 12, 24, 2, tzinfo=UTC))
    assert s.extension == {
        "until": "2026-12-31",
        "reason": "统计延误",
        "granted_by": "office-demo",
        "granted_at": "2026-12-24T02:00:00.000Z",
    }
    assert deadlines.deadline_of(s, date(2026, 12, 24)) == deadlines.Deadline("admin", date(2026, 12, 31), 7, True)


def test_an_office_deadline_after_an_extension_is_not_shown_as_extended():
    s = session(deadline_open="open", deadline_kind="office", deadline_due="2026-12-31")
    s.extension = {"until": "2026-12-31"}
    assert not deadlines.deadline_of(s, DAY).extended


@pytest.mark.parametrize(
    ("days_left", "mark"), [(8, None), (7, "7"), (4, None), (3, "3"), (1, "1"), (0, None), (-1, "overdue")]
)
def test_reminders_go_out_7_3_and_1_days_ahead_and_when_overdue(days_left, mark):
    deadline = deadlines.Deadline("admin", DAY, days_left, False)
    assert deadlines.reminder_mark(deadline) == mark
    assert deadlines.reminder_horizon(DAY) == "2026-12-17"
