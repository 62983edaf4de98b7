from __future__ import annotations

from pynamodb.attributes import (
    BooleanAttribute,
    NumberAttribute,
    UnicodeAttribute,
    UnicodeSetAttribute,
    VersionAttribute,
)
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex
from pynamodb.models import Model

from chalicelib.models.base import register

ORGANISATION_TYPES = ("office", "hospital", "society", "other")


class ListingIndex(GlobalSecondaryIndex["Organisation"]):
    class Meta:
        index_name = "listing-created-index"
        projection = AllProjection()

    listing = UnicodeAttribute(hash_key=True)
    created_at = UnicodeAttribute(range_key=True)


@register
class Organisation(Model):
    class Meta:
        table_name = "organisations"

    org_id = UnicodeAttribute(hash_key=True)
    name = UnicodeAttribute()
    type = UnicodeAttribute()
    city = UnicodeAttribute()
    status = UnicodeAttribute(default="active")
    # Constant partition so the office can page through all organisations by creation time.
    listing = UnicodeAttribute(default="org")
    created_at = UnicodeAttribute()
    updated_at = UnicodeAttribute()
    version = VersionAttribute()

    listing_index = ListingIndex()


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
