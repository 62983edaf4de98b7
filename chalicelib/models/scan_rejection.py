"""The scan-rejections table: refused scans and submissions of the phone pages, counted per minute; a person's
index."""

from __future__ import annotations

from pynamodb.attributes import NumberAttribute, TTLAttribute, UnicodeAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex
from pynamodb.models import Model

from chalicelib.models.base import register


class PersonRejectionsIndex(GlobalSecondaryIndex["ScanRejection"]):
    """A person's refused scans across sessions (rows that name one ID number), for the copy of a person's data."""

    class Meta:
        index_name = "person-index"
        projection = AllProjection()

    person_key = UnicodeAttribute(hash_key=True)


@register
class ScanRejection(Model):
    """Refused scans or submissions on the phone pages of one minute, reason and source, counted; kept 180 days for
    the organizer's 异常扫码 list."""

    class Meta:
        table_name = "scan-rejections"

    session_id = UnicodeAttribute(hash_key=True)
    rejection_key = UnicodeAttribute(range_key=True)  # UTC ISO minute#kind#code#source hash
    at = UnicodeAttribute()  # the first of the minute
    last_at = UnicodeAttribute(null=True)
    repeats = NumberAttribute(default=1)
    kind = UnicodeAttribute()
    code = UnicodeAttribute()
    message = UnicodeAttribute()
    id_masked = UnicodeAttribute(null=True)
    person_key = UnicodeAttribute(null=True)  # keyed hash (current PII key) of the ID number sent, if one was
    client_id = UnicodeAttribute(null=True)
    expires_at = TTLAttribute()

    person_index = PersonRejectionsIndex()
