"""The credit-rule versions (学分规则) as everyone reads them and as the office writes them."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator

from chalicelib.schemas.common import MULTILINE, Input, Output, PrintableText

CreditClass = Literal["I类", "II类"]
VERSION_ID = r"^[0-9A-Za-z][0-9A-Za-z._-]{0,19}$"  # a path segment: ASCII only


class LevelRuleIn(Input):
    hours_per_credit: float = Field(ge=0.5, le=100, title="学员每多少学时授1学分")
    lecturer_credits_per_hour: float = Field(ge=0.1, le=10, title="授课人每学时学分")
    cap_per_project: float = Field(ge=0.5, le=100, title="每个项目学分上限")
    required_hours_min_ratio: float = Field(ge=0.1, le=1, title="规定学时不低于总学时的比例")
    credit_class: CreditClass = Field(title="学分类别")


class ClassMinimumIn(Input):
    credit_class: CreditClass = Field(title="学分类别")
    credits: float = Field(ge=0, le=200, title="不少于学分")


class YearlyRequirementIn(Input):
    total_credits: float = Field(gt=0, le=200, title="每年应获学分")
    class_minimums: list[ClassMinimumIn] = Field(max_length=2, title="各类学分下限")
    source: str = Field(min_length=2, max_length=1000, title="依据", json_schema_extra=MULTILINE)

    @model_validator(mode="after")
    def _classes(self) -> YearlyRequirementIn:
        classes = [need.credit_class for need in self.class_minimums]
        if len(set(classes)) != len(classes):
            raise ValueError("每类学分只能设一个下限")
        if sum(need.credits for need in self.class_minimums) > self.total_credits:
            raise ValueError("各类学分下限之和不能超过每年应获学分")
        return self


class CreditRuleIn(Input):
    revision: int = Field(ge=0, title="规则版本库的修订号", description="读取时的 revision；他人先改过则 409")
    version: str = Field(
        pattern=VERSION_ID, title="版本号", description="字母、数字、点、横线，如 2027 或 2027-js；新增后不能改"
    )
    effective_from: dt.date = Field(title="生效日期", description="须晚于今天；生效后不能再改")
    source_title: PrintableText = Field(min_length=2, max_length=200, title="依据文件名称")
    source_number: PrintableText | None = Field(None, max_length=60, title="文号")
    source_url: str | None = Field(None, max_length=500, pattern=r"^https?://\S+$", title="文件链接")
    note: str | None = Field(None, max_length=2000, title="说明", json_schema_extra=MULTILINE)
    national: LevelRuleIn = Field(title="国家级项目")
    provincial: LevelRuleIn = Field(title="省级项目")
    admin_deadline_days: int = Field(ge=1, le=90, title="行政用户遴选期限（天）")
    office_deadline_days: int = Field(ge=1, le=90, title="省继教办授予期限（天）")
    yearly_requirement: YearlyRequirementIn | None = Field(None, title="每年学分要求")


class RevisionIn(Input):
    revision: int = Field(ge=0, title="规则版本库的修订号")


class LevelRuleOut(Output):
    hours_per_credit: float
    lecturer_credits_per_hour: float
    cap_per_project: float
    required_hours_min_ratio: float
    credit_class: str


class ClassMinimumOut(Output):
    credit_class: str
    credits: float


class YearlyRequirementOut(Output):
    total_credits: float = Field(title="每年应获学分")
    class_minimums: list[ClassMinimumOut] = Field(title="各类学分下限")
    source: str = Field(title="依据")


class CreditRuleOut(Output):
    version: str
    effective_from: str
    source_title: str
    source_number: str | None
    source_url: str | None
    note: str | None
    national: LevelRuleOut
    provincial: LevelRuleOut
    admin_deadline_days: int
    office_deadline_days: int
    yearly_requirement: YearlyRequirementOut | None
    updated_by: str | None
    updated_at: str | None
    state: Literal["past", "in_force", "future"] = Field(title="已被取代 / 施行中 / 待生效")
    editable: bool = Field(title="可修改或撤销（生效前）")


class CreditRules(Output):
    current: str = Field(title="今日施行的版本")
    revision: int
    items: list[CreditRuleOut]  # newest first


class RuleBasisOut(Output):
    """The version that judges a session, and why."""

    version: str
    effective_from: str
    source_title: str
    reason: str
