"""The execution-reports table: a session's execution report (执行情况), the admin's selection of attendees (its
draft while the admin works, the list frozen at submission) and the session's candidate summary."""

from __future__ import annotations

from pynamodb.attributes import JSONAttribute, NumberAttribute, UnicodeAttribute, VersionAttribute
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
    # At submission: {"deselected": [ids], "included": {id: reason}, "selected": [ids]} (``selected`` frozen).
    selection = JSONAttribute(null=True)
    # The admin's changes while working, saved as they go under the report's version (cleared at submission):
    # {"deselected": [ids], "included": {id: reason}, "updated_by": username, "updated_at": iso}.
    selection_draft = JSONAttribute(null=True)
    # Persons and preselected by 规定学时, counted once attendance is final: {"persons", "preselected",
    # "required_hours", "as_of"} (services/selection_rules.candidate_summary).
    candidate_summary = JSONAttribute(null=True)
    selected_count = NumberAttribute(null=True)
    grant_id = UnicodeAttribute(null=True)
    certificate_base = NumberAttribute(null=True)  # first certificate number of the grant
    grant_job = UnicodeAttribute(null=True)  # the job writing the grant (a second request answers it)
    updated_at = UnicodeAttribute()
    version = VersionAttribute()
