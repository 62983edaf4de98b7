"""What the office keeps as data in one item each (the credit rules, the discipline catalogue), as every function reads
it: from a per-container copy at most ``FRESH_SECONDS`` old, so that a page of sessions costs one GetItem, not one a
row. A change made here is seen here at once and by every other container within ``FRESH_SECONDS``."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from chalicelib.errors import Conflict
    from chalicelib.models import AuditEvent

T = TypeVar("T")
FRESH_SECONDS = 60.0

_books: list[Book] = []


class Book(Generic[T]):
    def __init__(self, load: Callable[[], T]) -> None:
        self._load = load
        self._value: T | None = None
        self._read_at = 0.0
        _books.append(self)

    def get(self) -> T:
        if self._value is None or time.monotonic() - self._read_at > FRESH_SECONDS:
            self._value = self._load()
            self._read_at = time.monotonic()
        return self._value

    def forget(self) -> None:
        self._value = None


def reset() -> None:
    """Forget every copy (tests change tables between apps)."""
    for book in _books:
        book.forget()


def save(event: AuditEvent, record: Any, first: bool, conflict: Conflict) -> None:
    """One office item (keyed ``claim`` in name-claims) changed with its audit event in one transaction: the first
    change creates it (nobody may have meanwhile), a later one saves under the version read; a lost race is
    ``conflict``."""
    from chalicelib.services.audit import commit

    if first:
        commit(event, creates=((record, type(record).claim.does_not_exist()),), conflict=conflict)
    else:
        commit(event, saves=(record,), conflict=conflict)
