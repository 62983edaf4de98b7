"""个人信息 (issue #17 item 2): a person's copy of their data by full ID number (every record of the person across
sessions and PII keys, nobody else's; the ID number in no log, job or audit item) and the correction of an attendee's
name or unit (the certificate reissued, the old one revoked, the ledger and reports unchanged)."""

from __future__ import annotations

import io
import json
import threading

import pytest

from chalicelib.models import Attendance, AuditEvent, Certificate, CreditRecord, Job, PersonYear
from chalicelib.services import corrections, ledger
from tests.api.attendance_helpers import SESSION, approve, person, tokens_of
from tests.api.jobs_helpers import run_jobs
from tests.api.test_certificates import granted  # noqa: F401 - the granted fixture
from tests.api.test_credits import LI, ZHANG, at, held  # noqa: F401 - the held fixture
from tests.api.test_key_rotation import rotate  # noqa: F401 - the rotate fixture
from tests.api.test_projects import fetch
from tests.api.test_sessions import NATIONAL


@pytest.fixture(autouse=True)
def corrections_clock(clock, monkeypatch):
    monkeypatch.setattr(ledger, "utc_now", clock)
    monkeypatch.setattr(corrections, "utc_now", clock)
    return clock


def export(api, token, id_number=ZHANG, reference="SQ-2026-001"):
    """The export as the console runs it: started, the worker run, the job read; the workbook's sheets as rows."""
    status, started = api.post("/personal-data/export", {"id_number": id_number, "reference": reference}, token)
    if status != 202:
        return status, started
    run_jobs()
    status, job = api.get(f"/jobs/{started['job_id']}", token)
    assert status == 200 and job["state"] == "succeeded" and job["kind"] == "personal-data-export", job
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(fetch(job["url"])))
    sheets = {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)][1:] for sheet in book}
    return 200, {"job": job, "sheets": sheets}


def later_session(api, granted, clock):  # noqa: F811
    """A second session (another project, 2026-12-19) where 张三 signs in, is refused once, and 李四 signs in."""
    day = "2026-12-19"
    body = {**SESSION, "start_date": day, "end_date": day}
    body["schedule"] = [{**block, "date": day} for block in SESSION["schedule"]]
    clock.now = at(16, 9)
    project = api.post("/projects/national", {**NATIONAL, "number": "2026-14-02-051"}, granted["org"])[1]
    users = {who: granted[who] for who in ("org", "admin", "office")}
    session = approve(api, users, project["project_id"], body)
    clock.now = at(19, 8)
    tokens = tokens_of(api.get(f"/sessions/{session['sid']}/attendance/codes", users["org"])[1])
    for who, changes in ((ZHANG, {}), (LI, {"name": "李四", "mobile": "13800000001", "age": 41})):
        answer = api.post(
            f"/public/attendance/{session['sid']}/sign-in",
            {"t": tokens["in"], **person(id_number=who, **changes)},
        )
        assert answer[0] == 200, answer
    refused = {"t": "1.forged", **person(id_number=ZHANG)}
    assert api.post(f"/public/attendance/{session['sid']}/sign-in", refused)[0] >= 400
    return session


# --- the copy of a person's data ---------------------------------------------------------------------------------


def test_the_export_finds_every_record_of_the_person_under_every_key_and_nobody_else(
    api,
    granted,  # noqa: F811
    clock,
    rotate,  # noqa: F811
    caplog,
):
    k1_person = next(c.person_key for c in Certificate.scan() if c.name == "张三")
    rotate()  # session 1 was approved under k1; the second is under k2
    later = later_session(api, granted, clock)
    caplog.clear()
    caplog.set_level("DEBUG", logger="cme-credits")
    status, body = export(api, granted["office"])
    assert status == 200, body
    sheets = body["sheets"]
    attendance = sheets["签到记录"]
    assert len(attendance) == 2 and {row[4] for row in attendance} == {"张三"}, attendance
    assert {row[1] for row in attendance} == {NATIONAL["name"]}
    assert all(row[5].startswith("320102********") and row[8].startswith("139****") for row in attendance)
    assert any(row[19] for row in attendance), "the questionnaire answers kept"
    (credit,) = sheets["学分记录"]
    assert credit[6] == "张三" and credit[8] == 2
    (certificate,) = sheets["证书"]
    assert certificate[1] == "有效" and certificate[5] == "张三"
    (entry,) = sheets["年度学分"]
    assert entry[0] == "2026" and entry[5] == 2
    rejections = sheets["异常扫码"]
    assert len(rejections) == 1 and rejections[0][8].startswith("320102"), rejections
    assert all("李四" not in json.dumps(rows, ensure_ascii=False, default=str) for rows in sheets.values())
    cover = {row[0]: row[1] for row in sheets["说明"]}
    assert cover["申请编号"] == "SQ-2026-001" and cover["签到记录（条）"] == 2

    # the number itself is nowhere: not in the job, the audit log or the logs; the job keeps the mask and hashes
    job = Job.get(body["job"]["job_id"])
    kept = json.dumps(job.params, ensure_ascii=False)
    assert ZHANG not in kept and job.params["id_masked"] == "320102********" + ZHANG[-4:]
    assert k1_person in job.params["person_keys"] and len(job.params["person_keys"]) == 2
    events = [e for e in AuditEvent.scan() if e.action.startswith("personal_data.")]
    assert sorted(e.action for e in events) == ["personal_data.export", "personal_data.export_request"]
    assert all(ZHANG not in json.dumps(e.serialize(), ensure_ascii=False) for e in AuditEvent.scan())
    done = next(e for e in events if e.action == "personal_data.export")
    assert done.actor == "office-demo" and done.target_id == job.params["id_masked"]
    assert done.after["counts"] == {"签到记录": 2, "学分记录": 1, "证书": 1, "年度学分": 1, "异常扫码": 1}
    assert done.after["reference"] == "SQ-2026-001"
    assert ZHANG not in caplog.text and ZHANG[:-1] not in caplog.text
    assert later["sid"] in {r.session_id for r in Attendance.scan() if r.name == "张三"}


def test_only_the_office_exports_and_the_number_must_be_valid(api, granted):  # noqa: F811
    for who in ("org", "admin"):
        status, body = api.post("/personal-data/export", {"id_number": ZHANG, "reference": "SQ-1"}, granted[who])
        assert status == 403 and body["error"]["code"] == "FORBIDDEN", body
    bad = ZHANG[:-1] + ("0" if ZHANG[-1] != "0" else "1")
    status, body = api.post("/personal-data/export", {"id_number": bad, "reference": "SQ-1"}, granted["office"])
    assert status == 400 and body["error"]["code"] == "ID_CHECKSUM", body
    status, body = api.post("/personal-data/export", {"id_number": ZHANG}, granted["office"])
    assert status == 400, "the request reference is required"
    assert not [job for job in Job.scan() if job.kind == "personal-data-export"]


def test_a_person_without_records_gets_an_empty_copy_read_through_indexes_only(api, granted, monkeypatch):  # noqa: F811
    from botocore.client import BaseClient

    from tests.api.attendance_helpers import id_number

    calls: list[tuple[str, str]] = []
    make_api_call = BaseClient._make_api_call

    def recorded(self, operation, params):
        if self.meta.service_model.service_name == "dynamodb":
            calls.append((operation, params.get("IndexName") or params.get("TableName", "").rsplit("-", 1)[-1]))
        return make_api_call(self, operation, params)

    monkeypatch.setattr(BaseClient, "_make_api_call", recorded)
    status, body = export(api, granted["office"], id_number=id_number("11010519491231002"))
    assert status == 200 and all(rows == [] for title, rows in body["sheets"].items() if title != "说明")
    # moto's Query reads whole tables, so the cost is checked here: one Query per person index (one key in the ring)
    # and the ledger's partition, no Scan, nothing read by key when nothing was found
    assert not [call for call in calls if call[0] == "Scan"]
    assert sorted(index for operation, index in calls if operation == "Query") == ["person-index"] * 4 + ["years"]
    assert not [call for call in calls if call[0] == "BatchGetItem"]


# --- correction -------------------------------------------------------------------------------------------------


def totals() -> dict:
    return {
        (item.person_key, item.year): (
            float(item.national_class_i or 0),
            float(item.hours or 0),
            set(item.sessions or ()),
            len(item.entries or []),
        )
        for item in PersonYear.scan()
    }


def test_a_name_correction_reissues_the_certificate_and_keeps_credits_and_reports(api, granted):  # noqa: F811
    office = granted["office"]
    number = next(c["certificate_no"] for c in granted["certificates"].values() if c["name"] == "张*")
    status, found = api.get(f"/personal-data/certificates/{number}", office)
    assert status == 200 and found["name"] == "张三" and found["unit"] == "南京市第一医院" and found["days"] == 1
    before_totals, before_report = totals(), api.get("/reports/province", office, year=2026)[1]
    change = {"name": "张叁", "reference": "GZ-2026-7", "version": found["version"]}
    status, fixed = api.post(f"/personal-data/certificates/{number}/correct", change, office)
    assert status == 200, fixed
    assert fixed["certificate_no"] != number and fixed["status"] == "valid" and fixed["name"] == "张叁"
    assert fixed["unit"] == "南京市第一医院"

    old = api.get(f"/public/certificates/{found['verification_code']}")[1]
    assert old["status"] == "revoked" and old["revoked_reason"] == "信息更正"
    assert old["replaced_by"] == fixed["certificate_no"]
    new = api.get(f"/public/certificates/{fixed['verification_code']}")[1]
    assert new["status"] == "valid" and new["certificate_no"] == fixed["certificate_no"]
    assert Certificate.get(fixed["verification_code"]).name == "张叁"
    person_key = Certificate.get(fixed["verification_code"]).person_key
    (record,) = [r for r in CreditRecord.query(granted["sid"]) if r.person_key == person_key]
    assert record.name == "张叁"
    assert [a.name for a in Attendance.query(granted["sid"]) if a.person_key == record.person_key] == ["张叁"]

    after = totals()
    assert {k: v[:3] for k, v in after.items()} == {k: v[:3] for k, v in before_totals.items()}, "credits counted once"
    item = PersonYear.get(record.person_key, "2026")
    assert [e.certificate_no for e in item.entries] == [fixed["certificate_no"]] and "张叁" in item.names
    assert api.get("/reports/province", office, year=2026)[1] == before_report
    year = api.post("/person-credits", {"id_number": ZHANG, "name": "张叁", "year": 2026}, office)[1]
    assert year["total_credits"] == 2 and year["certificates"][0]["certificate_no"] == fixed["certificate_no"]
    query = {"project_number": NATIONAL["number"], "name": "张叁", "id_number": ZHANG}
    assert [c["certificate_no"] for c in api.post("/public/certificates/query", query)[1]["items"]] == [
        fixed["certificate_no"]
    ]

    (event,) = [e for e in AuditEvent.scan() if e.action == "personal_data.correct"]
    assert event.before == {"certificate_no": number, "name": "张三", "unit": "南京市第一医院"}
    assert event.after["name"] == "张叁" and event.after["certificate_no"] == fixed["certificate_no"]
    assert event.after["reference"] == "GZ-2026-7"
    status, body = api.post(f"/personal-data/certificates/{number}/correct", change, office)
    assert status == 409 and body["error"]["code"] == "CERTIFICATE_REPLACED", "the old one is corrected no more"


def test_a_unit_correction_changes_the_attendance_only(api, granted):  # noqa: F811
    office = granted["office"]
    number = next(c["certificate_no"] for c in granted["certificates"].values() if c["name"] == "李*")
    found = api.get(f"/personal-data/certificates/{number}", office)[1]
    change = {"unit": "南京市第二医院", "reference": "GZ-8"}
    status, fixed = api.post(f"/personal-data/certificates/{number}/correct", change, office)
    assert status == 200 and fixed["certificate_no"] == number and fixed["unit"] == "南京市第二医院", fixed
    assert fixed["version"] == found["version"] + 1
    assert {a.unit for a in Attendance.query(granted["sid"]) if a.name == "李四"} == {"南京市第二医院"}
    status, body = api.post(f"/personal-data/certificates/{number}/correct", change, office)
    assert status == 400 and body["error"]["code"] == "CORRECTION_UNCHANGED"
    stale = {"name": "李斯", "reference": "GZ-9", "version": found["version"]}
    status, body = api.post(f"/personal-data/certificates/{number}/correct", stale, office)
    assert status == 409 and body["error"]["code"] == "CORRECTION_STALE"


def test_only_the_office_corrects(api, granted):  # noqa: F811
    number = next(iter(granted["certificates"].values()))["certificate_no"]
    for who in ("org", "admin"):
        assert api.get(f"/personal-data/certificates/{number}", granted[who])[0] == 403
        change = {"name": "某某", "reference": "X-1"}
        assert api.post(f"/personal-data/certificates/{number}/correct", change, granted[who])[0] == 403
    assert api.get("/personal-data/certificates/JS2026-999999", granted["office"])[0] == 404


def test_concurrent_corrections_one_wins_the_other_is_a_409(api, granted, monkeypatch):  # noqa: F811
    from moto.core.botocore_stubber import BotocoreStubber

    from chalicelib.services.certificates import CertificateService

    dispatch, one_request = BotocoreStubber.__call__, threading.Lock()

    def atomic(self, *args, **kwargs):
        with one_request:
            return dispatch(self, *args, **kwargs)

    monkeypatch.setattr(BotocoreStubber, "__call__", atomic)
    allocate, barrier = CertificateService.allocate_numbers, threading.Barrier(2)

    def both_read_first(year: str, count: int) -> int:
        barrier.wait(timeout=10)  # both requests have read the certificate before either writes
        return allocate(year, count)

    monkeypatch.setattr(CertificateService, "allocate_numbers", staticmethod(both_read_first))
    from chalicelib.container import services
    from chalicelib.errors import AppError
    from chalicelib.principal import Principal

    # Two office users at once, straight at the service (the test client serves one request at a time).
    office = Principal("office-demo", "office", "org-office", None)
    number = next(c["certificate_no"] for c in granted["certificates"].values() if c["name"] == "张*")
    answers: list[tuple[int, dict]] = []

    def correct(name: str) -> None:
        try:
            services().corrections.correct(office, number, name, None, "R")
            answers.append((200, {}))
        except AppError as error:
            answers.append((error.status, {"error": {"code": error.code}}))

    threads = [threading.Thread(target=correct, args=(name,)) for name in ("张叁", "章三")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    statuses = sorted(status for status, _ in answers)
    assert statuses == [200, 409], answers
    assert next(body for status, body in answers if status == 409)["error"]["code"] in (
        "CONCURRENT_UPDATE",
        "CORRECTION_STALE",
    )
    valid = [c for c in Certificate.scan() if c.kind == "attendee" and c.status == "valid"]
    assert len(valid) == 2, "one reissue, not two"
    assert len([e for e in AuditEvent.scan() if e.action == "personal_data.correct"]) == 1
