"""The notification centre (``/notifications``): the caller's notices with the unread count, marking them read."""

from __future__ import annotations

from chalice import Blueprint

from chalicelib import schemas
from chalicelib.api import operation
from chalicelib.container import services
from chalicelib.principal import Principal

bp = Blueprint(__name__)


@operation(bp, "/notifications", "GET", summary="我的通知（含未读数）", tag="通知")
def list_notifications(principal: Principal, query: schemas.common.PageQuery) -> schemas.sessions.NotificationPage:
    page, unread = services().notifier.list(principal, query.limit, query.cursor)
    return schemas.sessions.NotificationPage(
        items=[schemas.sessions.NotificationOut.model_validate(n) for n in page.items],
        unread=unread,
        next_cursor=page.next_cursor,
    )


@operation(
    bp,
    "/notifications/{notification_id}/read",
    "POST",
    summary="标记为已读",
    tag="通知",
    errors=(404,),
)
def mark_read(principal: Principal, notification_id: str) -> schemas.sessions.NotificationOut:
    return schemas.sessions.NotificationOut.model_validate(services().notifier.mark_read(principal, notification_id))


@operation(bp, "/notifications/read-all", "POST", summary="全部标为已读", tag="通知")
def mark_all_read(principal: Principal) -> schemas.sessions.UnreadCount:
    services().notifier.mark_all_read(principal)
    return schemas.sessions.UnreadCount(unread=0)
