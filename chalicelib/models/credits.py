from __future__ import annotations

from pynamodb.attributes import JSONAttribute, NumberAttribute, UnicodeAttribute, VersionAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex
from pynamodb.models import Model

from chalicelib.models.base import register


@register
class ExecutionReport(Model):
    """The organizer's execution report (执行情况) of a session and the admin's selection of attendees."""

    class Meta:
        table_name = "execution-reports"

    session_id = UnicodeAttribute(hash_key=True)
    actual_start_date = UnicodeAttribute(null=True)
    actual_end_date = UnicodeAttribute(null=True)
    venue = UnicodeAttribute(null=True)
    summary = UnicodeAttribute(null=True)
    lecturers = JSONAttribute(default=list)  # [{name, title, unit, hours}]
    submitted_at = UnicodeAttribute(null=True)
    return_reason = UnicodeAttribute(null=True)
    # Only the admin's exceptions to the hours rule are kept: {"deselected": [ids], "included": {id: reason}}.
    selection = JSONAttribute(null=True)
    selected_count = NumberAttribute(null=True)
    grant_id = UnicodeAttribute(null=True)
    updated_at = UnicodeAttribute()
    version = VersionAttribute()


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
