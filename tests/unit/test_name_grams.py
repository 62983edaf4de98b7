"""The gram rules of name search: what a text is indexed under and which grams a query reads, such that every text
containing a query holds each of the query's grams (so the rarest one's partition holds every match)."""

from __future__ import annotations

import random

from chalicelib.services import name_grams
from chalicelib.services.name_grams import SKETCH_ITEMS, SKETCH_WIDTH


def test_tokens_are_characters_in_nfkc_lower_case() -> None:
    assert name_grams.tokens("ＣＯＰＤ 康复") == ["c", "o", "p", "d", " ", "康", "复"]
    assert name_grams.tokens("ｶﾞ") == ["カ", "\u3099"], "character by character: NFKC would merge the pair"
    assert name_grams.tokens("𠮷田") == ["𠮷", "田"]


def test_a_text_is_indexed_under_its_characters_and_pairs() -> None:
    assert name_grams.grams("心血管") == {"心", "血", "管", "心血", "血管"}
    assert name_grams.grams("COPD") == {"c", "o", "p", "d", "co", "op", "pd"}
    assert name_grams.grams("") == set()


def test_a_query_reads_its_character_or_its_pairs() -> None:
    assert name_grams.query_grams("心") == ["心"]
    assert name_grams.query_grams("Ｃ") == ["c"]
    assert name_grams.query_grams("心血管") == ["心血", "血管"]
    assert name_grams.query_grams("哈哈哈") == ["哈哈"], "distinct"


def test_every_text_containing_a_query_holds_its_grams() -> None:
    alphabet = "心血管病诊治进展ＣＯＰＤcopdCOPD ｶﾞガ㎏kgİi𠮷（）·"
    rng = random.Random(13)
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))
        start = rng.randrange(len(text))
        query = text[start : rng.randint(start + 1, len(text))]
        assert set(name_grams.query_grams(query)) <= name_grams.grams(text), (text, query)


def test_keys_carry_their_namespace_and_the_sketch_cell_is_stable() -> None:
    assert name_grams.keys_of([("pn", "心血"), ("pl", "张")]) == {"pn#心", "pn#血", "pn#心血", "pl#张"}
    partition, item, counter = name_grams.sketch_cell("pn#心血")
    assert (partition, item, counter) == name_grams.sketch_cell("pn#心血")
    assert partition == "pn-n" and 0 <= int(item) < SKETCH_ITEMS and 0 <= int(counter[1:]) < SKETCH_WIDTH
    cells = {name_grams.sketch_cell(f"sn#{chr(0x4E00 + n)}")[1:] for n in range(2000)}
    assert len(cells) > 1500, "grams spread over the counters"
