"""Name search through the word index (issue #13 item 3): the same results, in the same order, as filtering every
item the caller may see by the raw text (the list's old filter, the oracle), for each role, Chinese and Latin names,
one and several characters, no match, rename, status change, delete, and pages with cursors."""

from __future__ import annotations

from typing import Any

import pytest

from chalicelib.models import NameGram, Project, Session
from tests.api.test_projects import PROVINCIAL
from tests.api.test_sessions import NATIONAL

ROLES = ("organizer", "admin", "office", "society-organizer")
NAMES = [
    ("心血管病诊治进展", "张三"),
    ("COPD Management 进展", "Li Wei"),
    ("copd 康复训练", "李伟"),
    ("急诊ＣＯＰＤ规范", "张小三"),  # full-width Latin
    ("心脏", "王"),  # two characters, a one-character leader
]


@pytest.fixture
def users(api: Any, demo: Any) -> dict[str, dict[str, str]]:
    found = {}
    for role in ROLES:
        token = api.login(f"{role}-demo")
        me = api.get("/auth/me", token)[1]
        found[role] = {"token": token, "org_id": me["org_id"], "department": me.get("department") or ""}
    return found


def national(n: int, name: str, leader: str) -> dict[str, Any]:
    return {**NATIONAL, "number": f"2026-{NATIONAL['discipline_code']}-{300 + n:03d}", "name": name, "leader": leader}


@pytest.fixture
def catalog(api: Any, users: dict) -> dict[str, str]:
    """Projects of two organisations with the names above (and a provincial draft)."""
    ids = {}
    for n, (name, leader) in enumerate(NAMES):
        who = "society-organizer" if n == 2 else "organizer"
        status, body = api.post("/projects/national", national(n, name, leader), users[who]["token"])
        assert status in (200, 201), body
        ids[name] = body["project_id"]
    status, body = api.post("/projects/provincial", {**PROVINCIAL, "name": "心血管护理"}, users["organizer"]["token"])
    assert status in (200, 201), body
    ids["心血管护理"] = body["project_id"]
    return ids


def every_page(api: Any, path: str, token: str, **query: Any) -> list[str]:
    found: list[str] = []
    cursor = None
    while True:
        status, page = api.get(path, token, limit=2, **({"cursor": cursor} if cursor else {}), **query)
        assert status == 200, page
        found += [row.get("session_id") or row["project_id"] for row in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            return found


def visible(user: dict[str, str], role: str, item: Any) -> bool:
    if role == "office":
        return True
    if role == "admin":
        return item.org_id == user["org_id"]
    return (item.org_id, item.department) == (user["org_id"], user["department"])


def project_oracle(user: dict, role: str, year: int, **query: str) -> list[str]:
    """What the old filter gave: every project the caller sees, of the year, whose text contains the query's."""
    rows = [
        p
        for p in Project.scan()
        if visible(user, role, p)
        and p.sort_key.startswith(f"{year}#")
        and query.get("name", "") in p.name
        and query.get("leader", "") in p.leader
        and query.get("status", p.status) == p.status
    ]
    return [p.project_id for p in sorted(rows, key=lambda p: p.sort_key, reverse=True)]


QUERIES = [
    {"name": "心"},
    {"name": "心血管"},
    {"name": "COPD"},
    {"name": "copd"},
    {"name": "ＣＯＰＤ"},
    {"name": "进展"},
    {"name": "无此项目"},
    {"name": "诊治进展心"},  # every pair is there, the whole is not
    {"leader": "张"},
    {"leader": "Li"},
    {"name": "心", "leader": "张"},
    {"name": "心血管", "status": "draft"},
]


@pytest.mark.parametrize("role", ROLES)
def test_project_search_equals_the_old_filter_for_every_role(api: Any, users: dict, catalog: dict, role: str) -> None:
    user = users[role]
    for query in QUERIES:
        expected = project_oracle(user, role, 2026, **query)
        assert every_page(api, "/projects", user["token"], year=2026, **query) == expected, (role, query)
    if role != "office":  # all years: the office's list is one year at a time
        assert every_page(api, "/projects", user["token"], name="心") == project_oracle(user, role, 2026, name="心")


def test_rename_status_and_delete_follow_at_once(api: Any, users: dict, catalog: dict) -> None:
    org, office = users["organizer"]["token"], users["office"]["token"]
    pid = catalog["心血管病诊治进展"]
    assert pid in every_page(api, "/projects", office, year=2026, name="心血管病")
    assert api.patch(f"/projects/{pid}", {"name": "神经内科新技术"}, org)[0] == 200
    assert pid not in every_page(api, "/projects", office, year=2026, name="心血管病")
    assert every_page(api, "/projects", office, year=2026, name="神经内") == [pid]
    assert every_page(api, "/projects", office, year=2026, name="神") == [pid]
    left = {e.gram_key for e in NameGram.scan() if e.item_id == pid}
    assert left and not any("心" in key for key in left), "a rename removes the old grams"

    draft = catalog["心血管护理"]
    assert every_page(api, "/projects", office, year=2026, name="心血管", status="draft") == [draft]
    assert api.post(f"/projects/{draft}/declare", {}, org)[0] == 200
    assert every_page(api, "/projects", office, year=2026, name="心血管", status="draft") == []
    assert draft in every_page(api, "/projects", office, year=2026, name="心血管", status="declared")

    assert api.call("DELETE", f"/projects/{pid}", None, org)[0] in (200, 204)
    assert every_page(api, "/projects", office, year=2026, name="神经内") == []
    assert not [e for e in NameGram.scan() if e.item_id == pid], "a delete removes its entries"


def test_a_cursor_belongs_to_its_search(api: Any, users: dict, catalog: dict) -> None:
    office = users["office"]["token"]
    page = api.get("/projects", office, year=2026, name="心", limit=1)[1]
    assert page["next_cursor"]
    status, body = api.get("/projects", office, year=2026, name="康复", limit=1, cursor=page["next_cursor"])
    assert (status, body["error"]["code"]) == (400, "INVALID_CURSOR")


def session_oracle(user: dict, role: str, year: int, **query: str) -> list[str]:
    rows = [
        s
        for s in Session.scan()
        if visible(user, role, s)
        and s.sort_key.startswith(f"{year}-")
        and query["name"] in s.project_name
        and query.get("status", s.status) == s.status
    ]
    return [s.session_id for s in sorted(rows, key=lambda s: s.sort_key, reverse=True)]


@pytest.mark.parametrize("role", ("organizer", "admin", "office"))
def test_session_search_equals_the_old_filter_for_every_role(
    api: Any, users: dict, approved: dict, demo: Any, role: str
) -> None:
    user = users[role]
    year = int(Session.get(approved["sid"]).year_key)
    for query in (
        {"name": "外科护理"},
        {"name": "护"},
        {"name": "胸痛"},
        {"name": "无此"},
        {"name": "外科", "status": "approved"},
    ):
        expected = session_oracle(user, role, year, **query)
        assert every_page(api, "/sessions", user["token"], year=year, **query) == expected, (role, query)
    assert session_oracle(user, role, year, name="外科护理"), "the approved fixture's session is found"


def test_backfill_gives_old_items_their_entries_and_drops_stale_ones(api: Any, users: dict, catalog: dict) -> None:
    from scripts.backfill_name_index import backfill

    office = users["office"]["token"]
    pid = catalog["COPD Management 进展"]
    for entry in NameGram.scan():
        if entry.item_id == pid:
            entry.delete()  # as before the index existed
    NameGram(
        "pn#旧名", "2026#x#gone", item_id="prj-gone", name="旧名", org_id="o", department="", status="draft", version=1
    ).save()
    assert pid not in every_page(api, "/projects", office, year=2026, name="COPD")

    assert backfill()["entries"] > 0
    assert pid in every_page(api, "/projects", office, year=2026, name="COPD")
    assert not [e for e in NameGram.scan() if e.item_id == "prj-gone"], "entries of gone items go"
    assert backfill()["entries"] == 0, "idempotent"
