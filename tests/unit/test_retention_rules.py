"""The retention policy's dates: details kept N years after the session's end (from the day after), refused scans N
days after the scan; the bounds agree with the refused scans' TTL."""

from __future__ import annotations

from datetime import UTC, date, datetime

from chalicelib.services import retention_rules as rules
from chalicelib.services import scan_rejections


def test_details_are_kept_through_the_same_day_n_years_after_the_end() -> None:
    policy = rules.Policy(details_years=3)
    assert not rules.details_due("2026-03-01", date(2029, 3, 1), policy)
    assert rules.details_due("2026-03-01", date(2029, 3, 2), policy)
    assert not rules.details_due("2026-12-31", date(2029, 12, 31), policy)
    assert rules.details_due("2026-12-31", date(2030, 1, 1), policy)


def test_a_leap_day_counts_from_the_28th() -> None:
    assert rules.years_before(date(2029, 2, 28), 1) == date(2028, 2, 28)
    assert rules.years_before(date(2028, 2, 29), 1) == date(2027, 2, 28)
    assert rules.details_cutoff(date(2028, 2, 29), rules.Policy(details_years=3)) == date(2025, 2, 28)


def test_a_shorter_policy_moves_the_cutoff_later() -> None:
    today = date(2028, 6, 1)
    assert rules.details_cutoff(today, rules.Policy(details_years=1)) > rules.details_cutoff(today, rules.Policy())
    assert rules.details_due("2026-12-10", today, rules.Policy(details_years=1))
    assert not rules.details_due("2026-12-10", today, rules.Policy())


def test_refused_scans_are_past_their_period_after_the_policy_days() -> None:
    now = datetime(2027, 6, 30, 12, tzinfo=UTC)
    assert rules.rejections_cutoff(now, rules.Policy(rejection_days=180)) == datetime(2027, 1, 1, 12, tzinfo=UTC)
    assert rules.rejections_cutoff(now, rules.Policy(rejection_days=7)) == datetime(2027, 6, 23, 12, tzinfo=UTC)


def test_defaults_lie_within_the_bounds_and_the_ttl_is_the_longest_period() -> None:
    assert rules.DETAILS_YEARS[0] <= rules.DEFAULT_DETAILS_YEARS <= rules.DETAILS_YEARS[1]
    assert rules.REJECTION_DAYS[0] <= rules.DEFAULT_REJECTION_DAYS <= rules.REJECTION_DAYS[1]
    assert rules.REJECTION_DAYS[1] == scan_rejections.REJECTION_DAYS  # a row never outlives the longest policy
    assert rules.Policy() == rules.Policy(rules.DEFAULT_DETAILS_YEARS, rules.DEFAULT_REJECTION_DAYS)


def test_a_removed_detail_shows_as_removed() -> None:
    assert rules.shown(None) == "（已删除）"
    assert rules.shown("南京鼓楼医院") == "南京鼓楼医院"
    assert rules.shown("") == ""
    assert "answers" in rules.REMOVED_FIELDS and "name" not in rules.REMOVED_FIELDS
