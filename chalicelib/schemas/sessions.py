"""Holding applications' requests and answers: fields and schedule, attendance settings, materials, review reasons,
lists, timeline and notifications."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Literal

from pydantic import Field, field_validator

from chalicelib.schemas.common import MULTILINE, Input, Output, PageQuery
from chalicelib.schemas.credit_rules import RuleBasisOut
from chalicelib.services.attendance_rules import DEFAULT_PLAN, Window

if TYPE_CHECKING:
    from chalicelib.services.deadlines import Deadline
from chalicelib.timeutil import to_iso

MaterialKind = Literal["notice", "schedule"]
ReportStatus = Literal["pending", "reported", "returned", "submitted", "office_returned", "granted"]
# Written out for OpenAPI and mypy; tests/unit/test_workflow_tables.py holds them equal to workflow_tables.SESSION.
SessionStatus = Literal["draft", "submitted", "forwarded", "returned", "approved"]
SessionAction = Literal["upload", "edit", "submit", "forward", "return", "approve", "delete"]
# What may be done with the execution report now (services/workflow_tables.py REPORT, in table order).
ReportAction = Literal["edit", "submit", "return", "select", "office_return", "grant", "extend"]


# When a teaching block is held: China date and wall-clock times.
class BlockTimes(Input):
    date: dt.date = Field(title="日期")
    start: dt.time = Field(title="开始时间")
    end: dt.time = Field(title="结束时间")

    @field_validator("start", "end")
    @classmethod
    def _wall_clock(cls, value: dt.time) -> dt.time:
        if value.tzinfo is not None:
            raise ValueError("时间请填写北京时间，如 08:30")
        return value

    @field_validator("date")
    @classmethod
    def _plausible_date(cls, value: dt.date) -> dt.date:
        return _check_date(value)


class BlockIn(BlockTimes):
    topic: str = Field(min_length=1, max_length=100, title="授课内容")
    lecturer: str = Field(min_length=1, max_length=50, title="授课人")
    hours: float = Field(gt=0, le=12, title="学时")


def _check_date(value: dt.date) -> dt.date:
    if not 2000 <= value.year <= 2100:
        raise ValueError("日期超出范围")
    return value


# 签到签退设置; the defaults are ``attendance_rules.DEFAULT_PLAN``'s.
class AttendanceSettings(Input):
    mode: Literal["whole", "daily"] = Field(DEFAULT_PLAN.mode, title="签到方式")
    refresh_seconds: int = Field(DEFAULT_PLAN.refresh_seconds, ge=30, le=86400, title="刷新时间")
    sign_in_opens_before: int = Field(
        DEFAULT_PLAN.sign_in_opens_before, ge=0, le=1440, title="签到开放（首节课前分钟）"
    )
    sign_in_closes_after: int = Field(
        DEFAULT_PLAN.sign_in_closes_after, ge=-1440, le=1440, title="签到关闭（末节课结束后分钟）"
    )
    sign_out_opens_before: int = Field(
        DEFAULT_PLAN.sign_out_opens_before, ge=0, le=1440, title="签退开放（末节课结束前分钟）"
    )
    sign_out_closes_after: int = Field(
        DEFAULT_PLAN.sign_out_closes_after, ge=0, le=1440, title="签退关闭（末节课结束后分钟）"
    )


class SessionFields(Input):
    venue: str = Field(min_length=2, max_length=100, title="会场地址")
    start_date: dt.date = Field(title="开始日期")
    end_date: dt.date = Field(title="结束日期")
    schedule: list[BlockIn] = Field(min_length=1, max_length=100, title="教学日程")
    planned_attendees: int = Field(ge=1, le=10000, title="计划人数")
    remark: str | None = Field(None, max_length=500, title="备注", json_schema_extra=MULTILINE)
    attendance: AttendanceSettings = Field(default_factory=AttendanceSettings, title="签到签退设置")
    required_hours: float | None = Field(None, gt=0, le=500, title="规定学时")

    _dates = field_validator("start_date", "end_date")(_check_date)


class SessionCreate(SessionFields):
    seq: int = Field(ge=1, le=99, title="期数")


class SessionUpdate(SessionFields):
    pass


class SessionQuery(PageQuery):
    year: int | None = Field(None, ge=2000, le=2100, title="年份")
    status: SessionStatus | None = Field(None, title="状态")
    name: str | None = Field(None, max_length=100, title="项目名称")
    org_id: str | None = Field(None, min_length=1, max_length=64, title="单位")
    project_id: str | None = Field(None, min_length=1, max_length=64, title="项目")
    report_status: ReportStatus | None = Field(None, title="学分办理状态")


class UploadRequest(Input):
    filename: str = Field(min_length=1, max_length=200, title="文件名")
    content_type: str = Field(min_length=3, max_length=100, title="文件类型")
    size: int = Field(ge=1, title="文件大小")


class UploadConfirm(Input):
    key: str = Field(min_length=1, max_length=300, title="文件键")
    filename: str = Field(min_length=1, max_length=200, title="文件名")


class SessionReason(Input):
    reason: str = Field(min_length=2, max_length=500, title="理由", json_schema_extra=MULTILINE)


class BlockOut(Output):
    date: str
    start: str
    end: str
    starts_at: str
    ends_at: str
    topic: str
    lecturer: str
    hours: float


class MaterialOut(Output):
    kind: MaterialKind
    filename: str
    content_type: str
    size: int
    uploaded_at: str


class AttendanceSettingsOut(Output):
    mode: Literal["whole", "daily"]
    refresh_seconds: int
    sign_in_opens_before: int
    sign_in_closes_after: int
    sign_out_opens_before: int
    sign_out_closes_after: int


class WindowOut(Output):
    kind: Literal["in", "out"]
    day: str | None
    opens: str
    closes: str

    @classmethod
    def of(cls, window: Window) -> WindowOut:
        return cls(kind=window.kind, day=window.day, opens=to_iso(window.opens), closes=to_iso(window.closes))


class DeadlineOut(Output):
    kind: Literal["admin", "office"]
    due: str
    days_left: int
    overdue: bool
    extended: bool

    @classmethod
    def of(cls, deadline: Deadline | None) -> DeadlineOut | None:
        if deadline is None:
            return None
        return cls(
            kind=deadline.kind,
            due=deadline.due.isoformat(),
            days_left=deadline.days_left,
            overdue=deadline.overdue,
            extended=deadline.extended,
        )


class SessionOut(Output):
    session_id: str
    project_id: str
    seq: int
    project_number: str
    project_name: str
    project_level: str
    leader: str
    credits: float
    org_id: str
    org_name: str
    department: str
    venue: str
    start_date: str
    end_date: str
    schedule: list[BlockOut]
    teaching_hours: float
    # Under the credit rules in force on the start date: what an attendee can earn at most from the schedule, and
    # how far that falls short of the project's credits (0: not short; a warning, never a refusal).
    schedule_credits: float
    credits_shortfall: float
    credit_rule: RuleBasisOut = Field(title="判定学分所用的规则版本及原因")
    planned_attendees: int
    remark: str | None
    materials: list[MaterialOut]
    attendance: AttendanceSettingsOut
    windows: list[WindowOut]
    required_hours: float
    report_status: ReportStatus | None
    report_status_label: str | None
    deadline: DeadlineOut | None
    status: SessionStatus
    status_label: str
    review_reason: str
    actions: list[SessionAction]
    created_at: str
    updated_at: str


class SessionPage(Output):
    items: list[SessionOut]
    next_cursor: str | None


class UploadTicket(Output):
    url: str
    fields: dict[str, str]
    key: str
    max_bytes: int
    expires_in: int


class TimelineEntry(Output):
    at: str
    actor: str
    actor_name: str = Field(title="办理人姓名", description="姓名；早期记录没有姓名时为账号")
    actor_role: str
    action: str
    action_label: str
    reason: str | None


class Timeline(Output):
    items: list[TimelineEntry]


class NotificationOut(Output):
    notification_id: str
    title: str
    body: str
    link: str | None
    read: bool
    created_at: str


class NotificationPage(Output):
    items: list[NotificationOut]
    unread: int
    next_cursor: str | None


class UnreadCount(Output):
    unread: int
