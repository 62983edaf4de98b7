"""Statistics: the session report, the organisation's and the province's year reports, and their queries."""

from __future__ import annotations

from pydantic import Field

from chalicelib.schemas.attendance import QuestionnaireStatistics
from chalicelib.schemas.common import Input, Output


class SessionReport(Output):
    signed_in: int
    signed_out: int
    incomplete: int
    attendees: int  # distinct people (one per ID number, whatever the days)
    grassroots_share: float  # 0..1, of the distinct attendees
    out_of_region_share: float  # 0..1, of the distinct attendees
    questionnaire: QuestionnaireStatistics
    credited_attendees: int
    credits_granted: float  # attendees' credits
    lecturer_credits: float
    as_of: str | None = None  # UTC ISO: when these figures were counted (live: now; closed: the stored totals')


class YearQuery(Input):
    year: int | None = Field(None, ge=2000, le=2100, title="年份")


class OrganisationQuery(YearQuery):
    org_id: str | None = Field(None, min_length=1, max_length=64, title="单位")


class MonthFigures(Output):
    month: int
    sessions: int
    attendees: int
    credits: float


class OrganisationReport(Output):
    year: int
    org_id: str
    org_name: str
    sessions_held: int
    attendees: int
    credited_attendees: int
    credits_granted: float
    lecturer_credits: float
    overdue: int
    by_month: list[MonthFigures]
    as_of: str | None = None  # UTC ISO of the aggregates' last update (None: nothing counted yet)


class OrganisationRow(Output):
    org_id: str
    org_name: str
    sessions_held: int
    attendees: int
    credited_attendees: int
    credits_granted: float
    overdue: int


class ProvinceReport(Output):
    year: int
    sessions_held: int
    attendees: int
    credited_attendees: int
    credits_granted: float
    lecturer_credits: float
    overdue: int
    by_month: list[MonthFigures]
    organisations: list[OrganisationRow]
    as_of: str | None = None  # UTC ISO of the aggregates' last update (None: nothing counted yet)
