"""The name-claims table: unique names (and, for now, the reminders' delivery claims) reserved in a transaction."""

from __future__ import annotations

from pynamodb.attributes import BooleanAttribute, NumberAttribute, UnicodeAttribute, UnicodeSetAttribute
from pynamodb.models import Model

from chalicelib.models.base import register


@register
class NameClaim(Model):
    """Reserves a unique name (``kind#name``) inside the transaction that uses it."""

    class Meta:
        table_name = "name-claims"

    claim = UnicodeAttribute(hash_key=True)
    owner_id = UnicodeAttribute()
    # Claims of scheduled deliveries (reminders): when claimed (the notifications' time), who has it, whether
    # it is done (False: a later run delivers the rest), and the current attempt (a lease) and their number.
    claimed_at = UnicodeAttribute(null=True)
    delivered_to = UnicodeSetAttribute(null=True)
    delivered = BooleanAttribute(null=True)
    attempt_at = UnicodeAttribute(null=True)
    attempts = NumberAttribute(null=True)
