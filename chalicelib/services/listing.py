"""Lists with bounded cost: one page of a query in at most ``MAX_QUERY_CALLS`` DynamoDB calls, with a cursor that
resumes exactly where the page stopped, and name searches over the word index (name_index): the sizes of the query's
grams, the rarest gram's entries, then the page's items whole in one BatchGetItem."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from pynamodb.expressions.condition import Condition
from pynamodb.indexes import GlobalSecondaryIndex
from pynamodb.models import Model

from chalicelib.errors import ValidationFailed
from chalicelib.paging import Page, decode_cursor, encode_cursor

if TYPE_CHECKING:
    from chalicelib.services.name_index import Search

M = TypeVar("M", bound=Model)

MAX_QUERY_CALLS = 3
# Items DynamoDB evaluates per call when a filter applies: a page of a filtered query reads at most
# MAX_QUERY_CALLS × this many items, found or not (about 1.5 MB at the full items' few hundred bytes).
FILTERED_PAGE_SIZE = 1500
# Entries of the word index a name search's page reads at most (about 200 bytes each; two Queries when no sizes are
# read, one when they are: at most about 1 MB).
SEARCH_PAGE_SIZE = 2500
_SEARCH_KEYS = ("gram_key", "order_key")


@dataclass(frozen=True)
class Plan(Generic[M]):
    """Where one list reads: an index partition in its range order (newest first), the key condition on its range,
    and what is filtered after the read."""

    model: type[M]
    index: GlobalSecondaryIndex[M]
    partition: str
    key_names: tuple[str, ...]  # the cursor's keys: the table's, the index's
    fixed: dict[str, str]  # cursor keys that must equal this query's
    range_condition: Condition | None = None
    filters: list[Condition] = field(default_factory=list)
    ascending: bool = False  # the public project query reads its numbers in order


def run(plan: Plan[M], limit: int, cursor: str | None) -> Page[M]:
    """One page of ``plan``: at most ``limit`` items in at most ``MAX_QUERY_CALLS`` calls. A page comes back full, or
    at the end (no cursor), or, when a filter matched too little of what those calls could read, short with a
    cursor that continues after the last item read (never skipping or repeating one)."""
    start = decode_cursor(cursor, plan.key_names, plan.fixed)
    condition = all_of(plan.filters)
    if condition is not None:
        page_size, calls = FILTERED_PAGE_SIZE, MAX_QUERY_CALLS
    else:
        page_size, calls = limit, 1
    pages = plan.index.query(
        plan.partition,
        range_key_condition=plan.range_condition,
        filter_condition=condition,
        scan_index_forward=plan.ascending,
        page_size=page_size,
        last_evaluated_key=start,
    ).page_iter
    raw, last = _read(pages, limit, calls, plan.key_names)
    found = [plan.model.from_raw_data(item) for item in raw]
    return Page(items=found, next_cursor=encode_cursor(last))


def page(model: type[M], lookup: Plan[M] | Search, limit: int, cursor: str | None) -> Page[M]:
    """One page of a plan (``run``) or of a name search (``search``)."""
    if isinstance(lookup, Plan):
        return run(lookup, limit, cursor)
    return search(model, lookup, limit, cursor)


def search(model: type[M], query: Search, limit: int, cursor: str | None) -> Page[M]:
    """One page of a name search in at most ``MAX_QUERY_CALLS`` calls whose cost follows the matches: the sketch's
    sizes of the query's grams (one BatchGetItem; a size 0 ends the search), the rarest gram's entries newest first,
    filtered on the whole query and the caller's scope (one Query), then the page's items (one BatchGetItem). The
    cursor keeps the gram read, so later pages read no sizes (two Queries instead). Items that no longer match (an
    entry of a lost race) are left out, so a page may come back short, with a cursor."""
    from chalicelib.models import NameGram
    from chalicelib.services import name_index

    candidates = query.candidates()
    start = decode_cursor(cursor, _SEARCH_KEYS, {})
    calls = MAX_QUERY_CALLS - 1
    if start is not None:
        chosen = start["gram_key"]["S"]
        if chosen not in candidates:
            raise ValidationFailed("INVALID_CURSOR", "分页参数无效，请从第一页重新查询", "cursor")
    elif len(candidates) == 1:
        chosen = candidates[0]
    else:
        sizes = name_index.sizes(candidates)
        calls -= 1
        chosen = min(candidates, key=lambda key: sizes[key])
        if sizes[chosen] == 0:
            return Page(items=[], next_cursor=None)
    pages = NameGram.query(
        chosen,
        range_key_condition=query.range_condition(),
        filter_condition=query.entry_filter(),
        scan_index_forward=False,
        page_size=SEARCH_PAGE_SIZE,
        last_evaluated_key=start,
    ).page_iter
    raw, last = _read(pages, limit, calls, _SEARCH_KEYS)
    found = fetch(model, [item["item_id"]["S"] for item in raw])
    return Page(items=[item for item in found if query.matches(item)], next_cursor=encode_cursor(last))


def _read(pages: Any, limit: int, calls: int, key_names: Sequence[str]) -> tuple[list[dict[str, Any]], Any]:
    """At most ``limit`` raw items from at most ``calls`` pages of a query, and the key to go on from (None at the
    end): the last item taken when the page filled up within a call, else where the last call stopped."""
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
            last = {name: raw[-1][name] for name in key_names}
            break
        last = pages.last_evaluated_key
        if last is None:
            break
    return raw, last


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


def _key_of(item: Model) -> str:
    return str(getattr(item, type(item)._hash_key_attribute().attr_name))
