"""The console's generated files match their sources: api-types.ts the OpenAPI document the API serves, workflow.ts
the workflow tables."""

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


def test_committed_workflow_labels_match_the_tables() -> None:
    target = openapi_types.WORKFLOW_TARGET
    committed = target.read_text(encoding="utf-8") if target.exists() else ""
    fresh = openapi_types.generate_workflow()
    if committed != fresh:
        diff = difflib.unified_diff(
            committed.splitlines(), fresh.splitlines(), "committed", "generated", n=1, lineterm=""
        )
        pytest.fail(openapi_types.stale_message(target) + "\n" + "\n".join(list(diff)[:40]), pytrace=False)
