"""`make bench`: the API with moto in-process, reached through the local WSGI gateway, and cold imports.

Figures are for this machine and moto, not for DynamoDB; they catch regressions in our own code
(DynamoDB calls per request, argon2 cost, authorizer work, serialisation, import weight), not AWS latency.
Printed, never asserted: the summary block says PASS or MISS against the targets of issue #5.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from benchmarks.attendees import answers, attendee, china_now, open_session

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "50"))
SIGN_INS = int(os.environ.get("BENCH_SIGN_INS", "1000"))
IMPORT_RUNS = int(os.environ.get("BENCH_IMPORT_RUNS", "7"))
# How the throughput sign-ins reach the app: "gateway" (werkzeug's test Client and localdev's WSGI gateway, as
# `make run` serves it) or "chalice" (chalice.test.Client: Chalice's LocalGateway only, no WSGI layer).
SIGN_IN_CLIENT = os.environ.get("BENCH_CLIENT", "chalice")  # the test client of the issue; "gateway": make run's
HEAVY_MODULES = ("fpdf", "qrcode", "openpyxl", "PIL", "segno", "reportlab", "numpy", "pandas", "lxml")
WRITES = {"PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem", "TransactWriteItems"}
TARGET_THROUGHPUT = 0.7
TARGET_IMPORT = 1.2


# The keys, put into moto's Secrets Manager (the app reads them from there, as deployed).
KEYS = {
    "JWT_SECRET_ID": "bench-" + "k" * 40,
    "PII_KEY_SECRET_ID": "bench-pii-" + "k" * 40,
    "ID_ENCRYPTION_KEY_SECRET_ID": "bench-id-" + "k" * 40,
}


def _environment() -> None:
    os.environ.update(
        {
            "AWS_ACCESS_KEY_ID": "bench",
            "AWS_SECRET_ACCESS_KEY": "bench",
            "AWS_DEFAULT_REGION": "us-east-1",
            "TABLE_PREFIX": "cme-bench",
            "BUCKET_NAME": "cme-bench-files",
            "MAIL_SENDER": "no-reply@cme.bench",
            "POWERTOOLS_LOG_LEVEL": "WARNING",
        }
    )
    os.environ.pop("AWS_ENDPOINT_URL", None)


# --- DynamoDB calls per request --------------------------------------------------------------


@dataclass(frozen=True)
class Call:
    operation: str
    table: str
    index: str | None
    conditional: bool

    def __str__(self) -> str:
        where = self.table + (f"/{self.index}" if self.index else "")
        return f"{self.operation} {where}" + (" (conditional)" if self.conditional else "")


class DynamoCalls:
    """A botocore ``provide-client-params.dynamodb`` handler on every botocore session of this process.

    It goes into botocore's BUILTIN_HANDLERS (as moto's own stubber does) before any session exists, so the
    clients pynamodb creates (one botocore session per connection and thread) all carry it."""

    def __init__(self) -> None:
        self._calls: list[Call] | None = None

    def install(self) -> None:
        from botocore.handlers import BUILTIN_HANDLERS

        BUILTIN_HANDLERS.append(("provide-client-params.dynamodb", self._record))

    def _record(self, params: dict[str, Any], model: Any, **_: Any) -> None:
        if self._calls is None:
            return
        items = [next(iter(item.values())) for item in params.get("TransactItems", [])] or [params]
        prefix = os.environ["TABLE_PREFIX"] + "-"
        table = "+".join(str(item.get("TableName", "?")).removeprefix(prefix) for item in items)
        # A transaction is conditional when its first item is (the sign-in's record; its link updates are not).
        conditional = "ConditionExpression" in items[0]
        self._calls.append(Call(model.name, table, params.get("IndexName"), conditional))

    def during(self, request: Callable[[], Any]) -> list[Call]:
        self._calls = []
        try:
            request()
            return self._calls
        finally:
            self._calls = None


def _calls_line(calls: list[Call]) -> str:
    counts = Counter(str(call) for call in calls)
    return ", ".join(f"{n} × {text}" if n > 1 else text for text, n in counts.items()) or "none"


# The record, its target's count, and the link items of its phone and mobile (the roster's flags).
SIGN_IN_WRITE = "TransactWriteItems attendance+rate-limits+attendance+attendance (conditional)"


def sign_in_ok(calls: list[Call]) -> bool:
    """Exactly one conditional TransactWriteItems (the record and its count) and at most one GetItem of the session
    (none if it were cached)."""
    texts = Counter(str(call) for call in calls)
    return texts.pop(SIGN_IN_WRITE, 0) == 1 and texts.pop("GetItem sessions", 0) <= 1 and not texts


def sign_out_ok(calls: list[Call]) -> bool:
    """No scan, at most one index query, at most one write."""
    operations = Counter(call.operation for call in calls)
    return (
        operations["Scan"] == 0
        and operations["Query"] <= 1
        and all(call.index for call in calls if call.operation == "Query")
        and sum(operations[w] for w in WRITES) <= 1
    )


# --- import time ----------------------------------------------------------------------------

_MEASURE = """
import importlib.abc, json, sys, time, traceback
HEAVY = {heavy!r}
ROOT = {root!r}
seen = {{}}
class Watch(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        top = name.partition(".")[0]
        if top in HEAVY and top not in seen:
            ours = [f for f in traceback.extract_stack() if f.filename.startswith(ROOT) and "/.venv/" not in f.filename]
            seen[top] = f"{{ours[-1].filename.removeprefix(ROOT + '/')}}:{{ours[-1].lineno}}" if ours else "?"
        return None
class Hide(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in {hidden!r}:
            raise ModuleNotFoundError(name)
        return None
sys.meta_path[:0] = [Hide(), Watch()]
started = time.perf_counter()
{statement}
print(json.dumps({{"seconds": time.perf_counter() - started, "heavy": seen}}))
"""
APP_IMPORT = "import app"
BARE_IMPORT = "import boto3, pynamodb.models\nfrom chalice import Chalice\nbare = Chalice(app_name='bare')"
# Everything the first sign-in of a cold container loads before its one DynamoDB call: the route's contract
# (pydantic, its schema modules) and the attendance service (its modules, the models, boto3 via pynamodb).
SIGN_IN_COLD = (
    "import app\nfrom chalicelib.api import OPERATIONS\nfrom chalicelib.container import services\n"
    "next(o for o in OPERATIONS if o.path.endswith('/sign-in')).contract\nservices().signing"
)


def _import_run(statement: str, hidden: tuple[str, ...] = ()) -> dict[str, Any]:
    code = _MEASURE.format(heavy=HEAVY_MODULES, root=str(ROOT), statement=statement, hidden=hidden)
    return json.loads(subprocess.check_output([sys.executable, "-c", code], cwd=ROOT, env=os.environ))


def import_times() -> tuple[float, float, float, dict[str, str]]:
    """Median seconds of ``import app``, of a bare Chalice app with boto3 and pynamodb, and of ``import app``
    plus what the first sign-in loads, each in fresh interpreters, alternating; and the heavy modules
    ``import app`` pulled in, with the file:line of ours that first asked."""
    app_runs, bare_runs, cold_runs, heavy = [], [], [], {}
    for _ in range(IMPORT_RUNS):
        run = _import_run(APP_IMPORT)
        app_runs.append(run["seconds"])
        heavy.update(run["heavy"])
        bare_runs.append(_import_run(BARE_IMPORT)["seconds"])
        cold_runs.append(_import_run(SIGN_IN_COLD)["seconds"])
    return statistics.median(app_runs), statistics.median(bare_runs), statistics.median(cold_runs), heavy


# --- the run ----------------------------------------------------------------------------------


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def main() -> int:
    _environment()
    dynamo = DynamoCalls()
    dynamo.install()
    import boto3
    from moto import mock_aws
    from werkzeug.test import Client

    results: dict[str, Any] = {}
    with mock_aws():
        from app import app
        from localdev.aws import create_resources
        from localdev.gateway import WebGateway
        from localdev.seed import DEMO_PASSWORD, seed_demo

        create_resources("cme-bench", "cme-bench-files", "no-reply@cme.bench", KEYS)
        seed_demo()
        client = Client(WebGateway(app, ROOT / "web" / "dist"))
        s3 = boto3.client("s3")

        def call(method: str, path: str, body: Any = None, token: str | None = None) -> tuple[int, Any]:
            headers = {"Authorization": f"Bearer {token}"} if token else {}
            data = json.dumps(body) if body is not None else None
            response = client.open(
                "/api" + path, method=method, data=data, headers=headers, content_type="application/json"
            )
            text = response.get_data(as_text=True)
            return response.status_code, (json.loads(text) if text else None)

        def upload(ticket: dict[str, Any], content: bytes, content_type: str) -> None:
            s3.put_object(Bucket="cme-bench-files", Key=ticket["key"], Body=content, ContentType=content_type)

        def login() -> str:
            return call("POST", "/auth/login", {"username": "admin-demo", "password": DEMO_PASSWORD})[1]["token"]

        auth = {"Authorization": f"Bearer {login()}"}
        cases = {
            "GET /api/health": lambda: client.get("/api/health"),
            "POST /api/auth/login (argon2id RFC 9106 low-memory)": login,
            "GET /api/auth/me (authorizer + 2 reads)": lambda: client.get("/api/auth/me", headers=auth),
            "GET /api/accounts (authorizer + index query)": lambda: client.get("/api/accounts", headers=auth),
        }
        print(f"{'operation':<56}{'p50 ms':>9}{'p95 ms':>9}   ({ROUNDS} rounds, moto in-process)")
        for name, case in cases.items():
            rounds = ROUNDS if "login" not in name else max(5, ROUNDS // 5)
            samples = []
            for _ in range(rounds):
                started = time.perf_counter()
                case()
                samples.append((time.perf_counter() - started) * 1000)
            print(f"{name:<56}{'{:>9.1f}{:>9.1f}'.format(*_percentiles(samples))}")

        opened = open_session(call, upload, SIGN_INS + 10, margin=timedelta(minutes=5))
        sid, codes = opened["sid"], opened["codes"]
        today = china_now().date()
        results["calls"] = count_calls(call, dynamo, sid, codes, today)
        results["throughput"] = throughput(sign_in_poster(client, app), sid, codes["in"], today)
        results["attendee_paths"] = attendee_latency(call, sid, codes, today)

    print(f"\nimport time ({IMPORT_RUNS} fresh interpreters each, median, import statement only)")
    app_import, bare_import, cold_sign_in, heavy = import_times()
    for name, seconds in (
        ("import app (this venv)", app_import),
        ("bare Chalice app + import boto3, pynamodb.models", bare_import),
        ("import app + what the first sign-in loads (not a target)", cold_sign_in),
    ):
        print(f"  {name:<62}{seconds * 1000:>7.0f} ms")
    found = ", ".join(f"{name} (first from {where})" for name, where in sorted(heavy.items())) or "none"
    print(f"  heavy modules imported by `import app` ({', '.join(HEAVY_MODULES)}): {found}")
    results["import"] = (app_import, bare_import, heavy)
    summary(results)
    return 0


def count_calls(call: Callable[..., tuple[int, Any]], dynamo: DynamoCalls, sid: str, codes: dict, today) -> dict:
    """DynamoDB operations of one request on each attendee path; attendee 0 warms the paths up first."""

    def journey(index: int, by: str) -> dict[str, Callable[[], Any]]:
        person = attendee(index, today)
        sign_in = {"t": codes["in"], **person}
        who = {"t": codes["out"], by: person[by]}
        questionnaire: dict[str, Any] = {}

        def lookup() -> None:
            questionnaire.update(_checked(call("POST", f"/public/attendance/{sid}/sign-out/lookup", who))[1])

        def sign_out() -> None:
            body = {**who, "answers": answers(questionnaire["questionnaire"])}
            _checked(call("POST", f"/public/attendance/{sid}/sign-out", body))

        return {
            "sign-in": lambda: _checked(call("POST", f"/public/attendance/{sid}/sign-in", sign_in)),
            "sign-in again (repeat)": lambda: _checked(call("POST", f"/public/attendance/{sid}/sign-in", sign_in)),
            f"sign-out lookup ({by})": lookup,
            f"sign-out ({by})": sign_out,
        }

    for step in journey(0, "mobile").values():
        step()
    paths = {name: dynamo.during(step) for name, step in journey(1, "mobile").items()}
    by_id = journey(2, "id_number")
    by_id["sign-in"]()
    paths.update({name: dynamo.during(step) for name, step in by_id.items() if "out" in name})
    print("\nDynamoDB calls per request (botocore provide-client-params.dynamodb hook, after one warm-up pass)")
    for name, calls in paths.items():
        print(f"  {name:<28}{len(calls):>2} call(s): {_calls_line(calls)}")
    sign_in = sign_in_ok(paths["sign-in"])
    sign_out = all(sign_out_ok(calls) for name, calls in paths.items() if "out" in name)
    print(
        f"  check: sign-in ≤ 1 GetItem sessions + exactly 1 conditional TransactWriteItems, nothing else: "
        f"{'PASS' if sign_in else 'MISS'}; sign-out and lookup ≤ 1 index Query + ≤ 1 write, no Scan: "
        f"{'PASS' if sign_out else 'MISS'}"
    )
    return {
        "sign_in": (sign_in, _short(paths["sign-in"])),
        "sign_out": (sign_out, _short(paths["sign-out (mobile)"])),
    }


def _short(calls: list[Call]) -> str:
    """Operations only, for the summary: ``GetItem + PutItem(cond)``."""
    return " + ".join(
        call.operation + ("(index)" if call.index else "") + ("(cond)" if call.conditional else "") for call in calls
    )


def _checked(answer: tuple[int, Any]) -> tuple[int, Any]:
    assert answer[0] == 200, answer
    return answer


Poster = Callable[[str, str], tuple[int, Any]]


def sign_in_poster(client: Any, app: Any) -> Poster:
    """``post(path, json_text) -> (status, answer)`` for the throughput sign-ins, through ``SIGN_IN_CLIENT``."""
    if SIGN_IN_CLIENT == "chalice":
        from chalice.test import Client as ChaliceClient

        http = ChaliceClient(app, stage_name="dev", project_dir=str(ROOT)).http
        headers = {"Content-Type": "application/json"}

        def post_chalice(path: str, body: str) -> tuple[int, Any]:
            response = http.post(path, body=body, headers=headers)
            return response.status_code, response.json_body

        return post_chalice
    if SIGN_IN_CLIENT != "gateway":
        raise SystemExit(f"BENCH_CLIENT must be gateway or chalice, not {SIGN_IN_CLIENT!r}")

    def post_gateway(path: str, body: str) -> tuple[int, Any]:
        response = client.post("/api" + path, data=body, content_type="application/json")
        return response.status_code, response.json

    return post_gateway


def throughput(post: Poster, sid: str, token: str, today) -> tuple[float, float]:
    """Sign-ins per second through the app against raw transact_write_items calls of the same shape (a conditional
    Put of the record, a conditional ADD of its count, the ADDs of its two link items) per second: distinct attendees,
    same moto, same tables; measured in alternating chunks so drift hits both alike."""
    import boto3
    from botocore.config import Config

    # pynamodb's own client settings: no parameter validation.
    raw = boto3.client("dynamodb", config=Config(parameter_validation=False))
    table = f"{os.environ['TABLE_PREFIX']}-attendance"
    counts = f"{os.environ['TABLE_PREFIX']}-rate-limits"
    first = 1000
    bodies = [json.dumps({"t": token, **attendee(first + i, today)}) for i in range(SIGN_INS)]
    items = [_raw_item(attendee(first + SIGN_INS + i, today)) for i in range(SIGN_INS)]
    path = f"/public/attendance/{sid}/sign-in"
    app_seconds = raw_seconds = 0.0
    chunk = 100
    for start in range(0, SIGN_INS, chunk):
        started = time.perf_counter()
        for n, item in enumerate(items[start : start + chunk], start=start):
            raw.transact_write_items(
                TransactItems=[
                    {
                        "Put": {
                            "TableName": table,
                            "Item": item,
                            "ConditionExpression": "attribute_not_exists (#0)",
                            "ExpressionAttributeNames": {"#0": "attendee_key"},
                            "ReturnValuesOnConditionCheckFailure": "ALL_OLD",
                        }
                    },
                    {
                        "Update": {
                            "TableName": counts,
                            "Key": {"bucket": {"S": f"bench-raw#{n}"}},
                            "UpdateExpression": "ADD #0 :0 SET #1 = :1",
                            "ConditionExpression": "attribute_not_exists (#0) OR #0 < :2",
                            "ExpressionAttributeNames": {"#0": "created", "#1": "expires_at"},
                            "ExpressionAttributeValues": {
                                ":0": {"N": "1"},
                                ":1": {"N": "1999999999"},
                                ":2": {"N": "20"},
                            },
                        }
                    },
                    # the link items of its phone and its mobile (the roster's flags), as sign-in sends them
                    *(
                        {
                            "Update": {
                                "TableName": table,
                                "Key": {"session_id": {"S": "bench-raw#links"}, "attendee_key": {"S": f"{kind}#{n}"}},
                                "UpdateExpression": "ADD #0 :0",
                                "ExpressionAttributeNames": {"#0": "people"},
                                "ExpressionAttributeValues": {":0": {"SS": [item["person_key"]["S"]]}},
                            }
                        }
                        for kind in ("device", "mobile")
                    ),
                ]
            )
        raw_seconds += time.perf_counter() - started
        started = time.perf_counter()
        for body in bodies[start : start + chunk]:
            status, answer = post(path, body)
            assert status == 200 and answer["status"] == "signed_in", answer
        app_seconds += time.perf_counter() - started
    app_rate, raw_rate = SIGN_INS / app_seconds, SIGN_INS / raw_seconds
    print(f"\nsign-in throughput ({SIGN_INS} distinct attendees each, moto in-process, one thread)")
    for name, rate, unit in (
        (f"POST sign-in, {SIGN_IN_CLIENT} client + app", app_rate, "req/s"),
        ("raw transact_write_items (botocore)", raw_rate, "calls/s"),
    ):
        print(f"  {name:<40}{rate:>8.0f} {unit:<8}({1000 / rate:.2f} ms each)")
    print(f"  ratio app / raw                           {app_rate / raw_rate:>8.2f}   (target ≥ {TARGET_THROUGHPUT})")
    return app_rate, raw_rate


def _raw_item(person: dict[str, Any]) -> dict[str, Any]:
    """The item a sign-in writes (same attributes and sizes), in DynamoDB JSON, under another partition of the
    same table."""
    key = hashlib.sha256(person["id_number"].encode()).hexdigest()
    text = {
        "session_id": "bench-raw",
        "attendee_key": key,
        "person_key": key,
        # AES-GCM of 18 characters: prefix + base64(12-byte nonce + 18 bytes + 16-byte tag)
        "id_encrypted": "v1." + base64.urlsafe_b64encode(os.urandom(46)).decode(),
        "session_mobile": "bench-raw#" + hashlib.sha256(person["mobile"].encode()).hexdigest(),
        "id_masked": person["id_number"][:6] + "********" + person["id_number"][-4:],
        "name": person["name"],
        "gender": person["gender"],
        "mobile_masked": person["mobile"][:3] + "****" + person["mobile"][-4:],
        "unit": person["unit"],
        "department": person["department"],
        "region": person["region"],
        "title": person["title"],
        "client_id": person["client_id"],
        "signed_in_at": "2026-01-01T00:00:00.000Z",
    }
    item: dict[str, Any] = {name: {"S": value} for name, value in text.items()}
    item["age"] = {"N": str(person["age"])}
    item["grassroots"] = {"BOOL": person["grassroots"]}
    return item


def attendee_latency(call: Callable[..., tuple[int, Any]], sid: str, codes: dict, today) -> None:
    """p50/p95 of the sign-out lookup and sign-out through the app (attendees signed in by throughput())."""
    lookups, sign_outs = [], []
    for i in range(ROUNDS):
        person = attendee(1000 + i, today)
        body = {"t": codes["out"], "mobile": person["mobile"]}
        started = time.perf_counter()
        status, lookup = call("POST", f"/public/attendance/{sid}/sign-out/lookup", body)
        lookups.append((time.perf_counter() - started) * 1000)
        assert status == 200, lookup
        started = time.perf_counter()
        _checked(
            call("POST", f"/public/attendance/{sid}/sign-out", {**body, "answers": answers(lookup["questionnaire"])})
        )
        sign_outs.append((time.perf_counter() - started) * 1000)
    print(f"\n{'attendee path (table holds ' + str(SIGN_INS * 2) + ' items)':<56}{'p50 ms':>9}{'p95 ms':>9}")
    for name, samples in (("POST sign-out/lookup (by mobile)", lookups), ("POST sign-out (by mobile)", sign_outs)):
        print(f"  {name:<54}{'{:>9.1f}{:>9.1f}'.format(*_percentiles(samples))}")


def summary(results: dict[str, Any]) -> None:
    app_rate, raw_rate = results["throughput"]
    app_import, bare_import, heavy = results["import"]
    (sign_in_ok, sign_in), (sign_out_ok, sign_out) = results["calls"]["sign_in"], results["calls"]["sign_out"]
    rows = [
        ("sign-in DynamoDB calls", sign_in, "≤1 GetItem + 1 TransactWriteItems(cond)", sign_in_ok),
        ("sign-out DynamoDB calls", sign_out, "≤1 Query(index) + ≤1 write", sign_out_ok),
        (
            "sign-in req/s app ÷ raw transaction/s",
            f"{app_rate:.0f} ÷ {raw_rate:.0f} = {app_rate / raw_rate:.2f}",
            f"≥ {TARGET_THROUGHPUT}",
            app_rate / raw_rate >= TARGET_THROUGHPUT,
        ),
        (
            "import app ÷ bare Chalice+boto3+pynamodb",
            f"{app_import / bare_import:.2f}",
            f"≤ {TARGET_IMPORT}",
            app_import / bare_import <= TARGET_IMPORT,
        ),
        ("heavy modules at `import app`", ", ".join(sorted(heavy)) or "none", "none", not heavy),
    ]
    width = 122
    print("\n" + "=" * width)
    print(f"{'SUMMARY (issue #5 targets, moto in-process)':<44}{'measured':<44}{'target':<30}")
    for name, measured, target, ok in rows:
        print(f"{name:<44}{measured:<44}{target:<30}{'PASS' if ok else 'MISS'}")
    print("=" * width)


if __name__ == "__main__":
    sys.exit(main())
