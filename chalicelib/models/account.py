"""The accounts table: user accounts, with their organisation's index."""

from __future__ import annotations

from pynamodb.attributes import BooleanAttribute, NumberAttribute, UnicodeAttribute, VersionAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex
from pynamodb.models import Model

from chalicelib.models.base import register


class OrganisationIndex(GlobalSecondaryIndex["Account"]):
    class Meta:
        index_name = "org-username-index"
        projection = AllProjection()

    org_id = UnicodeAttribute(hash_key=True)
    username = UnicodeAttribute(range_key=True)


@register
class Account(Model):
    class Meta:
        table_name = "accounts"

    username = UnicodeAttribute(hash_key=True)
    password_hash = UnicodeAttribute()
    role = UnicodeAttribute()
    org_id = UnicodeAttribute()
    department = UnicodeAttribute(null=True)
    display_name = UnicodeAttribute()
    email = UnicodeAttribute(null=True)
    phone = UnicodeAttribute(null=True)
    disabled = BooleanAttribute(default=False)
    must_change_password = BooleanAttribute(default=True)
    # Bumped on password change, reset and disable so that older tokens stop working.
    token_version = NumberAttribute(default=1)
    created_at = UnicodeAttribute()
    created_by = UnicodeAttribute()
    last_login_at = UnicodeAttribute(null=True)
    version = VersionAttribute()

    org_index = OrganisationIndex()
