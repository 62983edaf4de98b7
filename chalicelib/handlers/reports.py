"""Statistics (``/reports``): per session, per organisation and for the province, each with its Excel export (a
background job: the request answers 202 with the job)."""

from __future__ import annotations

from chalice import Blueprint

from chalicelib import schemas
from chalicelib.api import operation
from chalicelib.container import services
from chalicelib.principal import Principal

bp = Blueprint(__name__)


@operation(
    bp,
    "/reports/sessions/{session_id}",
    "GET",
    summary="举办统计：签到签退人数、基层与省外学员占比、问卷、授予学分",
    tag="统计",
    errors=(404,),
)
def session_report(principal: Principal, session_id: str) -> schemas.reports.SessionReport:
    return schemas.reports.SessionReport(**services().reports.session(principal, session_id)[1])


@operation(
    bp,
    "/reports/sessions/{session_id}/export",
    "POST",
    summary="导出举办统计（Excel，后台任务）",
    tag="统计",
    status=202,
    errors=(404,),
)
def session_report_export(
    principal: Principal, session_id: str, idempotency_key: str | None = None
) -> schemas.jobs.JobStarted:
    job = services().jobs.start(principal, "session-report-export", {"session_id": session_id}, key=idempotency_key)
    return schemas.jobs.JobStarted.model_validate(job)


@operation(
    bp,
    "/reports/organisations",
    "GET",
    summary="单位年度统计（行政用户：本单位；省继教办：任一单位）",
    tag="统计",
    errors=(400, 403, 404),
)
def organisation_report(
    principal: Principal, query: schemas.reports.OrganisationQuery
) -> schemas.reports.OrganisationReport:
    return schemas.reports.OrganisationReport(**services().reports.organisation(principal, query.year, query.org_id))


@operation(
    bp,
    "/reports/organisations/export",
    "POST",
    summary="导出单位年度统计（Excel，后台任务）",
    tag="统计",
    status=202,
    errors=(400, 403, 404),
)
def organisation_report_export(
    principal: Principal, query: schemas.reports.OrganisationQuery, idempotency_key: str | None = None
) -> schemas.jobs.JobStarted:
    params = {"year": query.year, "org_id": query.org_id}
    job = services().jobs.start(principal, "organisation-report-export", params, key=idempotency_key)
    return schemas.jobs.JobStarted.model_validate(job)


@operation(
    bp,
    "/reports/province",
    "GET",
    summary="全省年度统计（省继教办）",
    tag="统计",
    errors=(403,),
)
def province_report(principal: Principal, query: schemas.reports.YearQuery) -> schemas.reports.ProvinceReport:
    return schemas.reports.ProvinceReport(**services().reports.province(principal, query.year))


@operation(
    bp,
    "/reports/province/export",
    "POST",
    summary="导出全省年度统计（Excel，后台任务）",
    tag="统计",
    status=202,
    errors=(403,),
)
def province_report_export(
    principal: Principal, query: schemas.reports.YearQuery, idempotency_key: str | None = None
) -> schemas.jobs.JobStarted:
    job = services().jobs.start(principal, "province-report-export", {"year": query.year}, key=idempotency_key)
    return schemas.jobs.JobStarted.model_validate(job)
