"""The retention policy (数据保留期限) as the office reads and sets it."""

from __future__ import annotations

from pydantic import Field

from chalicelib.schemas.common import Input, Output
from chalicelib.services.retention_rules import DETAILS_YEARS, REJECTION_DAYS


class RetentionPolicyIn(Input):
    version: int = Field(ge=0, title="版本")
    details_years: int = Field(ge=DETAILS_YEARS[0], le=DETAILS_YEARS[1], title="签到明细保留年数")
    rejection_days: int = Field(ge=REJECTION_DAYS[0], le=REJECTION_DAYS[1], title="异常扫码记录保留天数")


class RetentionBounds(Output):
    details_years_min: int
    details_years_max: int
    rejection_days_min: int
    rejection_days_max: int


class RetentionPolicyOut(Output):
    details_years: int
    rejection_days: int
    version: int
    updated_by: str | None
    updated_at: str | None
    defaults: dict[str, int]
    bounds: RetentionBounds
    removed: list[str]  # what the removal run takes off attendance records (labels)
    kept: list[str]  # what this policy never removes (labels)
