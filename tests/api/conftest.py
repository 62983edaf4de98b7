"""Fixtures of the attendance API tests: a fixed clock, the three demo roles, an approved session."""

from __future__ import annotations

from datetime import datetime

import pytest

from chalicelib.services import (
    attendance_console,
    attendance_signing,
    budgets,
    certificates,
    deadlines,
    execution_reports,
    grants,
    scan_rejections,
    selection,
)
from tests.api.attendance_helpers import CN, SESSION, Clock, approve
from tests.api.test_sessions import NATIONAL


@pytest.fixture
def clock(monkeypatch):
    clock = Clock(datetime(2026, 12, 10, 8, 0, tzinfo=CN))
    for module in (
        attendance_signing,
        scan_rejections,
        attendance_console,
        execution_reports,
        selection,
        grants,
        deadlines,
    ):
        monkeypatch.setattr(module, "utc_now", clock)
    monkeypatch.setattr(certificates, "utc_now", clock)
    monkeypatch.setattr(budgets, "utc_now", clock)
    return clock


@pytest.fixture
def roles(api, demo):
    return {"org": api.login("organizer-demo"), "admin": api.login("admin-demo"), "office": api.login("office-demo")}


@pytest.fixture
def national_project(api, roles):
    return api.post("/projects/national", NATIONAL, roles["org"])[1]["project_id"]


@pytest.fixture
def approved(api, roles, national_project, clock):
    return approve(api, roles, national_project, SESSION)
