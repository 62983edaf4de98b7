"""The word index of name search (models/name_gram.py, rules in name_grams): ``sync`` writes an item's entries right
after the item itself, and ``Search`` says which grams a search may read and how its entries and items are filtered
(listing.search reads the page)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from pynamodb.exceptions import DeleteError, PutError, TransactWriteError
from pynamodb.expressions.condition import Condition
from pynamodb.models import Model
from pynamodb.transactions import TransactWrite

from chalicelib.models import NameGram, Project, Session
from chalicelib.services import name_grams
from chalicelib.services.name_grams import PROJECT_LEADER, PROJECT_NAME, SESSION_NAME
from chalicelib.upstream import PARALLEL_CALLS, cancellation_codes

TRANSACTION_ITEMS = 100  # DynamoDB's limit of a TransactWriteItems
CONFLICT_ATTEMPTS = 3
_ADDS_PER_UPDATE = 200  # counters per UpdateItem: its expression stays well under DynamoDB's 4 KB
# The item attribute a namespace's text is, and the entry's.
TEXT_ATTRIBUTE = {PROJECT_NAME: "name", PROJECT_LEADER: "leader", SESSION_NAME: "project_name"}
ENTRY_TEXT = {PROJECT_NAME: "name", PROJECT_LEADER: "leader", SESSION_NAME: "name"}


@dataclass(frozen=True)
class Indexed:
    """What the index holds of one project or session at one version: its texts per namespace, where it sorts and the
    fields a search filters on."""

    item_id: str
    order_key: str
    version: int
    texts: tuple[tuple[str, str], ...]
    fields: tuple[tuple[str, str | None], ...]

    def gram_keys(self) -> set[str]:
        return name_grams.keys_of(self.texts)

    def entry(self, key: str) -> NameGram:
        entry = NameGram(key, self.order_key, item_id=self.item_id, version=self.version)
        for name, value in self.fields:
            setattr(entry, name, value)
        return entry


Change = tuple[Indexed | None, Indexed | None]  # (as it was, as it is now); None: not there


def of_project(project: Project) -> Indexed:
    return Indexed(
        project.project_id,
        project.sort_key,
        int(project.version or 0),
        ((PROJECT_NAME, project.name), (PROJECT_LEADER, project.leader)),
        (
            ("name", project.name),
            ("leader", project.leader),
            ("level", project.level),
            ("org_id", project.org_id),
            ("department", project.department),
            ("status", project.status),
        ),
    )


def of_session(session: Session) -> Indexed:
    return Indexed(
        session.session_id,
        session.sort_key,
        int(session.version or 0),
        ((SESSION_NAME, session.project_name),),
        (
            ("name", session.project_name),
            ("org_id", session.org_id),
            ("department", session.department),
            ("status", session.status),
        ),
    )


# --- writing ------------------------------------------------------------------------------------------------------


def sync(changes: Sequence[Change], *, fresh: bool = False) -> None:
    """Make the index say what the items say now, after they were written: the sketch first counts the grams an item
    gains (counters only grow, so a retry or a lost race only overstates a size, and 0 always means "none"), then
    every entry of the item now is put and every entry it lost is deleted, in transactions of 100. Each entry carries
    its item's version and is written only over an older one, so a late or repeated sync never undoes a newer one;
    what is left over (a racing sync of a version already replaced) is an entry the search drops when it reads the
    item. Idempotent: running it again writes the same entries.

    ``fresh``: items just created under new ids that nobody else can have changed yet (an import): their entries go
    in BatchWriteItems of 25 instead, with no condition (half the write units of a transaction)."""
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    writes: list[tuple[bool, NameGram, int]] = []  # (put?, entry, the version it stands for)
    for before, after in changes:
        old = before.gram_keys() if before else set()
        new = after.gram_keys() if after else set()
        for key in sorted(new - old):
            partition, cell, counter = name_grams.sketch_cell(key)
            counts[(partition, cell)][counter] += 1
        if after is not None:
            writes += [(True, after.entry(key), after.version) for key in sorted(new)]
        if before is not None:
            moved = after is None or after.order_key != before.order_key
            version = after.version if after is not None else before.version
            gone = old if moved else old - new
            writes += [(False, NameGram(key, before.order_key), version) for key in sorted(gone)]
    _count(counts)
    # One action per entry in a transaction: where two changes meet, the later stands.
    writes = list({(entry.gram_key, entry.order_key): (put, entry, v) for put, entry, v in writes}.values())
    if fresh and all(put for put, _, _ in writes):
        with NameGram.batch_write() as batch:  # pynamodb resends what DynamoDB leaves unprocessed
            for _, entry, _ in writes:
                batch.save(entry)
        return
    for start in range(0, len(writes), TRANSACTION_ITEMS):
        _write(writes[start : start + TRANSACTION_ITEMS])


def repair(item: Indexed | None, present: set[tuple[str, str]]) -> int:
    """Make one item's entries what they should be whatever is there now (the backfill): ``present`` are the keys of
    the entries found for it (``item`` None: the item is gone). Counts only the grams not found, so running
    it again changes nothing; returns the entries written or deleted."""
    expected = {(key, item.order_key) for key in item.gram_keys()} if item else set()
    missing = {key for key, _ in expected - present}
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for key in sorted(missing):
        partition, cell, counter = name_grams.sketch_cell(key)
        counts[(partition, cell)][counter] += 1
    _count(counts)
    version = item.version if item else 1 << 30  # a gone item's entries go whatever version they stand for
    writes = [(True, item.entry(key), version) for key, _ in sorted(expected)] if item else []
    writes += [(False, NameGram(key, order), version) for key, order in sorted(present - expected)]
    if item and not missing and not present - expected:
        writes = []
    for start in range(0, len(writes), TRANSACTION_ITEMS):
        _write(writes[start : start + TRANSACTION_ITEMS])
    return len(writes)


def _newer(version: int) -> Condition:
    return NameGram.version.does_not_exist() | (NameGram.version <= version)


def _write(chunk: list[tuple[bool, NameGram, int]]) -> None:
    from chalicelib.services.audit import connection

    for _ in range(CONFLICT_ATTEMPTS):
        try:
            with TransactWrite(connection=connection()) as tx:
                for put, entry, version in chunk:
                    if put:
                        tx.save(entry, condition=_newer(version))
                    else:
                        tx.delete(entry, condition=_newer(version))
            return
        except TransactWriteError as error:
            codes = cancellation_codes(error)
            if "ConditionalCheckFailed" in codes:
                break  # some entry is newer: write each alone, so that only those are left as they are
            if "TransactionConflict" not in codes:
                raise
    for put, entry, version in chunk:
        try:
            if put:
                entry.save(condition=_newer(version))
            else:
                entry.delete(condition=_newer(version))
        except (PutError, DeleteError) as error:
            if error.cause_response_code != "ConditionalCheckFailedException":
                raise


def _count(counts: dict[tuple[str, str], Counter[str]]) -> None:
    updates = [
        (key, dict(list(counters.items())[start : start + _ADDS_PER_UPDATE]))
        for key, counters in counts.items()
        for start in range(0, len(counters), _ADDS_PER_UPDATE)
    ]
    if len(updates) <= 1:
        for key, added in updates:
            _add(key, added)
        return
    with ThreadPoolExecutor(min(PARALLEL_CALLS, len(updates))) as pool:
        list(pool.map(lambda update: _add(*update), updates))


def _add(key: tuple[str, str], added: dict[str, int]) -> None:
    # Private pynamodb API: the model's connection and its botocore client (counters are attributes the model does
    # not declare). Pinned by tests/unit/test_pynamodb_private_api.py.
    names = {f"#{n}": counter for n, counter in enumerate(added)}
    values = {f":{n}": {"N": str(amount)} for n, amount in enumerate(added.values())}
    _client().update_item(
        TableName=NameGram.Meta.table_name,
        Key={"gram_key": {"S": key[0]}, "order_key": {"S": key[1]}},
        UpdateExpression="ADD " + ", ".join(f"#{n} :{n}" for n in range(len(added))),
        ExpressionAttributeNames=names,
        ExpressionAttributeValues=values,
    )


def _client() -> Any:
    return NameGram._get_connection().connection.client


# --- reading ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Search:
    """A name search: the texts sought per namespace (all must match), the year (a prefix of the list's sort key) and
    the fields that must equal (the caller's scope, a status, a level)."""

    terms: tuple[tuple[str, str], ...]
    year_prefix: str | None = None
    equal: tuple[tuple[str, str], ...] = ()

    def candidates(self) -> list[str]:
        """The partitions that may be read, each holding every match."""
        keys = (name_grams.gram_key(ns, gram) for ns, text in self.terms for gram in name_grams.query_grams(text))
        return list(dict.fromkeys(keys))

    def entry_filter(self) -> Condition | None:
        conditions: list[Condition] = [getattr(NameGram, ENTRY_TEXT[ns]).contains(text) for ns, text in self.terms] + [
            getattr(NameGram, name) == value for name, value in self.equal
        ]
        combined = None
        for condition in conditions:
            combined = condition if combined is None else combined & condition
        return combined

    def range_condition(self) -> Condition | None:
        return NameGram.order_key.startswith(self.year_prefix) if self.year_prefix else None

    def matches(self, item: Model) -> bool:
        """The full item matches still (an entry left by a lost race may not)."""
        texts = all(text in (getattr(item, TEXT_ATTRIBUTE[ns]) or "") for ns, text in self.terms)
        fields = all(getattr(item, name) == value for name, value in self.equal)
        order: str = getattr(item, "sort_key")  # noqa: B009 (projects and sessions have one; Model does not)
        year = self.year_prefix is None or order.startswith(self.year_prefix)
        return texts and fields and year


def sizes(keys: Sequence[str]) -> dict[str, int]:
    """The sketch's size of each gram key, from one BatchGetItem of the sketch items they are counted in (at most 16
    small items per namespace): at least the number of entries under the key, 0 only when there is none."""
    cells = {key: name_grams.sketch_cell(key) for key in keys}
    items = {(partition, cell) for partition, cell, _ in cells.values()}
    counters = sorted({counter for _, _, counter in cells.values()})
    found: dict[tuple[str, str], dict[str, Any]] = {}
    request: dict[str, Any] = {
        NameGram.Meta.table_name: {
            "Keys": [{"gram_key": {"S": p}, "order_key": {"S": c}} for p, c in sorted(items)],
            "ProjectionExpression": ", ".join(["#k", "#o", *(f"#{n}" for n in range(len(counters)))]),
            "ExpressionAttributeNames": {"#k": "gram_key", "#o": "order_key"}
            | {f"#{n}": counter for n, counter in enumerate(counters)},
        }
    }
    for answer in _batches(request):
        for item in answer:
            found[(item["gram_key"]["S"], item["order_key"]["S"])] = item
    return {
        key: int(found.get((partition, cell), {}).get(counter, {"N": "0"})["N"])
        for key, (partition, cell, counter) in cells.items()
    }


def _batches(request: dict[str, Any]) -> Iterator[list[dict[str, Any]]]:
    while request:
        answer = _client().batch_get_item(RequestItems=request)
        yield answer.get("Responses", {}).get(NameGram.Meta.table_name, [])
        request = answer.get("UnprocessedKeys") or {}
