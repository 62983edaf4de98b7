"""Key settings as rings with key ids, and the sealed format that names its key."""

from __future__ import annotations

import base64
import hashlib
import json
import os

import pytest
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from chalicelib.services import identity
from chalicelib.settings import parse_keyring

OLD = "the-original-plain-key-" + "o" * 20
NEW = "the-rotated-key-" + "n" * 30


def _sha(key: bytes) -> bytes:
    return hashlib.sha256(key).digest()


def _ring(current: str = "k2", **extra) -> str:
    return json.dumps({"current": current, "keys": {"k1": OLD, "k2": NEW}, **extra})


def test_a_plain_key_is_a_ring_of_one_key_k1():
    ring = parse_keyring("PII_KEY", OLD)
    assert (ring.current, ring.legacy, ring.kids) == ("k1", "k1", ("k1",))
    assert ring.current_key == ring.key(None) == OLD.encode()


def test_a_json_ring_names_the_current_key_and_keeps_the_others():
    ring = parse_keyring("ID_ENCRYPTION_KEY", _ring(), _sha)
    assert (ring.current, ring.legacy, ring.kids) == ("k2", "k1", ("k1", "k2"))
    assert ring.key("k1") == _sha(OLD.encode()) and ring.current_key == _sha(NEW.encode())
    assert parse_keyring("X", json.dumps({"current": "b", "keys": {"a": OLD, "b": NEW}})).legacy == "a"
    assert parse_keyring("X", _ring(legacy="k2")).legacy == "k2"
    with pytest.raises(LookupError):
        ring.key("k3")


@pytest.mark.parametrize(
    "raw",
    [
        "short",
        "{not json",
        json.dumps({"current": "k3", "keys": {"k1": OLD}}),
        json.dumps({"current": "k1", "keys": {}}),
        json.dumps({"current": ["k1"], "keys": {"k1": OLD}}),
        json.dumps({"current": "k1", "keys": {"k1": "too-short"}}),
        json.dumps({"current": "k1", "keys": {"k.1": OLD}}),
        json.dumps({"current": "k1", "keys": {f"k{i}": OLD for i in range(1, 7)}}),
        _ring(legacy="k9"),
    ],
)
def test_a_bad_setting_stops_the_process_naming_the_setting_but_never_a_key(raw):
    with pytest.raises(RuntimeError) as error:
        parse_keyring("PII_KEY", raw)
    assert "PII_KEY" in str(error.value) and OLD not in str(error.value) and "too-short" not in str(error.value)


def test_sealed_values_name_their_key_and_open_with_it_after_a_rotation():
    before = parse_keyring("ID_ENCRYPTION_KEY", OLD, _sha)
    sealed = identity.seal("320102199003071234", before, "s|a")
    assert sealed.startswith("v1.k1.") and identity.sealed_kid(sealed) == "k1"
    after = parse_keyring("ID_ENCRYPTION_KEY", _ring(), _sha)
    assert identity.unseal(sealed, after, "s|a") == "320102199003071234"
    fresh = identity.seal("320102199003071234", after, "s|a")
    assert fresh.startswith("v1.k2.") and identity.unseal(fresh, after, "s|a") == "320102199003071234"
    with pytest.raises(InvalidTag):
        identity.unseal(fresh.replace("v1.k2.", "v1.k1."), after, "s|a")
    with pytest.raises(LookupError):
        identity.unseal(fresh, before, "s|a")


def test_values_sealed_before_key_ids_open_with_the_legacy_key():
    nonce = os.urandom(12)  # the format written before key ids: v1.<base64(nonce + ciphertext)>
    sealed = AESGCM(_sha(OLD.encode())).encrypt(nonce, b"320102199003071234", b"s|a")
    legacy = "v1." + base64.urlsafe_b64encode(nonce + sealed).decode()
    assert identity.sealed_kid(legacy) is None
    assert identity.unseal(legacy, parse_keyring("K", OLD, _sha), "s|a") == "320102199003071234"
    assert identity.unseal(legacy, parse_keyring("K", _ring(), _sha), "s|a") == "320102199003071234"
    with pytest.raises(ValueError):
        identity.unseal("v2.k1.abc", parse_keyring("K", OLD, _sha), "s|a")


def test_look_up_hashes_cover_every_key_of_the_ring():
    ring = parse_keyring("PII_KEY", _ring())
    number = "320102199003071234"
    assert identity.lookup_hashes(number, ring) == {
        identity.lookup_hash(number, OLD.encode()),
        identity.lookup_hash(number, NEW.encode()),
    }


def test_a_ring_with_ids_and_keys_swapped_names_the_position_never_the_key():
    """A ring written as {key: id} would put a whole key in the error, which api.py logs on every request."""
    swapped = json.dumps({"current": "k1", "keys": {OLD: "k1", NEW: "k2"}})
    with pytest.raises(RuntimeError) as error:
        parse_keyring("PII_KEY", swapped)
    message = str(error.value)
    assert "PII_KEY" in message and "number 1" in message, message
    assert OLD not in message and NEW not in message and OLD[:8] not in message, message


def test_an_approved_sessions_repr_shows_neither_its_qr_secret_nor_its_pii_key():
    from chalicelib.services.attendance_signing import ApprovedSession

    approved = ApprovedSession(None, [], 60, b"qr-secret-0123456789", b"pii-key-0123456789")  # type: ignore[arg-type]
    shown = repr(approved)
    assert "refresh_seconds=60" in shown and "qr-secret" not in shown and "pii-key" not in shown, shown
