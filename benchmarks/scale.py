"""`make bench-scale`: the province-scale figures of issue #13, one line each, with moto in-process.

Each size gets a fresh moto world seeded directly (batch writes of the items the app writes: one session, project,
report and its records made by the services, then cloned), and every figure is one request through the API (the
werkzeug client over the local WSGI gateway) with the console's role, or one run of a scheduled function or job.
DynamoDB calls and items read (ScannedCount where the answer has it: what DynamoDB bills) are counted by botocore
hooks; wall ms are this machine's. Printed, never asserted: the summary says PASS or MISS against the targets.
``BENCH_SCALE_SIZES="3,4;5,6"`` (sessions; attendees) or ``--sessions 3,4 --attendees 5,6`` run small sizes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import math
import os
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PREFIX = "cme-scale"
BUCKET = "cme-scale-files"
SENDER = "no-reply@cme.scale"
ORGANISATIONS = 10  # the sessions' organisations (the demo hospital and nine more)
SESSION_ATTENDEES = 20
ABSENT_NAME = "无此项目名称"  # the list filter that matches nothing
FEW_NAME = "罕见病例多学科讨论"  # the name of FEW sessions and projects, whatever n (a filter that matches a few)
FEW = 5
RATIO = 1.2
ORDER = (
    *("province-report", "organisation-report", "session-list-filtered", "project-list-filtered"),
    *("session-list-named", "project-list-named", "reminders-run"),
    *("roster-page", "certificate-list-page", "selection-page", "close-run"),
    *("grant-job", "certificate-pdf-job", "attendance-export-job", "retention-run"),
)
JOBS = ("grant-job", "certificate-pdf-job", "attendance-export-job")
# Not held to the 1.2x target: scheduled runs (their target is finishing, or continuing in a follow-up run).
RUNS = ("reminders-run", "close-run", "retention-run")
DEFAULT_SIZES = "100,1000;2000,10000"


# The keys, put into moto's Secrets Manager (the app reads them from there, as deployed).
KEYS = {
    "JWT_SECRET_ID": "scale-" + "k" * 40,
    "PII_KEY_SECRET_ID": "scale-pii-" + "k" * 40,
    "ID_ENCRYPTION_KEY_SECRET_ID": "scale-id-" + "k" * 40,
}


def _environment() -> None:
    os.environ.update(
        {
            "AWS_ACCESS_KEY_ID": "scale",
            "AWS_SECRET_ACCESS_KEY": "scale",
            "AWS_DEFAULT_REGION": "us-east-1",
            "TABLE_PREFIX": PREFIX,
            "BUCKET_NAME": BUCKET,
            "MAIL_SENDER": SENDER,
            "POWERTOOLS_LOG_LEVEL": "ERROR",
            "PASSWORD_HASH_PROFILE": "CHEAPEST",  # logins are seeding, not figures
        }
    )
    os.environ.pop("AWS_ENDPOINT_URL", None)


# --- what a request costs -------------------------------------------------------------------------


class Meter:
    """DynamoDB calls and items read in this process, by two botocore handlers put into BUILTIN_HANDLERS before any
    session exists (as benchmarks/api.py does), so every client pynamodb makes, in every thread, carries them."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._on = False
        self.calls = 0
        self.items = 0

    def install(self) -> None:
        from botocore.handlers import BUILTIN_HANDLERS

        BUILTIN_HANDLERS.append(("provide-client-params.dynamodb", self._call))
        BUILTIN_HANDLERS.append(("after-call.dynamodb", self._answer))

    def _call(self, **_: Any) -> None:
        if self._on:
            with self._lock:
                self.calls += 1

    def _answer(self, parsed: dict[str, Any] | None = None, **_: Any) -> None:
        if self._on and parsed:
            read = items_read(parsed)
            with self._lock:
                self.items += read

    @contextmanager
    def measuring(self) -> Iterator[Figure]:
        from chalicelib.services import office_books

        # Every figure counts its container's read of the office's items (rules, catalogue) as a cold one: the
        # worst case, the same whether the previous figure ran 5 s or 5 minutes before.
        office_books.reset()
        figure = Figure()
        with self._lock:
            self.calls = self.items = 0
            self._on = True
        started = time.perf_counter()
        try:
            yield figure
        finally:
            figure.ms += (time.perf_counter() - started) * 1000
            with self._lock:
                self._on = False
                figure.calls, figure.items = self.calls, self.items


def items_read(answer: dict[str, Any]) -> int:
    """Items one DynamoDB answer read: ScannedCount (what a Query or Scan billed, before its filter), else Count, else
    the items it returned (GetItem, BatchGetItem, TransactGetItems); writes read nothing."""
    if "ScannedCount" in answer:
        return int(answer["ScannedCount"])
    if "Count" in answer:
        return int(answer["Count"])
    if "Item" in answer:
        return 1
    responses = answer.get("Responses")
    if isinstance(responses, dict):  # BatchGetItem
        return sum(len(items) for items in responses.values())
    if isinstance(responses, list):  # TransactGetItems
        return sum(1 for response in responses if response.get("Item"))
    return 0


@dataclass
class Figure:
    calls: int = 0
    items: int = 0
    ms: float = 0.0
    ok: bool = True
    chunks: int | None = None
    synchronous: bool = False  # a "job" whose route still does the work in the request
    worker: Figure | None = None  # a job's worker runs (all of them), said in a `# ` line


# --- moto: a Query reads its partition, as DynamoDB does -----------------------------------------------------


_PARTITION = threading.local()


def partition_queries() -> None:
    """moto answers a base-table Query by sorting the whole table; here it reads only the queried partition, as
    DynamoDB does, so wall times do not grow with unrelated partitions (index queries stay moto's: small tables)."""
    from moto.dynamodb.models.table import Table

    if getattr(Table.query, "partitioned", False):
        return
    query, all_items = Table.query, Table.all_items

    def partitioned_query(self: Table, hash_key: Any, *args: Any, **kwargs: Any) -> Any:
        _PARTITION.key = None if kwargs.get("index_name") or (len(args) > 6 and args[6]) else hash_key
        try:
            return query(self, hash_key, *args, **kwargs)
        finally:
            _PARTITION.key = None

    def partition_items(self: Table) -> Any:
        key = getattr(_PARTITION, "key", None)
        if key is None:
            return all_items(self)
        if key not in self.items:
            return []
        if not self.range_key_attr:
            return [self.items[key]]
        return sorted(self.items[key].values(), key=lambda item: item.range_key)

    partitioned_query.partitioned = True  # type: ignore[attr-defined]
    Table.query = partitioned_query  # type: ignore[method-assign]
    Table.all_items = partition_items  # type: ignore[method-assign]


_READS = frozenset({"Query", "Scan", "GetItem", "BatchGetItem", "TransactGetItems"})


def plain_read_answers() -> None:
    """moto 5.2 serialises every answer attribute by attribute against the botocore model (about 5 ms an item on
    this machine, most of a large read's time); DynamoDB's answers to reads are already their JSON, so those are
    written with json.dumps (the same body; binary values, which the app does not store, keep moto's way)."""
    from moto.dynamodb.responses import DynamoResult

    if getattr(DynamoResult.execute_result, "plain", False):
        return
    serialise = DynamoResult.execute_result

    def execute_result(self: DynamoResult, context: Any) -> Any:
        if context.operation_model.name in _READS and isinstance(self.result, dict):
            try:
                body = json.dumps(self.result, separators=(",", ":"))
            except TypeError:  # bytes: moto's serializer base64-encodes them
                return serialise(self, context)
            return 200, {"Content-Type": "application/x-amz-json-1.0"}, body
        return serialise(self, context)

    execute_result.plain = True  # type: ignore[attr-defined]
    DynamoResult.execute_result = execute_result  # type: ignore[method-assign,assignment]


# --- seeding ------------------------------------------------------------------------------------------------


def _fresh(old: str, salt: str) -> str:
    """Another identifier of the same shape: the prefix up to the last '-' kept, the rest new hex of its length."""
    head, dash, tail = old.rpartition("-")
    return head + dash + hashlib.sha256(f"{old}#{salt}".encode()).hexdigest()[: len(tail)]


def _valid_id(prefix17: str) -> str:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return prefix17 + "10X98765432"[sum(int(d) * w for d, w in zip(prefix17, weights, strict=True)) % 11]


def write_attendees(session_id: str, count: int, missing_every: int = 0) -> None:
    """``count`` attendance records of a held session, as a sign-in and sign-out write them (keys, sealed ID copy,
    answers); every ``missing_every``-th signed in only (the close job marks it). One batch write."""
    from chalicelib.models import Attendance, Session
    from chalicelib.services import identity
    from chalicelib.services.attendance_rules import attended_hours, teaching_blocks
    from chalicelib.settings import get_settings
    from chalicelib.timeutil import CHINA, to_iso
    from localdev.seed import _demo_answers

    held = Session.get(session_id)
    settings = get_settings()
    pii_key, id_keys = settings.pii_keys.key(held.pii_kid), settings.id_encryption_keys
    day = dt.date.fromisoformat(held.start_date)
    blocks = teaching_blocks(held)
    arrive = dt.datetime.combine(day, dt.time(8, 45), CHINA)
    leave = dt.datetime.combine(day, dt.time(17, 5), CHINA)
    hours = attended_hours(arrive, leave, blocks)
    with Attendance.batch_write() as batch:
        for index in range(count):
            born = dt.date(1960, 1, 1) + dt.timedelta(days=index // 1000)
            number = _valid_id(f"320102{born:%Y%m%d}{index % 1000:03d}")
            mobile = f"139{index:08d}"
            resident = identity.parse_resident_id(number, day)
            person = identity.lookup_hash(number, pii_key)
            absent = bool(missing_every) and index % missing_every == 0
            batch.save(
                Attendance(
                    session_id=session_id,
                    attendee_key=person,
                    person_key=person,
                    session_mobile=f"{session_id}#{identity.lookup_hash(mobile, pii_key)}",
                    id_masked=identity.mask_id(number),
                    id_encrypted=identity.seal(number, id_keys, f"{session_id}|{person}"),
                    name="王李张刘陈杨黄赵吴周"[index % 10] + "学员",
                    gender=resident.gender,
                    age=resident.age_on(day),
                    mobile_masked=identity.mask_mobile(mobile),
                    unit="南京市示范医院",
                    department="内科",
                    region="南京" if index % 7 else "上海",
                    grassroots=index % 3 == 0,
                    title="主治医师",
                    client_id=f"scale-{index}",
                    signed_in_at=to_iso(arrive),
                    signed_out_at=None if absent else to_iso(leave),
                    hours=0 if absent else hours,
                    answers=None if absent else _demo_answers(),
                    questionnaire_version=None if absent else "1",
                )
            )


def _principals(hospital_id: str) -> dict[str, Any]:
    from chalicelib.principal import Principal

    return {
        "organizer": Principal("organizer-demo", "organizer", hospital_id, "心血管内科"),
        "admin": Principal("admin-demo", "admin", hospital_id, None),
        "office": Principal("office-demo", "office", "office", None),
    }


def held_session(hospital_id: str, attendees: int, missing_every: int = 0, credits: bool = True) -> str:
    """A national project and its session held three days ago, approved, with ``attendees`` records; with
    ``credits`` also closed, reported, selected and granted (all through the services). Its id."""
    from chalicelib.container import services
    from chalicelib.schemas.projects import NationalProjectCreate
    from chalicelib.schemas.sessions import BlockIn, SessionCreate
    from chalicelib.timeutil import CHINA

    svc = services()
    who = _principals(hospital_id)
    held_day = dt.datetime.now(CHINA).date() - dt.timedelta(days=3)
    project = svc.projects.create_national(
        who["organizer"],
        NationalProjectCreate(
            number=f"{held_day.year}-03-01-{attendees % 900 + 100:03d}",
            name="急性胸痛规范化诊治（规模测试）",
            leader="张立项",
            year=held_day.year,
            discipline_code="03-01",
            credits=2,
            nature="declared",
            planned_sessions=2,
        ),
    )
    body = SessionCreate(
        seq=1,
        venue="南京示范医院学术报告厅",
        start_date=held_day,
        end_date=held_day,
        planned_attendees=min(max(attendees, 1), 10000),
        schedule=[
            BlockIn(date=held_day, start=dt.time(9), end=dt.time(12), topic="胸痛中心建设", lecturer="王教授", hours=3),
            BlockIn(date=held_day, start=dt.time(14), end=dt.time(17), topic="病例讨论", lecturer="李主任", hours=3),
        ],
    )
    session = svc.sessions.create(who["organizer"], project.project_id, body)
    sid = session.session_id
    for kind in ("notice", "schedule"):
        key = f"sessions/{sid}/{kind}/scale"
        svc.sessions._uploads.put(key, b"%PDF-1.4\n% scale\n", "application/pdf")  # noqa: SLF001 - the presigned POST
        svc.session_materials.confirm_upload(who["organizer"], sid, kind, key, f"{kind}.pdf")
    for action, role in (("submit", "organizer"), ("forward", "admin"), ("approve", "office")):
        svc.sessions.transition(who[role], sid, action)
    write_attendees(sid, attendees, missing_every)
    if credits:
        svc.attendance_close.close_due(dt.datetime.now(CHINA))
        report_and_select(hospital_id, sid)
        job = svc.grants.grant(who["office"], sid)
        svc.jobs.run(job.job_id, lambda: 1000.0)  # the grant's job, run here (its queued message then finds it done)
    return sid


def report_and_select(hospital_id: str, sid: str, select: bool = True) -> None:
    """The organizer's execution report, submitted; with ``select`` the admin's preselection submitted as it is."""
    from chalicelib.container import services
    from chalicelib.models import Session
    from chalicelib.schemas.credits import LecturerIn, ReportIn

    svc = services()
    who = _principals(hospital_id)
    day = dt.date.fromisoformat(Session.get(sid).start_date)
    svc.execution_reports.save_report(
        who["organizer"],
        sid,
        ReportIn(
            actual_start_date=day,
            actual_end_date=day,
            venue="南京示范医院学术报告厅",
            summary="按计划完成两个教学单元，学员签到签退完整。",
            lecturers=[LecturerIn(name="王教授", title="主任医师", unit="南京示范医院", hours=3)],
        ),
    )
    svc.execution_reports.submit_report(who["organizer"], sid)
    if select:
        svc.selection.submit(who["admin"], sid)


def _organisations(hospital_id: str, count: int) -> list[tuple[str, str]]:
    """(org id, name) of the hospital and ``count - 1`` more hospitals, each with an admin who gets reminders."""
    from chalicelib.container import services
    from chalicelib.models import Account, Organisation
    from chalicelib.schemas.accounts import AccountCreate
    from chalicelib.schemas.organisations import OrganisationCreate
    from localdev.seed import DEMO_PASSWORD

    svc = services()
    office = _principals(hospital_id)["office"]
    found = [(hospital_id, Organisation.get(hospital_id).name)]
    for k in range(1, count):
        org = svc.organisations.create(
            office, OrganisationCreate(name=f"江苏省第{k}示范医院", type="hospital", city="南京")
        )
        username = f"scale-admin-{k}"
        svc.accounts.create(
            office,
            AccountCreate(
                username=username,
                display_name="科教" + "甲乙丙丁戊己庚辛壬癸"[k % 10],
                role="admin",
                org_id=org.org_id,
                password=DEMO_PASSWORD,
            ),
        )
        account = Account.get(username)
        account.must_change_password = False
        account.email = f"{username}@demo.cme.local"
        account.save()
        found.append((org.org_id, org.name))
    return found


def _scan(table: str) -> list[dict[str, Any]]:
    import boto3

    items: list[dict[str, Any]] = []
    for page in boto3.client("dynamodb").get_paginator("scan").paginate(TableName=table):
        items.extend(page["Items"])
    return items


def _batch_put(table: str, items: list[dict[str, Any]]) -> None:
    """BatchWriteItem in 25s, resending what comes back unprocessed."""
    import boto3

    client = boto3.client("dynamodb")
    for start in range(0, len(items), 25):
        pending: dict[str, Any] = {table: [{"PutRequest": {"Item": item}} for item in items[start : start + 25]]}
        while pending:
            pending = client.batch_write_item(RequestItems=pending).get("UnprocessedItems") or {}


# Tables of identities, limits, logs and per-run state: never copied with a session (certificates too: their key is
# a random code, and no figure of the province lists them).
NOT_CLONED = frozenset(
    {
        "accounts",
        "organisations",
        "login-attempts",
        "rate-limits",
        "audit-events",
        "notifications",
        "jobs",
        "counters",
        "name-claims",
        "certificates",
        "scan-rejections",
        "questionnaires",
        "aggregates",  # summed afresh over every session after the clones (seed_aggregates)
    }
)
GRANT_TABLES = frozenset({"credits"})  # what a session waiting for its selection does not have yet


def snapshot() -> dict[str, set[str]]:
    """Every item of the tables a session's clone copies, as JSON text, by logical table name."""
    import boto3

    names = boto3.client("dynamodb").list_tables()["TableNames"]
    logical = [name.removeprefix(f"{PREFIX}-") for name in names if name.startswith(f"{PREFIX}-")]
    return {
        name: {json.dumps(item, ensure_ascii=False, sort_keys=True) for item in _scan(f"{PREFIX}-{name}")}
        for name in logical
        if name not in NOT_CLONED
    }


def clone_sessions(
    template: str, n: int, organisations: list[tuple[str, str]], before: dict[str, set[str]]
) -> dict[str, int]:
    """``n - 1`` copies of what the granted template session wrote since ``before`` (session, project, report,
    attendance and credit records, and whatever else the app writes with them), with new ids and attendees, spread
    over ``organisations``. Of every 10, one waits for its admin's selection with a deadline between 7 days ago and
    13 days ahead (the daily reminders' worklist) and one is overdue with its notice already sent; those have
    nothing the grant writes."""
    from chalicelib.models import Session
    from chalicelib.services import deadlines
    from chalicelib.timeutil import CHINA

    session = Session.get(template)
    hospital, hospital_name = organisations[0]
    rows = {name: sorted(items - before.get(name, set())) for name, items in snapshot().items()}
    persons = {json.loads(text)["person_key"]["S"] for text in rows.get("attendance", ()) if "person_key" in text}
    today = dt.datetime.now(CHINA).date()
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in rows}
    for i in range(1, n):
        org_id, org_name = organisations[i % len(organisations)]
        swaps = {template: _fresh(template, str(i)), session.project_id: _fresh(session.project_id, str(i))}
        swaps |= {hospital: org_id, hospital_name: org_name} if org_id != hospital else {}
        # people recur across sessions, as in a province: 20 of 500,000 per session
        swaps |= {person: _fresh(person, str(i % 25_000)) for person in persons}
        waiting = i % 10 == 5
        noticed = i % 10 == 6
        for name, texts in rows.items():
            if name in GRANT_TABLES and (waiting or noticed):
                continue
            for text in texts:
                for old, new in swaps.items():
                    text = text.replace(old, new)
                item = json.loads(text)
                if name == "sessions" and (waiting or noticed):
                    item.pop("granted_at", None)
                    due = today + dt.timedelta(days=(i // 10) % 21 - 7 if waiting else -3)
                    item["report_status"] = {"S": "reported"}
                    item["deadline_open"] = {"S": deadlines.OPEN if waiting else deadlines.NOTICED}
                    item["deadline_kind"] = {"S": "admin"}
                    item["deadline_due"] = {"S": due.isoformat()}
                out[name].append(item)
    for name, items in out.items():
        _batch_put(f"{PREFIX}-{name}", items)
    return {name: len(texts) for name, texts in rows.items() if texts}


def seed_aggregates() -> int:
    """The aggregates (services/aggregates.py) of every approved session as its settles leave them: the session's
    totals, the rollups summed over them and each person's markers and counts, computed in one pass from the sessions'
    own partitions and batch-written. The services write them one transaction at a time, and moto copies the whole
    table for each transaction, which at n=1,000 would take hours; the reports read the same items. Items written."""
    from chalicelib.models import Aggregate, Session
    from chalicelib.services import aggregates, deadlines
    from chalicelib.services.aggregate_rules import SUMMED, Kind, counter_of, marker_scope
    from chalicelib.timeutil import to_iso

    now = dt.datetime.now(dt.UTC)
    stamp = to_iso(now)
    items: dict[tuple[str, str], dict[str, Any]] = {}
    for session in Session.scan(Session.status == "approved"):
        place = aggregates.place_of(session)
        own: dict[str, Any] = dict.fromkeys(SUMMED, 0)
        people: dict[Kind, list[str]] = {}
        if session.attendance_open is None:
            tally = aggregates.read_tally(session, now)
            own.update(tally.figures, recounted=True, people_counted=len(tally.people))
            people["attended"] = tally.people
            if aggregates.granted(session):
                own["credited_counted"] = len(tally.credited)
                people["credited"] = tally.credited
        own["sessions"] = 1
        own["overdue"] = 1 if session.deadline_open == deadlines.NOTICED else 0
        items[place.session_key(session.session_id)] = {
            **own,
            "version": 1,
            "as_of": stamp,
            "session_id": session.session_id,
            "org_id": place.org_id,
            "org_name": place.org_name,
        }
        for rollup in place.rollups():
            sums = items.setdefault(rollup, {"as_of": stamp})
            for name in SUMMED:
                sums[name] = sums.get(name, 0) + own[name]
            if rollup in place.named():
                sums.update(org_id=place.org_id, org_name=place.org_name)
        for kind, keys in people.items():
            counter = counter_of(kind)
            for person in keys:
                for marker, targets in place.markers(kind):
                    if (marker_scope(person), marker) in items:
                        continue
                    items[(marker_scope(person), marker)] = {"as_of": stamp}
                    for target in targets:
                        sums = items.setdefault(target, {"as_of": stamp})
                        sums[counter] = sums.get(counter, 0) + 1
    with Aggregate.batch_write() as batch:
        for (scope, item), values in items.items():
            batch.save(Aggregate(scope, item, **values))
    return len(items)


# --- the runs -----------------------------------------------------------------------------------------------


class Client:
    """JSON in, ``(status, json)`` out, through the gateway ``make run`` serves."""

    def __init__(self) -> None:
        from werkzeug.test import Client as WerkzeugClient

        from app import app
        from localdev.gateway import WebGateway

        self._client = WerkzeugClient(WebGateway(app, ROOT / "web" / "dist"))

    def call(self, method: str, path: str, token: str | None = None, body: Any = None, **query: Any) -> tuple[int, Any]:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        response = self._client.open(
            "/api" + path,
            method=method,
            data=json.dumps(body) if body is not None else None,
            headers=headers,
            query_string=query or None,
            content_type="application/json" if body is not None else None,
        )
        text = response.get_data(as_text=True)
        return response.status_code, (json.loads(text) if text else None)

    def login(self, username: str) -> str:
        from localdev.seed import DEMO_PASSWORD

        status, body = self.call("POST", "/auth/login", body={"username": username, "password": DEMO_PASSWORD})
        assert status == 200, body
        return str(body["token"])


@contextmanager
def aws_world() -> Iterator[None]:
    """A fresh moto with the template's tables, bucket and queues, the demo organisations and accounts."""
    from moto import mock_aws

    from chalicelib.container import reset
    from localdev.aws import create_resources
    from localdev.seed import seed_demo

    with mock_aws():
        reset()
        create_resources(PREFIX, BUCKET, SENDER, KEYS)
        reset()  # the settings again, with the key secrets' ids
        seed_demo(with_projects=False)
        try:
            yield
        finally:
            reset()


def _hospital() -> str:
    from chalicelib.models import Account

    return str(Account.get("admin-demo").org_id)


def request(meter: Meter, client: Client, method: str, path: str, token: str, **query: Any) -> Figure:
    return answered(meter, client, method, path, token, **query)[0]


def answered(meter: Meter, client: Client, method: str, path: str, token: str, **query: Any) -> tuple[Figure, Any]:
    """One console request, measured; a refusal is shown on stderr and marks the figure failed."""
    with meter.measuring() as figure:
        status, body = client.call(method, path, token, body={} if method == "POST" else None, **query)
    figure.ok = status in (200, 202)
    if not figure.ok:
        print(f"# {method} {path}: {status} {json.dumps(body, ensure_ascii=False)[:300]}", file=sys.stderr)
    return figure, body


def province(meter: Meter, n: int) -> tuple[dict[str, Figure], list[str]]:
    """The figures of ``n`` sessions of 20 attendees over 10 organisations."""
    from chalicelib.handlers.schedules import credit_deadline_reminders
    from chalicelib.models import Session
    from localdev.schedules import scheduled_event

    figures: dict[str, Figure] = {}
    started = time.perf_counter()
    hospital = _hospital()
    organisations = _organisations(hospital, ORGANISATIONS)
    before = snapshot()
    template = held_session(hospital, SESSION_ATTENDEES)
    copied = clone_sessions(template, n, organisations, before)
    summed = seed_aggregates()
    year = int(Session.get(template).year_key)
    seeded = time.perf_counter() - started
    client = Client()
    office, admin = client.login("office-demo"), client.login("admin-demo")
    figures["province-report"] = request(meter, client, "GET", "/reports/province", office, year=year)
    figures["organisation-report"] = request(meter, client, "GET", "/reports/organisations", admin, year=year)
    figures["session-list-filtered"] = request(meter, client, "GET", "/sessions", office, year=year, name=ABSENT_NAME)
    figures["project-list-filtered"] = request(meter, client, "GET", "/projects", office, year=year, name=ABSENT_NAME)
    name_a_few(template, n)
    figures["session-list-named"] = request(meter, client, "GET", "/sessions", office, year=year, name=FEW_NAME[2:6])
    figures["project-list-named"] = request(meter, client, "GET", "/projects", office, year=year, name=FEW_NAME[2:6])
    with meter.measuring() as figure:
        credit_deadline_reminders(scheduled_event("credit-deadline-reminders"), None)
    figures["reminders-run"] = figure
    each = ", ".join(f"{name} {count}" for name, count in sorted(copied.items()))
    seeded_line = f"# seeded {n} sessions x {SESSION_ATTENDEES} attendees in {seeded:.1f} s (per session: {each}"
    return figures, [f"{seeded_line}; aggregates {summed} items in all)"]


def name_a_few(template: str, n: int) -> None:
    """FEW of the cloned sessions and their projects renamed to FEW_NAME (the index follows, as with every edit)."""
    from chalicelib.models import Project, Session
    from chalicelib.services import name_index

    project_id = Session.get(template).project_id
    for i in range(1, n, max(1, (n - 1) // FEW))[:FEW]:
        session = Session.get(_fresh(template, str(i)))
        before = name_index.of_session(session)
        session.project_name = FEW_NAME
        session.save()
        name_index.sync([(before, name_index.of_session(session))])
        project = Project.get(_fresh(project_id, str(i)))
        was = name_index.of_project(project)
        project.name = FEW_NAME
        project.save()
        name_index.sync([(was, name_index.of_project(project))])


def _job(meter: Meter, client: Client, path: str, token: str) -> Figure:
    """The request that starts the job (calls, items) and the job's whole wall time (request and worker runs). A
    route that still does the work in the request (200, no job id) is measured as that request."""
    from app import app
    from localdev.jobs import deliver

    figure, started_job = answered(meter, client, "POST", path, token)
    if not figure.ok or not (isinstance(started_job, dict) and "job_id" in started_job):
        figure.synchronous = figure.ok
        return figure
    with meter.measuring() as worker:
        deliver(app, os.environ["JOBS_QUEUE_URL"], release_failed=True)
    figure.ms += worker.ms
    figure.worker = worker
    status, job = client.call("GET", f"/jobs/{started_job['job_id']}", token)
    figure.ok = status == 200 and job["state"] == "succeeded"
    if figure.ok and job.get("total") is not None:
        figure.chunks = int(job["total"])
    return figure


def congress(meter: Meter, n: int) -> tuple[dict[str, Figure], list[str]]:
    """The figures of one session of ``n`` attendees (one in ten without sign-out)."""
    from chalicelib.container import services
    from chalicelib.handlers.schedules import close_attendance_windows
    from chalicelib.paging import encode_cursor
    from chalicelib.timeutil import CHINA
    from localdev.schedules import scheduled_event

    figures: dict[str, Figure] = {}
    started = time.perf_counter()
    hospital = _hospital()
    sid = held_session(hospital, n, missing_every=10, credits=False)
    seeded = time.perf_counter() - started
    client = Client()
    tokens = {role: client.login(f"{role}-demo") for role in ("organizer", "admin", "office")}
    with meter.measuring() as figure:
        close_attendance_windows(scheduled_event("close-attendance-windows"), None)
    figures["close-run"] = figure
    figures["roster-page"] = request(meter, client, "GET", f"/sessions/{sid}/attendance/attendees", tokens["organizer"])
    report_and_select(hospital, sid, select=False)
    client.call("GET", f"/sessions/{sid}/selection", tokens["admin"])  # a first read keeps a summary not yet kept
    middle = encode_cursor({"session_id": {"S": sid}, "attendee_key": {"S": "8"}})  # half the person keys (hex) on
    figures["selection-page"] = request(
        meter, client, "GET", f"/sessions/{sid}/selection", tokens["admin"], cursor=middle
    )
    selected = time.perf_counter()
    select_all(hospital, sid)
    seeded += time.perf_counter() - selected
    figures["grant-job"] = _job(meter, client, f"/sessions/{sid}/credits/grant", tokens["office"])
    figures["certificate-list-page"] = request(meter, client, "GET", f"/sessions/{sid}/certificates", tokens["office"])
    figures["certificate-pdf-job"] = _job(meter, client, f"/sessions/{sid}/certificates/pdf", tokens["office"])
    figures["attendance-export-job"] = _job(meter, client, f"/sessions/{sid}/attendance/export", tokens["organizer"])
    # the nightly removal four years on: the session's n records stripped, its link items deleted
    later = dt.datetime.now(CHINA) + dt.timedelta(days=4 * 366)
    with meter.measuring() as figure:
        removed = services().retention_run.run(later)
    assert removed.records == n, removed
    figures["retention-run"] = figure
    workers = [
        f"# {operation} worker n={n} calls={worker.calls} items={worker.items} ms={worker.ms:.0f}"
        for operation in JOBS
        if (worker := figures[operation].worker) is not None
    ]
    return figures, [f"# seeded one session of {n} attendees in {seeded:.1f} s", *workers]


def select_all(hospital_id: str, sid: str) -> None:
    """The admin submits the preselection as it is."""
    from chalicelib.container import services

    services().selection.submit(_principals(hospital_id)["admin"], sid)


# --- output -------------------------------------------------------------------------------------------------


def line(operation: str, n: int, figure: Figure) -> str:
    return f"scale: {operation} n={n} calls={figure.calls} items={figure.items} ms={figure.ms:.0f}"


def summary(results: dict[str, dict[int, Figure]]) -> list[str]:
    """PASS/MISS per operation: at most 1.2x the calls and items at the larger n (reports, lists, pages, requests
    that start jobs); jobs and runs finish; job chunks grow at most linearly."""
    out = ["", "SUMMARY (issue #13 targets: calls and items at the larger n at most 1.2x the smaller; jobs finish)"]
    for operation in sorted(results, key=ORDER.index):
        by_n = results[operation]
        sizes = sorted(by_n)
        small, large = by_n[sizes[0]], by_n[sizes[-1]]
        finished = all(figure.ok for figure in by_n.values())
        calls = large.calls / max(small.calls, 1)
        items = large.items / max(small.items, 1)
        parts = [f"{operation:<24}", f"calls x{calls:.2f} items x{items:.2f} (n={sizes[0]}→{sizes[-1]})"]
        ok = finished
        if operation in RUNS:
            parts.append(f"scheduled run {'finished' if finished else 'FAILED'} (not held to {RATIO}x)")
        else:
            ok = ok and calls <= RATIO and items <= RATIO
        if small.chunks is not None and large.chunks is not None:
            linear = large.chunks <= math.ceil(small.chunks * sizes[-1] / sizes[0]) + 1
            parts.append(f"chunks {small.chunks}→{large.chunks}{'' if linear else ' (more than linear)'}")
            ok = ok and linear
        if operation in JOBS:
            parts.append("finished" if finished else "FAILED")
        out.append("  ".join(parts) + f"  {'PASS' if ok else 'MISS'}")
    return out


def _sizes(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part.strip()]


def main(argv: list[str] | None = None) -> int:
    sessions_default, attendees_default = os.environ.get("BENCH_SCALE_SIZES", DEFAULT_SIZES).split(";")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sessions", default=sessions_default, help="sizes of the province (sessions), e.g. 100,1000")
    parser.add_argument("--attendees", default=attendees_default, help="sizes of the congress (attendees)")
    args = parser.parse_args(argv)
    _environment()
    meter = Meter()
    meter.install()
    partition_queries()
    plain_read_answers()
    results: dict[str, dict[int, Figure]] = {}
    notes: list[str] = []
    for sizes, run in ((_sizes(args.sessions), province), (_sizes(args.attendees), congress)):
        for n in sizes:
            with aws_world():
                figures, said = run(meter, n)
            notes += said
            for operation in sorted(figures, key=ORDER.index):
                figure = figures[operation]
                print(line(operation, n, figure), flush=True)
                results.setdefault(operation, {})[n] = figure
    for operation in sorted({op for op, by_n in results.items() if any(f.synchronous for f in by_n.values())}):
        print(f"# {operation}: synchronous today (200, no job): its figures are that request itself (no chunks)")
    print("# close-run, reminders-run, retention-run: one run of the scheduled function (no Lambda budget locally)")
    print("# jobs: calls and items of the request that starts the job; ms = that request + the worker's runs")
    for note in notes:
        print(note)
    for text in summary(results):
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
