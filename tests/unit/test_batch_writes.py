"""Batch writes resend what DynamoDB leaves unprocessed, after an exponential backoff, and give up loudly."""

from __future__ import annotations

from typing import Any

import pytest

from chalicelib import upstream
from chalicelib.services import batch_writes


class Item:
    def __init__(self, n: int) -> None:
        self.n = n

    def serialize(self) -> dict[str, Any]:
        return {"id": {"S": str(self.n)}}


class Connection:
    """Leaves the first ``refusals`` answers' last item unprocessed."""

    def __init__(self, refusals: int) -> None:
        self.refusals = refusals
        self.sent: list[list[dict[str, Any]]] = []

    def batch_write_item(self, put_items: list[dict[str, Any]]) -> dict[str, Any]:
        self.sent.append(put_items)
        if self.refusals:
            self.refusals -= 1
            return {"UnprocessedItems": {"t": [{"PutRequest": {"Item": put_items[-1]}}]}}
        return {"UnprocessedItems": {}}


def model_of(connection: Connection) -> Any:
    class Model:
        class Meta:
            table_name = "t"

        @staticmethod
        def _get_connection() -> Connection:
            return connection

    return Model


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    slept: list[float] = []
    monkeypatch.setattr(upstream.time, "sleep", slept.append)  # the backoff every retried write shares
    monkeypatch.setattr(upstream.random, "uniform", lambda low, high: 1.0)
    return slept


def test_items_go_25_a_call_and_unprocessed_ones_again_after_a_growing_wait(waits: list[float]) -> None:
    connection = Connection(refusals=3)
    calls = batch_writes.save_all(model_of(connection), [Item(n) for n in range(30)])  # type: ignore[list-item]
    assert [len(batch) for batch in connection.sent] == [25, 1, 1, 1, 5]
    assert connection.sent[1] == [{"id": {"S": "24"}}], "only what was left unprocessed"
    assert calls == 5 and waits == [0.05, 0.1, 0.2]


def test_a_batch_refused_every_time_raises_after_the_last_try(waits: list[float]) -> None:
    connection = Connection(refusals=100)
    with pytest.raises(batch_writes.UnprocessedWrites):
        batch_writes.save_all(model_of(connection), [Item(1)])  # type: ignore[list-item]
    assert len(connection.sent) == batch_writes.TRIES and max(waits) == batch_writes.MAX_WAIT
