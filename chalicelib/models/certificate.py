"""The certificates table: electronic certificates by verification code, with their number, session and
public look-up indexes."""

from __future__ import annotations

from pynamodb.attributes import NumberAttribute, UnicodeAttribute, VersionAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex
from pynamodb.models import Model

from chalicelib.models.base import register


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


class PersonCertificatesIndex(GlobalSecondaryIndex["Certificate"]):
    """One person's certificates (valid and revoked) across sessions, for the copy of a person's data; lecturers
    have no ``person_key`` and are not in it."""

    class Meta:
        index_name = "person-index"
        projection = AllProjection()

    person_key = UnicodeAttribute(hash_key=True)


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
    kind = UnicodeAttribute(default="attendee")  # attendee | lecturer (a lecturer has an ID number if registered)
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
    person_index = PersonCertificatesIndex()
