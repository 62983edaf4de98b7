"""The console's generated API types (web/src/shared/api-types.ts) match the OpenAPI document the API serves."""

from __future__ import annotations

import difflib

import pytest

from scripts import openapi_types


def test_committed_api_types_match_a_fresh_generation() -> None:
    target = openapi_types.TARGET
    committed = target.read_text(encoding="utf-8") if target.exists() else ""
    fresh = openapi_types.generate()
    if committed != fresh:
        diff = difflib.unified_diff(
            committed.splitlines(), fresh.splitlines(), "committed", "generated", n=1, lineterm=""
        )
        pytest.fail(openapi_types.stale_message() + "\n" + "\n".join(list(diff)[:40]), pytrace=False)
