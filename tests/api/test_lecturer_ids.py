"""A lecturer's optional ID number on the execution report (issue #15 item 7): checked, stored masked, hashed and
sealed (never in clear, never answered), kept when the row comes back with its mask, and carried onto the lecturer's
certificate so 学员证书查询 finds it; the public answers show its last four only."""

from __future__ import annotations

import io
import json

from chalicelib.container import services
from chalicelib.models import CreditRecord, ExecutionReport
from chalicelib.services import identity
from tests.api.attendance_helpers import id_number
from tests.api.jobs_helpers import grant
from tests.api.test_credits import REPORT, at, held  # noqa: F401 - the held fixture
from tests.api.test_projects import fetch

LECTURER_ID = id_number("11010519491231002")
LECTURER = {"name": "王教授", "title": "主任医师", "unit": "省人民医院", "hours": 3}


def save(api, session, lecturers):
    return api.call("PUT", f"/sessions/{session['sid']}/report", {**REPORT, "lecturers": lecturers}, session["org"])


def test_the_number_is_checked_and_stored_only_masked_hashed_and_sealed(api, held, clock):  # noqa: F811
    clock.now = at(10, 19)
    bad = LECTURER_ID[:17] + ("0" if LECTURER_ID[17] != "0" else "1")
    status, body = save(api, held, [{**LECTURER, "id_number": bad}])
    assert status == 400 and (body["error"]["code"], body["error"]["field"]) == ("ID_CHECKSUM", "lecturers.0.id_number")

    status, body = save(api, held, [{**LECTURER, "id_number": LECTURER_ID.lower()}, {"name": "李主任", "hours": 3}])
    assert status == 200, body
    masked = LECTURER_ID[:6] + "********" + LECTURER_ID[-4:]
    assert [row["id_masked"] for row in body["lecturers"]] == [masked, None]
    assert LECTURER_ID not in json.dumps(body) and "person_key" not in json.dumps(body)
    stored = ExecutionReport.get(held["sid"]).lecturers[0]
    assert LECTURER_ID not in json.dumps(stored, ensure_ascii=False)
    assert stored["id_masked"] == masked and len(stored["person_key"]) == 64
    assert stored["id_encrypted"].startswith("v1.")

    # Sent back as read (the mask, no number): the number stays; under another name it must be typed again.
    status, body = save(api, held, [{**LECTURER, "id_masked": masked}])
    assert status == 200 and body["lecturers"][0]["id_masked"] == masked
    assert ExecutionReport.get(held["sid"]).lecturers[0]["person_key"] == stored["person_key"]
    status, body = save(api, held, [{**LECTURER, "name": "王主任", "id_masked": masked}])
    assert status == 400 and (body["error"]["code"], body["error"]["field"]) == (
        "LECTURER_ID_CHANGED",
        "lecturers.0.id_number",
    )
    status, body = save(api, held, [LECTURER])  # left out: no number any more
    assert status == 200 and body["lecturers"][0]["id_masked"] is None
    assert "person_key" not in ExecutionReport.get(held["sid"]).lecturers[0]


def test_the_public_query_finds_the_lecturers_certificate(api, held, clock):  # noqa: F811
    from pypdf import PdfReader

    clock.now = at(10, 19)
    assert save(api, held, [{**LECTURER, "id_number": LECTURER_ID}])[0] == 200
    api.post(f"/sessions/{held['sid']}/report/submit", token=held["org"])
    assert api.post(f"/sessions/{held['sid']}/selection/submit", {}, held["admin"])[0] == 200
    clock.now = at(15, 10)
    assert grant(api, held["sid"], held["office"])[0] == 200

    (record,) = [r for r in CreditRecord.query(held["sid"]) if r.kind == "lecturer"]
    assert record.person_key and record.id_encrypted and record.id_context.endswith(f"lecturer#{record.person_key}")
    keys = services().settings.id_encryption_keys
    assert identity.unseal(record.id_encrypted, keys, record.id_context) == LECTURER_ID
    body = {"project_number": "2026-14-02-049", "name": "王教授", "id_number": LECTURER_ID}
    status, found = api.post("/public/certificates/query", body)
    assert status == 200 and len(found["items"]) == 1, found
    (certificate,) = found["items"]
    public_mask = "*" * 14 + LECTURER_ID[-4:]
    assert certificate["kind"] == "lecturer" and certificate["name"] == "王*授"
    assert certificate["id_number"] == public_mask
    assert api.post("/public/certificates/query", {**body, "name": "王主任"})[1]["items"] == []

    status, link = api.get(f"/public/certificates/{certificate['verification_code']}/pdf")
    text = PdfReader(io.BytesIO(fetch(link["url"]))).pages[0].extract_text().replace("\n", "")
    assert status == 200 and "担任授课教师" in text and public_mask in text and LECTURER_ID[:6] not in text
    listed = api.get(f"/sessions/{held['sid']}/certificates", held["org"])[1]["items"]
    (in_console,) = [c for c in listed if c["kind"] == "lecturer"]
    assert in_console["id_number"] == LECTURER_ID[:6] + "********" + LECTURER_ID[-4:]
    # Lecturers' credits stay out of the person-year ledger (attendees' only), as before.
    status, _ = api.post("/public/person-credits", {"id_number": LECTURER_ID, "name": "王教授", "year": 2026})
    assert status == 404
