"""Lists with bounded cost: one page of a query in at most ``MAX_QUERY_CALLS`` DynamoDB calls, with a cursor that
resumes exactly where the page stopped, and name searches over a compact index whose matches are then read whole in
one BatchGetItem."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from pynamodb.expressions.condition import Condition
from pynamodb.indexes import GlobalSecondaryIndex
from pynamodb.models import Model

from chalicelib.paging import Page, decode_cursor, encode_cursor

M = TypeVar("M", bound=Model)

MAX_QUERY_CALLS = 3
# Items DynamoDB evaluates per call when a filter applies: a page of a filtered query reads at most
# MAX_QUERY_CALLS × this many items, found or not (about 1.5 MB at the full items' few hundred bytes).
FILTERED_PAGE_SIZE = 1500
# A compact index's entries are keys and a few short fields (about 150 bytes): two calls of this many read about
# 1.5 MB, and the matches are then read whole in one BatchGetItem (the third call).
COMPACT_PAGE_SIZE = 5000


@dataclass(frozen=True)
class Plan(Generic[M]):
    """Where one list reads: an index partition in its range order (newest first), the key condition on its range,
    what is filtered after the read, and whether the index is compact (a projection: items are then fetched)."""

    model: type[M]
    index: GlobalSecondaryIndex[M]
    partition: str
    key_names: tuple[str, ...]  # the cursor's keys: the table's, the index's
    fixed: dict[str, str]  # cursor keys that must equal this query's
    range_condition: Condition | None = None
    filters: list[Condition] = field(default_factory=list)
    compact: bool = False


def run(plan: Plan[M], limit: int, cursor: str | None) -> Page[M]:
    """One page of ``plan``: at most ``limit`` items in at most ``MAX_QUERY_CALLS`` calls. A page comes back full, or
    at the end (no cursor), or, when a filter matched too little of what those calls could read, short with a
    cursor that continues after the last item read (never skipping or repeating one)."""
    start = decode_cursor(cursor, plan.key_names, plan.fixed)
    condition = all_of(plan.filters)
    if plan.compact:
        page_size, calls = COMPACT_PAGE_SIZE, MAX_QUERY_CALLS - 1
    elif condition is not None:
        page_size, calls = FILTERED_PAGE_SIZE, MAX_QUERY_CALLS
    else:
        page_size, calls = limit, 1
    pages = plan.index.query(
        plan.partition,
        range_key_condition=plan.range_condition,
        filter_condition=condition,
        scan_index_forward=False,
        page_size=page_size,
        last_evaluated_key=start,
    ).page_iter
    raw: list[dict[str, Any]] = []
    last: dict[str, Any] | None = None
    for _ in range(calls):
        try:
            page = next(pages)
        except StopIteration:
            break
        items = page.get("Items", [])
        room = limit - len(raw)
        raw += items[:room]
        if len(items) > room or (len(items) == room and pages.last_evaluated_key is not None):
            last = {name: raw[-1][name] for name in plan.key_names}
            break
        last = pages.last_evaluated_key
        if last is None:
            break
    if plan.compact:
        found = fetch(plan.model, [_hash_value(plan.model, item) for item in raw])
    else:
        found = [plan.model.from_raw_data(item) for item in raw]
    return Page(items=found, next_cursor=encode_cursor(last))


def fetch(model: type[M], keys: Sequence[str]) -> list[M]:
    """The items of ``keys`` (hash keys), whole, in that order, in one BatchGetItem (pynamodb resends what DynamoDB
    leaves unprocessed); an item deleted meanwhile is left out."""
    if not keys:
        return []
    found = {_key_of(item): item for item in model.batch_get(list(dict.fromkeys(keys)))}
    return [found[key] for key in keys if key in found]


def all_of(conditions: Sequence[Condition]) -> Condition | None:
    combined = None
    for condition in conditions:
        combined = condition if combined is None else combined & condition
    return combined


def _hash_value(model: type[Model], raw: dict[str, Any]) -> str:
    name = model._hash_key_attribute().attr_name
    (value,) = raw[name].values()
    return str(value)


def _key_of(item: Model) -> str:
    return str(getattr(item, type(item)._hash_key_attribute().attr_name))
