"""The projects table: the project catalog (项目) with its organisation, year and public indexes."""

from __future__ import annotations

from pynamodb.attributes import NumberAttribute, UnicodeAttribute, VersionAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex
from pynamodb.models import Model

from chalicelib.models.base import register


class OrganisationIndex(GlobalSecondaryIndex["Project"]):
    class Meta:
        index_name = "org-sort-index"
        projection = AllProjection()

    org_id = UnicodeAttribute(hash_key=True)
    sort_key = UnicodeAttribute(range_key=True)


class YearIndex(GlobalSecondaryIndex["Project"]):
    class Meta:
        index_name = "year-sort-index"
        projection = AllProjection()

    year_key = UnicodeAttribute(hash_key=True)
    sort_key = UnicodeAttribute(range_key=True)


class PublicIndex(GlobalSecondaryIndex["Project"]):
    """Sparse: only published projects carry ``public_year``."""

    class Meta:
        index_name = "public-number-index"
        projection = AllProjection()

    public_year = UnicodeAttribute(hash_key=True)
    number = UnicodeAttribute(range_key=True)


@register
class Project(Model):
    class Meta:
        table_name = "projects"

    project_id = UnicodeAttribute(hash_key=True)
    level = UnicodeAttribute()
    number = UnicodeAttribute(null=True)
    year = NumberAttribute()
    year_key = UnicodeAttribute()  # str(year), the year index's partition
    sort_key = UnicodeAttribute()  # year#created_at#project_id: newest last within a year
    name = UnicodeAttribute()
    discipline_code = UnicodeAttribute()
    leader = UnicodeAttribute()
    credits = NumberAttribute()
    nature = UnicodeAttribute()
    planned_sessions = NumberAttribute()
    plan = UnicodeAttribute(null=True)
    org_id = UnicodeAttribute()
    org_name = UnicodeAttribute()
    department = UnicodeAttribute()
    status = UnicodeAttribute()
    review_org_name = UnicodeAttribute(null=True)
    review_action = UnicodeAttribute(null=True)
    review_reason = UnicodeAttribute(null=True)
    public_year = UnicodeAttribute(null=True)
    import_batch = UnicodeAttribute(null=True)
    # Sessions (期数) applied for; while any exists the project's identity and credits are frozen.
    sessions_count = NumberAttribute(default=0)
    created_by = UnicodeAttribute()
    created_at = UnicodeAttribute()
    updated_at = UnicodeAttribute()
    version = VersionAttribute()

    org_index = OrganisationIndex()
    year_index = YearIndex()
    public_index = PublicIndex()
