from __future__ import annotations

import pytest

from chalicelib.errors import ValidationFailed
from chalicelib.services.credit_rules import CreditRule, rule_on, shipped_rules

LEVEL = {"cap_per_project": 25, "required_hours_min_ratio": 0.5, "credit_class": "I类"}
BASE = {
    "source_title": "test",
    "national": {**LEVEL, "hours_per_credit": 3, "lecturer_credits_per_hour": 2},
    "provincial": {**LEVEL, "hours_per_credit": 6, "lecturer_credits_per_hour": 1},
    "admin_deadline_days": 14,
    "office_deadline_days": 14,
}
OLD = CreditRule.of({**BASE, "version": "old", "effective_from": "2000-01-01"})
NEW = CreditRule.of(
    {
        **BASE,
        "version": "new",
        "effective_from": "2025-01-01",
        "provincial": {**BASE["provincial"], "hours_per_credit": 3},
    }
)


def test_the_rule_in_force_on_the_start_date_is_used():
    rules = (OLD, NEW)
    assert rule_on("2024-12-31", rules) is OLD
    assert rule_on("2025-01-01", rules) is NEW
    with pytest.raises(ValueError):
        rule_on("1999-12-31", rules)
    assert rule_on("2026-12-10", shipped_rules()).version == shipped_rules()[-1].version


def test_attendee_credits_are_the_projects_bounded_by_hours_and_cap():
    assert OLD.attendee_credits("national", 10, 30) == 10
    assert OLD.attendee_credits("national", 10, 20) == 6.6, "20 h / 3 rounded down to a tenth"
    assert OLD.attendee_credits("provincial", 5, 12) == 2
    assert NEW.attendee_credits("provincial", 5, 12) == 4
    capped = CreditRule.of(
        {**BASE, "version": "x", "effective_from": "2000-01-01", "national": {**BASE["national"], "cap_per_project": 8}}
    )
    assert capped.attendee_credits("national", 10, 60) == 8, "the level's own cap"
    assert capped.attendee_credits("provincial", 10, 60) == 10, "the other level's cap is its own"


def test_schedule_credits_and_their_shortfall_from_the_projects_credits():
    # The case: a 6-credit national project with a 0.5-hour schedule supports 0.1 per attendee.
    assert OLD.schedule_credits("national", 6, 0.5) == (0.1, 5.9)
    assert OLD.schedule_credits("national", 6, 18) == (6, 0.0), "enough hours: no shortfall"
    assert OLD.schedule_credits("national", 6, 30) == (6, 0.0), "never more than the project's credits"
    assert OLD.schedule_credits("provincial", 5, 12) == (2, 3.0)
    assert OLD.schedule_credits("provincial", 5, 0) == (0, 5.0)
    assert OLD.schedule_credits("national", 10, 20) == (6.6, 3.4), "the tenth is not lost to float error"


def test_lecturer_credits_follow_the_level():
    assert OLD.lecturer_credits("national", 2.5) == 5
    assert OLD.lecturer_credits("provincial", 2.5) == 2.5
    assert OLD.lecturer_credits("national", 40) == 25, "capped"


@pytest.mark.parametrize("required, ok", [(2.9, False), (3, True), (6, True), (6.1, False)])
def test_required_hours_lie_between_the_minimum_share_and_the_teaching_hours(required, ok):
    if ok:
        OLD.check_required_hours("national", required, 6)
    else:
        with pytest.raises(ValidationFailed) as raised:
            OLD.check_required_hours("national", required, 6)
        assert raised.value.code == "REQUIRED_HOURS_OUT_OF_RANGE" and raised.value.field == "required_hours"


def test_the_minimum_share_of_teaching_hours_is_per_level():
    stricter = CreditRule.of(
        {
            **BASE,
            "version": "y",
            "effective_from": "2000-01-01",
            "provincial": {**BASE["provincial"], "required_hours_min_ratio": 0.8},
        }
    )
    stricter.check_required_hours("national", 3, 6)
    with pytest.raises(ValidationFailed):
        stricter.check_required_hours("provincial", 3, 6)
    stricter.check_required_hours("provincial", 4.8, 6)


def test_a_version_round_trips_through_its_stored_form():
    for rule in shipped_rules():
        assert CreditRule.of(rule.dump()) == rule


def test_the_packaged_file_is_only_the_seed_of_the_office_book():
    # Once the office changes the rules, the stored book is read and this file never again: a version added here
    # would reach only stages whose office never changed anything. New versions are entered in the console.
    assert [rule.version for rule in shipped_rules()] == ["2006"]
