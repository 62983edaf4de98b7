"""The app's metrics are counted where things happen and written once per request (chalicelib.observability): a
sign-in, a sign-out and a refused scan each count once, a repeat counts nothing, and no metric names a person."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from chalicelib import observability
from tests.api.attendance_helpers import ANSWERS, CN, id_number, person


@pytest.fixture
def written(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, float]]:
    """What each invocation wrote, in order (the EMF lines themselves are written on Lambda only)."""
    flushes: list[dict[str, float]] = []
    flush = observability.flush_metrics

    def record() -> dict[str, float]:
        counted = flush()
        flushes.append(counted)
        return counted

    monkeypatch.setattr(observability, "flush_metrics", record)
    return flushes


def test_sign_in_sign_out_and_refused_scans_are_counted_once_each(
    api: Any, approved: dict[str, Any], clock: Any, written: list[dict[str, float]]
) -> None:
    sid, tokens = approved["sid"], approved["tokens"]
    written.clear()
    status, _ = api.post(f"/public/attendance/{sid}/sign-in", {"t": tokens["in"], **person()})
    assert status == 200 and written[-1] == {"SignIns": 1}
    status, body = api.post(f"/public/attendance/{sid}/sign-in", {"t": tokens["in"], **person()})
    assert body["status"] == "already" and written[-1] == {}, "a double tap counts nothing"
    status, _ = api.post(f"/public/attendance/{sid}/sign-in", {"t": "1.forged", **person()})
    assert status >= 400 and written[-1] == {"RefusedScans": 1}
    clock.now = datetime(2026, 12, 10, 16, 40, tzinfo=CN)
    body = {"t": tokens["out"], "id_number": id_number(), "answers": ANSWERS}
    status, _ = api.post(f"/public/attendance/{sid}/sign-out", body)
    assert status == 200 and written[-1] == {"SignOuts": 1}
    assert all(set(flush) <= set(observability.METRICS) for flush in written)
