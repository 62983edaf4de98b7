"""Drafts of the session form and of the execution report: the form as typed (every field optional, each bounded as
the form's own field, so a draft fits its item), the draft's version, and who saved it when."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from chalicelib.schemas.common import MULTILINE, Input, Output

# A half-typed form: times and dates as the pickers give them, numbers as typed (the save checks them).
Clock = str


class DraftBlock(Input):
    date: dt.date | None = Field(None, title="日期")
    start: Clock | None = Field(None, max_length=8, title="开始时间")
    end: Clock | None = Field(None, max_length=8, title="结束时间")
    topic: str = Field("", max_length=100, title="授课内容")
    lecturer: str = Field("", max_length=50, title="授课人")
    hours: float | None = Field(None, ge=0, le=24, title="学时")


class DraftAttendance(Input):
    mode: Literal["whole", "daily"] | None = Field(None, title="签到方式")
    refresh_seconds: int | None = Field(None, ge=-100000, le=100000, title="刷新时间")
    sign_in_opens_before: int | None = Field(None, ge=-100000, le=100000, title="签到开放")
    sign_in_closes_after: int | None = Field(None, ge=-100000, le=100000, title="签到关闭")
    sign_out_opens_before: int | None = Field(None, ge=-100000, le=100000, title="签退开放")
    sign_out_closes_after: int | None = Field(None, ge=-100000, le=100000, title="签退关闭")


class SessionDraftData(Input):
    seq: int | None = Field(None, ge=1, le=99, title="期数")
    venue: str = Field("", max_length=100, title="会场地址")
    start_date: dt.date | None = Field(None, title="开始日期")
    end_date: dt.date | None = Field(None, title="结束日期")
    schedule: list[DraftBlock] = Field(default_factory=list, max_length=100, title="教学日程")
    planned_attendees: int | None = Field(None, ge=0, le=10000, title="计划人数")
    remark: str = Field("", max_length=500, title="备注", json_schema_extra=MULTILINE)
    required_hours: float | None = Field(None, ge=0, le=500, title="规定学时")
    attendance: DraftAttendance | None = Field(None, title="签到签退设置")


class DraftLecturer(Input):
    name: str = Field("", max_length=30, title="授课人")
    title: str = Field("", max_length=30, title="职称")
    unit: str = Field("", max_length=60, title="单位")
    hours: float | None = Field(None, ge=0, le=500, title="授课学时")
    # Only the mask of a number registered before (kept by the next save); a typed number is never in a draft.
    id_masked: str | None = Field(None, pattern=r"^[0-9]{6}\*{8}[0-9]{3}[0-9X]$", title="已登记的身份证号码（掩码）")


class ReportDraftData(Input):
    actual_start_date: dt.date | None = Field(None, title="实际开始日期")
    actual_end_date: dt.date | None = Field(None, title="实际结束日期")
    venue: str = Field("", max_length=100, title="实际举办地点")
    summary: str = Field("", max_length=2000, title="执行情况总结", json_schema_extra=MULTILINE)
    lecturers: list[DraftLecturer] = Field(default_factory=list, max_length=50, title="授课人")


class SessionDraftIn(Input):
    """The form as typed, on the draft's ``version`` as last read (0: none yet; else 409 DRAFT_STALE); ``data``
    null discards the draft."""

    version: int = Field(ge=0, title="草稿版本（上次读取时）")
    data: SessionDraftData | None = Field(title="草稿")


class ReportDraftIn(Input):
    """As ``SessionDraftIn``, for the execution report."""

    version: int = Field(ge=0, title="草稿版本（上次读取时）")
    data: ReportDraftData | None = Field(title="草稿")


class SessionDraftOut(Output):
    data: SessionDraftData | None
    version: int
    updated_by: str | None
    updated_at: str | None


class ReportDraftOut(Output):
    data: ReportDraftData | None
    version: int
    updated_by: str | None
    updated_at: str | None
