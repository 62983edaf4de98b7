"""Teaching schedule rules: blocks inside the session dates, end after start, no overlaps."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from chalicelib.errors import ValidationFailed
from chalicelib.timeutil import CHINA, to_iso

MAX_SESSION_DAYS = 31


@dataclass(frozen=True)
class Block:
    day: date
    start: time
    end: time
    topic: str
    lecturer: str
    hours: float

    @property
    def starts_at(self) -> datetime:
        return datetime.combine(self.day, self.start, CHINA)

    @property
    def ends_at(self) -> datetime:
        return datetime.combine(self.day, self.end, CHINA)


def check_schedule(start_date: date, end_date: date, blocks: list[Block]) -> None:
    """Raise ValidationFailed naming the first bad block (``schedule.N.field``)."""
    if end_date < start_date:
        raise ValidationFailed("INVALID_DATES", "结束日期不能早于开始日期", "end_date")
    if (end_date - start_date).days + 1 > MAX_SESSION_DAYS:
        raise ValidationFailed("INVALID_DATES", f"一期最长{MAX_SESSION_DAYS}天", "end_date")
    if not blocks:
        raise ValidationFailed("SCHEDULE_EMPTY", "请填写教学日程", "schedule")
    for index, block in enumerate(blocks):
        where = f"第{index + 1}项日程"
        if not start_date <= block.day <= end_date:
            raise ValidationFailed("SCHEDULE_OUTSIDE_DATES", f"{where}的日期不在举办日期内", f"schedule.{index}.date")
        if block.end <= block.start:
            raise ValidationFailed(
                "SCHEDULE_END_BEFORE_START", f"{where}的结束时间须晚于开始时间", f"schedule.{index}.end"
            )
        length = (block.ends_at - block.starts_at) / timedelta(hours=1)
        if block.hours > length + 1e-9:
            raise ValidationFailed(
                "SCHEDULE_HOURS_TOO_MANY", f"{where}的学时不能超过其时长（{length:g}小时）", f"schedule.{index}.hours"
            )
    ordered = sorted(enumerate(blocks), key=lambda pair: pair[1].starts_at)
    for (_, earlier), (index, later) in zip(ordered, ordered[1:], strict=False):
        if later.starts_at < earlier.ends_at:
            raise ValidationFailed(
                "SCHEDULE_OVERLAP", f"第{index + 1}项日程与其他日程时间重叠", f"schedule.{index}.start"
            )


def check_in_year(start_date: date, end_date: date, year: int, actual: bool = False) -> None:
    """A session is held within its project's year (the year of its project number): ValidationFailed naming
    the first date outside it. ``actual``: the dates the execution report says it was held (``actual_start_date``,
    ``actual_end_date``), held to the same rule."""
    prefix, said = ("actual_", "实际") if actual else ("", "")
    for field, day, label in (("start_date", start_date, "开始日期"), ("end_date", end_date, "结束日期")):
        if day.year != year:
            raise ValidationFailed(
                "SESSION_OUTSIDE_PROJECT_YEAR", f"{said}{label}须在项目年度（{year}年）内", prefix + field
            )


def serialise(blocks: list[Block]) -> list[dict]:
    """Blocks as stored: China wall-clock fields for display, UTC instants for windows and hours."""
    return [
        {
            "date": block.day.isoformat(),
            "start": block.start.strftime("%H:%M"),
            "end": block.end.strftime("%H:%M"),
            "starts_at": to_iso(block.starts_at),
            "ends_at": to_iso(block.ends_at),
            "topic": block.topic,
            "lecturer": block.lecturer,
            "hours": block.hours,
        }
        for block in sorted(blocks, key=lambda b: b.starts_at)
    ]
