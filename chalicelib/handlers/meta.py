from __future__ import annotations

from chalice import Blueprint

from chalicelib.api import json_response, operation
from chalicelib.openapi import openapi_document
from chalicelib.schemas.common import Health
from chalicelib.settings import get_settings

bp = Blueprint(__name__)


@operation(bp, "/health", "GET", summary="健康检查", tag="系统", response=Health, public=True)
def health() -> Health:
    return Health(status="ok", version=get_settings().version)


@operation(bp, "/openapi.json", "GET", summary="OpenAPI 文档", tag="系统", public=True)
def openapi():
    return json_response(openapi_document(get_settings().version))
