"""The health check and the OpenAPI document, both public."""

from __future__ import annotations

from chalice import Blueprint, Response

from chalicelib import schemas
from chalicelib.api import json_response, operation
from chalicelib.settings import get_settings

bp = Blueprint(__name__)


@operation(bp, "/health", "GET", summary="健康检查", tag="系统", public=True)
def health() -> schemas.common.Health:
    return schemas.common.Health(status="ok", version=get_settings().version)


@operation(bp, "/openapi.json", "GET", summary="OpenAPI 文档", tag="系统", public=True)
def openapi() -> Response:
    from chalicelib.openapi import openapi_document  # pydantic's JSON schema machinery, only for this route

    return json_response(openapi_document(get_settings().version))
