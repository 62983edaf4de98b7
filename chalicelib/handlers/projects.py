"""Project routes: the catalog, national entry, provincial declaration and its review steps (one route per step of
workflow_tables.PROJECT), Excel import and export."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from chalice import Blueprint

from chalicelib import schemas
from chalicelib import services as rules
from chalicelib.api import operation
from chalicelib.container import services
from chalicelib.principal import Principal

if TYPE_CHECKING:
    from chalicelib.models import Project

bp = Blueprint(__name__)


def project_out(principal: Principal, project: Project) -> schemas.projects.ProjectOut:
    return schemas.projects.ProjectOut(
        project_id=project.project_id,
        # The item's texts are validated against these literals as the answer is built.
        level=cast("schemas.projects.Level", project.level),
        number=project.number,
        number_display=rules.projects.number_display(project),
        year=int(project.year),
        name=project.name,
        discipline_code=project.discipline_code,
        discipline_label=rules.projects.discipline_label(project.discipline_code),
        leader=project.leader,
        credits=project.credits,
        nature=cast("schemas.projects.Nature", project.nature),
        nature_label=rules.projects.NATURE_LABELS[project.nature],
        planned_sessions=int(project.planned_sessions),
        plan=project.plan,
        org_id=project.org_id,
        org_name=project.org_name,
        department=project.department,
        status=cast("schemas.projects.Status", project.status),
        status_label=rules.workflow_tables.PROJECT.states[project.status],
        review_reason=rules.projects.review_reason(project),
        editable=rules.projects.editable(project),
        actions=cast("list[schemas.projects.ProjectAction]", services().projects.actions(principal, project)),
        created_at=project.created_at,
        updated_at=project.updated_at,
    )


@operation(
    bp,
    "/projects",
    "GET",
    summary="项目列表（按角色范围）",
    tag="项目",
    errors=(403,),
)
def list_projects(principal: Principal, query: schemas.projects.ProjectQuery) -> schemas.projects.ProjectPage:
    page = services().projects.list(principal, query)
    return schemas.projects.ProjectPage(
        items=[project_out(principal, p) for p in page.items], next_cursor=page.next_cursor
    )


@operation(
    bp,
    "/projects/national",
    "POST",
    summary="国家级项目录入",
    tag="项目",
    status=201,
    errors=(403, 409),
)
def create_national(principal: Principal, body: schemas.projects.NationalProjectCreate) -> schemas.projects.ProjectOut:
    return project_out(principal, services().projects.create_national(principal, body))


@operation(
    bp,
    "/projects/provincial",
    "POST",
    summary="省级项目申报（草稿）",
    tag="项目",
    status=201,
    errors=(403,),
)
def create_provincial(
    principal: Principal, body: schemas.projects.ProvincialProjectCreate
) -> schemas.projects.ProjectOut:
    return project_out(principal, services().projects.create_provincial(principal, body))


@operation(bp, "/projects/import-template", "GET", summary="省级项目导入模板", tag="项目", errors=(403,))
def import_template(principal: Principal) -> schemas.projects.Download:
    url, filename = services().spreadsheets.template(principal)
    return schemas.projects.Download(url=url, filename=filename)


@operation(
    bp,
    "/projects/import",
    "POST",
    summary="导入省级项目（Excel）",
    tag="项目",
    errors=(403, 409),
)
def import_projects(principal: Principal, body: schemas.projects.ImportFile) -> schemas.projects.ImportResult:
    imported, skipped = services().spreadsheets.import_provincial(principal, body.filename, body.content_base64)
    return schemas.projects.ImportResult(imported=imported, skipped=skipped)


@operation(
    bp,
    "/projects/export",
    "POST",
    summary="导出项目列表（Excel，后台任务）",
    tag="项目",
    status=202,
    errors=(403,),
)
def export_projects(
    principal: Principal, query: schemas.projects.ProjectQuery, idempotency_key: str | None = None
) -> schemas.jobs.JobStarted:
    params = {"query": query.model_dump(mode="json", exclude={"limit", "cursor"})}
    job = services().jobs.start(principal, "project-export", params, key=idempotency_key)
    return schemas.jobs.JobStarted.model_validate(job)


@operation(bp, "/projects/{project_id}", "GET", summary="项目详情", tag="项目", errors=(404,))
def get_project(principal: Principal, project_id: str) -> schemas.projects.ProjectOut:
    return project_out(principal, services().projects.get(principal, project_id))


@operation(
    bp,
    "/projects/{project_id}",
    "PATCH",
    summary="修改项目",
    tag="项目",
    errors=(403, 404, 409),
)
def update_project(
    principal: Principal, project_id: str, body: schemas.projects.ProjectUpdate
) -> schemas.projects.ProjectOut:
    return project_out(principal, services().projects.update(principal, project_id, body))


@operation(bp, "/projects/{project_id}", "DELETE", summary="删除项目", tag="项目", status=204, errors=(404, 409))
def delete_project(principal: Principal, project_id: str) -> None:
    services().projects.delete(principal, project_id)


# --- review steps (workflow_tables.PROJECT; tests/unit/test_routes.py checks the summaries against it) -----------


def _step(principal: Principal, project_id: str, action: str, reason: str | None = None) -> schemas.projects.ProjectOut:
    return project_out(principal, services().projects.transition(principal, project_id, action, reason))


@operation(
    bp, "/projects/{project_id}/declare", "POST", summary="提交申报（立项用户）", tag="项目审核", errors=(403, 404, 409)
)
def declare_project(principal: Principal, project_id: str) -> schemas.projects.ProjectOut:
    return _step(principal, project_id, "declare")


@operation(
    bp,
    "/projects/{project_id}/forward",
    "POST",
    summary="转报省继教办（行政用户）",
    tag="项目审核",
    errors=(403, 404, 409),
)
def forward_project(principal: Principal, project_id: str) -> schemas.projects.ProjectOut:
    return _step(principal, project_id, "forward")


@operation(
    bp, "/projects/{project_id}/return", "POST", summary="退回修改（行政用户）", tag="项目审核", errors=(403, 404, 409)
)
def return_project(
    principal: Principal, project_id: str, body: schemas.projects.ReviewReason
) -> schemas.projects.ProjectOut:
    return _step(principal, project_id, "return", body.reason)


@operation(
    bp,
    "/projects/{project_id}/approve",
    "POST",
    summary="审核通过并公布（省继教办）",
    tag="项目审核",
    errors=(403, 404, 409),
)
def approve_project(principal: Principal, project_id: str) -> schemas.projects.ProjectOut:
    return _step(principal, project_id, "approve")


@operation(
    bp, "/projects/{project_id}/reject", "POST", summary="不通过（省继教办）", tag="项目审核", errors=(403, 404, 409)
)
def reject_project(
    principal: Principal, project_id: str, body: schemas.projects.ReviewReason
) -> schemas.projects.ProjectOut:
    return _step(principal, project_id, "reject", body.reason)
