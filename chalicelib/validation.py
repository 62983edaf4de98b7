"""Pydantic validation errors as the API's Chinese error envelope."""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ValidationError

from chalicelib.errors import AppError

_MESSAGES: dict[str, str] = {
    "missing": "不能为空",
    "string_too_short": "长度不能少于{min_length}个字符",
    "string_too_long": "长度不能超过{max_length}个字符",
    "string_pattern_mismatch": "格式不正确",
    "literal_error": "取值无效，可选：{expected}",
    "enum": "取值无效",
    "extra_forbidden": "是不支持的字段",
    "string_type": "必须是文本",
    "int_parsing": "必须是整数",
    "int_type": "必须是整数",
    "bool_type": "必须是是/否",
    "bool_parsing": "必须是是/否",
    "greater_than_equal": "不能小于{ge}",
    "less_than_equal": "不能大于{le}",
    "too_short": "至少需要{min_length}项",
    "too_long": "最多{max_length}项",
}


def validation_error(model: type[BaseModel], error: ValidationError) -> AppError:
    """The first problem pydantic found, as a Chinese message naming the field."""
    first = error.errors(include_url=False)[0]
    location = [str(part) for part in first["loc"]]
    field = ".".join(location) or None
    template = _MESSAGES.get(first["type"])
    if template is None:
        message = re.sub(r"^(Value error|Assertion failed), ", "", first["msg"])
        return AppError("VALIDATION_FAILED", message if _has_chinese(message) else "请求内容有误", field)
    context = first.get("ctx") or {}
    message = template.format(**{key: _readable(value) for key, value in context.items()})
    label = _title(model, location) or (field or "请求")
    return AppError("VALIDATION_FAILED", f"{label}{message}", field)


def _title(model: type[BaseModel], location: list[str]) -> str | None:
    info = model.model_fields.get(location[0]) if location else None
    return info.title if info is not None else None


def _readable(value: Any) -> str:
    return str(value).replace("'", "")


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= char <= "\u9fff" for char in text)
