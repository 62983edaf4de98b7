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
    certificate_base = NumberAttribute(null=True)  # first certificate number of the grant
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
    id_context = UnicodeAttribute(null=True)  # what id_encrypted is bound to: its attendance record
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


class CertificateNumberIndex(GlobalSecondaryIndex["Certificate"]):
    class Meta:
        index_name = "number-index"
        projection = AllProjection()

    certificate_no = UnicodeAttribute(hash_key=True)


class SessionCertificatesIndex(GlobalSecondaryIndex["Certificate"]):
    class Meta:
        index_name = "session-index"
        projection = AllProjection()

    session_id = UnicodeAttribute(hash_key=True)
    certificate_no = UnicodeAttribute(range_key=True)


class CertificateLookupIndex(GlobalSecondaryIndex["Certificate"]):
    """学员证书查询: project number (without its level suffix) and name; the ID part is checked on the results."""

    class Meta:
        index_name = "lookup-index"
        projection = AllProjection()

    lookup = UnicodeAttribute(hash_key=True)


@register
class Certificate(Model):
    """The electronic certificate of one granted attendee credit, found by its unguessable verification code."""

    class Meta:
        table_name = "certificates"

    verification_code = UnicodeAttribute(hash_key=True)
    certificate_no = UnicodeAttribute()
    session_id = UnicodeAttribute()
    credit_key = UnicodeAttribute()
    lookup = UnicodeAttribute()  # project number#name
    kind = UnicodeAttribute(default="attendee")  # attendee | lecturer (lecturers have no ID number here)
    person_key = UnicodeAttribute(null=True)  # keyed hash of the full ID number
    name = UnicodeAttribute()
    id_masked = UnicodeAttribute(null=True)
    project_number = UnicodeAttribute()
    project_name = UnicodeAttribute()
    project_level = UnicodeAttribute()
    credit_class = UnicodeAttribute()
    credits = NumberAttribute()
    start_date = UnicodeAttribute()
    end_date = UnicodeAttribute()
    organiser = UnicodeAttribute()
    issuer = UnicodeAttribute()
    issued_on = UnicodeAttribute()
    status = UnicodeAttribute(default="valid")  # valid | revoked
    revoked_reason = UnicodeAttribute(null=True)
    revoked_at = UnicodeAttribute(null=True)
    replaced_by = UnicodeAttribute(null=True)
    verifications = NumberAttribute(default=0)
    version = VersionAttribute()

    number_index = CertificateNumberIndex()
    session_index = SessionCertificatesIndex()
    lookup_index = CertificateLookupIndex()
