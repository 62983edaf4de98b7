"""The key of the failure budgets (issue #12, item 1): one key across PII_KEY rotations, apart from the PII keys."""

from __future__ import annotations

import json

from chalicelib.services.budgets import budget_key
from chalicelib.settings import parse_keyring

OLD = "the-original-plain-key-" + "o" * 20
NEW = "the-rotated-key-" + "n" * 30


def test_the_budget_key_outlives_a_rotation_and_is_no_pii_key():
    plain = parse_keyring("PII_KEY", OLD)
    rotated = parse_keyring("PII_KEY", json.dumps({"current": "k2", "keys": {"k1": OLD, "k2": NEW}}))
    assert rotated.current_key != plain.current_key
    assert budget_key(rotated) == budget_key(plain), "counts and locks survive the rotation"
    assert budget_key(plain) not in {key for _, key in rotated.keys}, "budget hashes are not ID-number hashes"
    other = parse_keyring("PII_KEY", "another-deployment-key-" + "x" * 20)
    assert budget_key(other) != budget_key(plain)
