"""The public project query (#15 item 8): each published project with its approved sessions (China dates, venue,
holding unit), at most the first ``PUBLIC_SESSIONS_MAX`` sessions read per project, in one call per project."""

from __future__ import annotations

from typing import Any

import pytest

from chalicelib.models import Project, Session
from chalicelib.services.session_lists import PUBLIC_SESSIONS_MAX
from tests.api.attendance_helpers import SESSION
from tests.api.test_list_costs import copies, counting
from tests.api.test_projects import NATIONAL


def _public(api: Any, **query: Any) -> list[dict]:
    status, page = api.get("/public/projects", year=2026, **query)
    assert status == 200, page
    return page["items"]


def test_a_published_project_shows_its_approved_sessions_only(api: Any, roles: dict, approved: dict) -> None:
    api.post(f"/projects/{approved['pid']}/sessions", {**SESSION, "seq": 2, "venue": "草稿会场"}, roles["org"])
    (project,) = _public(api, name=NATIONAL["name"])
    held = {"seq": 1, "start_date": "2026-12-10", "end_date": "2026-12-10", "venue": "南京会场"}
    assert project["sessions"] == [{**held, "org_name": "南京示范医院"}]
    assert project["more_sessions"] is False
    assert "草稿会场" not in repr(project), "a session not approved is not public"


def test_sessions_shown_are_capped_and_cost_one_bounded_call_per_project(
    api: Any, approved: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = Session.get(approved["sid"])
    copies(Session, session, "c", PUBLIC_SESSIONS_MAX + 5, seq=lambda n: n + 2)
    project = Project.get(approved["pid"])
    copies(Project, project, "p", 4, number=lambda n: f"2026-14-02-{n + 60:03d}")
    with counting(monkeypatch) as reads:
        items = _public(api, limit=3)
    ours = [item for item in items if item["project_id"] == approved["pid"]]
    assert len(items) == 3 and len(reads.calls) <= 1 + len(items), reads.calls
    assert reads.items <= len(items) * (1 + PUBLIC_SESSIONS_MAX), reads.items
    if ours:
        assert len(ours[0]["sessions"]) == PUBLIC_SESSIONS_MAX and ours[0]["more_sessions"] is True
    (found,) = _public(api, name=NATIONAL["name"], limit=1)
    assert [s["seq"] for s in found["sessions"]] == list(range(1, PUBLIC_SESSIONS_MAX + 1))
    assert found["more_sessions"] is True


def test_an_open_page_holds_at_most_20_projects(api) -> None:
    """Each project of a public page costs one Query of its sessions: the anonymous caller pages by 20 at most."""
    status, body = api.get("/public/projects", year=2026, limit=21)
    assert status == 400 and body["error"]["field"] == "limit", body
    assert api.get("/public/projects", year=2026, limit=20)[0] == 200
