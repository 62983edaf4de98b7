"""The audit log (``/audit``): one China day's events, for the office."""

from __future__ import annotations

from chalice import Blueprint

from chalicelib import schemas
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
    return schemas.audit.AuditPage.model_validate(services().audit.list_day(principal, day, query.limit, query.cursor))
