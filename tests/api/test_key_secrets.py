"""The keys read at run time from Secrets Manager (issue #14) through the API: a key added to a ring is used for new
data once the functions' caches expire, with no restart or redeploy; warm requests read no secret; a key secret that
cannot be read answers 503 ``UPSTREAM_UNAVAILABLE``."""

from __future__ import annotations

import json
from typing import Any

import pytest
from aws_lambda_powertools.utilities.parameters import SecretsProvider

from chalicelib import secrets
from chalicelib.models import Attendance, Session
from tests.api.attendance_helpers import SESSION, approve, person
from tests.api.test_sessions import NATIONAL
from tests.conftest import KEYS
from tests.unit.test_secrets import Clock

K2_PII = "added-pii-key-" + "2" * 40
K2_ID = "added-id-key-" + "2" * 40


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    made: list[str] = []
    fetch = SecretsProvider._get

    def counted(provider: SecretsProvider, name: str, **options: Any) -> str | bytes:
        made.append(name.rsplit("/", 1)[-1])
        return fetch(provider, name, **options)

    monkeypatch.setattr(SecretsProvider, "_get", counted)
    return made


def _put(setting: str, value: str) -> None:
    """What an operator does (``aws secretsmanager put-secret-value``); the functions' caches are left alone."""
    import os

    import boto3

    boto3.client("secretsmanager").put_secret_value(SecretId=os.environ[setting], SecretString=value)


def test_a_key_added_to_the_ring_is_used_for_new_data_once_the_cache_expires(
    api: Any, roles: dict, national_project: str, clock: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = Clock(monkeypatch)
    first = approve(api, roles, national_project, SESSION)
    body = {"t": first["tokens"]["in"], **person()}
    assert api.post(f"/public/attendance/{first['sid']}/sign-in", body)[0] == 200

    for setting, added in (("PII_KEY_SECRET_ID", K2_PII), ("ID_ENCRYPTION_KEY_SECRET_ID", K2_ID)):
        _put(setting, json.dumps({"current": "k2", "keys": {"k1": KEYS[setting], "k2": added}}))
    cache.advance(secrets.MAX_AGE_SECONDS - 10)
    cached = approve(api, roles, national_project, {**SESSION, "seq": 2})
    assert Session.get(cached["sid"]).pii_kid == "k1", "within max_age the warm function keeps what it read"

    cache.advance(20)
    other = api.post("/projects/national", {**NATIONAL, "number": "2026-14-02-051"}, roles["org"])[1]["project_id"]
    later = approve(api, roles, other, SESSION)
    assert Session.get(later["sid"]).pii_kid == "k2", "after max_age: the new current key, no restart"
    assert api.post(f"/public/attendance/{later['sid']}/sign-in", {"t": later["tokens"]["in"], **person()})[0] == 200
    (record,) = Attendance.query(later["sid"])
    assert record.id_encrypted.startswith("v1.k2.")
    again = {"t": first["tokens"]["in"], **person()}
    assert api.post(f"/public/attendance/{first['sid']}/sign-in", again)[1]["status"] == "already", "k1 still finds"


def test_warm_requests_read_no_secret(api: Any, approved: dict, reads: list[str]) -> None:
    """Each secret is read once per container (here one process runs every function; the recorder of the IAM
    checks keys the cache per function): a sign-in reads the PII and ID keys once, then nothing."""
    sid, token = approved["sid"], approved["tokens"]["in"]
    secrets.reset()  # a cold container
    reads.clear()
    assert api.post(f"/public/attendance/{sid}/sign-in", {"t": token, **person()})[0] == 200
    cold = sorted(reads)
    assert cold == ["id-encryption-key", "pii-key"], cold
    other = person(id_number="320102198511114310", name="李四", mobile="13800000001")
    for _ in range(3):
        api.post(f"/public/attendance/{sid}/sign-in", {"t": token, **other})
    api.get("/auth/me", approved["org"])
    assert sorted(reads) == sorted([*cold, "jwt-signing-key"]), "warm: only the JWT key, first used here"


def test_a_key_secret_that_cannot_be_read_answers_503(api: Any, approved: dict) -> None:
    import os

    import boto3

    boto3.client("secretsmanager").delete_secret(
        SecretId=os.environ["PII_KEY_SECRET_ID"], ForceDeleteWithoutRecovery=True
    )
    secrets.reset()
    body = {"t": approved["tokens"]["in"], **person()}
    status, answer = api.post(f"/public/attendance/{approved['sid']}/sign-in", body)
    assert (status, answer["error"]["code"]) == (503, "UPSTREAM_UNAVAILABLE"), answer
