"""The credits table: the credits granted to one attendee or lecturer of one session, and a person's index."""

from __future__ import annotations

from pynamodb.attributes import NumberAttribute, UnicodeAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex
from pynamodb.models import Model

from chalicelib.models.base import register


class PersonCreditsIndex(GlobalSecondaryIndex["CreditRecord"]):
    """A person's credits across sessions (``person_key`` is the keyed hash of the ID number)."""

    class Meta:
        index_name = "person-index"
        projection = AllProjection()

    person_key = UnicodeAttribute(hash_key=True)
    granted_at = UnicodeAttribute(range_key=True)


@register
class CreditRecord(Model):
    """Credits granted to one attendee (or lecturer) of one session; written once per grant."""

    class Meta:
        table_name = "credits"

    session_id = UnicodeAttribute(hash_key=True)
    credit_key = UnicodeAttribute(range_key=True)  # attendee#<person hash>[#day] | lecturer#<n>
    kind = UnicodeAttribute()  # attendee | lecturer
    person_key = UnicodeAttribute(null=True)
    name = UnicodeAttribute()
    id_masked = UnicodeAttribute(null=True)
    id_encrypted = UnicodeAttribute(null=True)
    id_context = UnicodeAttribute(null=True)  # what id_encrypted is bound to: its attendance record or lecturer
    project_id = UnicodeAttribute()
    project_number = UnicodeAttribute()
    project_name = UnicodeAttribute()
    project_level = UnicodeAttribute()
    org_id = UnicodeAttribute()
    org_name = UnicodeAttribute()
    start_date = UnicodeAttribute()
    end_date = UnicodeAttribute()
    credit_class = UnicodeAttribute()
    credits = NumberAttribute()
    hours = NumberAttribute()
    rules_version = UnicodeAttribute()
    grant_id = UnicodeAttribute()
    granted_at = UnicodeAttribute()

    person_index = PersonCreditsIndex()
