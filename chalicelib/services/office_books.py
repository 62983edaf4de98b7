"""What the office keeps as data in one item each (the credit rules, the discipline catalogue), as every function reads
it: from a per-container copy at most ``FRESH_SECONDS`` old, so that a page of sessions costs one GetItem, not one a
row. A change made here is seen here at once and by every other container within ``FRESH_SECONDS``."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from pynamodb.models import Model

    from chalicelib.errors import Conflict
    from chalicelib.models import AuditEvent

T = TypeVar("T")
FRESH_SECONDS = 60.0
clock: Callable[[], float] = time.monotonic  # tests turn it

_books: list[Book] = []


class Book(Generic[T]):
    """This container's copy of one office item, loaded by ``load`` when missing or older than ``FRESH_SECONDS``."""

    def __init__(self, load: Callable[[], T]) -> None:
        self._load = load
        self._copy: tuple[T, float] | None = None  # one reference: a concurrent ``forget`` never leaves half a copy
        _books.append(self)

    def get(self) -> T:
        copy = self._copy
        if copy is None or clock() - copy[1] > FRESH_SECONDS:
            copy = (self._load(), clock())
            self._copy = copy
        return copy[0]

    def forget(self) -> None:
        """The next ``get`` loads the item again (after a change made in this container)."""
        self._copy = None


def reset() -> None:
    """Forget every copy (tests change tables between apps)."""
    for book in _books:
        book.forget()


def save(event: AuditEvent, record: Model, first: bool, conflict: Conflict) -> None:
    """One office item (keyed ``claim`` in name-claims) changed with its audit event in one transaction: the first
    change creates it (nobody may have meanwhile), a later one saves under the version read; a lost race is
    ``conflict``."""
    from chalicelib.services.audit import commit

    if first:
        commit(event, creates=((record, type(record).claim.does_not_exist()),), conflict=conflict)  # type: ignore[attr-defined]
    else:
        commit(event, saves=(record,), conflict=conflict)
