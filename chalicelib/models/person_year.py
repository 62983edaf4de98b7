"""The person-years table: one person's granted credits of one year (the ledger), written at grant and kept right by
revocation and reissue; the yearly-credits look-up reads one item per key of the PII ring."""

from __future__ import annotations

from pynamodb.attributes import (
    ListAttribute,
    MapAttribute,
    NumberAttribute,
    UnicodeAttribute,
    UnicodeSetAttribute,
)
from pynamodb.models import Model

from chalicelib.models.base import register


class LedgerEntry(MapAttribute[str, object]):
    """One counted session of the year: its credit and the certificate that carries it (the current one after a
    reissue)."""

    session_id = UnicodeAttribute()
    credit_key = UnicodeAttribute()
    project_number = UnicodeAttribute()
    project_name = UnicodeAttribute()
    project_level = UnicodeAttribute()  # national | provincial
    credit_class = UnicodeAttribute()  # I类 | II类
    credits = NumberAttribute()
    hours = NumberAttribute()
    start_date = UnicodeAttribute()
    end_date = UnicodeAttribute()
    organiser = UnicodeAttribute()
    certificate_no = UnicodeAttribute(null=True)
    verification_code = UnicodeAttribute(null=True)
    issued_on = UnicodeAttribute(null=True)
    granted_at = UnicodeAttribute()


@register
class PersonYear(Model):
    """A person's credits of one year (the year of the sessions' start dates, China time), keyed by the keyed hash of
    the ID number the credit records carry (the session's PII key: after a key rotation one person can have an item
    per key; readers merge them).

    ``sessions`` is the set of counted session ids: every write that counts a session adds it under the condition
    that it is not there yet, and every write that takes one out removes it, so retried and concurrent grants count
    each person's session once. Totals are top-level numbers (DynamoDB ADDs only those)."""

    class Meta:
        table_name = "person-years"

    person_key = UnicodeAttribute(hash_key=True)
    year = UnicodeAttribute(range_key=True)  # YYYY
    names = UnicodeSetAttribute(null=True)  # the names the person signed in with (the look-up checks the name)
    id_masked = UnicodeAttribute(null=True)  # the console's mask of the ID number (320102********4515)
    sessions = UnicodeSetAttribute(null=True)
    national_class_i = NumberAttribute(null=True)
    national_class_ii = NumberAttribute(null=True)
    provincial_class_i = NumberAttribute(null=True)
    provincial_class_ii = NumberAttribute(null=True)
    hours = NumberAttribute(null=True)
    entries = ListAttribute(of=LedgerEntry, null=True)
    updated_at = UnicodeAttribute(null=True)
