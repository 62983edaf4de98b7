"""The projects table: the project catalog (项目) with its organisation, year and public indexes, and the lists'
indexes by department and status (their composite keys are derived on every save)."""

from __future__ import annotations

from typing import Any

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


class _Listing(GlobalSecondaryIndex["Project"]):
    class Meta:
        projection = AllProjection()

    sort_key = UnicodeAttribute(range_key=True)


class DepartmentIndex(_Listing):
    """An organizer's list: organisation#department."""

    class Meta(_Listing.Meta):
        index_name = "dept-sort-index"

    org_dept = UnicodeAttribute(hash_key=True)


class YearStatusIndex(_Listing):
    """The office's list by status (e.g. 待省继教办审核): year#status."""

    class Meta(_Listing.Meta):
        index_name = "year-status-index"

    year_status = UnicodeAttribute(hash_key=True)


class OrganisationStatusIndex(_Listing):
    """An administration's list by status (e.g. 待单位审核): organisation#status."""

    class Meta(_Listing.Meta):
        index_name = "org-status-index"

    org_status = UnicodeAttribute(hash_key=True)


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
    # The lists' composite keys, derived from scope and state on every save (a status change is always a save).
    org_dept = UnicodeAttribute(null=True)
    year_status = UnicodeAttribute(null=True)
    org_status = UnicodeAttribute(null=True)

    org_index = OrganisationIndex()
    year_index = YearIndex()
    public_index = PublicIndex()
    dept_index = DepartmentIndex()
    year_status_index = YearStatusIndex()
    org_status_index = OrganisationStatusIndex()

    def serialize(self, null_check: bool = True) -> dict[str, Any]:
        self.org_dept = f"{self.org_id}#{self.department}"
        self.year_status = f"{self.year_key}#{self.status}"
        self.org_status = f"{self.org_id}#{self.status}"
        return super().serialize(null_check)
