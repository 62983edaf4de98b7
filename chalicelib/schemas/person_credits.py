"""个人年度学分: the look-up (full ID number, name, year) and the year as answered."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from chalicelib.schemas.common import Input, Output, PersonName

Level = Literal["national", "provincial"]
CreditClass = Literal["I类", "II类"]


class PersonCreditsQuery(Input):
    id_number: str = Field(min_length=1, max_length=30, title="身份证号码（完整18位）")
    name: PersonName = Field(min_length=1, max_length=30, title="姓名")
    year: int = Field(ge=2000, le=2100, title="年度")


class LevelCreditsOut(Output):
    level: Level
    level_label: str = Field(title="级别（国家级/省级）")
    credit_class: CreditClass
    credits: float


class ClassRequirementOut(Output):
    credit_class: str = Field(title="学分类别")
    min_credits: float = Field(title="不少于学分")
    shortfall: float = Field(title="尚差学分")


class RequirementOut(Output):
    total_credits: float = Field(title="每年应获学分")
    classes: list[ClassRequirementOut] = Field(title="各类学分下限")
    source: str = Field(title="依据")
    met: bool = Field(title="是否达到")
    shortfall: float = Field(title="尚差学分（总分）")


class YearCertificateOut(Output):
    certificate_no: str | None
    verification_code: str | None
    project_number: str
    project_name: str
    project_level: Level
    level_label: str
    credit_class: str
    credits: float
    hours: float
    start_date: str
    end_date: str
    organiser: str
    issued_on: str | None


class PersonCreditsOut(Output):
    year: int
    name: str = Field(title="姓名（公开查询中部分隐藏）")
    id_number: str = Field(title="身份证号码（隐藏）")
    total_credits: float
    class_i_credits: float
    class_ii_credits: float
    by_level: list[LevelCreditsOut]
    hours: float = Field(title="参加学时")
    sessions: int = Field(title="参加项目期数")
    requirement: RequirementOut | None
    certificates: list[YearCertificateOut]
    as_of: str | None = Field(title="数据截至（UTC）")
