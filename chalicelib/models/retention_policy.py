"""The retention policy (数据保留期限): how long personal data is kept after a session, one item set by the office."""

from __future__ import annotations

from pynamodb.attributes import NumberAttribute, UnicodeAttribute, VersionAttribute
from pynamodb.models import Model

from chalicelib.models.base import register


@register
class RetentionPolicy(Model):
    """Kept in the name-claims table under its own key (``policy#retention``), like the run cursors: one small item,
    written under its version; absent until the office first saves it (then the defaults of
    services/retention_rules.py apply)."""

    class Meta:
        table_name = "name-claims"

    claim = UnicodeAttribute(hash_key=True)  # policy#retention
    details_years = NumberAttribute()  # attendance details kept this many years after the session's end
    rejection_days = NumberAttribute()  # refused-scan rows kept this many days after the scan
    updated_by = UnicodeAttribute()
    updated_at = UnicodeAttribute()  # UTC ISO
    version = VersionAttribute()
