"""The name-grams table: the word index of name search (services/name_index.py). One entry per character gram of a
project's name or leader or a session's project name, under ``<ns>#<gram>`` in list order; and per namespace a small
size sketch (``<ns>-n``: 16 items of 1,024 counters) from which a search picks its rarest gram."""

from __future__ import annotations

from pynamodb.attributes import NumberAttribute, UnicodeAttribute
from pynamodb.models import Model

from chalicelib.models.base import register


@register
class NameGram(Model):
    """An entry: the keys say where it sorts (the list's own sort key, so a partition reads newest first, a year is a
    key prefix); the rest is what a search filters on before reading the item, and the indexed item's version."""

    class Meta:
        table_name = "name-grams"

    gram_key = UnicodeAttribute(hash_key=True)  # <ns>#<gram>: pn project name, pl leader, sn session's project name
    order_key = UnicodeAttribute(range_key=True)  # the item's sort_key (it starts with the year and ends with the id)
    item_id = UnicodeAttribute()
    name = UnicodeAttribute()  # the project's name (a session's project name), as written
    leader = UnicodeAttribute(null=True)  # projects
    level = UnicodeAttribute(null=True)  # projects
    org_id = UnicodeAttribute()
    department = UnicodeAttribute()
    status = UnicodeAttribute()
    version = NumberAttribute()  # the item's version this entry was written from: an older write never wins
