"""Opaque cursors over DynamoDB's LastEvaluatedKey, checked before they reach a query."""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from chalicelib.errors import ValidationFailed

T = TypeVar("T")


@dataclass
class Page(Generic[T]):
    items: list[T]
    next_cursor: str | None


def encode_cursor(last_evaluated_key: dict | None) -> str | None:
    if not last_evaluated_key:
        return None
    raw = json.dumps(last_evaluated_key, separators=(",", ":"), sort_keys=True).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None, key_names: Iterable[str], fixed: dict[str, str]) -> dict | None:
    """The start key encoded in ``cursor``; its ``fixed`` keys must equal the current query's."""
    if not cursor:
        return None
    invalid = ValidationFailed("INVALID_CURSOR", "分页参数无效，请从第一页重新查询", "cursor")
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        key = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (binascii.Error, ValueError, UnicodeError):
        raise invalid from None
    names = set(key_names)
    if not isinstance(key, dict) or set(key) != names:
        raise invalid
    for name, value in key.items():
        if not (isinstance(value, dict) and len(value) == 1 and list(value)[0] in ("S", "N")):
            raise invalid
        ((kind, text),) = value.items()
        if not isinstance(text, str) or not 0 < len(text) <= 1024:
            raise invalid
        if kind == "N" and not re.fullmatch(r"-?\d+(\.\d+)?", text):
            raise invalid
        if name in fixed and text != fixed[name]:
            raise invalid
    return key
