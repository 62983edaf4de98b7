from __future__ import annotations

from chalice import Blueprint

from chalicelib.api import operation
from chalicelib.container import services
from chalicelib.schemas.projects import DisciplineList, PublicProjectOut, PublicProjectPage, PublicProjectQuery
from chalicelib.services import disciplines
from chalicelib.services.projects import STATUS_LABELS, discipline_label, number_display

bp = Blueprint(__name__)


@operation(bp, "/disciplines", "GET", summary="学科目录（二级/三级）", tag="公共", response=DisciplineList, public=True)
def list_disciplines() -> DisciplineList:
    return DisciplineList.model_validate({"items": disciplines.catalogue()})


@operation(
    bp,
    "/public/projects",
    "GET",
    summary="项目查询（公开）",
    tag="公共",
    query=PublicProjectQuery,
    response=PublicProjectPage,
    public=True,
)
def search_projects(query: PublicProjectQuery) -> PublicProjectPage:
    page = services().projects.search_public(query)
    items = [
        PublicProjectOut(
            project_id=p.project_id,
            number_display=number_display(p),
            level=p.level,
            year=int(p.year),
            name=p.name,
            discipline_label=discipline_label(p.discipline_code),
            org_name=p.org_name,
            leader=p.leader,
            credits=p.credits,
            planned_sessions=int(p.planned_sessions),
            status_label=STATUS_LABELS[p.status],
        )
        for p in page.items
    ]
    return PublicProjectPage(items=items, next_cursor=page.next_cursor)
