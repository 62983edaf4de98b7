"""Pydantic validation errors as the API's Chinese error envelope."""

from __future__ import annotations

import json
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
    "float_type": "必须是数字",
    "float_parsing": "必须是数字",
    "date_type": "必须是日期（如 2026-03-01）",
    "date_from_datetime_parsing": "必须是日期（如 2026-03-01）",
    "time_type": "必须是时间（如 08:30）",
    "time_parsing": "必须是时间（如 08:30）",
    "list_type": "必须是列表",
    "dict_type": "必须是对象",
    "model_type": "必须是对象",
}
# Our own error types (schemas.common): their message is already Chinese, after the field's title.
_OWN = {"text_invalid_char", "person_name", "printable_text"}
_INVALID_JSON = ("INVALID_JSON", "请求内容不是有效的 JSON")


def validation_error(model: type[BaseModel], error: ValidationError) -> AppError:
    """The first problem pydantic found, as a Chinese message naming the field."""
    first = error.errors(include_url=False)[0]
    location = [str(part) for part in first["loc"]]
    field = ".".join(location) or None
    label = _title(model, location) or (field or "请求")
    if first["type"] in _OWN:
        return AppError("VALIDATION_FAILED", f"{label}{first['msg']}", field)
    template = _MESSAGES.get(first["type"])
    if template is None:
        message = re.sub(r"^(Value error|Assertion failed), ", "", first["msg"])
        return AppError("VALIDATION_FAILED", message if _has_chinese(message) else "请求内容有误", field)
    context = first.get("ctx") or {}
    message = template.format(**{key: _readable(value) for key, value in context.items()})
    return AppError("VALIDATION_FAILED", f"{label}{message}", field)


def body_error(model: type[BaseModel], error: ValidationError, raw: str | bytes) -> AppError:
    """The error of a JSON body that failed strict validation (``model.model_validate_json(raw, strict=True)``)."""
    first = error.errors(include_url=False)[0]
    if first["type"] == "json_invalid":
        return _unparsed(model, raw)
    if first["type"] == "model_type" and not first["loc"]:
        return AppError("INVALID_BODY", "请求内容必须是 JSON 对象")
    return validation_error(model, error)


def _unparsed(model: type[BaseModel], raw: str | bytes) -> AppError:
    """JSON pydantic's parser refuses: invalid, or valid but holding a lone surrogate (``"\\ud800"``), which is
    named like any other refused character."""
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return AppError(*_INVALID_JSON)
    if not isinstance(data, dict):
        return AppError("INVALID_BODY", "请求内容必须是 JSON 对象")
    found = _lone_surrogate(data, [])
    if found is None:
        return AppError(*_INVALID_JSON)
    location, char = found
    field = ".".join(location) or None  # None: a field's name (unknown, then) holds it
    label = _title(model, location) or field or "请求"
    return AppError("VALIDATION_FAILED", f"{label}含有不允许的字符（U+{ord(char):04X}）", field)


def _lone_surrogate(value: Any, location: list[str]) -> tuple[list[str], str] | None:
    if isinstance(value, str):
        char = next((c for c in value if "\ud800" <= c <= "\udfff"), None)
        return (location, char) if char else None
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        found = _lone_surrogate(key, location) if isinstance(key, str) else None
        found = found or _lone_surrogate(item, [*location, str(key)])
        if found:
            return found
    return None


def _title(model: type[BaseModel], location: list[str]) -> str | None:
    info = model.model_fields.get(location[0]) if location else None
    return info.title if info is not None else None


def _readable(value: Any) -> str:
    return str(value).replace("'", "")


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= char <= "\u9fff" for char in text)
