from __future__ import annotations

import base64
import json
from datetime import UTC

import pytest

from chalicelib.errors import ValidationFailed
from chalicelib.observability import redact
from chalicelib.paging import decode_cursor, encode_cursor
from chalicelib.services import passwords, tokens
from chalicelib.timeutil import china_date, to_iso


@pytest.mark.parametrize("password", ["Demo@2026", "abcDEF123", "abc-def-123", "PASS word 99", "长城Aa1长城长城"])
def test_strong_passwords_pass(password):
    passwords.check_strength(password, "someone")


@pytest.mark.parametrize(
    "password, why",
    [
        ("Ab1@", "长度不能少于8位"),
        ("abcdefgh1", "至少三类"),
        ("ABCDEFGH", "至少三类"),
        ("xx-Admin-demo-1", "不能包含用户名"),
        ("A" * 100 + "a1@" + "b" * 30, "不能超过128位"),
    ],
)
def test_weak_passwords_are_refused_with_the_reason(password, why):
    with pytest.raises(ValidationFailed) as raised:
        passwords.check_strength(password, "admin-demo")
    assert why in raised.value.message and raised.value.code == "WEAK_PASSWORD"


def test_hash_verifies_only_its_password():
    hashed = passwords.hash_password("Demo@2026")
    assert hashed.startswith("$argon2id$")
    assert passwords.verify_password(hashed, "Demo@2026")
    assert not passwords.verify_password(hashed, "demo@2026")
    assert not passwords.verify_password("not-a-hash", "Demo@2026")


def test_tokens_round_trip_and_reject_tampering():
    secret = "s" * 40
    token, expires = tokens.issue_token(tokens.Claims("u1", "admin", "org-1", 3), secret, 60)
    assert tokens.read_token(token, secret) == tokens.Claims("u1", "admin", "org-1", 3)
    assert expires.endswith("Z")
    header, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=="))
    claims["role"] = "office"
    forged_payload = base64.urlsafe_b64encode(json.dumps(claims).encode()).decode().rstrip("=")
    assert tokens.read_token(f"{header}.{forged_payload}.{signature}", secret) is None
    assert tokens.read_token(token, "t" * 40) is None
    expired, _ = tokens.issue_token(tokens.Claims("u1", "admin", "org-1", 3), secret, -10)
    assert tokens.read_token(expired, secret) is None


def test_cursor_round_trip_and_partition_binding():
    key = {"org_id": {"S": "org-1"}, "username": {"S": "zhang"}}
    cursor = encode_cursor(key)
    assert decode_cursor(cursor, ("org_id", "username"), {"org_id": "org-1"}) == key
    with pytest.raises(ValidationFailed):
        decode_cursor(cursor, ("org_id", "username"), {"org_id": "org-2"})
    with pytest.raises(ValidationFailed):
        decode_cursor(cursor, ("org_id",), {})
    assert decode_cursor(None, ("org_id",), {}) is None
    assert encode_cursor(None) is None


def test_redaction_masks_id_numbers_and_drops_tokens():
    line = "id 32010219900307123X and 320102199003071234, phone 13912345678 Bearer eyJa.eyJb.sig"
    out = redact(line)
    assert "32010219900307123X" not in out and "320102********123X" in out
    assert "320102********1234" in out
    assert "13912345678" not in out and "139****5678" in out, "mobiles are masked as the console shows them"
    assert "eyJa.eyJb.sig" not in out


def test_log_records_made_during_a_request_carry_its_request_id(caplog):
    from chalicelib import context
    from chalicelib.observability import logger

    caplog.set_level("INFO", logger="cme-credits")
    token = context.request_id.set("request-1")
    try:
        logger.info("inside")
    finally:
        context.request_id.reset(token)
    logger.info("outside")
    logger.info("explicit", extra={"request_id": "request-2"})
    formatter = logger.registered_handler.formatter
    entries = [json.loads(formatter.format(record)) for record in caplog.records]
    assert [(e["message"], e.get("request_id")) for e in entries] == [
        ("inside", "request-1"),
        ("outside", None),
        ("explicit", "request-2"),
    ]


def test_times_are_utc_iso_and_china_dates_cross_midnight():
    from datetime import datetime

    late_utc = datetime(2026, 11, 25, 16, 30, tzinfo=UTC)  # 00:30 on the 26th in China
    assert to_iso(late_utc) == "2026-11-25T16:30:00.000Z"
    assert china_date(late_utc) == "2026-11-26"
    assert china_date(datetime(2026, 11, 25, 15, 59, tzinfo=UTC)) == "2026-11-25"
