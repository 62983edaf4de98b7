"""The audit log's query and events."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from chalicelib.schemas.common import Output, PageQuery


class AuditQuery(PageQuery):
    limit: int = Field(50, ge=1, le=200, title="每页条数")
    date: str | None = Field(None, pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", title="日期")


class AuditEventOut(Output):
    event_id: str
    at: str
    actor: str
    actor_role: str
    actor_org_id: str
    action: str
    target_type: str
    target_id: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


class AuditPage(Output):
    items: list[AuditEventOut]
    next_cursor: str | None
