from __future__ import annotations

from pynamodb.attributes import NumberAttribute, TTLAttribute, UnicodeAttribute
from pynamodb.models import Model

from chalicelib.models.base import register


@register
class Budget(Model):
    """A counter of public look-ups, kept in the rate-limits table beside RateLimit (same key and TTL): the failures
    of one target (``target#…``: a project number and name, a certificate, an ID number as its mask shows it) with
    the time they start again, or the requests and misses of one source in one minute (``source#…``). Keys carry
    keyed hashes, never a name, an ID number or an address."""

    class Meta:
        table_name = "rate-limits"

    bucket = UnicodeAttribute(hash_key=True)
    failures = NumberAttribute(null=True)  # target: slots taken (failures and look-ups under way); source: misses
    resets_at = UnicodeAttribute(null=True)  # target: UTC ISO instant after which the count starts again
    requests = NumberAttribute(null=True)  # source: requests in the minute
    expires_at = TTLAttribute(null=True)
