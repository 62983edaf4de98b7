"""The reminder lease (models/reminder_lease.py) in the name-claims table: taken once, taken over by a retry only
after it ran out, and readable from items written when reminders borrowed NameClaim."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from chalicelib.container import services
from chalicelib.models import NameClaim, ReminderLease
from chalicelib.services import reminders
from chalicelib.timeutil import to_iso

NOW = datetime(2026, 12, 17, 0, 0, tzinfo=UTC)
KEY = "reminder#s-1#admin#2026-12-24#7"


def test_a_lease_is_taken_once_and_by_a_retry_only_once_it_ran_out(aws):
    services()  # binds the models to the stage's tables
    lease = reminders._take(KEY, "s-1", NOW)
    assert lease is not None and (lease.attempts, lease.session_id) == (1, "s-1")
    assert reminders._take(KEY, "s-1", NOW + timedelta(minutes=1)) is None, "another run holds it"
    retry = reminders._take(KEY, "s-1", NOW + reminders.REMINDER_LEASE + timedelta(seconds=1))
    assert retry is not None and retry.attempts == 2 and retry.claimed_at == to_iso(NOW), "the same notifications"
    retry.update(actions=[ReminderLease.delivered.set(True)])
    assert reminders._take(KEY, "s-1", NOW + timedelta(hours=1)) is None, "delivered: nothing to take"
    assert NameClaim.get(KEY).owner_id == "s-1", "the item format is the name claims'"


def test_a_lease_written_as_a_name_claim_is_taken_over(aws):
    services()
    at = to_iso(NOW)
    # As reminders wrote it when they borrowed NameClaim's model (raw, since NameClaim no longer has these fields).
    NameClaim._get_connection().connection.put_item(
        NameClaim.Meta.table_name,
        KEY,
        attributes={
            "owner_id": {"S": "s-1"},
            "claimed_at": {"S": at},
            "delivered": {"BOOL": False},
            "attempt_at": {"S": at},
            "attempts": {"N": "1"},
        },
    )
    lease = reminders._take(KEY, "s-1", NOW + timedelta(minutes=5))
    assert lease is not None and (lease.session_id, lease.attempts, lease.claimed_at) == ("s-1", 2, at)
