"""OpenAPI 3.1 document generated from the registered operations and their pydantic models."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import JsonSchemaMode, JsonSchemaValue, models_json_schema

from chalicelib.api import OPERATIONS, Operation
from chalicelib.schemas.common import ErrorBody

_REF = "#/components/schemas/{model}"
_ERROR_TEXT = {
    400: "请求内容有误",
    401: "未登录或登录已失效",
    403: "无权执行此操作",
    404: "对象不存在",
    409: "与当前数据冲突",
    410: "已失效（如证书已作废）",
    423: "账号已锁定",
    429: "请求过于频繁",
    503: "服务暂时不可用（依赖的服务未及时响应）",
}


@lru_cache(maxsize=1)
def openapi_document(version: str) -> dict[str, Any]:
    models: set[type[BaseModel]] = {ErrorBody}
    for op in OPERATIONS:
        models.update(m for m in (op.body, op.response) if m is not None)
    modes: list[tuple[type[BaseModel], JsonSchemaMode]] = [
        (m, "validation" if _is_input(m) else "serialization") for m in sorted(models, key=lambda m: m.__name__)
    ]
    keys, definitions = models_json_schema(modes, ref_template=_REF)
    refs = {model: keys[(model, mode)] for model, mode in modes}
    paths: dict[str, dict[str, Any]] = {}
    for op in OPERATIONS:
        paths.setdefault("/api" + op.path, {})[op.method.lower()] = _operation(op, refs)
    return {
        "openapi": "3.1.0",
        "info": {"title": "cme-credits 继续医学教育学分系统 API", "version": version},
        "servers": [{"url": "/"}],
        "paths": paths,
        "components": {
            "schemas": definitions.get("$defs", {}),
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}},
        },
    }


def _is_input(model: type[BaseModel]) -> bool:
    return model.model_config.get("extra") == "forbid"


def _operation(op: Operation, refs: dict[type[BaseModel], JsonSchemaValue]) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "operationId": f"{op.method.lower()}_{re.sub(r'[^a-z0-9]+', '_', op.path.lower()).strip('_')}",
        "summary": op.summary,
        "tags": [op.tag],
        "parameters": [
            {
                "name": name,
                "in": "path",
                "required": True,
                "schema": {"type": "string", "minLength": 1, "maxLength": 128},
            }
            for name in re.findall(r"{(\w+)}", op.path)
        ],
    }
    if op.query is not None:
        schema = op.query.model_json_schema()
        required = set(schema.get("required", []))
        for name, prop in schema["properties"].items():
            doc["parameters"].append(
                {"name": name, "in": "query", "required": name in required, "schema": _nullable_to_optional(prop)}
            )
    if op.idempotent:
        doc["parameters"].append(
            {
                "name": "Idempotency-Key",
                "in": "header",
                "required": False,
                "description": "每次点击一个新值：同一用户一天内重发同一值，得到同一个任务（不会再建一个）",
                "schema": {"type": "string", "minLength": 1, "maxLength": 128, "pattern": "^[\\x21-\\x7e]+$"},
            }
        )
    if op.body is not None:
        doc["requestBody"] = {"required": True, "content": {"application/json": {"schema": refs[op.body]}}}
    success: dict[str, Any] = {"description": "成功"}
    if op.response is not None:
        success["content"] = {"application/json": {"schema": refs[op.response]}}
    elif op.status != 204:
        success["content"] = {"application/json": {"schema": {"type": "object"}}}
    error = {"content": {"application/json": {"schema": refs[ErrorBody]}}}
    doc["responses"] = {str(op.status): success}
    statuses = set(op.errors) | ({400} if op.body or op.query else set())
    statuses |= (set() if op.public else {401}) | {503}
    statuses |= {400, 409} if op.idempotent else set()  # a malformed Idempotency-Key; one reused for another request
    for status in sorted(statuses):
        doc["responses"][str(status)] = {"description": _ERROR_TEXT[status], **error}
    if not op.public:
        doc["security"] = [{"bearer": []}]
    return doc


def _nullable_to_optional(prop: dict[str, Any]) -> dict[str, Any]:
    # A query parameter is either absent or a value; "null" cannot be sent in a query string.
    options = [p for p in prop.get("anyOf", []) if p.get("type") != "null"]
    if len(options) == 1:
        merged = {k: v for k, v in prop.items() if k != "anyOf" and not (k == "default" and v is None)}
        merged.update(options[0])
        return merged
    return prop
