"""Login throttling: slowdown and lock per name, failure budget per address, parallel guesses, audit."""

from __future__ import annotations

import json
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest

from chalicelib.services import accounts as account_rules
from chalicelib.services import login_guard as guard
from tests.conftest import DEMO_PASSWORD

WRONG = "Wrong@2026"


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(account_rules, "utc_now", clock)
    return clock


@pytest.fixture
def atomic_aws(monkeypatch):
    """DynamoDB applies each request atomically; moto in-process does not between threads, so one AWS call at a
    time here (the races under test are between calls, as on AWS)."""
    from botocore.client import BaseClient

    lock = threading.Lock()
    call = BaseClient._make_api_call

    def one_at_a_time(self, operation_name, api_params):
        with lock:
            return call(self, operation_name, api_params)

    monkeypatch.setattr(BaseClient, "_make_api_call", one_at_a_time)


def fail(api, username="admin-demo"):
    return api.post("/auth/login", {"username": username, "password": WRONG})


def login(api, username="admin-demo", password=DEMO_PASSWORD):
    return api.post("/auth/login", {"username": username, "password": password})


def parallel_logins(count: int, username: str, password: str) -> Counter:
    """``count`` logins let go at once, each from its own address (a distributed guesser), through the service the
    login route calls (the local gateway hands the app one request at a time, as a Lambda container takes one
    event: parallel requests meet only in DynamoDB, as here); returns how many got each (status, code)."""
    from chalicelib.container import services
    from chalicelib.errors import AppError

    accounts = services().accounts
    start = threading.Barrier(count, timeout=60)

    def attempt(n: int) -> tuple[int, str]:
        start.wait()
        try:
            accounts.login(username, password, f"198.51.100.{n}")
        except AppError as error:
            return error.status, error.code
        return 200, "OK"

    with ThreadPoolExecutor(max_workers=count) as pool:
        return Counter(pool.map(attempt, range(count)))


def failed_login_events(api, office: str) -> list[dict]:
    status, page = api.get("/audit", office, limit=200)
    assert status == 200 and page["next_cursor"] is None
    return [event for event in page["items"] if event["action"] == "auth.login_failed"]


def test_failures_slow_down_then_lock_then_expire(api, demo, clock):
    for _ in range(guard.SLOWDOWN_AFTER - 1):
        assert fail(api)[0] == 401
    status, body = fail(api)  # the 3rd failure starts the slowdown
    assert status == 401 and "再失败" in body["error"]["message"]

    status, body = login(api)
    assert status == 429, "even the right password must wait while throttled"
    assert body["error"]["code"] == "LOGIN_THROTTLED" and "秒后再试" in body["error"]["message"]

    for attempt in range(guard.SLOWDOWN_AFTER + 1, guard.LOCK_AFTER):
        clock.advance(guard.MAX_DELAY_SECONDS)
        assert fail(api)[0] == 401, attempt
    clock.advance(guard.MAX_DELAY_SECONDS)
    status, body = fail(api)  # the 10th failure: checked (401), and it locks the name
    assert status == 401 and body["error"]["code"] == "INVALID_CREDENTIALS" and "已锁定" in body["error"]["message"]

    clock.advance(60)
    status, body = login(api)
    assert status == 423 and body["error"]["code"] == "ACCOUNT_LOCKED" and "后再试" in body["error"]["message"]

    clock.advance(guard.LOCK_MINUTES * 60)
    assert login(api)[0] == 200
    assert fail(api)[0] == 401, "a successful login clears the counter"
    assert fail(api)[0] == 401


def test_unknown_usernames_are_throttled_alike(api, demo, clock):
    for _ in range(guard.SLOWDOWN_AFTER):
        fail(api, "ghost-user")
    assert fail(api, "ghost-user")[0] == 429
    assert login(api)[0] == 200


def test_parallel_guesses_check_at_most_ten_passwords_per_lock(api, demo, clock, atomic_aws):
    for _ in range(guard.LOCK_AFTER):  # the name is locked
        fail(api)
        clock.advance(guard.MAX_DELAY_SECONDS)
    for _ in range(4):
        for _ in range(2):
            during = parallel_logins(30, "admin-demo", WRONG)  # guesses while locked: none is checked
            assert during == {(423, "ACCOUNT_LOCKED"): 30}
        clock.advance(guard.LOCK_MINUTES * 60)  # the lock is over
        after = parallel_logins(30, "admin-demo", WRONG)
        checked = after[(401, "INVALID_CREDENTIALS")]  # refused guesses answer 423 or 429 unchecked
        assert 1 <= checked <= guard.LOCK_AFTER, after
        assert checked + after[(423, "ACCOUNT_LOCKED")] + after[(429, "LOGIN_THROTTLED")] == 30, after
        for _ in range(guard.LOCK_AFTER):  # lock it again for the next round
            clock.advance(guard.MAX_DELAY_SECONDS)
            fail(api)
    clock.advance(guard.LOCK_MINUTES * 60)
    assert login(api)[0] == 200


def test_thirty_parallel_guesses_on_a_fresh_name_check_at_most_ten(api, demo, clock, atomic_aws):
    answers = parallel_logins(30, "organizer-demo", WRONG)
    assert 1 <= answers[(401, "INVALID_CREDENTIALS")] <= guard.LOCK_AFTER, answers
    assert answers[(200, "OK")] == 0


def test_a_success_does_not_wipe_the_failures_racing_it(api, demo, clock, monkeypatch):
    from chalicelib.container import services
    from chalicelib.services import passwords

    check, checking, go_on = passwords.verify_password, threading.Event(), threading.Event()

    def held(password_hash: str, password: str) -> bool:  # the owner's check takes a while
        if password == DEMO_PASSWORD:
            checking.set()
            go_on.wait(60)
        return check(password_hash, password)

    monkeypatch.setattr(passwords, "verify_password", held)
    with ThreadPoolExecutor(max_workers=1) as pool:
        owner = pool.submit(services().accounts.login, "admin-demo", DEMO_PASSWORD, "192.0.2.10")
        assert checking.wait(60)
        answers = []
        for _ in range(guard.LOCK_AFTER - 1):  # meanwhile a guesser uses up the name's tries
            answers.append(fail(api))
            clock.advance(guard.MAX_DELAY_SECONDS)
        go_on.set()
        assert owner.result(60).account.username == "admin-demo"
    status, body = fail(api)
    assert status == 423 and body["error"]["code"] == "ACCOUNT_LOCKED", "the owner's success must not unlock"
    assert [status for status, _ in answers] == [401] * (guard.LOCK_AFTER - 1)
    assert "已锁定" in answers[-1][1]["error"]["message"]


def test_one_address_cannot_spray_a_password_over_many_names(api, demo, clock, monkeypatch):
    from chalice.local import LambdaEventConverter

    for n in range(guard.SOURCE_FAILURES):  # staff behind one NAT address: failures among many successes
        assert login(api, "office-demo")[0] == 200, "successes do not use up the address's budget"
        status, body = login(api, f"staff-{n:03d}", "Spring@2026")
        assert status == 401 and body["error"]["code"] == "INVALID_CREDENTIALS", n
    status, body = login(api, "staff-999", "Spring@2026")
    assert (status, body["error"]["code"]) == (429, "LOGIN_SOURCE_LIMITED")
    assert "分钟后再试" in body["error"]["message"]
    status, body = login(api)
    assert (status, body["error"]["code"]) == (429, "LOGIN_SOURCE_LIMITED"), "no free guess, right or wrong"

    with monkeypatch.context() as elsewhere:
        elsewhere.setattr(LambdaEventConverter, "LOCAL_SOURCE_IP", "203.0.113.5")
        assert login(api)[0] == 200, "another address is not affected"
    clock.advance(guard.SOURCE_WINDOW_MINUTES * 60)
    assert login(api)[0] == 200, "the next window starts afresh"
    assert login(api, "staff-999", "Spring@2026")[0] == 401


def test_failed_logins_are_audited_with_reason_and_source_never_the_password(api, demo, clock):
    admin, office = api.login("admin-demo"), api.login("office-demo")
    assert api.post("/accounts/organizer-demo/disable", token=admin)[0] == 200
    assert login(api, "admin-demo", "Secret#Guess1")[0] == 401
    assert login(api, "ghost-user", "Secret#Guess2")[0] == 401
    assert login(api, "organizer-demo")[0] == 401
    assert login(api, "Demo@2026x", "Secret#Guess3")[0] == 401  # a password typed into the name field
    for _ in range(guard.LOCK_AFTER):
        clock.advance(guard.MAX_DELAY_SECONDS)
        assert fail(api, "society-admin-demo")[0] == 401
    for _ in range(5):  # a locked name's further attempts fold into one row
        assert fail(api, "society-admin-demo")[0] == 423
    spent = 4 + guard.LOCK_AFTER
    for n in range(guard.SOURCE_FAILURES - spent):
        assert fail(api, f"spray-{n}")[0] == 401
    for _ in range(5):  # so do an address's refused attempts within a window
        assert fail(api, "spray-last")[0] == 429

    events = failed_login_events(api, office)
    reasons = Counter((e["target_id"], e["after"]["reason"]) for e in events)
    assert reasons[("admin-demo", "wrong_password")] == 1
    assert reasons[("ghost-user", "unknown_user")] == 1
    assert reasons[("organizer-demo", "disabled")] == 1
    assert reasons[("de******", "unknown_user")] == 1, "a name that is no account and looks like none is masked"
    assert reasons[("society-admin-demo", "wrong_password")] == guard.LOCK_AFTER
    assert reasons[("society-admin-demo", "locked")] == 1
    assert reasons[("spray-last", "source_limited")] == 1
    assert len(events) == spent + (guard.SOURCE_FAILURES - spent) + 2
    assert {e["after"]["source_ip"] for e in events} == {"127.0.0.1"}
    assert {(e["actor"], e["target_type"]) for e in events} == {("anonymous", "account")}
    locking = [e for e in events if e["after"].get("locked")]
    assert len(locking) == 1 and locking[0]["target_id"] == "society-admin-demo"
    text = json.dumps(events, ensure_ascii=False).lower()
    for secret in ("secret#guess", WRONG.lower(), DEMO_PASSWORD.lower()):
        assert secret not in text
