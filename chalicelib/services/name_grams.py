"""The gram rules of name search (no I/O): how a text becomes the grams it is indexed under, which grams a query reads,
and where a gram's size is counted in the sketch."""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable

# Namespaces of the word index: a project's name, its leader, a session's project name.
PROJECT_NAME, PROJECT_LEADER, SESSION_NAME = "pn", "pl", "sn"

# The size sketch of a namespace: SKETCH_ITEMS items of SKETCH_WIDTH counters, a gram counted in one of them.
SKETCH_ITEMS = 16
SKETCH_WIDTH = 1024


def tokens(text: str) -> list[str]:
    """Each character as it is compared: NFKC, lower case. Character by character, so that a substring of a text
    always gives a run of its tokens (NFKC of a whole text can merge characters: ｶﾞ → ガ), and a query's grams are
    always among those of every text that contains it."""
    return [unicodedata.normalize("NFKC", char).lower() for char in text]


def grams(text: str) -> set[str]:
    """What a text is indexed under: every character (a query of one character reads its partition) and every two
    adjacent characters (a longer query reads its rarest pair)."""
    found = tokens(text)
    return set(found) | {a + b for a, b in zip(found, found[1:], strict=False)}


def query_grams(text: str) -> list[str]:
    """The grams a query may read, any one of which holds every text containing it: its character when it has one,
    else its pairs (distinct, in order)."""
    found = tokens(text)
    if len(found) == 1:
        return found
    return list(dict.fromkeys(a + b for a, b in zip(found, found[1:], strict=False)))


def gram_key(namespace: str, gram: str) -> str:
    return f"{namespace}#{gram}"


def sketch_cell(key: str) -> tuple[str, str, str]:
    """Where the sketch counts a gram key: the sketch item's keys and the counter's attribute. A stable hash (not
    Python's salted ``hash``): every process must count in the same cell."""
    namespace = key.split("#", 1)[0]
    bucket = int.from_bytes(hashlib.blake2b(key.encode(), digest_size=4).digest(), "big")
    return f"{namespace}-n", f"{bucket // SKETCH_WIDTH % SKETCH_ITEMS:02d}", f"c{bucket % SKETCH_WIDTH}"


def keys_of(texts: Iterable[tuple[str, str]]) -> set[str]:
    """The gram keys of (namespace, text) pairs."""
    return {gram_key(namespace, gram) for namespace, text in texts for gram in grams(text)}
