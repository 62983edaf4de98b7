"""A 429 whose wait is known tells it in Retry-After, which the phone pages' retries honour (web/src/shared/retry.ts):
a short wait is waited for, a long one shown instead of being hammered."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from chalicelib.api import error_response
from chalicelib.errors import TooManyRequests
from chalicelib.services import budgets


def test_the_minute_allowance_says_how_long_until_the_next_minute() -> None:
    response = error_response(budgets.too_many(datetime(2026, 12, 5, 8, 0, 48, tzinfo=UTC)))
    assert response.status_code == 429 and response.headers["Retry-After"] == "12"
    assert json.loads(response.body)["error"]["code"] == "TOO_MANY_REQUESTS"


def test_a_busy_look_up_says_its_few_seconds() -> None:
    response = error_response(budgets.lookup_busy())
    assert response.headers["Retry-After"] == str(budgets.BUSY_SECONDS)


def test_a_lock_has_no_retry_after() -> None:
    response = error_response(TooManyRequests("SIGN_IN_LOCKED", "该身份证号码今日签到次数过多"))
    assert "Retry-After" not in response.headers
    assert "retry_after" not in json.loads(response.body)["error"], "not part of the error body"
