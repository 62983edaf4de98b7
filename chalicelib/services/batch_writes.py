"""Batch writes that lose nothing: items DynamoDB leaves unprocessed (throttling) are sent again after an exponential
backoff with jitter, and a batch still unprocessed after the last try raises."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pynamodb.models import Model

from chalicelib.upstream import backoff

BATCH = 25  # BatchWriteItem's limit
TRIES = 8  # 0.05 s doubling to a 2 s cap: about 6 s of waiting before giving up
FIRST_WAIT = 0.05
MAX_WAIT = 2.0


class UnprocessedWrites(Exception):
    """DynamoDB kept refusing some items of a batch (sustained throttling); the caller's retry redoes the batch."""


def save_all(model: type[Model], items: Sequence[Model]) -> int:
    """Put every item of ``items`` (all of ``model``), 25 a call, resending what comes back unprocessed after
    ``FIRST_WAIT`` × 2ⁿ seconds (jittered, at most ``MAX_WAIT``). Puts overwrite, so a retried batch is harmless.
    Returns the number of BatchWriteItem calls."""
    connection = model._get_connection()
    table = model.Meta.table_name
    calls = 0
    for start in range(0, len(items), BATCH):
        pending: list[Any] = [item.serialize() for item in items[start : start + BATCH]]
        for attempt in range(TRIES):
            calls += 1
            answer = connection.batch_write_item(put_items=pending) or {}
            left = (answer.get("UnprocessedItems") or {}).get(table) or []
            if not left:
                break
            pending = [entry["PutRequest"]["Item"] for entry in left]
            if attempt + 1 < TRIES:
                backoff(attempt, FIRST_WAIT, MAX_WAIT)
        else:
            raise UnprocessedWrites(f"{len(pending)} items of {table} left unprocessed")
    return calls
