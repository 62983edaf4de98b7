"""The health check, the stage's public configuration (titles, province, issuer) and the OpenAPI document, all
public."""

from __future__ import annotations

from chalice import Blueprint, Response

from chalicelib import schemas
from chalicelib.api import json_response, operation
from chalicelib.settings import get_settings

bp = Blueprint(__name__)


@operation(bp, "/health", "GET", summary="健康检查", tag="系统", public=True)
def health() -> schemas.common.Health:
    return schemas.common.Health(status="ok", version=get_settings().version)


@operation(bp, "/meta", "GET", summary="系统信息（标题、省份、证书颁发单位）", tag="系统", public=True)
def meta() -> schemas.common.Meta:
    settings = get_settings()
    province = settings.province
    return schemas.common.Meta(
        province_name=province.province_name,
        console_title=province.console_title,
        phone_title=province.phone_title,
        certificate_issuer=province.certificate_issuer,
        certificate_prefix=province.certificate_prefix,
        version=settings.version,
    )


@operation(bp, "/openapi.json", "GET", summary="OpenAPI 文档", tag="系统", public=True)
def openapi() -> Response:
    from chalicelib.openapi import openapi_document  # pydantic's JSON schema machinery, only for this route

    return json_response(openapi_document(get_settings().version))
