"""The sessions table: one holding (期数) of a project, its fields grouped by the workflow that writes them, and its
indexes (the lists' composite keys are derived from the fields on every save: ``ListingKeys``)."""

from __future__ import annotations

from typing import Any

from pynamodb.attributes import JSONAttribute, NumberAttribute, UnicodeAttribute, VersionAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex
from pynamodb.models import Model

from chalicelib.models.base import register


class ProjectSessionsIndex(GlobalSecondaryIndex["Session"]):
    class Meta:
        index_name = "project-seq-index"
        projection = AllProjection()

    project_id = UnicodeAttribute(hash_key=True)
    seq = NumberAttribute(range_key=True)


class OrganisationSessionsIndex(GlobalSecondaryIndex["Session"]):
    class Meta:
        index_name = "org-sort-index"
        projection = AllProjection()

    org_id = UnicodeAttribute(hash_key=True)
    sort_key = UnicodeAttribute(range_key=True)


class YearSessionsIndex(GlobalSecondaryIndex["Session"]):
    class Meta:
        index_name = "year-sort-index"
        projection = AllProjection()

    year_key = UnicodeAttribute(hash_key=True)
    sort_key = UnicodeAttribute(range_key=True)


class _Listing(GlobalSecondaryIndex["Session"]):
    class Meta:
        projection = AllProjection()

    sort_key = UnicodeAttribute(range_key=True)


class DepartmentSessionsIndex(_Listing):
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


class YearReportIndex(_Listing):
    """Sparse (approved sessions): the office's list by credit state, year#report_status."""

    class Meta(_Listing.Meta):
        index_name = "year-report-index"

    year_report = UnicodeAttribute(hash_key=True)


class OrganisationReportIndex(_Listing):
    """Sparse (approved sessions): an administration's list by credit state, organisation#report_status."""

    class Meta(_Listing.Meta):
        index_name = "org-report-index"

    org_report = UnicodeAttribute(hash_key=True)


class ListingKeys:
    """The composite keys of the lists' indexes, derived from scope and state whenever the item is written whole
    (every change of status or report status is a save; partial updates never touch these fields)."""

    org_dept = UnicodeAttribute(null=True)
    year_status = UnicodeAttribute(null=True)
    org_status = UnicodeAttribute(null=True)
    year_report = UnicodeAttribute(null=True)
    org_report = UnicodeAttribute(null=True)

    def derive_listing_keys(self: Any) -> None:
        self.org_dept = f"{self.org_id}#{self.department}"
        self.year_status = f"{self.year_key}#{self.status}"
        self.org_status = f"{self.org_id}#{self.status}"
        self.year_report = f"{self.year_key}#{self.report_status}" if self.report_status else None
        self.org_report = f"{self.org_id}#{self.report_status}" if self.report_status else None


class AttendanceDueIndex(GlobalSecondaryIndex["Session"]):
    """Sparse: approved sessions whose next sign-out window closes at ``attendance_due``."""

    class Meta:
        index_name = "attendance-due-index"
        projection = AllProjection()

    attendance_open = UnicodeAttribute(hash_key=True)
    attendance_due = UnicodeAttribute(range_key=True)


class DeadlineIndex(GlobalSecondaryIndex["Session"]):
    """Sparse: sessions whose admin or office must act by ``deadline_due``; under "open" while the daily reminders
    still watch them, under "overdue" once the overdue notice went out (services/deadlines.py)."""

    class Meta:
        index_name = "deadline-index"
        projection = AllProjection()

    deadline_open = UnicodeAttribute(hash_key=True)
    deadline_due = UnicodeAttribute(range_key=True)


# Each workflow's fields are declared on a plain mixin that Session inherits: pynamodb collects a Model's attributes
# with inspect.getmembers, which walks every base class, so the stored item is exactly as if they were declared on
# Session itself (same attribute names, no nesting). tests/unit/test_models.py pins this.


class ApplicationFields:
    """The holding application (举办申请): what the organizer applies for, its materials and its review."""

    venue = UnicodeAttribute()
    start_date = UnicodeAttribute()  # China dates, YYYY-MM-DD
    end_date = UnicodeAttribute()
    schedule = JSONAttribute()  # blocks: date, start, end (China wall clock), starts_at/ends_at (UTC), topic…
    teaching_hours = NumberAttribute()
    planned_attendees = NumberAttribute()
    remark = UnicodeAttribute(null=True)
    materials = JSONAttribute(default=dict)  # kind -> {key, filename, content_type, size, uploaded_at}
    status = UnicodeAttribute()
    review_org_name = UnicodeAttribute(null=True)
    review_action = UnicodeAttribute(null=True)
    review_reason = UnicodeAttribute(null=True)


class AttendanceFields:
    """QR attendance (签到/签退), fixed at approval: the HMAC key of this session's tokens (replaced when a window
    closes), the attendance plan (mode, window offsets, refresh; null = defaults), the questionnaire, and the
    closing work of the scheduled function (sessions with a window still to close are in the sparse due index)."""

    qr_secret = UnicodeAttribute(null=True)
    # Key id (of PII_KEY) of every look-up hash of this session's attendance, fixed at approval so that sign-ins
    # before and after a key rotation meet; null: the legacy key (approved before key ids existed).
    pii_kid = UnicodeAttribute(null=True)
    attendance = JSONAttribute(null=True)
    questionnaire = JSONAttribute(null=True)
    attendance_open = UnicodeAttribute(null=True)
    attendance_due = UnicodeAttribute(null=True)
    attendance_closed_through = UnicodeAttribute(null=True)
    # Where a close run that reached its time budget stopped: {through: the window end it closes, after: the last
    # attendee_key marked}; the next run goes on from there. Null when no close is half done.
    attendance_close_cursor = JSONAttribute(null=True)
    # Set by the retention run when it starts removing the attendance details (services/retention_run.py): from then
    # on the session's stored aggregates are final and no settle recounts them from the stripped records.
    details_removed_at = UnicodeAttribute(null=True)


class CreditFields:
    """Credits: 规定学时, the state of the execution report → selection → granting, and the deadline of whoever acts
    next (China date, inclusive); sessions with an open deadline are in the sparse deadline index."""

    required_hours = NumberAttribute(null=True)
    # The credit-rule version in force on the day of approval and that day (China date): the session is judged by it
    # ever after; null: approved before versions were pinned (then the version in force on its start date).
    rule_version = UnicodeAttribute(null=True)
    rule_day = UnicodeAttribute(null=True)
    report_status = UnicodeAttribute(null=True)
    deadline_open = UnicodeAttribute(null=True)  # "open": on the reminders' worklist; "overdue": its notice went out
    deadline_due = UnicodeAttribute(null=True)
    deadline_kind = UnicodeAttribute(null=True)  # admin | office
    admin_submitted_on = UnicodeAttribute(null=True)
    extension = JSONAttribute(null=True)  # {until, reason, granted_by, granted_at}
    granted_at = UnicodeAttribute(null=True)


@register
class Session(ApplicationFields, AttendanceFields, CreditFields, ListingKeys, Model):
    """One holding (期数) of a project: its identity and scope here, and the fields of each workflow in the mixins
    above (application, attendance, credits)."""

    class Meta:
        table_name = "sessions"

    session_id = UnicodeAttribute(hash_key=True)
    project_id = UnicodeAttribute()
    seq = NumberAttribute()
    # Copied from the project for lists and scoping; a project's identity does not change once it has sessions.
    project_number = UnicodeAttribute()
    project_name = UnicodeAttribute()
    project_level = UnicodeAttribute()
    leader = UnicodeAttribute()
    credits = NumberAttribute()
    org_id = UnicodeAttribute()
    org_name = UnicodeAttribute()
    department = UnicodeAttribute()
    year_key = UnicodeAttribute()
    sort_key = UnicodeAttribute()  # start_date#session_id
    created_by = UnicodeAttribute()
    created_at = UnicodeAttribute()
    updated_at = UnicodeAttribute()
    version = VersionAttribute()

    project_index = ProjectSessionsIndex()
    org_index = OrganisationSessionsIndex()
    year_index = YearSessionsIndex()
    due_index = AttendanceDueIndex()
    deadline_index = DeadlineIndex()
    dept_index = DepartmentSessionsIndex()
    year_status_index = YearStatusIndex()
    org_status_index = OrganisationStatusIndex()
    year_report_index = YearReportIndex()
    org_report_index = OrganisationReportIndex()

    def serialize(self, null_check: bool = True) -> dict[str, Any]:
        self.derive_listing_keys()
        return super().serialize(null_check)
