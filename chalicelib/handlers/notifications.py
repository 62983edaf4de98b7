from __future__ import annotations

from chalice import Blueprint

from chalicelib.api import operation
from chalicelib.container import services
from chalicelib.principal import Principal
from chalicelib.schemas.common import PageQuery
from chalicelib.schemas.sessions import NotificationOut, NotificationPage, UnreadCount

bp = Blueprint(__name__)


@operation(
    bp, "/notifications", "GET", summary="我的通知（含未读数）", tag="通知", query=PageQuery, response=NotificationPage
)
def list_notifications(principal: Principal, query: PageQuery) -> NotificationPage:
    page, unread = services().notifier.list(principal, query.limit, query.cursor)
    return NotificationPage(
        items=[NotificationOut.model_validate(n) for n in page.items], unread=unread, next_cursor=page.next_cursor
    )


@operation(
    bp,
    "/notifications/{notification_id}/read",
    "POST",
    summary="标记为已读",
    tag="通知",
    response=NotificationOut,
    errors=(404,),
)
def mark_read(principal: Principal, notification_id: str) -> NotificationOut:
    return NotificationOut.model_validate(services().notifier.mark_read(principal, notification_id))


@operation(bp, "/notifications/read-all", "POST", summary="全部标为已读", tag="通知", response=UnreadCount)
def mark_all_read(principal: Principal) -> UnreadCount:
    services().notifier.mark_all_read(principal)
    return UnreadCount(unread=0)
