"""The rate-limits table: the look-up budgets of public routes, per target and per source address."""

from __future__ import annotations

from typing import Any

from pynamodb.attributes import MapAttribute, NumberAttribute, TTLAttribute, UnicodeAttribute
from pynamodb.models import Model

from chalicelib.models.base import register


@register
class Budget(Model):
    """A counter of public look-ups, kept in the rate-limits table: the budget
    of one target (``target#…``: a project number and name, a certificate, an ID number as its mask shows it), or
    the requests and misses of one source in one minute (``source#…``). Keys carry keyed hashes, never a name, an
    ID number or an address.

    A target's item stays small: its look-ups in flight and its recent misses are maps of a random slot id to the
    UTC ISO instant it was taken or spent (at most a few dozen entries; older ones are pruned by the next slot
    taken), so settling a slot (``REMOVE held.<id>``) never needs a read or a condition."""

    class Meta:
        table_name = "rate-limits"

    bucket = UnicodeAttribute(hash_key=True)
    failures = NumberAttribute(null=True)  # source: misses in the minute
    requests = NumberAttribute(null=True)  # source: requests in the minute
    # target: slot id -> UTC ISO instant (``Any``: pynamodb types ``Budget.held[slot]``, an update path, as the value)
    held: MapAttribute[str, Any] = MapAttribute(null=True)  # when a look-up still in flight took it
    misses: MapAttribute[str, Any] = MapAttribute(null=True)  # when a look-up that found nobody spent it
    locked_until = UnicodeAttribute(null=True)  # target: UTC ISO instant its lock ends
    revision = NumberAttribute(null=True)  # target: bumped by every write that takes a slot or locks
    created = NumberAttribute(null=True)  # sign-in target: records its sign-ins created (never given back)
    expires_at = TTLAttribute(null=True)
