"""Organisations: creation, update, the list query and organisations as answered."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from chalicelib.schemas.common import Input, Output, PageQuery, PrintableText

CreatableType = Literal["hospital", "society", "other"]


class OrganisationCreate(Input):
    name: PrintableText = Field(min_length=2, max_length=60, title="机构名称")
    type: CreatableType = Field(title="机构类型")
    city: str = Field(min_length=1, max_length=30, title="所在城市")


class OrganisationUpdate(Input):
    name: PrintableText | None = Field(None, min_length=2, max_length=60, title="机构名称")
    type: CreatableType | None = Field(None, title="机构类型")
    city: str | None = Field(None, min_length=1, max_length=30, title="所在城市")

    @model_validator(mode="after")
    def _something_to_change(self) -> OrganisationUpdate:
        if self.name is None and self.type is None and self.city is None:
            raise ValueError("至少修改一项")
        return self


class OrganisationQuery(PageQuery):
    q: str | None = Field(None, max_length=60, title="机构名称")


class OrganisationOut(Output):
    org_id: str
    name: str
    type: Literal["office", "hospital", "society", "other"]
    city: str
    status: Literal["active", "disabled"]
    created_at: str


class OrganisationPage(Output):
    items: list[OrganisationOut]
    next_cursor: str | None
