"""The office's audit log, one China day at a time, each action with its Chinese name, the actor's name and the
target's title as written with the event (no look-up per row)."""

from __future__ import annotations

from chalice import Blueprint

from chalicelib import schemas
from chalicelib import services as rules
from chalicelib.api import operation
from chalicelib.container import services
from chalicelib.principal import Principal
from chalicelib.timeutil import china_date, utc_now

bp = Blueprint(__name__)


@operation(
    bp,
    "/audit",
    "GET",
    summary="审计日志（按中国时间日期）",
    tag="审计",
    errors=(403,),
)
def list_audit(principal: Principal, query: schemas.audit.AuditQuery) -> schemas.audit.AuditPage:
    day = query.date or china_date(utc_now())
    page = services().audit.list_day(principal, day, query.limit, query.cursor)
    return schemas.audit.AuditPage(
        items=[
            schemas.audit.AuditEventOut(
                event_id=e.event_id,
                at=e.at,
                actor=e.actor,
                actor_name=e.actor_name or e.actor,
                actor_role=e.actor_role,
                actor_org_id=e.actor_org_id,
                action=e.action,
                action_label=rules.audit_labels.action_label(e.action),
                target_type=e.target_type,
                target_id=e.target_id,
                target_title=e.target_title,
                before=e.before,
                after=e.after,
            )
            for e in page.items
        ],
        next_cursor=page.next_cursor,
    )
