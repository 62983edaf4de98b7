"""The discipline catalogue (学科目录) as pickers read it and as the office keeps it."""

from __future__ import annotations

from pydantic import Field

from chalicelib.schemas.common import Input, Output, PrintableText


class DisciplineOut(Output):
    code: str
    name: str
    retired: bool = Field(False, title="已停用", description="停用的学科不能再选；老项目照常显示")
    children: list[DisciplineOut] = []


class DisciplineList(Output):
    items: list[DisciplineOut]


class CatalogueEntryOut(Output):
    code: str
    name: str
    retired_at: str | None
    changed_by: str | None
    changed_at: str | None


class CatalogueOut(Output):
    revision: int = Field(title="目录修订号", description="修改时原样发回；他人先改过则 409")
    items: list[CatalogueEntryOut]  # in code order: each 二级 group before its 三级 entries


class CatalogueEntryIn(Input):
    revision: int = Field(ge=0, title="目录修订号")
    code: str = Field(
        pattern=r"^[0-9]{2}(-[0-9]{2})?$",
        title="学科代码",
        description="二级两位（如 21），三级“两位-两位”（如 21-01）",
    )
    name: PrintableText = Field(min_length=1, max_length=30, title="学科名称")


class CatalogueRetireIn(Input):
    revision: int = Field(ge=0, title="目录修订号")
    retired: bool = Field(title="停用", description="true 停用，false 恢复")
