"""`make load`: thousands of phones signing in and out of one session against a running `make run`.

The demo organizer opens a fresh session running now (admin forwards, office approves), fetches the codes,
then N distinct attendees sign in concurrently, and afterwards look themselves up and sign out with the
questionnaire the look-up returns. Some submissions are sent twice on purpose (double taps racing each other,
and retries after the answer). Prints throughput and p50/p99 latency per step, then reads the organizer's
attendee list and proves that no record is lost or duplicated. Only ``requests`` and the standard library.

    python -m benchmarks.load_attendance --url http://127.0.0.1:8000 --attendees 2000 --concurrency 50
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import requests
from requests.adapters import HTTPAdapter

from benchmarks.attendees import answers, attendee, china_now, masked_id, open_session


@dataclass
class Outcome:
    """What one request answered (``error`` is a transport failure after the one retry a phone makes)."""

    step: str
    index: int
    seconds: float
    status: int
    body: Any
    error: str | None = None


@dataclass
class Results:
    outcomes: list[Outcome] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    transport_retries: int = 0

    def add(self, outcome: Outcome) -> None:
        with self.lock:
            self.outcomes.append(outcome)

    def of(self, step: str) -> list[Outcome]:
        return [o for o in self.outcomes if o.step == step]


class Client:
    """One ``requests.Session`` per worker thread (connection reuse like a phone's browser)."""

    def __init__(self, base: str, pool: int) -> None:
        self._base = base.rstrip("/") + "/api"
        self._pool = pool
        self._local = threading.local()

    def _session(self) -> requests.Session:
        session = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            session.mount("http://", HTTPAdapter(pool_connections=1, pool_maxsize=self._pool))
            self._local.session = session
        return session

    def call(self, method: str, path: str, body: Any = None, token: str | None = None) -> tuple[int, Any]:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        response = self._session().request(method, self._base + path, json=body, headers=headers, timeout=120)
        return response.status_code, (response.json() if response.content else None)


def _timed(client: Client, results: Results, step: str, index: int, path: str, body: dict) -> Outcome:
    """POST once; a transport failure is retried once, as a phone would, and counted."""
    started = time.perf_counter()
    for attempt in range(2):
        try:
            status, answer = client.call("POST", path, body)
            outcome = Outcome(step, index, time.perf_counter() - started, status, answer)
            break
        except requests.RequestException as error:
            if attempt:
                outcome = Outcome(step, index, time.perf_counter() - started, 0, None, type(error).__name__)
            else:
                with results.lock:
                    results.transport_retries += 1
    results.add(outcome)
    return outcome


def run_phase(concurrency: int, tasks: list[Callable[[], Any]]) -> float:
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        for future in [pool.submit(task) for task in tasks]:
            future.result()
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000", help="the running `make run`")
    parser.add_argument("--attendees", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--duplicates", type=float, default=0.05, help="share of attendees submitting twice")
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)  # noqa: S311 - which attendees submit twice, not a secret
    client = Client(args.url, args.concurrency)

    def upload(ticket: dict[str, Any], content: bytes, content_type: str) -> None:
        files = {"file": ("material", content, content_type)}
        response = requests.post(ticket["url"], data=ticket["fields"], files=files, timeout=30)
        assert response.status_code < 300, response.text

    print(f"Opening a session on {args.url} (organizer-demo creates, admin-demo forwards, office-demo approves)…")
    opened = open_session(client.call, upload, args.attendees, margin=timedelta(minutes=15))
    sid, codes, block = opened["sid"], opened["codes"], opened["block"]
    print(f"  session {sid}: teaching block {block['date']} {block['start']}–{block['end']} (China time)")
    today = china_now().date()
    people = {i: attendee(i, today) for i in range(args.attendees)}  # each run has its own fresh session
    twice = set(rng.sample(sorted(people), int(args.attendees * args.duplicates)))
    results = Results()
    base = f"/public/attendance/{sid}"

    # Sign-in: every attendee once; the `twice` ones also a racing double tap, and a retry once answered.
    def sign_in(i: int, step: str) -> Callable[[], Any]:
        return lambda: _timed(client, results, step, i, f"{base}/sign-in", {"t": codes["in"], **people[i]})

    tasks = [sign_in(i, "sign-in") for i in people] + [sign_in(i, "sign-in double tap") for i in twice]
    rng.shuffle(tasks)
    seconds_in = run_phase(args.concurrency, tasks)
    seconds_in += run_phase(args.concurrency, [sign_in(i, "sign-in retry") for i in sorted(twice)])

    # Sign-out: look-up (by mobile for even, by ID number for odd), answers, sign-out; `twice` submit twice.
    def sign_out(i: int) -> None:
        person = people[i]
        by = "mobile" if i % 2 == 0 else "id_number"
        who = {"t": codes["out"], by: person[by]}
        looked = _timed(client, results, f"sign-out lookup ({by})", i, f"{base}/sign-out/lookup", who)
        if looked.status != 200:
            return
        body = {**who, "answers": answers(looked.body["questionnaire"])}
        _timed(client, results, "sign-out", i, f"{base}/sign-out", body)
        if i in twice:
            _timed(client, results, "sign-out retry", i, f"{base}/sign-out", body)

    order = list(people)
    rng.shuffle(order)
    seconds_out = run_phase(args.concurrency, [lambda i=i: sign_out(i) for i in order])

    report_latency(results, args, seconds_in, seconds_out, len(twice))
    problems = check_answers(results, people)
    problems += check_records(client, opened, people)
    print("\nRESULT: " + ("PASS, zero lost and zero duplicated records" if not problems else "FAIL"))
    for problem in problems:
        print(f"  - {problem}")
    return 1 if problems else 0


STEPS = (
    "sign-in",
    "sign-in double tap",
    "sign-in retry",
    "sign-out lookup (mobile)",
    "sign-out lookup (id_number)",
    "sign-out",
    "sign-out retry",
)


def report_latency(
    results: Results, args: argparse.Namespace, seconds_in: float, seconds_out: float, twice: int
) -> None:
    print(
        f"\n{args.attendees} attendees, concurrency {args.concurrency}, {twice} of them submitting twice; "
        f"transport retries: {results.transport_retries}"
    )
    requests_in = len(results.of("sign-in")) + len(results.of("sign-in double tap")) + len(results.of("sign-in retry"))
    requests_out = sum(len(results.of(s)) for s in STEPS if s.startswith("sign-out"))
    print(
        f"  sign-in phase : {seconds_in:7.1f} s, {requests_in / seconds_in:7.1f} req/s, "
        f"{args.attendees / seconds_in:7.1f} attendees/s"
    )
    print(
        f"  sign-out phase: {seconds_out:7.1f} s, {requests_out / seconds_out:7.1f} req/s, "
        f"{args.attendees / seconds_out:7.1f} attendees/s (look-up + sign-out each)"
    )
    print(f"\n  {'step':<28}{'requests':>9}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}   answers")
    for step in STEPS:
        outcomes = results.of(step)
        if not outcomes:
            continue
        ms = sorted(o.seconds * 1000 for o in outcomes)
        p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
        answered = Counter(_answer(o) for o in outcomes)
        text = ", ".join(f"{k} {v}" for k, v in answered.most_common())
        print(f"  {step:<28}{len(ms):>9}{statistics.median(ms):>9.0f}{p99:>9.0f}{ms[-1]:>9.0f}   {text}")
        failed = next((o for o in outcomes if o.status != 200), None)
        if failed:
            print(f"  {'':<28}e.g. attendee #{failed.index}: {failed.error or failed.body}")


def _answer(outcome: Outcome) -> str:
    if outcome.error:
        return outcome.error
    if outcome.status == 200:
        return str(outcome.body.get("status", "200"))
    code = outcome.body.get("error", {}).get("code") if isinstance(outcome.body, dict) else None
    return f"{outcome.status} {code or ''}".strip()


PHASES = {
    # A repeat from the same phone (its client id) answers ``already`` with the first sign-in's time.
    "in": (("sign-in", "sign-in double tap", "sign-in retry"), "signed_in", "signed_in_at"),
    "out": (("sign-out", "sign-out retry"), "signed_out", "signed_out_at"),
}


def check_answers(results: Results, people: dict[int, dict]) -> list[str]:
    """Per attendee and phase: exactly one answer created the record (``signed_in`` / ``signed_out``), the others
    said ``already`` with the same time."""
    problems = []
    for kind, (steps, created, stamp) in PHASES.items():
        by_person: dict[int, list[Outcome]] = defaultdict(list)
        for outcome in results.outcomes:
            if outcome.step in steps:
                by_person[outcome.index].append(outcome)
        for i in people:
            answered = [_answer(o) for o in by_person[i]]
            times = {o.body[stamp] for o in by_person[i] if o.status == 200}
            if answered.count(created) != 1 or set(answered) - {created, "already"} or len(times) != 1:
                problems.append(f"attendee #{i} sign-{kind}: answers {answered}, {len(times)} distinct times")
    return problems[:20] + ([f"… {len(problems) - 20} more"] if len(problems) > 20 else [])


def check_records(client: Client, opened: dict[str, Any], people: dict[int, dict]) -> list[str]:
    """The organizer's attendee list against what was sent: counts, and each (masked ID, masked mobile) once."""
    status, listing = client.call("GET", f"/sessions/{opened['sid']}/attendance", None, opened["logins"]["organizer"])
    if status != 200:
        return [f"GET attendance answered {status}: {listing}"]
    sent = Counter((masked_id(p["id_number"]), p["mobile"][:3] + "****" + p["mobile"][-4:]) for p in people.values())
    stored = Counter((item["id_number"], item["mobile"]) for item in listing["items"])
    lost = [key for key in sent if key not in stored]
    duplicated = [key for key, count in stored.items() if count > 1]
    unknown = [key for key in stored if key not in sent]
    not_out = [item["id_number"] for item in listing["items"] if not item.get("signed_out_at")]
    print(
        f"\nOrganizer's list: signed_in {listing['signed_in']}, signed_out {listing['signed_out']}, "
        f"incomplete {listing['incomplete']}, items {len(listing['items'])}; sent {len(people)} distinct attendees"
    )
    print(
        f"  lost: {len(lost)}, duplicated: {len(duplicated)}, unknown: {len(unknown)}, not signed out: {len(not_out)}"
    )
    problems = []
    if listing["signed_in"] != len(people) or len(listing["items"]) != len(people):
        problems.append(f"{listing['signed_in']} signed in / {len(listing['items'])} rows for {len(people)} attendees")
    if listing["signed_out"] != len(people):
        problems.append(f"{listing['signed_out']} signed out for {len(people)} attendees")
    for name, keys in (("lost", lost), ("duplicated", duplicated), ("unknown", unknown)):
        problems += [f"{name}: {key}" for key in keys[:10]]
    return problems


if __name__ == "__main__":
    sys.exit(main())
