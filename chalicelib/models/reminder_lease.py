"""The lease of one reminder delivery (a deadline's 7/3/1-day or overdue notice of one session): who has had it,
whether it is done, and which run works on it now."""

from __future__ import annotations

from pynamodb.attributes import BooleanAttribute, NumberAttribute, UnicodeAttribute, UnicodeSetAttribute
from pynamodb.models import Model

from chalicelib.models.base import register


@register
class ReminderLease(Model):
    """Kept in the name-claims table under its own key prefix (``reminder#…``): a reminder is claimed once like a
    name, and the table's keys and IAM grants already fit. Items written as NameClaims read the same."""

    class Meta:
        table_name = "name-claims"

    claim = UnicodeAttribute(hash_key=True)  # reminder#{session_id}#{admin|office}#{due}#{7|3|1|overdue}
    session_id = UnicodeAttribute(attr_name="owner_id")
    claimed_at = UnicodeAttribute(null=True)  # the notifications' time: a retry writes the same items
    delivered_to = UnicodeSetAttribute(null=True)  # usernames that have had it (notification and email)
    delivered = BooleanAttribute(null=True)  # False: a later run delivers to the rest; None on the oldest items
    attempt_at = UnicodeAttribute(null=True)  # the current run's lease, "" when released
    attempts = NumberAttribute(null=True)
