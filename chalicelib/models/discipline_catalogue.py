"""The discipline catalogue the office keeps (学科目录): every entry, retired ones too, in one item."""

from __future__ import annotations

from pynamodb.attributes import ListAttribute, MapAttribute, UnicodeAttribute, VersionAttribute
from pynamodb.models import Model

from chalicelib.models.base import register


class CatalogueEntry(MapAttribute):
    code = UnicodeAttribute()  # 二级 "14", 三级 "14-02"
    name = UnicodeAttribute()
    retired_at = UnicodeAttribute(null=True)  # UTC ISO; retired entries stay for old projects' labels
    changed_by = UnicodeAttribute(null=True)
    changed_at = UnicodeAttribute(null=True)  # UTC ISO


@register
class DisciplineCatalogue(Model):
    """Kept in the name-claims table under its own key (``catalogue#discipline``). Absent until the office first
    changes it; until then the packaged national catalogue (data/disciplines.csv) is the catalogue. A few hundred
    entries of a few dozen bytes: one item, read with one GetItem and changed under its version."""

    class Meta:
        table_name = "name-claims"

    claim = UnicodeAttribute(hash_key=True)  # catalogue#discipline
    entries = ListAttribute(of=CatalogueEntry)
    version = VersionAttribute()
