"""Organisations (``/organisations``): list, create, read and update."""

from __future__ import annotations

from chalice import Blueprint

from chalicelib import schemas
from chalicelib.api import operation
from chalicelib.container import services
from chalicelib.principal import Principal

bp = Blueprint(__name__)


@operation(bp, "/organisations", "GET", summary="机构列表", tag="机构")
def list_organisations(
    principal: Principal, query: schemas.organisations.OrganisationQuery
) -> schemas.organisations.OrganisationPage:
    page = services().organisations.list(principal, query.q, query.limit, query.cursor)
    return schemas.organisations.OrganisationPage.model_validate(page)


@operation(
    bp,
    "/organisations",
    "POST",
    summary="创建机构",
    tag="机构",
    status=201,
    errors=(403, 409),
)
def create_organisation(
    principal: Principal, body: schemas.organisations.OrganisationCreate
) -> schemas.organisations.OrganisationOut:
    return schemas.organisations.OrganisationOut.model_validate(services().organisations.create(principal, body))


@operation(bp, "/organisations/{org_id}", "GET", summary="机构详情", tag="机构", errors=(404,))
def get_organisation(principal: Principal, org_id: str) -> schemas.organisations.OrganisationOut:
    return schemas.organisations.OrganisationOut.model_validate(services().organisations.get(principal, org_id))


@operation(
    bp,
    "/organisations/{org_id}",
    "PATCH",
    summary="修改机构",
    tag="机构",
    errors=(403, 404, 409),
)
def update_organisation(
    principal: Principal, org_id: str, body: schemas.organisations.OrganisationUpdate
) -> schemas.organisations.OrganisationOut:
    return schemas.organisations.OrganisationOut.model_validate(
        services().organisations.update(principal, org_id, body)
    )
