"""The execution report, selection, grant and credit answers and requests (执行情况, 学员遴选, 学分)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from chalicelib.schemas.attendance import FlagOut
from chalicelib.schemas.common import MULTILINE, Input, Output, PageQuery, PersonName
from chalicelib.schemas.sessions import DeadlineOut, ReportAction, ReportStatus

CreditKind = Literal["attendee", "lecturer"]


class LecturerIn(Input):
    name: PersonName = Field(min_length=1, max_length=30, title="授课人")
    title: str | None = Field(None, max_length=30, title="职称")
    unit: str | None = Field(None, max_length=60, title="单位")
    hours: float = Field(gt=0, le=500, title="授课学时")
    id_number: str | None = Field(
        None, max_length=30, title="身份证号码（选填）", description="登记后，授课人可在学员证书查询中查到本人的证书"
    )
    id_masked: str | None = Field(
        None,
        max_length=18,
        title="已登记的身份证号码",
        description="读取时的掩码；原样发回则保留已登记的号码",
    )


class ReportIn(Input):
    actual_start_date: dt.date = Field(title="实际开始日期")
    actual_end_date: dt.date = Field(title="实际结束日期")
    venue: str = Field(min_length=2, max_length=100, title="实际举办地点")
    summary: str = Field(min_length=1, max_length=2000, title="执行情况总结", json_schema_extra=MULTILINE)
    lecturers: list[LecturerIn] = Field(min_length=1, max_length=50, title="授课人")


class SelectionIn(Input):
    """Submits the admin's draft; ``version`` (the report's, as last read) refuses a list changed since."""

    version: int | None = Field(None, ge=0, title="名单版本（上次读取时）")


SelectionView = Literal["all", "selected", "unselected", "below"]


class SelectionQuery(PageQuery):
    """A page of the list in a view (全部, 已选, 未选, 未达规定学时); a view's page may be short: the cursor goes on."""

    limit: int = Field(50, ge=1, le=50, title="每页人数")
    view: SelectionView = Field("all", title="视图（全部/已选/未选/未达规定学时）")


class DraftChange(Input):
    attendee_id: str = Field(min_length=1, max_length=64, title="学员")
    selected: bool = Field(title="是否选择")
    reason: str | None = Field(None, max_length=200, title="补选理由", json_schema_extra=MULTILINE)


class DraftIn(Input):
    """One or a few changes of the admin's draft, on the report's ``version`` as last read (else 409)."""

    version: int = Field(ge=0, title="名单版本（上次读取时）")
    changes: list[DraftChange] = Field(min_length=1, max_length=20, title="修改")


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
    id_masked: str | None = Field(None, title="身份证号码（掩码）")


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


class SelectionCounts(Output):
    """共 N 人 / 预选 P 人 / 已选 S 人; ``version`` is the draft's concurrency token, ``frozen`` once submitted."""

    total: int
    preselected_count: int
    selected_count: int
    version: int
    frozen: bool
    draft_updated_by: str | None
    draft_updated_at: str | None


class SelectionOut(SelectionCounts):
    """One page of candidates (``next_cursor`` continues after its last person) with the session's counts."""

    required_hours: float
    items: list[CandidateOut]
    next_cursor: str | None


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
