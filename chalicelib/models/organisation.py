"""The organisations table: organisations, pageable by creation time."""

from __future__ import annotations

from pynamodb.attributes import UnicodeAttribute, VersionAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex
from pynamodb.models import Model

from chalicelib.models.base import register


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
