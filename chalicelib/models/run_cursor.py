"""The progress of a scheduled function's daily work: which pass, where the last run stopped, and which run holds it."""

from __future__ import annotations

from pynamodb.attributes import JSONAttribute, NumberAttribute, UnicodeAttribute
from pynamodb.models import Model

from chalicelib.models.base import register


@register
class RunCursor(Model):
    """Kept in the name-claims table under its own key prefix (``run#{function}``), like the reminder leases: one
    small item per scheduled function, read and held in one conditional update at the start of each run."""

    class Meta:
        table_name = "name-claims"

    claim = UnicodeAttribute(hash_key=True)  # run#{function}
    day = UnicodeAttribute(null=True)  # the China date of the pass
    phase = UnicodeAttribute(null=True)  # the function's own phases, then "done"
    after = JSONAttribute(null=True)  # the last item handled in the phase (its index key); null: from the start
    failed = NumberAttribute(null=True)  # items of this pass not done (a later pass retries them)
    passes = NumberAttribute(null=True)  # passes started this day
    held_until = UnicodeAttribute(null=True)  # the holding run's lease (UTC ISO), "" when released
