"""The execution report, selection, grant and credit answers and requests (执行情况, 学员遴选, 学分)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from chalicelib.schemas.attendance import FlagOut
from chalicelib.schemas.common import MULTILINE, Input, Output, PersonName
from chalicelib.schemas.sessions import DeadlineOut, ReportAction, ReportStatus

CreditKind = Literal["attendee", "lecturer"]


class LecturerIn(Input):
    name: PersonName = Field(min_length=1, max_length=30, title="授课人")
    title: str | None = Field(None, max_length=30, title="职称")
    unit: str | None = Field(None, max_length=60, title="单位")
    hours: float = Field(gt=0, le=500, title="授课学时")


class ReportIn(Input):
    actual_start_date: dt.date = Field(title="实际开始日期")
    actual_end_date: dt.date = Field(title="实际结束日期")
    venue: str = Field(min_length=2, max_length=100, title="实际举办地点")
    summary: str = Field(min_length=1, max_length=2000, title="执行情况总结", json_schema_extra=MULTILINE)
    lecturers: list[LecturerIn] = Field(min_length=1, max_length=50, title="授课人")


class Included(Input):
    attendee_id: str = Field(min_length=1, max_length=64, title="学员")
    reason: str = Field(max_length=200, title="补选理由", json_schema_extra=MULTILINE)


class SelectionIn(Input):
    deselected: list[str] = Field(default_factory=list, max_length=10000, title="取消选择的学员")
    included: list[Included] = Field(default_factory=list, max_length=10000, title="补选的学员")


class ReasonIn(Input):
    reason: str = Field(min_length=2, max_length=500, title="理由", json_schema_extra=MULTILINE)


class ExtensionIn(Input):
    until: dt.date = Field(title="延长至")
    reason: str = Field(min_length=2, max_length=200, title="理由", json_schema_extra=MULTILINE)


class ExtensionOut(Output):
    until: str
    reason: str
    granted_by: str
    granted_at: str


class LecturerOut(Output):
    name: str
    title: str | None
    unit: str | None
    hours: float
    credits: float


class AttendanceCounts(Output):
    signed_in: int
    signed_out: int
    incomplete: int


class ReportOut(Output):
    status: ReportStatus
    status_label: str
    actual_start_date: str | None
    actual_end_date: str | None
    venue: str | None
    summary: str | None
    lecturers: list[LecturerOut]
    submitted_at: str | None
    return_reason: str | None
    deadline: DeadlineOut | None
    extension: ExtensionOut | None
    required_hours: float
    selected_count: int | None
    attendance: AttendanceCounts
    actions: list[ReportAction]


class CandidateOut(Output):
    attendee_id: str
    name: str
    id_number: str
    unit: str
    department: str
    days: list[str | None]
    signed_in_at: str
    signed_out_at: str | None
    hours: float
    status: Literal["present", "signed_out", "incomplete"]
    flags: list[FlagOut]
    questionnaire_done: bool
    preselected: bool
    selected: bool
    reason: str | None


class SelectionOut(Output):
    required_hours: float
    total: int
    selected_count: int
    items: list[CandidateOut]


class CreditOut(Output):
    kind: CreditKind
    name: str
    id_number: str | None
    credit_class: str
    credits: float
    hours: float
    granted_at: str


class CreditList(Output):
    total_credits: float
    items: list[CreditOut]


class LevelRuleOut(Output):
    hours_per_credit: float
    lecturer_credits_per_hour: float


class YearlyRequirementOut(Output):
    total_credits: float = Field(title="每年应获学分")
    class_i_min: float = Field(title="其中I类学分不少于")
    source: str = Field(title="依据")


class CreditRuleOut(Output):
    version: str
    effective_from: str
    source: str
    national: LevelRuleOut
    provincial: LevelRuleOut
    cap_per_project: float
    required_hours_min_ratio: float
    deadline_days: int
    yearly_requirement: YearlyRequirementOut | None = None


class CreditRules(Output):
    current: str
    items: list[CreditRuleOut]
