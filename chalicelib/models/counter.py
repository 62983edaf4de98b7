"""The counters table: atomic sequence numbers."""

from __future__ import annotations

from pynamodb.attributes import NumberAttribute, UnicodeAttribute
from pynamodb.models import Model

from chalicelib.models.base import register


@register
class Counter(Model):
    """Atomic sequence numbers (e.g. provincial project numbers per year and discipline)."""

    class Meta:
        table_name = "counters"

    name = UnicodeAttribute(hash_key=True)
    value = NumberAttribute(default=0)
