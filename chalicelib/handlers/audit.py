from __future__ import annotations

from chalice import Blueprint

from chalicelib.api import operation
from chalicelib.container import services
from chalicelib.principal import Principal
from chalicelib.schemas.audit import AuditPage, AuditQuery
from chalicelib.timeutil import china_date, utc_now

bp = Blueprint(__name__)


@operation(
    bp,
    "/audit",
    "GET",
    summary="审计日志（按中国时间日期）",
    tag="审计",
    query=AuditQuery,
    response=AuditPage,
    errors=(403,),
)
def list_audit(principal: Principal, query: AuditQuery) -> AuditPage:
    day = query.date or china_date(utc_now())
    return AuditPage.model_validate(services().audit.list_day(principal, day, query.limit, query.cursor))
