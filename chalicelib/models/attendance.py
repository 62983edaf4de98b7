"""The attendance table: one attendee of one session (and day), with the sign-out-by-mobile and roster indexes, and
the session's link items (who signed in with one phone or one mobile) in a partition of their own; a person's index
(keys only) for the copy of a person's data. The personal details are nullable: the retention run removes them from
old sessions (services/retention_run.py)."""

from __future__ import annotations

from pynamodb.attributes import (
    BooleanAttribute,
    JSONAttribute,
    NumberAttribute,
    UnicodeAttribute,
    UnicodeSetAttribute,
)
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex, KeysOnlyProjection
from pynamodb.models import Model

from chalicelib.models.base import register


class MobileIndex(GlobalSecondaryIndex["Attendance"]):
    """Sign-out by mobile: ``session_mobile`` is session id + keyed hash of the mobile."""

    class Meta:
        index_name = "session-mobile-index"
        projection = AllProjection()

    session_mobile = UnicodeAttribute(hash_key=True)


class RosterIndex(GlobalSecondaryIndex["Attendance"]):
    """The roster in sign-in order, paged (an LSI cannot be added to the existing table). Link items have no
    ``signed_in_at``, so they are not in it."""

    class Meta:
        index_name = "session-signed-in-index"
        projection = AllProjection()

    session_id = UnicodeAttribute(hash_key=True)
    signed_in_at = UnicodeAttribute(range_key=True)


class PersonIndex(GlobalSecondaryIndex["Attendance"]):
    """One person's records across sessions, for the office's copy of a person's data (PIPL Art. 45). Keys only: it
    is read rarely and the table is the largest, so the records are then read by key. Link items have no
    ``person_key``, so they are not in it."""

    class Meta:
        index_name = "person-index"
        projection = KeysOnlyProjection()

    person_key = UnicodeAttribute(hash_key=True)


@register
class Attendance(Model):
    """One attendee of one session (of one day in daily mode), keyed by a keyed hash of the ID number plus the day;
    the number itself is kept only encrypted.

    The same table holds the session's link items (``attendance_rules.link_keys``): partition ``{session}#links``,
    one item per phone and per mobile, whose ``people`` are the person keys signed in with it; sign-in adds to them
    in its one transaction, and the roster reads a page's links in one BatchGetItem to flag shared ones."""

    class Meta:
        table_name = "attendance"

    session_id = UnicodeAttribute(hash_key=True)
    attendee_key = UnicodeAttribute(range_key=True)
    session_mobile = UnicodeAttribute(null=True)  # null once the details are removed (retention_run.py)
    person_key = UnicodeAttribute(null=True)  # keyed hash of the ID number: one person across days
    day = UnicodeAttribute(null=True)  # China date in daily mode
    id_masked = UnicodeAttribute()
    id_encrypted = UnicodeAttribute(null=True)
    name = UnicodeAttribute()
    gender = UnicodeAttribute()
    age = NumberAttribute()
    mobile_masked = UnicodeAttribute(null=True)
    unit = UnicodeAttribute(null=True)
    department = UnicodeAttribute(null=True)
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
    people = UnicodeSetAttribute(null=True)  # link items only
    # When the retention run removed the personal details (mobile, unit, department, answers, phone); what the
    # credits and the stored aggregates need stays. Null: the details are all there (every record while kept).
    details_removed_at = UnicodeAttribute(null=True)

    mobile_index = MobileIndex()
    roster_index = RosterIndex()
    person_index = PersonIndex()
