"""The credit rules the office keeps (学分规则): every version in one item, changed under its version."""

from __future__ import annotations

from pynamodb.attributes import (
    ListAttribute,
    MapAttribute,
    NumberAttribute,
    UnicodeAttribute,
    VersionAttribute,
)
from pynamodb.models import Model

from chalicelib.models.base import register


class LevelFigures(MapAttribute):
    hours_per_credit = NumberAttribute()
    lecturer_credits_per_hour = NumberAttribute()
    cap_per_project = NumberAttribute()
    required_hours_min_ratio = NumberAttribute()
    credit_class = UnicodeAttribute()


class ClassMinimum(MapAttribute):
    credit_class = UnicodeAttribute()
    credits = NumberAttribute()


class YearlyFigures(MapAttribute):
    total_credits = NumberAttribute()
    class_minimums = ListAttribute(of=ClassMinimum)
    source = UnicodeAttribute()


class RuleVersion(MapAttribute):
    version = UnicodeAttribute()
    effective_from = UnicodeAttribute()  # China date
    source_title = UnicodeAttribute()
    source_number = UnicodeAttribute(null=True)
    source_url = UnicodeAttribute(null=True)
    note = UnicodeAttribute(null=True)
    national = LevelFigures()
    provincial = LevelFigures()
    admin_deadline_days = NumberAttribute()
    office_deadline_days = NumberAttribute()
    yearly_requirement = YearlyFigures(null=True)
    updated_by = UnicodeAttribute(null=True)
    updated_at = UnicodeAttribute(null=True)  # UTC ISO


@register
class CreditRuleBook(Model):
    """Kept in the name-claims table under its own key (``rules#credit``), like the retention policy. Absent until the
    office first changes the rules; until then the packaged first version (data/credit_rules.json) is the book.
    A handful of versions a decade: one item keeps a reader to one GetItem and a change to one conditional write."""

    class Meta:
        table_name = "name-claims"

    claim = UnicodeAttribute(hash_key=True)  # rules#credit
    versions = ListAttribute(of=RuleVersion)
    version = VersionAttribute()
