"""A key rotation end to end: data written under k1, the rings switched to k1+k2 (current k2), as an operator does
it (docs/deploy.md: put the new ring into the secrets; the functions read it within their cache's max age, without
a restart): people recorded under k1 are still found, their encrypted copies still open, new writes use k2."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest

from chalicelib.container import services
from chalicelib.models import Attendance, Certificate, CreditRecord, Session
from chalicelib.services import identity
from tests.api.attendance_helpers import ANSWERS, CN, SESSION, approve, id_number, person
from tests.api.test_certificates import granted, query  # noqa: F401 - the granted fixture
from tests.api.test_credits import LI, ZHANG, held  # noqa: F401 - the held fixture
from tests.conftest import put_key, read_key

K2_PII = "rotated-pii-key-" + "2" * 40
K2_ID = "rotated-id-key-" + "2" * 40


@pytest.fixture
def rotate() -> Callable[[], None]:
    """Switch both secrets from the plain key (k1) to a ring with k2 current, as an operator does
    (``put-secret-value``), and let the functions' caches expire: no redeploy, no restart."""

    def switch() -> None:
        for setting, new in (("PII_KEY_SECRET_ID", K2_PII), ("ID_ENCRYPTION_KEY_SECRET_ID", K2_ID)):
            put_key(setting, json.dumps({"current": "k2", "keys": {"k1": read_key(setting), "k2": new}}))
        assert services().settings.pii_keys.current == "k2"

    return switch


def _opens(record: Attendance | CreditRecord, context: str) -> str:
    return identity.unseal(record.id_encrypted, services().settings.id_encryption_keys, context)


def test_sign_in_and_out_across_a_rotation_meet_the_same_record(
    api: Any, approved: dict, clock: Any, rotate: Callable[[], None]
) -> None:
    sid, tokens = approved["sid"], approved["tokens"]
    status, first = api.post(f"/public/attendance/{sid}/sign-in", {"t": tokens["in"], **person()})
    assert status == 200 and first["status"] == "signed_in"
    (before,) = Attendance.query(sid)
    assert before.id_encrypted.startswith("v1.k1."), "a plain key is key id k1"

    rotate()
    status, again = api.post(f"/public/attendance/{sid}/sign-in", {"t": tokens["in"], **person()})
    assert status == 200 and (again["status"], again["signed_in_at"]) == ("already", first["signed_in_at"])
    other = id_number("32010219851111431")
    body = {"t": tokens["in"], **person(id_number=other, name="李四", mobile="13800000001", age=41)}
    assert api.post(f"/public/attendance/{sid}/sign-in", body)[1]["status"] == "signed_in"
    records = {r.name: r for r in Attendance.query(sid)}
    assert sorted(records) == ["张三", "李四"], "one record each: the session keeps the key it was approved under"
    assert records["李四"].id_encrypted.startswith("v1.k2."), "new copies are sealed with the current key"
    for record in records.values():
        assert _opens(record, identity.record_context(sid, record.attendee_key)) in (id_number(), other)

    clock.now = datetime(2026, 12, 10, 16, 10, tzinfo=CN)
    lookup = f"/public/attendance/{sid}/sign-out/lookup"
    status, check = api.post(lookup, {"t": tokens["out"], "id_number": id_number()})
    assert status == 200 and check["name"] == "张*", "found by full ID under the session's key"
    assert api.post(lookup, {"t": tokens["out"], "mobile": "13912345678"})[0] == 200, "and by mobile"
    body = {"t": tokens["out"], "id_number": id_number(), "answers": ANSWERS}
    assert api.post(f"/public/attendance/{sid}/sign-out", body)[1]["status"] == "signed_out"

    clock.now = datetime(2026, 12, 10, 8, 0, tzinfo=CN)
    roles = {who: approved[who] for who in ("org", "admin", "office")}
    later = approve(api, roles, approved["pid"], {**SESSION, "seq": 2})
    assert Session.get(later["sid"]).pii_kid == "k2"
    assert api.post(f"/public/attendance/{later['sid']}/sign-in", {"t": later["tokens"]["in"], **person()})[0] == 200
    (new,) = Attendance.query(later["sid"])
    k2 = services().settings.pii_keys.key("k2")
    assert new.person_key == identity.lookup_hash(id_number(), k2) != before.person_key
    assert new.session_mobile.endswith(identity.lookup_hash("13912345678", k2))
    assert new.id_encrypted.startswith("v1.k2.")


def test_certificates_granted_under_k1_are_found_after_the_rotation(
    api: Any,
    granted: dict,  # noqa: F811
    rotate: Callable[[], None],
) -> None:
    (zhang,) = [c for c in Certificate.scan() if c.name == "张三"]
    k1_hash = zhang.person_key
    rotate()
    assert k1_hash != identity.lookup_hash(ZHANG, services().settings.pii_keys.current_key)
    status, body = query(api)
    assert status == 200 and [c["name"] for c in body["items"]] == ["张*"], "found by the full ID under k1"
    assert query(api, id_number=LI)[1]["items"] == []
    (record,) = [r for r in CreditRecord.query(granted["sid"]) if r.name == "张三"]
    assert _opens(record, record.id_context) == ZHANG, "credit copies made under k1 still open"
