"""The audit log's query and answer: each event with its action's Chinese name, who acted by name and what the
target was called when it was written."""

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
    actor_name: str = Field(title="操作人姓名", description="姓名；早期记录没有姓名时为账号")
    actor_role: str
    actor_org_id: str
    action: str
    action_label: str
    target_type: str
    target_id: str
    target_title: str | None = Field(
        title="对象名称", description="记录时对象的名称（项目名 · 第N期、机构名等）；早期记录为空"
    )
    before: dict[str, Any] | None
    after: dict[str, Any] | None


class AuditPage(Output):
    items: list[AuditEventOut]
    next_cursor: str | None
