"""The aggregates table: per-session totals, their organisation/province rollups by month and year, and the markers
that count each person once per rollup (the reports read only this table)."""

from __future__ import annotations

from pynamodb.attributes import BooleanAttribute, JSONAttribute, NumberAttribute, UnicodeAttribute
from pynamodb.models import Model

from chalicelib.models.base import register


@register
class Aggregate(Model):
    """One item of the aggregates (key design in services/aggregate_rules.py):

    - ``org#<org_id>#<year>`` / ``session#<session_id>``: one session's totals, with ``version`` (every change of its
      figures is a conditional update of that version in the same transaction as the rollups' ADDs) and the cursors
      of its distinct-person counting;
    - ``org#<org_id>#<year>`` / ``sum#month#MM`` and ``sum#year``; ``province#<year>`` / ``sum#month#MM``,
      ``sum#year`` and ``org#<org_id>`` (the organisation's row): the rollups, top-level numbers only ADDs touch;
    - ``seen#<person_key>`` / ``<rollup scope>#<rollup item>#<kind>``: the person is counted in that rollup."""

    class Meta:
        table_name = "aggregates"

    scope = UnicodeAttribute(hash_key=True)
    item = UnicodeAttribute(range_key=True)
    as_of = UnicodeAttribute(null=True)  # UTC ISO of the last write
    # a session's identity (session totals) or the organisation (rows and org rollups)
    session_id = UnicodeAttribute(null=True)
    org_id = UnicodeAttribute(null=True)
    org_name = UnicodeAttribute(null=True)
    start_date = UnicodeAttribute(null=True)
    version = NumberAttribute(null=True)
    # figures summed into the rollups (a session's own, or a rollup's sums)
    sessions = NumberAttribute(null=True)  # approved sessions (1 on a session's totals)
    overdue = NumberAttribute(null=True)  # deadline overdue and noticed (deadlines.NOTICED)
    signed_in = NumberAttribute(null=True)
    signed_out = NumberAttribute(null=True)
    incomplete = NumberAttribute(null=True)
    credits = NumberAttribute(null=True)  # attendees' credits granted
    lecturer_credits = NumberAttribute(null=True)
    # a session's own figures, not summed (distinct people only count through the markers)
    attendees = NumberAttribute(null=True)
    grassroots = NumberAttribute(null=True)
    out_of_region = NumberAttribute(null=True)
    credited = NumberAttribute(null=True)
    questionnaire = JSONAttribute(null=True)
    recounted = BooleanAttribute(null=True)  # figures read from the session's partition (not only held/overdue)
    # a session's distinct-person counting: every person key up to the cursor is counted; once all are, how many
    people_after = UnicodeAttribute(null=True)
    people_counted = NumberAttribute(null=True)
    credited_after = UnicodeAttribute(null=True)
    credited_counted = NumberAttribute(null=True)
    # a rollup's distinct people (ADDed with each new marker)
    people = NumberAttribute(null=True)
    credited_people = NumberAttribute(null=True)
