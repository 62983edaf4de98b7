"""Public reference routes without login: the discipline catalogue and the project search (with each project's
approved sessions)."""

from __future__ import annotations

from typing import cast

from chalice import Blueprint

from chalicelib import schemas
from chalicelib import services as rules
from chalicelib.api import operation
from chalicelib.container import services

bp = Blueprint(__name__)


@operation(bp, "/disciplines", "GET", summary="学科目录（二级/三级）", tag="公共", public=True)
def list_disciplines() -> schemas.disciplines.DisciplineList:
    return schemas.disciplines.DisciplineList.model_validate({"items": rules.disciplines.catalogue().tree()})


@operation(
    bp,
    "/public/projects",
    "GET",
    summary="项目查询（公开）",
    tag="公共",
    public=True,
)
def search_projects(query: schemas.projects.PublicProjectQuery) -> schemas.projects.PublicProjectPage:
    page = services().projects.search_public(query)
    held = rules.session_lists.public_sessions([p.project_id for p in page.items])
    items = [
        schemas.projects.PublicProjectOut(
            project_id=p.project_id,
            number_display=rules.projects.number_display(p),
            level=cast("schemas.projects.Level", p.level),
            year=int(p.year),
            name=p.name,
            discipline_label=rules.projects.discipline_label(p.discipline_code),
            org_name=p.org_name,
            leader=p.leader,
            credits=p.credits,
            planned_sessions=int(p.planned_sessions),
            status_label=rules.workflow_tables.PROJECT.states[p.status],
            sessions=[
                schemas.projects.PublicSessionOut(
                    seq=int(s.seq), start_date=s.start_date, end_date=s.end_date, venue=s.venue, org_name=s.org_name
                )
                for s in held[p.project_id].sessions
            ],
            more_sessions=held[p.project_id].more,
        )
        for p in page.items
    ]
    return schemas.projects.PublicProjectPage(items=items, next_cursor=page.next_cursor)
