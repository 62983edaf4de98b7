"""A container's copy of an office item: read once, then again only when older than FRESH_SECONDS or forgotten."""

from __future__ import annotations

import pytest

from chalicelib.services import office_books


def test_a_copy_is_read_again_only_after_it_grew_stale(monkeypatch: pytest.MonkeyPatch) -> None:
    now = [1000.0]
    monkeypatch.setattr(office_books, "clock", lambda: now[0])
    reads: list[int] = []
    book = office_books.Book(lambda: reads.append(len(reads)) or len(reads))
    assert book.get() == 1 and book.get() == 1
    now[0] += office_books.FRESH_SECONDS
    assert book.get() == 1, "still fresh at exactly FRESH_SECONDS"
    now[0] += 0.5
    assert book.get() == 2, "a change elsewhere is seen once the copy is older than FRESH_SECONDS"
    book.forget()
    assert book.get() == 3, "a change made here is seen at once"
    office_books.reset()
    assert book.get() == 4 and len(reads) == 4
