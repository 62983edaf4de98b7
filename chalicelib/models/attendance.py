"""The attendance table: one attendee of one session (and day), with the sign-out-by-mobile index."""

from __future__ import annotations

from pynamodb.attributes import BooleanAttribute, JSONAttribute, NumberAttribute, UnicodeAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex
from pynamodb.models import Model

from chalicelib.models.base import register


class MobileIndex(GlobalSecondaryIndex["Attendance"]):
    """Sign-out by mobile: ``session_mobile`` is session id + keyed hash of the mobile."""

    class Meta:
        index_name = "session-mobile-index"
        projection = AllProjection()

    session_mobile = UnicodeAttribute(hash_key=True)


@register
class Attendance(Model):
    """One attendee of one session (of one day in daily mode), keyed by a keyed hash of the ID number plus the day;
    the number itself is kept only encrypted."""

    class Meta:
        table_name = "attendance"

    session_id = UnicodeAttribute(hash_key=True)
    attendee_key = UnicodeAttribute(range_key=True)
    session_mobile = UnicodeAttribute()
    person_key = UnicodeAttribute(null=True)  # keyed hash of the ID number: one person across days
    day = UnicodeAttribute(null=True)  # China date in daily mode
    id_masked = UnicodeAttribute()
    id_encrypted = UnicodeAttribute(null=True)
    name = UnicodeAttribute()
    gender = UnicodeAttribute()
    age = NumberAttribute()
    mobile_masked = UnicodeAttribute()
    unit = UnicodeAttribute()
    department = UnicodeAttribute()
    region = UnicodeAttribute()
    grassroots = BooleanAttribute()
    title = UnicodeAttribute()
    position = UnicodeAttribute(null=True)
    education = UnicodeAttribute(null=True)
    client_id = UnicodeAttribute(null=True)
    signed_in_at = UnicodeAttribute()
    signed_out_at = UnicodeAttribute(null=True)
    hours = NumberAttribute(null=True)
    answers = JSONAttribute(null=True)
    questionnaire_version = UnicodeAttribute(null=True)
    # Set by the scheduled close when the sign-out window ended without a sign-out (hours then 0).
    missing_sign_out = BooleanAttribute(null=True)

    mobile_index = MobileIndex()
