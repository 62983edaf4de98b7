from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from chalicelib.services import accounts as account_rules
from tests.conftest import DEMO_PASSWORD


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


def fail(api, username="admin-demo"):
    return api.post("/auth/login", {"username": username, "password": "Wrong@2026"})


def test_failures_slow_down_then_lock_then_expire(api, demo, clock):
    for _ in range(account_rules.SLOWDOWN_AFTER - 1):
        assert fail(api)[0] == 401
    status, body = fail(api)  # the 3rd failure starts the slowdown
    assert status == 401 and "再失败" in body["error"]["message"]

    status, body = api.post("/auth/login", {"username": "admin-demo", "password": DEMO_PASSWORD})
    assert status == 429, "even the right password must wait while throttled"
    assert body["error"]["code"] == "LOGIN_THROTTLED" and "秒后再试" in body["error"]["message"]

    for attempt in range(account_rules.SLOWDOWN_AFTER + 1, account_rules.LOCK_AFTER):
        clock.advance(account_rules.MAX_DELAY_SECONDS)
        assert fail(api)[0] == 401, attempt
    clock.advance(account_rules.MAX_DELAY_SECONDS)
    status, body = fail(api)
    assert status == 423 and body["error"]["code"] == "ACCOUNT_LOCKED"

    clock.advance(60)
    status, body = api.post("/auth/login", {"username": "admin-demo", "password": DEMO_PASSWORD})
    assert status == 423 and "后再试" in body["error"]["message"]

    clock.advance(account_rules.LOCK_MINUTES * 60)
    assert api.post("/auth/login", {"username": "admin-demo", "password": DEMO_PASSWORD})[0] == 200
    assert fail(api)[0] == 401, "a successful login clears the counter"
    assert fail(api)[0] == 401


def test_unknown_usernames_are_throttled_alike(api, demo, clock):
    for _ in range(account_rules.SLOWDOWN_AFTER):
        fail(api, "ghost-user")
    assert fail(api, "ghost-user")[0] == 429
    assert api.post("/auth/login", {"username": "admin-demo", "password": DEMO_PASSWORD})[0] == 200


def test_parallel_guesses_cannot_outrun_the_lock(api, demo, clock):
    from chalicelib.container import services
    from chalicelib.errors import Locked

    accounts = services().accounts
    # Requests that all arrive before any of them has checked its password.
    started = [accounts._start_attempt("admin-demo", clock()) for _ in range(account_rules.LOCK_AFTER)]
    assert len(started) == account_rules.LOCK_AFTER
    with pytest.raises(Locked):
        accounts._start_attempt("admin-demo", clock())
    status, body = api.post("/auth/login", {"username": "admin-demo", "password": DEMO_PASSWORD})
    assert status == 423, "the lock holds even for the right password"
