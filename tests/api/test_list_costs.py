"""Lists with bounded cost (issue #13 item 3): the roster and the certificate list paged with cursors (every row once,
in order, while people keep signing in), and every list's page within three DynamoDB calls whose items read do not
grow with unrelated sessions and projects."""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import pytest

from chalicelib.models import Certificate, Project, Session
from tests.api.attendance_helpers import id_number, person

MAX_CALLS = 3


@dataclass
class Reads:
    calls: list[str] = field(default_factory=list)
    items: int = 0  # what DynamoDB read: ScannedCount of queries, items of (batch) gets


@contextmanager
def counting(monkeypatch: pytest.MonkeyPatch) -> Iterator[Reads]:
    """Every DynamoDB call made meanwhile (whatever client makes it) and the items it read."""
    import botocore.client

    reads = Reads()
    original = botocore.client.BaseClient._make_api_call

    def call(client: Any, name: str, params: dict[str, Any]) -> Any:
        answer = original(client, name, params)
        # The authorizer's read of the caller's account is its own function's (before the route runs): not counted.
        if client.meta.service_model.service_name == "dynamodb" and not _accounts(params):
            reads.calls.append(name)
            if name in ("Query", "Scan"):
                reads.items += int(answer.get("ScannedCount", 0))
            elif name == "GetItem":
                reads.items += 1 if answer.get("Item") else 0
            elif name == "BatchGetItem":
                reads.items += sum(len(found) for found in answer.get("Responses", {}).values())
        return answer

    with monkeypatch.context() as patch:
        patch.setattr(botocore.client.BaseClient, "_make_api_call", call)
        yield reads


def _accounts(params: dict[str, Any]) -> bool:
    return str(params.get("TableName", "")).endswith("-accounts")


def pages(fetch: Callable[[str | None], dict]) -> Iterator[dict]:
    cursor = None
    while True:
        page = fetch(cursor)
        yield page
        cursor = page["next_cursor"]
        if cursor is None:
            return


def _cursor(cursor: str | None) -> dict[str, str]:
    return {"cursor": cursor} if cursor else {}


def attendee(n: int, **changes: Any) -> dict:
    """The n-th attendee (n < 900): a distinct ID number (born 1990, male, aged 36), mobile and phone."""
    number = id_number(f"3201021990{3 + n // 100:02d}07{n % 100:02d}1")  # a month per hundred, born on the 7th
    return person(
        **{"id_number": number, "name": "学员", "mobile": f"139{n:08d}", "client_id": f"phone-{n}", **changes}
    )


# --- the roster --------------------------------------------------------------------------------------------------


def test_roster_pages_every_attendee_once_in_sign_in_order_while_people_sign_in(
    api: Any, approved: dict, clock: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    sid, org = approved["sid"], approved["org"]

    def sign_in(n: int, **changes: Any) -> None:
        clock.now = clock.now + timedelta(seconds=1 if n % 7 else 0)  # some share their second
        status, body = api.post(
            f"/public/attendance/{sid}/sign-in", {"t": approved["tokens"]["in"], **attendee(n, **changes)}
        )
        assert (status, body["status"]) == (200, "signed_in"), body

    shared = {3: "shared-phone", 160: "shared-phone"}  # one phone, two people, on different pages
    for n in range(180):
        sign_in(n, **({"client_id": shared[n]} if n in shared else {}))

    seen: list[dict] = []
    cursor = None
    while True:
        with counting(monkeypatch) as reads:
            status, page = api.get(f"/sessions/{sid}/attendance/attendees", org, **_cursor(cursor))
        assert status == 200, page
        assert len(reads.calls) <= MAX_CALLS, reads.calls
        assert reads.items <= 50 + 2 * 50 + 1, "a page, its links and the session"
        assert len(page["items"]) <= 50
        seen += page["items"]
        if len(seen) == 100:  # people keep signing in while the organiser pages
            for n in range(180, 240):
                sign_in(n)
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == 240
    assert len({row["mobile"] + row["id_number"] for row in seen}) == 240, "every attendee once"
    assert [row["signed_in_at"] for row in seen] == sorted(row["signed_in_at"] for row in seen), "in sign-in order"
    flagged = {row["id_number"]: [f["code"] for f in row["flags"]] for row in seen if row["flags"]}
    assert sorted(flagged.values()) == [["SHARED_DEVICE"], ["SHARED_DEVICE"]], flagged
    counts = api.get(f"/sessions/{sid}/attendance", org)[1]
    assert (counts["signed_in"], counts["flagged"]) == (240, 2)


def test_roster_cursor_is_checked(api: Any, approved: dict) -> None:
    status, body = api.get(f"/sessions/{approved['sid']}/attendance/attendees", approved["org"], cursor="bm90LWEta2V5")
    assert (status, body["error"]["code"]) == (400, "INVALID_CURSOR")
    status, body = api.get(f"/sessions/{approved['sid']}/attendance/attendees", approved["org"], limit=51)
    assert status == 400


# --- the certificate list ----------------------------------------------------------------------------------------


def certificate(session_id: str, n: int) -> Certificate:
    return Certificate(
        verification_code=uuid.uuid4().hex[:16],
        certificate_no=f"JS2026-{n:06d}",
        session_id=session_id,
        credit_key=f"credit-{n}",
        lookup=f"2026-14-02-049#学员{n}",
        name=f"学员{n}",
        project_number="2026-14-02-049(国)",
        project_name="外科护理新进展",
        project_level="national",
        credit_class="I",
        credits=2,
        start_date="2026-12-10",
        end_date="2026-12-10",
        organiser="南京示范医院",
        issuer="江苏省继续医学教育委员会办公室",
        issued_on="2026-12-20",
    )


def test_certificate_list_pages_every_certificate_once_in_number_order(
    api: Any, approved: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    sid, org = approved["sid"], approved["org"]
    with Certificate.batch_write() as batch:
        for n in range(260):
            batch.save(certificate(sid, n))
        for n in range(260, 460):  # another session's
            batch.save(certificate("ses-other", n))
    seen: list[str] = []
    for page in pages(lambda cursor: _counted_get(api, monkeypatch, f"/sessions/{sid}/certificates", org, cursor)):
        seen += [c["certificate_no"] for c in page["items"]]
    assert seen == [f"JS2026-{n:06d}" for n in range(260)]


def _counted_get(
    api: Any,
    monkeypatch: pytest.MonkeyPatch,
    path: str,
    token: str,
    cursor: str | None,
    compact: int = 0,
    **query: Any,
) -> dict:
    """One page, within three calls that read at most the page, its links and the session (plus ``compact`` entries
    of a compact name index)."""
    with counting(monkeypatch) as reads:
        status, page = api.get(path, token, **_cursor(cursor), **query)
    assert status == 200, page
    assert len(reads.calls) <= MAX_CALLS, reads.calls
    assert reads.items <= 101 + len(page["items"]) + compact, (reads.items, len(page["items"]))
    return page


# --- session and project lists ------------------------------------------------------------------------------------


def copies(model: Any, original: Any, tag: str, count: int, **changes: Callable[[int], Any]) -> None:
    """``count`` copies of an item under new keys, with ``changes`` per copy (index → value), in the word index too."""
    from chalicelib.services import name_index

    key = model._hash_key_attribute().attr_name
    made = []
    with model.batch_write() as batch:
        for n in range(count):
            item = model.from_raw_data(original.serialize(null_check=False))
            setattr(item, key, f"{getattr(original, key)}-{tag}{n}")
            for name, value in changes.items():
                setattr(item, name, value(n))
            batch.save(item)
            made.append(item)
    of = name_index.of_session if model is Session else name_index.of_project
    name_index.sync([(None, of(item)) for item in made], fresh=True)


@pytest.fixture
def crowded(api: Any, approved: dict) -> dict:
    """200 sessions and 200 projects that match none of the filters below: other organisations, other departments,
    other states."""
    session = Session.get(approved["sid"])
    copies(
        Session,
        session,
        "a",
        100,
        org_id=lambda n: f"org-other-{n % 5}",
        sort_key=lambda n: f"2026-06-{n % 28 + 1:02d}#x{n}",
        status=lambda n: "approved",
        report_status=lambda n: "pending",
    )
    copies(
        Session,
        session,
        "b",
        100,
        department=lambda n: f"其他科室{n % 3}",
        sort_key=lambda n: f"2026-07-{n % 28 + 1:02d}#y{n}",
        status=lambda n: "approved",
        report_status=lambda n: "granted",
    )
    project = Project.get(approved["pid"])
    # a project's sort key ends with its id, as the word index's entries do
    order = {tag: (lambda n, tag=tag: f"{project.sort_key}-{tag}{n}") for tag in "ab"}
    others = {"org_id": lambda n: f"org-other-{n % 5}"}
    copies(Project, project, "a", 100, status=lambda n: "approved", sort_key=order["a"], **others)
    copies(
        Project,
        project,
        "b",
        100,
        department=lambda n: f"其他科室{n % 3}",
        status=lambda n: "approved",
        sort_key=order["b"],
    )
    return approved


LISTS = [
    # (who, path, query, expected matches among the approved fixture's own session / project)
    ("office", "/sessions", {"status": "submitted"}, 0),
    ("office", "/sessions", {"report_status": "reported"}, 0),
    ("admin", "/sessions", {"status": "forwarded", "year": 2026}, 0),
    ("admin", "/sessions", {"report_status": "submitted"}, 0),
    ("org", "/sessions", {"year": 2026}, 1),
    ("org", "/sessions", {"status": "draft"}, 0),
    ("office", "/projects", {"status": "forwarded", "year": 2026}, 0),
    ("admin", "/projects", {"status": "declared"}, 0),
    ("org", "/projects", {"year": 2026}, 1),
]


@pytest.mark.parametrize(("who", "path", "query", "expected"), LISTS)
def test_filtered_lists_read_little_whatever_else_there_is(
    api: Any, crowded: dict, monkeypatch: pytest.MonkeyPatch, who: str, path: str, query: dict, expected: int
) -> None:
    page = _counted_get(api, monkeypatch, path, crowded[who], None, **query)
    assert len(page["items"]) == expected and page["next_cursor"] is None
    with counting(monkeypatch) as reads:
        api.get(path, crowded[who], **query)
    assert reads.items <= 3, f"{reads.items} items read for {len(page['items'])} found, among 200 others"


def test_name_search_reads_the_word_index_and_pages_on(
    api: Any, crowded: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    office = crowded["office"]
    # A name matches anywhere in a name: the rarest gram's entries are read (about 200 bytes each, not the items), and
    # the sketch's items of the query's grams.
    year = 201 + 4
    found = _counted_get(api, monkeypatch, "/sessions", office, None, year, name="外科护理", year=2026, limit=50)
    assert len(found["items"]) == 50, "the copies match the name too: a full page"
    everything: list[str] = []
    for page in pages(
        lambda cursor: _counted_get(api, monkeypatch, "/sessions", office, cursor, year, name="外科护理", limit=50)
    ):
        everything += [s["session_id"] for s in page["items"]]
    assert len(everything) == len(set(everything)) == 201
    nothing = _counted_get(api, monkeypatch, "/sessions", office, None, year, name="不存在的项目")
    assert nothing["items"] == [] and nothing["next_cursor"] is None
    projects = _counted_get(api, monkeypatch, "/projects", office, None, 201, leader="不存在", year=2026)
    assert projects["items"] == []


def test_name_search_cost_follows_the_matches_not_the_year(
    api: Any, approved: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same searches read the same items, in at most three calls, after 300 sessions and 300 projects of other
    names join the year: a name that matches one, a name that matches nothing, a leader, an organiser's search."""
    office, org = approved["office"], approved["org"]
    searches = [
        ("/sessions", office, {"name": "外科护理", "year": 2026}),
        ("/sessions", office, {"name": "无此项目名称", "year": 2026}),
        ("/projects", office, {"name": "外科护理", "year": 2026}),
        ("/projects", office, {"leader": "王护", "year": 2026}),
        ("/sessions", org, {"name": "护理"}),
    ]

    from chalicelib.services import name_grams

    def measure() -> list[tuple[int, list[str]]]:
        out = []
        for path, token, query in searches:
            with counting(monkeypatch) as reads:
                status, page = api.get(path, token, **query)
            assert status == 200 and len(reads.calls) <= MAX_CALLS, (query, reads.calls)
            out.append((reads.items, [row.get("session_id") or row["project_id"] for row in page["items"]]))
        return out

    before = measure()
    assert [len(found) for _, found in before] == [1, 0, 1, 1, 1]
    names = ["神经内科病例讨论", "儿童哮喘规范诊疗", "CT影像读片"]
    copies(
        Session,
        Session.get(approved["sid"]),
        "y",
        300,
        project_name=lambda n: f"{names[n % 3]}{n}",
        sort_key=lambda n: f"2026-05-{n % 28 + 1:02d}#z{n}",
    )
    project = Project.get(approved["pid"])
    copies(
        Project,
        project,
        "y",
        300,
        name=lambda n: f"{names[n % 3]}{n}",
        leader=lambda n: "李医生",
        sort_key=lambda n: f"{project.sort_key}-y{n}",
    )
    after = measure()
    assert [found for _, found in after] == [found for _, found in before]
    for (path, _, query), (was, now) in zip(
        searches, [(b[0], a[0]) for b, a in zip(before, after, strict=True)], strict=True
    ):
        # the sketch's items of the query's grams may have come into being (at most one per gram), nothing else more
        grams = sum(len(name_grams.query_grams(text)) for text in query.values() if isinstance(text, str))
        assert now <= was + grams, (path, query, was, now)


def test_session_lists_keep_their_order_newest_first(api: Any, crowded: dict) -> None:
    rows = api.get("/sessions", crowded["office"], status="approved", limit=100)[1]["items"]
    keys = [(row["start_date"]) for row in rows]
    assert keys == sorted(keys, reverse=True) and len(rows) == 100
    statuses = Counter(row["status"] for row in rows)
    assert statuses == {"approved": 100}


# --- the backfill of items written before the new indexes ---------------------------------------------------------


def test_backfill_gives_old_items_their_list_keys_and_links(api: Any, approved: dict) -> None:
    from chalicelib.models import Attendance
    from scripts.backfill_list_keys import _links, _resave

    sid, org, token = approved["sid"], approved["org"], approved["tokens"]["in"]
    for n in (1, 2):
        body = {"t": token, **attendee(n, client_id="one-phone")}
        assert api.post(f"/public/attendance/{sid}/sign-in", body)[1]["status"] == "signed_in"
    for link in Attendance.query(f"{sid}#links"):  # as before links existed
        link.delete()
    Session.get(sid).update(actions=[Session.year_status.remove(), Session.org_status.remove()])
    assert api.get("/sessions", approved["office"], status="approved")[1]["items"] == []

    assert _resave(Session, "sessions") >= 1 and _links() == 3, "one phone, two mobiles"
    assert _links() == 3, "idempotent"
    assert [s["session_id"] for s in api.get("/sessions", approved["office"], status="approved")[1]["items"]] == [sid]
    rows = api.get(f"/sessions/{sid}/attendance/attendees", org)[1]["items"]
    assert [[f["code"] for f in row["flags"]] for row in rows] == [["SHARED_DEVICE"], ["SHARED_DEVICE"]]
