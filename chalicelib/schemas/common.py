from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Input(BaseModel):
    """Base of request bodies and query strings: unknown fields are rejected, text is trimmed."""

    # Schemas are built on first use, not at import: most cold starts serve one or two routes.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, defer_build=True)


class Output(BaseModel):
    model_config = ConfigDict(from_attributes=True, defer_build=True)


class PageQuery(Input):
    limit: int = Field(20, ge=1, le=100, title="每页条数")
    cursor: str | None = Field(None, max_length=2048, title="分页参数")


class ErrorDetail(BaseModel):
    code: str
    message: str
    field: str | None


class ErrorBody(BaseModel):
    error: ErrorDetail


class Health(Output):
    status: str
    version: str
