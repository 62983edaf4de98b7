from __future__ import annotations

from chalice import Blueprint

from chalicelib.api import operation, transition_routes
from chalicelib.container import services
from chalicelib.models import Project
from chalicelib.principal import Principal
from chalicelib.schemas.projects import (
    Download,
    ImportFile,
    ImportResult,
    NationalProjectCreate,
    ProjectOut,
    ProjectPage,
    ProjectQuery,
    ProjectUpdate,
    ProvincialProjectCreate,
    ReviewReason,
)
from chalicelib.services.projects import (
    NATURE_LABELS,
    STATUS_LABELS,
    discipline_label,
    editable,
    number_display,
    review_reason,
)

bp = Blueprint(__name__)


def project_out(principal: Principal, project: Project) -> ProjectOut:
    return ProjectOut(
        project_id=project.project_id,
        level=project.level,
        number=project.number,
        number_display=number_display(project),
        year=int(project.year),
        name=project.name,
        discipline_code=project.discipline_code,
        discipline_label=discipline_label(project.discipline_code),
        leader=project.leader,
        credits=project.credits,
        nature=project.nature,
        nature_label=NATURE_LABELS[project.nature],
        planned_sessions=int(project.planned_sessions),
        plan=project.plan,
        org_id=project.org_id,
        org_name=project.org_name,
        department=project.department,
        status=project.status,
        status_label=STATUS_LABELS[project.status],
        review_reason=review_reason(project),
        editable=editable(project),
        actions=services().projects.actions(principal, project),
        created_at=project.created_at,
        updated_at=project.updated_at,
    )


@operation(
    bp,
    "/projects",
    "GET",
    summary="项目列表（按角色范围）",
    tag="项目",
    query=ProjectQuery,
    response=ProjectPage,
    errors=(403,),
)
def list_projects(principal: Principal, query: ProjectQuery) -> ProjectPage:
    page = services().projects.list(principal, query)
    return ProjectPage(items=[project_out(principal, p) for p in page.items], next_cursor=page.next_cursor)


@operation(
    bp,
    "/projects/national",
    "POST",
    summary="国家级项目录入",
    tag="项目",
    body=NationalProjectCreate,
    response=ProjectOut,
    status=201,
    errors=(403, 409),
)
def create_national(principal: Principal, body: NationalProjectCreate) -> ProjectOut:
    return project_out(principal, services().projects.create_national(principal, body))


@operation(
    bp,
    "/projects/provincial",
    "POST",
    summary="省级项目申报（草稿）",
    tag="项目",
    body=ProvincialProjectCreate,
    response=ProjectOut,
    status=201,
    errors=(403,),
)
def create_provincial(principal: Principal, body: ProvincialProjectCreate) -> ProjectOut:
    return project_out(principal, services().projects.create_provincial(principal, body))


@operation(
    bp, "/projects/import-template", "GET", summary="省级项目导入模板", tag="项目", response=Download, errors=(403,)
)
def import_template(principal: Principal) -> Download:
    url, filename = services().spreadsheets.template(principal)
    return Download(url=url, filename=filename)


@operation(
    bp,
    "/projects/import",
    "POST",
    summary="导入省级项目（Excel）",
    tag="项目",
    body=ImportFile,
    response=ImportResult,
    errors=(403, 409),
)
def import_projects(principal: Principal, body: ImportFile) -> ImportResult:
    imported, skipped = services().spreadsheets.import_provincial(principal, body.filename, body.content_base64)
    return ImportResult(imported=imported, skipped=skipped)


@operation(
    bp,
    "/projects/export",
    "GET",
    summary="导出项目列表（Excel）",
    tag="项目",
    query=ProjectQuery,
    response=Download,
    errors=(403,),
)
def export_projects(principal: Principal, query: ProjectQuery) -> Download:
    url, filename = services().spreadsheets.export(principal, query)
    return Download(url=url, filename=filename)


@operation(bp, "/projects/{project_id}", "GET", summary="项目详情", tag="项目", response=ProjectOut, errors=(404,))
def get_project(principal: Principal, project_id: str) -> ProjectOut:
    return project_out(principal, services().projects.get(principal, project_id))


@operation(
    bp,
    "/projects/{project_id}",
    "PATCH",
    summary="修改项目",
    tag="项目",
    body=ProjectUpdate,
    response=ProjectOut,
    errors=(403, 404, 409),
)
def update_project(principal: Principal, project_id: str, body: ProjectUpdate) -> ProjectOut:
    return project_out(principal, services().projects.update(principal, project_id, body))


@operation(bp, "/projects/{project_id}", "DELETE", summary="删除项目", tag="项目", status=204, errors=(404, 409))
def delete_project(principal: Principal, project_id: str) -> None:
    services().projects.delete(principal, project_id)


def _act(principal: Principal, project_id: str, action: str, reason: str | None) -> ProjectOut:
    return project_out(principal, services().projects.transition(principal, project_id, action, reason))


transition_routes(
    bp,
    "/projects/{project_id}",
    "项目审核",
    {
        "declare": ("提交申报（立项用户）", False),
        "forward": ("转报省继教办（行政用户）", False),
        "return": ("退回修改（行政用户）", True),
        "approve": ("审核通过并公布（省继教办）", False),
        "reject": ("不通过（省继教办）", True),
    },
    ReviewReason,
    ProjectOut,
    _act,
)
