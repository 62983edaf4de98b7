"""Projects' requests and answers: entry, declaration, review reasons, lists, import and public search."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator

from chalicelib.schemas.common import MULTILINE, Input, Output, PageQuery, PersonName, PrintableText
from chalicelib.services import disciplines

NATIONAL_NUMBER = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}-[0-9]{3}$"
PROVINCIAL_NUMBER = r"^[0-9]{13}$"
MAX_CREDITS = 25

Level = Literal["national", "provincial"]
Nature = Literal["declared", "filed"]
# Written out for OpenAPI and mypy; tests/unit/test_workflow_tables.py holds them equal to workflow_tables.PROJECT.
Status = Literal["draft", "declared", "returned", "forwarded", "approved", "rejected"]
ProjectAction = Literal["edit", "declare", "forward", "return", "approve", "reject", "delete"]


def check_discipline(code: str) -> str:
    """A code of the catalogue, retired ones too (an old project keeps its code; services refuse retired new ones)."""
    if disciplines.label(code) is None:
        raise ValueError("学科不在学科目录中")
    return code


def check_credits(value: float) -> float:
    if value * 2 != int(value * 2):
        raise ValueError("学分须为0.5的整数倍")
    return value


class ProjectFields(Input):
    year: int = Field(ge=2000, le=2100, title="项目年份")
    name: PrintableText = Field(min_length=2, max_length=100, title="项目名称")
    discipline_code: str = Field(pattern=r"^[0-9]{2}-[0-9]{2}$", title="二/三级学科")
    leader: PersonName = Field(min_length=1, max_length=30, title="项目负责人")
    credits: float = Field(gt=0, le=MAX_CREDITS, title="学分")
    nature: Nature = Field(title="项目性质")
    planned_sessions: int = Field(ge=1, le=99, title="期数")

    _discipline = field_validator("discipline_code")(check_discipline)
    _credits = field_validator("credits")(check_credits)


class NationalProjectCreate(ProjectFields):
    number: str = Field(pattern=NATIONAL_NUMBER, title="项目编号")

    @model_validator(mode="after")
    def _number_matches(self) -> NationalProjectCreate:
        if not self.number.startswith(f"{self.year}-"):
            raise ValueError("项目编号的年份与项目年份不一致")
        if self.number[5:10] != self.discipline_code:
            raise ValueError("项目编号中的学科代码与所选学科不一致")
        return self


class ProvincialProjectCreate(ProjectFields):
    plan: str = Field(min_length=10, max_length=2000, title="项目计划", json_schema_extra=MULTILINE)


class ProjectUpdate(Input):
    year: int | None = Field(None, ge=2000, le=2100, title="项目年份")
    number: str | None = Field(None, pattern=NATIONAL_NUMBER, title="项目编号")
    name: PrintableText | None = Field(None, min_length=2, max_length=100, title="项目名称")
    discipline_code: str | None = Field(None, pattern=r"^[0-9]{2}-[0-9]{2}$", title="二/三级学科")
    leader: PersonName | None = Field(None, min_length=1, max_length=30, title="项目负责人")
    credits: float | None = Field(None, gt=0, le=MAX_CREDITS, title="学分")
    nature: Nature | None = Field(None, title="项目性质")
    planned_sessions: int | None = Field(None, ge=1, le=99, title="期数")
    plan: str | None = Field(None, min_length=10, max_length=2000, title="项目计划", json_schema_extra=MULTILINE)

    @field_validator("discipline_code")
    @classmethod
    def _discipline(cls, code: str | None) -> str | None:
        return None if code is None else check_discipline(code)

    @field_validator("credits")
    @classmethod
    def _credits(cls, value: float | None) -> float | None:
        return None if value is None else check_credits(value)

    @model_validator(mode="after")
    def _something_to_change(self) -> ProjectUpdate:
        if not self.model_fields_set:
            raise ValueError("至少修改一项")
        return self


class ReviewReason(Input):
    reason: str = Field(min_length=2, max_length=500, title="理由", json_schema_extra=MULTILINE)


class ProjectQuery(PageQuery):
    year: int | None = Field(None, ge=2000, le=2100, title="项目年份")
    level: Level | None = Field(None, title="项目级别")
    name: str | None = Field(None, max_length=100, title="项目名称")
    leader: str | None = Field(None, max_length=30, title="项目负责人")
    status: Status | None = Field(None, title="状态")
    org_id: str | None = Field(None, min_length=1, max_length=64, title="单位")


class PublicProjectQuery(PageQuery):
    # Each project on the page costs a Query of its sessions (session_lists.public_sessions): an open route pages small.
    limit: int = Field(20, ge=1, le=20, title="每页条数（最多20）")
    year: int | None = Field(None, ge=2000, le=2100, title="项目年份")
    level: Level | None = Field(None, title="项目级别")
    name: str | None = Field(None, max_length=100, title="项目名称")
    leader: str | None = Field(None, max_length=30, title="项目负责人")
    organisation: str | None = Field(None, max_length=60, title="单位")
    discipline: str | None = Field(None, pattern=r"^[0-9]{2}(-[0-9]{2})?$", title="学科")


class ImportFile(Input):
    filename: str = Field(min_length=1, max_length=200, pattern=r"(?i)\.xlsx$", title="文件名")
    # base64 of at most 5 MB
    content_base64: str = Field(min_length=4, max_length=7_000_000, title="文件内容")


class ProjectOut(Output):
    project_id: str
    level: Level
    number: str | None
    number_display: str
    year: int
    name: str
    discipline_code: str
    discipline_label: str
    leader: str
    credits: float
    nature: Nature
    nature_label: str
    planned_sessions: int
    plan: str | None
    org_id: str
    org_name: str
    department: str
    status: Status
    status_label: str
    review_reason: str
    editable: bool
    actions: list[ProjectAction]
    created_at: str
    updated_at: str


class ProjectPage(Output):
    items: list[ProjectOut]
    next_cursor: str | None


class PublicSessionOut(Output):
    """An approved session as the public query shows it: dates are China dates, ``org_name`` the holding unit."""

    seq: int
    start_date: str
    end_date: str
    venue: str
    org_name: str


class PublicProjectOut(Output):
    project_id: str
    number_display: str
    level: Level
    year: int
    name: str
    discipline_label: str
    org_name: str
    leader: str
    credits: float
    planned_sessions: int
    status_label: str
    sessions: list[PublicSessionOut] = Field(title="已审核通过的举办期次（按期次，至多前10期）")
    more_sessions: bool = Field(title="还有更多期次未列出")


class PublicProjectPage(Output):
    items: list[PublicProjectOut]
    next_cursor: str | None


class ImportResult(Output):
    imported: int
    skipped: int


class Download(Output):
    url: str
    filename: str


class MaterialLink(Download):
    view_url: str | None = Field(None, description="在浏览器中直接查看的链接（PDF与图片）；其他类型为空，只能下载")
