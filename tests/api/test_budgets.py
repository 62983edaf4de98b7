"""Issue #12, item 1: the failure budgets of the public look-ups (chalicelib/services/budgets.py) lock a target after
5 misses within any 24 h (a rolling window, not a period that a successful look-up starts), for 24 h from the miss
that filled it. A look-up that finds its person never counts, even while others miss; look-ups still in flight are
not misses (a phone's retry meanwhile is told to wait a few seconds, never locked for a day) and stop counting after
30 s; a look-up that fails on a dependency gives its slot back; a PII_KEY rotation keeps counts and locks.

Requests made "in parallel" run in a thread that stops at its DynamoDB look-up until the test lets it go on: events,
not sleeps, so a busy machine cannot change the outcome."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

import pytest
from botocore.exceptions import EndpointConnectionError
from moto.core.botocore_stubber import BotocoreStubber

from chalicelib.errors import AppError
from tests.api.attendance_helpers import id_number
from tests.api.test_certificates import granted, query  # noqa: F401 - the granted fixture
from tests.api.test_credits import ZHANG, held  # noqa: F401 - the held fixture
from tests.api.test_id_oracle import (
    PUBLIC_ZHANG,
    birth_date_guesses,
    lookup,
    present,  # noqa: F401 - the present fixture
)
from tests.api.test_key_rotation import rotate  # noqa: F401 - the rotate fixture

WAIT = 60  # seconds: only how long a broken test may take to fail, never a timing the outcome depends on
MISSED = (200, {"items": []})


class Dynamo:
    """moto's DynamoDB as the real service behaves to requests arriving together: each call applied atomically
    (moto in-process is not thread-safe). Can stop another thread's request at an operation, or make one fail."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self._dispatch, self._one_call = BotocoreStubber.__call__, threading.Lock()
        self.stopped, self.go_on = threading.Event(), threading.Event()
        self._stop_at: str | None = None
        self._failing: str | None = None
        dynamo = self

        def call(stubber: BotocoreStubber, event_name: str, request: Any, **kwargs: Any) -> Any:
            return dynamo._call(stubber, event_name, request, **kwargs)

        monkeypatch.setattr(BotocoreStubber, "__call__", call)

    def _call(self, stubber: BotocoreStubber, event_name: str, request: Any, **kwargs: Any) -> Any:
        operation = event_name.rsplit(".", 1)[-1]
        if operation == self._failing:
            raise EndpointConnectionError(endpoint_url=request.url)
        if operation == self._stop_at and threading.current_thread() is not threading.main_thread():
            self._stop_at = None
            self.stopped.set()
            assert self.go_on.wait(WAIT), "the test never let the request go on"
        with self._one_call:
            return self._dispatch(stubber, event_name, request, **kwargs)

    @contextmanager
    def in_flight(self, operation: str, request: Callable[[], Any]) -> Iterator[list[Any]]:
        """Run ``request`` in another thread, stopped at its first ``operation`` (its look-up) for the block; its
        result (or AppError code) is in the yielded list after the block."""
        outcome: list[Any] = []

        def run() -> None:
            try:
                outcome.append(request())
            except AppError as error:
                outcome.append(error.code)

        self._stop_at = operation
        worker = threading.Thread(target=run, daemon=True)
        worker.start()
        try:
            assert self.stopped.wait(WAIT), "the request never reached its look-up"
            yield outcome
        finally:
            self.go_on.set()
            worker.join(WAIT)
        assert not worker.is_alive() and outcome, "the request did not finish"

    @contextmanager
    def failing(self, operation: str) -> Iterator[None]:
        """Every ``operation`` call fails to connect within the block (the API answers 503)."""
        self._failing = operation
        try:
            yield
        finally:
            self._failing = None


@pytest.fixture
def dynamo(monkeypatch: pytest.MonkeyPatch) -> Dynamo:
    return Dynamo(monkeypatch)


def holder_queries() -> list:
    """The holder's certificate query, called as the gateway calls it (another Lambda container)."""
    from chalicelib.handlers.certificates import query_certificates
    from chalicelib.schemas.certificates import CertificateQuery

    body = CertificateQuery(project_number="2026-14-02-049", name="张三", id_number=ZHANG)
    return [c.id_number for c in query_certificates(body=body, source_ip="198.51.100.7").items]


def check_out(session: dict, mobile: str) -> Callable[[], str]:
    """A phone's sign-out look-up by mobile, called as the gateway calls it (another Lambda container)."""
    from chalicelib.handlers.attendance import sign_out_lookup
    from chalicelib.schemas.attendance import Identify

    body = Identify(t=session["tokens"]["out"], mobile=mobile)
    return lambda: sign_out_lookup(session_id=session["sid"], body=body, source_ip="198.51.100.8").name


def code(answer: tuple[int, Any]) -> tuple[int, str]:
    status, body = answer
    return status, body["error"]["code"]


def found(answer: tuple[int, Any]) -> list[str]:
    status, body = answer
    assert status == 200, body
    return [c["id_number"] for c in body["items"]]


# --- the window rolls -------------------------------------------------------------------------------------------


def test_five_misses_within_any_24_hours_lock_even_across_the_old_period(api, granted, clock):  # noqa: F811
    start = clock.now
    assert found(query(api)) == [PUBLIC_ZHANG], "the holder's look-up at t0 starts no period"
    guesses = birth_date_guesses(ZHANG, 8)
    clock.now = start + timedelta(hours=23, minutes=55)
    assert [query(api, id_number=guess) for guess in guesses[:4]] == [MISSED] * 4
    clock.now = start + timedelta(hours=24, minutes=1)
    fifth = query(api, id_number=guesses[4])
    filled = clock.now
    assert fifth == MISSED, "the fifth miss within 24 h is still looked up"
    locked = query(api, id_number=guesses[5])
    assert code(locked) == (429, "QUERY_LOCKED")
    assert [query(api, id_number=guess) for guess in guesses[6:]] == [locked] * 2
    assert query(api) == locked, "a correct ID number is refused too"
    # The lock lasts 24 h from the miss that filled it, though the first four misses leave the window earlier.
    clock.now = filled + timedelta(hours=23, minutes=59)
    assert query(api) == locked
    clock.now = filled + timedelta(hours=24, minutes=1)
    assert found(query(api)) == [PUBLIC_ZHANG], "lifted a day after the fifth miss"


def test_misses_older_than_24_hours_leave_the_window(api, granted, clock):  # noqa: F811
    guesses = birth_date_guesses(ZHANG, 9)
    assert [query(api, id_number=guess) for guess in guesses[:4]] == [MISSED] * 4
    clock.now += timedelta(hours=24, minutes=1)
    assert [query(api, id_number=guess) for guess in guesses[4:8]] == [MISSED] * 4, "four within the last 24 h"
    assert found(query(api)) == [PUBLIC_ZHANG]
    assert query(api, id_number=guesses[8]) == MISSED
    assert code(query(api)) == (429, "QUERY_LOCKED")


# --- a look-up that finds its person never counts --------------------------------------------------------------


def test_a_holder_in_flight_while_others_miss_is_given_back(api, granted, clock, dynamo):  # noqa: F811
    guesses = birth_date_guesses(ZHANG, 5)
    assert [query(api, id_number=guess) for guess in guesses[:3]] == [MISSED] * 3
    clock.now += timedelta(hours=1)
    with dynamo.in_flight("Query", holder_queries) as holder:
        assert query(api, id_number=guesses[3]) == MISSED, "a fourth miss while the holder's look-up runs"
    assert holder == [[PUBLIC_ZHANG]]
    assert found(query(api)) == [PUBLIC_ZHANG], "4 misses and the holder's look-ups: not locked"
    assert query(api, id_number=guesses[4]) == MISSED, "a fifth miss is still looked up"
    assert code(query(api)) == (429, "QUERY_LOCKED")


# --- look-ups in flight are not misses ---------------------------------------------------------------------------


def test_a_retry_while_the_first_request_runs_waits_a_few_seconds_not_a_day(api, present, clock, dynamo):  # noqa: F811
    for middle in range(4):  # one miss short of the lock
        assert code(lookup(api, present, mobile=f"139{middle:04d}5678")) == (404, "NOT_SIGNED_IN")
    with dynamo.in_flight("Query", check_out(present, "13912345678")) as first:
        status, body = lookup(api, present, mobile="13912345678")
        assert (status, body["error"]["code"]) == (429, "LOOKUP_BUSY"), "the budget is full only of a look-up"
        assert body["error"]["message"] == "正在查询，请3秒后重试", "the same short answer whoever is looked up"
        # A Lambda stops at 30 s, but a look-up that took its slot late in a slow request may still run: its slot
        # counts for 60 s (a margin over the timeout), then it is dead and no longer counts.
        clock.now += timedelta(seconds=31)
        assert code(lookup(api, present, mobile="13912345678")) == (429, "LOOKUP_BUSY"), "still held at 31 s"
        clock.now += timedelta(seconds=30)
        assert lookup(api, present, mobile="13912345678")[1]["name"] == "张*"
    assert first == ["张*"]
    assert [lookup(api, present, mobile="13912345678")[0] for _ in range(3)] == [200] * 3, "and every later tap"
    assert code(lookup(api, present, mobile="13900045678")) == (404, "NOT_SIGNED_IN"), "the fifth miss"
    assert code(lookup(api, present, mobile="13912345678")) == (429, "LOOKUP_LOCKED")


# --- a look-up that fails gives its slot back --------------------------------------------------------------------


def test_a_certificate_query_failing_on_dynamodb_gives_its_slot_back(api, granted, dynamo):  # noqa: F811
    guesses = birth_date_guesses(ZHANG, 4)
    assert [query(api, id_number=guess) for guess in guesses] == [MISSED] * 4
    with dynamo.failing("Query"):  # the certificates' index, read after the slot is taken
        assert code(query(api)) == (503, "UPSTREAM_UNAVAILABLE")
    assert found(query(api)) == [PUBLIC_ZHANG], "the failed look-up neither counts as a miss nor holds a slot"


def test_a_sign_out_look_up_failing_on_dynamodb_gives_its_slot_back(api, present, dynamo):  # noqa: F811
    for middle in range(4):
        assert code(lookup(api, present, mobile=f"139{middle:04d}5678")) == (404, "NOT_SIGNED_IN")
    with dynamo.failing("Query"):  # the attendance's mobile index, read after the slot is taken
        assert code(lookup(api, present, mobile="13912345678")) == (503, "UPSTREAM_UNAVAILABLE")
    assert lookup(api, present, mobile="13912345678")[1]["name"] == "张*"


# --- a key rotation keeps counts and locks -----------------------------------------------------------------------


def test_a_pii_key_rotation_keeps_a_certificate_query_lock(api, granted, rotate):  # noqa: F811
    for guess in birth_date_guesses(ZHANG, 5):
        assert query(api, id_number=guess) == MISSED
    locked = query(api)
    assert code(locked) == (429, "QUERY_LOCKED")
    rotate()
    assert query(api) == locked, "the lock outlives the rotation"


def test_a_pii_key_rotation_keeps_the_misses_of_a_sign_out_target(api, present, rotate):  # noqa: F811
    guesses = birth_date_guesses(id_number(), 5)
    for guess in guesses[:4]:
        assert code(lookup(api, present, id_number=guess)) == (404, "NOT_SIGNED_IN")
    rotate()
    assert code(lookup(api, present, id_number=guesses[4])) == (404, "NOT_SIGNED_IN"), "the fifth miss"
    assert code(lookup(api, present, id_number=id_number())) == (429, "LOOKUP_LOCKED"), "counted with the four"
