"""The name-claims table: unique names reserved in a transaction (reminder leases share it: reminder_lease.py)."""

from __future__ import annotations

from pynamodb.attributes import UnicodeAttribute
from pynamodb.models import Model

from chalicelib.models.base import register


@register
class NameClaim(Model):
    """Reserves a unique name (``kind#name``) inside the transaction that uses it."""

    class Meta:
        table_name = "name-claims"

    claim = UnicodeAttribute(hash_key=True)
    owner_id = UnicodeAttribute()
