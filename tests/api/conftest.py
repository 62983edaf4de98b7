"""Fixtures of the attendance API tests: a fixed clock, the three demo roles, an approved session."""

from __future__ import annotations

from datetime import datetime

import pytest

from chalicelib.services import attendance_console, attendance_signing, budgets, certificates, scan_rejections
from chalicelib.services import credits as credit_workflow
from tests.api.attendance_helpers import CN, SESSION, Clock, approve
from tests.api.test_sessions import NATIONAL


@pytest.fixture
def clock(monkeypatch):
    clock = Clock(datetime(2026, 12, 10, 8, 0, tzinfo=CN))
    for attendance_module in (attendance_signing, scan_rejections, attendance_console):
        monkeypatch.setattr(attendance_module, "utc_now", clock)
    monkeypatch.setattr(credit_workflow, "utc_now", clock)
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
