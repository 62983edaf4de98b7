"""The retention policy's rules, without I/O: its defaults and bounds, which data each period covers, when a session's
attendance details are due for removal, and what a removal takes off an attendance record."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

# Defaults (README "数据保留 / Data retention" says why): attendance details 3 years after the session's end, refused
# scans 180 days after the scan.
DEFAULT_DETAILS_YEARS = 3
DEFAULT_REJECTION_DAYS = 180
# Bounds of what the office may set. Details stay at least a year (the credit workflow and its extensions must be long
# done, and the yearly review of a person's credits reads the year); at most 10 years. Refused scans at most 180 days:
# every row is written with that TTL (scan_rejections.REJECTION_DAYS), so a longer period could not be honoured.
DETAILS_YEARS = (1, 10)
REJECTION_DAYS = (7, DEFAULT_REJECTION_DAYS)

# What a removal takes off an attendance record (REMOVE), with the labels the console shows. The session's link items
# (which phone and which mobile signed whom in) are deleted with them.
REMOVED_FIELDS = ("mobile_masked", "session_mobile", "unit", "department", "answers", "client_id")
REMOVED_LABELS = (
    "手机号（脱敏）及其查找散列",
    "工作单位",
    "科室",
    "签退问卷答案",
    "扫码设备标识及同设备/同手机关联记录",
)
# What this policy never removes: what a person's credits and the reports need.
KEPT_LABELS = (
    "学分记录、电子证书（姓名、脱敏/散列/加密的身份证号、学分）",
    "个人年度学分台账",
    "签到签退时间、学时、地区、是否基层（学时和已存统计所需）",
    "统计汇总数据与审计日志",
)
REMOVED_TEXT = "（已删除）"  # shown where a removed detail was


@dataclass(frozen=True)
class Policy:
    """The policy in force: years of attendance details after the session's end, days of refused scans."""

    details_years: int = DEFAULT_DETAILS_YEARS
    rejection_days: int = DEFAULT_REJECTION_DAYS


def years_before(day: date, years: int) -> date:
    """The same calendar day ``years`` earlier (29 February becomes the 28th)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def details_cutoff(today: date, policy: Policy) -> date:
    """Sessions that ended before this China date are past their details' period: kept ``details_years`` after the
    end date, removed from the day after (a session that ended on 2026-03-01 keeps them through 2029-03-01)."""
    return years_before(today, policy.details_years)


def details_due(end_date: str, today: date, policy: Policy) -> bool:
    """The session (its China end date, YYYY-MM-DD) is past its details' period on ``today``."""
    return date.fromisoformat(end_date) < details_cutoff(today, policy)


def rejections_cutoff(now: datetime, policy: Policy) -> datetime:
    """Refused-scan rows from before this instant are past their period (their TTL may be later: a shortened
    policy)."""
    return now - timedelta(days=policy.rejection_days)


def shown(value: str | None) -> str:
    """A personal detail as the console shows it: the value, or 已删除 once the retention run removed it."""
    return value if value is not None else REMOVED_TEXT
