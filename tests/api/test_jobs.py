"""Background jobs (issue #13, item 2): exports run in chunks by the worker, resume after a failure without redoing a
finished chunk, queue themselves again when a run's time is nearly up, and are read only by their owner."""

from __future__ import annotations

import io
import os
import zipfile

import pytest
from openpyxl import load_workbook

from chalicelib.errors import Conflict
from chalicelib.models import Job
from chalicelib.services import exports
from tests.api.attendance_helpers import id_number, person
from tests.api.jobs_helpers import export, one_step_per_run, run_jobs, start
from tests.api.test_certificates import granted  # noqa: F401 - the granted fixture
from tests.api.test_credits import held  # noqa: F401 - the held fixture
from tests.api.test_projects import fetch


def sign_in_many(api, approved, count: int) -> list[str]:
    names = []
    for number in range(count):
        name = f"学员{'甲乙丙丁戊己庚辛壬癸'[number]}"
        body = person(
            id_number=id_number(f"32010219850101{number:02d}1"),
            age=41,
            mobile=f"139000000{number:02d}",
            client_id=f"phone-{number}",
            name=name,
        )
        status, answer = api.post(
            f"/public/attendance/{approved['sid']}/sign-in", {"t": approved["tokens"]["in"], **body}
        )
        assert status == 200, answer
        names.append(name)
    return names


def rows_of(link: dict) -> list[tuple]:
    return list(load_workbook(io.BytesIO(fetch(link["url"]))).active.iter_rows(values_only=True))


def test_an_export_starts_as_a_job_and_its_link_downloads_the_workbook(api, approved, monkeypatch):
    monkeypatch.setattr(exports, "ATTENDANCE_ROWS", 2)
    names = sign_in_many(api, approved, 5)
    path = f"/sessions/{approved['sid']}/attendance/export"
    status, started = start(api, path, approved["admin"])
    assert status == 202 and started["state"] == "queued"
    status, job = api.get(f"/jobs/{started['job_id']}", approved["admin"])
    assert status == 200 and (job["state"], job["done"], job["total"], job["url"]) == ("queued", 0, None, None)
    assert job["kind"] == "attendance-export" and job["created_at"].endswith("Z")

    run_jobs()
    status, job = api.get(f"/jobs/{started['job_id']}", approved["admin"])
    assert job["state"] == "succeeded" and (job["done"], job["total"]) == (4, 4), "3 chunks of 2 and the file"
    assert job["filename"].startswith("签到名单-") and job["filename"].endswith(".xlsx") and job["error"] is None
    rows = rows_of(job)
    assert rows[0][:3] == ("序号", "姓名", "身份证号")
    # one clock minute for all: the order of equal sign-in times is the records' key order
    assert sorted(row[1] for row in rows[1:]) == sorted(names) and [row[0] for row in rows[1:]] == [1, 2, 3, 4, 5]
    assert all(row[2].count("*") >= 8 for row in rows[1:]), "ID numbers masked"


def test_a_failed_chunk_is_resumed_without_redoing_or_repeating_a_finished_one(api, approved, monkeypatch):
    monkeypatch.setattr(exports, "ATTENDANCE_ROWS", 2)
    names = sign_in_many(api, approved, 5)
    chunk = exports.AttendanceExport.chunk
    calls: list[object] = []

    def flaky(self, principal, params, cursor):
        calls.append(cursor)
        if len(calls) == 2:
            raise ConnectionError("S3 went away")  # an unexpected failure: SQS delivers the message again
        return chunk(self, principal, params, cursor)

    monkeypatch.setattr(exports.AttendanceExport, "chunk", flaky)
    status, link = export(api, f"/sessions/{approved['sid']}/attendance/export", approved["admin"])
    assert status == 200, link
    assert calls[0] is None and calls[1] == calls[2], "the failed chunk is tried again from its own cursor"
    assert len(calls) == 4, "the first chunk is not redone"
    assert sorted(row[1] for row in rows_of(link)[1:]) == sorted(names), "every attendee once"
    assert Job.get(link["job"]["job_id"]).attempts == 0


def test_a_chunk_that_meets_contention_is_tried_again_not_failed(api, approved, monkeypatch):
    monkeypatch.setattr(exports, "ATTENDANCE_ROWS", 2)
    names = sign_in_many(api, approved, 3)
    chunk = exports.AttendanceExport.chunk
    calls: list[object] = []

    def raced(self, principal, params, cursor):
        calls.append(cursor)
        if len(calls) == 1:
            raise Conflict("CONCURRENT_UPDATE", "数据已被他人修改")  # a concurrent writer won this time
        return chunk(self, principal, params, cursor)

    monkeypatch.setattr(exports.AttendanceExport, "chunk", raced)
    status, link = export(api, f"/sessions/{approved['sid']}/attendance/export", approved["admin"])
    assert status == 200, link
    assert calls[0] is None and calls[1] is None, "the same chunk again, from its own cursor"
    assert sorted(row[1] for row in rows_of(link)[1:]) == sorted(names)


def test_a_chunk_failing_every_time_fails_the_job_with_a_chinese_message(api, approved, monkeypatch):
    def broken(self, principal, params, cursor):
        raise ConnectionError("down")

    monkeypatch.setattr(exports.AttendanceExport, "chunk", broken)
    status, failed = export(api, f"/sessions/{approved['sid']}/attendance/export", approved["admin"])
    assert status == 409 and failed["error"] == {"code": "JOB_FAILED", "message": "任务执行失败，请重新导出"}
    assert failed["job"]["state"] == "failed" and failed["job"]["url"] is None


def test_a_run_near_its_time_limit_saves_and_queues_the_job_again(api, approved, monkeypatch):
    monkeypatch.setattr(exports, "ATTENDANCE_ROWS", 2)
    names = sign_in_many(api, approved, 3)
    one_step_per_run(monkeypatch)
    status, started = start(api, f"/sessions/{approved['sid']}/attendance/export", approved["admin"])
    assert run_jobs() == 3, "one run per step: two chunks and the file"
    job = api.get(f"/jobs/{started['job_id']}", approved["admin"])[1]
    assert job["state"] == "succeeded" and job["done"] == 3
    assert sorted(row[1] for row in rows_of(job)[1:]) == sorted(names)


def test_a_message_delivered_twice_does_nothing_more(api, approved):
    sign_in_many(api, approved, 1)
    status, link = export(api, f"/sessions/{approved['sid']}/attendance/export", approved["admin"])
    before = Job.get(link["job"]["job_id"])
    from chalicelib.container import services

    assert services().jobs.run(before.job_id, lambda: 1000.0) == "gone"
    assert Job.get(before.job_id).version == before.version


def test_only_the_owner_reads_a_job_and_other_callers_get_404(api, approved):
    sign_in_many(api, approved, 1)
    status, started = start(api, f"/sessions/{approved['sid']}/attendance/export", approved["org"])
    assert status == 202
    run_jobs()
    path = f"/jobs/{started['job_id']}"
    assert api.get(path, approved["org"])[1]["state"] == "succeeded"
    for token in (approved["admin"], approved["office"], api.login("society-admin-demo")):
        status, body = api.get(path, token)
        assert status == 404 and body["error"]["code"] == "JOB_NOT_FOUND", body
    assert api.get("/jobs/" + "0" * 32, approved["org"])[0] == 404
    assert api.get("/jobs/not-a-job", approved["org"])[0] == 404
    # another organisation's admin cannot start the export either: the synchronous route's 404
    assert start(api, f"/sessions/{approved['sid']}/attendance/export", api.login("society-admin-demo"))[0] == 404


def second_office(api, office) -> str:
    """Another office user's token."""
    body = {
        "username": "office-second",
        "display_name": "第二位",
        "role": "office",
        "org_id": api.get("/auth/me", office)[1]["org_id"],
        "password": "Second@2026x",
    }
    status, created = api.post("/accounts", body, office)
    assert status == 201, created
    second = api.login("office-second", "Second@2026x")
    api.post("/auth/password", {"current_password": "Second@2026x", "new_password": "Third@2026xy"}, second)
    return api.login("office-second", "Third@2026xy")


def test_an_office_users_export_is_theirs_alone(api, approved):
    second = second_office(api, approved["office"])
    status, started = start(api, "/reports/province/export", approved["office"], year=2026)
    assert status == 202
    assert api.get(f"/jobs/{started['job_id']}", approved["office"])[0] == 200
    assert api.get(f"/jobs/{started['job_id']}", second)[0] == 404, "its file is the creator's"
    assert api.get(f"/jobs/{started['job_id']}", approved["admin"])[0] == 404


def test_the_same_idempotency_key_from_the_same_user_answers_the_same_job(api, approved):
    sign_in_many(api, approved, 1)
    path = f"/sessions/{approved['sid']}/attendance/export"
    status, first = start(api, path, approved["admin"], key="click-1")
    assert status == 202
    status, again = start(api, path, approved["admin"], key="click-1")
    assert status == 202 and again["job_id"] == first["job_id"], "a retried request: the same job"
    assert start(api, path, approved["admin"], key="click-2")[1]["job_id"] != first["job_id"], "a new click"
    assert start(api, path, approved["org"], key="click-1")[1]["job_id"] != first["job_id"], "another user's key"
    assert run_jobs() == 3, "three jobs, not four"
    status, again = start(api, path, approved["admin"], key="click-1")
    assert again["job_id"] == first["job_id"] and again["state"] == "succeeded"
    status, body = start(api, "/reports/province/export", approved["admin"], key="click-1", year=2026)
    assert (status, body["error"]["code"]) == (409, "IDEMPOTENCY_KEY_REUSED")
    status, body = start(api, path, approved["admin"], key="含中文")
    assert (status, body["error"]["code"]) == (400, "INVALID_IDEMPOTENCY_KEY")
    job = Job.get(first["job_id"])  # a day later the key is free again
    from datetime import timedelta

    job.update(actions=[Job.expires_at.set(job.expires_at - timedelta(days=2))])
    status, fresh = start(api, path, approved["admin"], key="click-1")
    assert status == 202 and fresh["job_id"] == first["job_id"] and fresh["state"] == "queued"


class Killed(BaseException):
    """A run stopped from outside (Lambda's timeout, out of memory): no handler of the worker runs."""


def test_runs_killed_on_the_same_chunk_fail_the_job_after_three(api, approved, monkeypatch):
    from chalicelib.container import services

    sign_in_many(api, approved, 1)

    def killed(self, principal, params, cursor):
        raise Killed

    monkeypatch.setattr(exports.AttendanceExport, "chunk", killed)
    status, started = start(api, f"/sessions/{approved['sid']}/attendance/export", approved["admin"])
    for attempt in (1, 2, 3):
        with pytest.raises(Killed):
            services().jobs.run(started["job_id"], lambda: 1000.0, receives=attempt)
        assert Job.get(started["job_id"]).state == "running"
    assert services().jobs.run(started["job_id"], lambda: 1000.0, receives=4) == "requeued", "the last receive"
    assert services().jobs.run(started["job_id"], lambda: 1000.0, receives=1) == "failed"
    job = api.get(f"/jobs/{started['job_id']}", approved["admin"])[1]
    assert job["state"] == "failed" and job["error"] == {"code": "JOB_FAILED", "message": "任务执行失败，请重新导出"}


def test_a_job_that_progresses_between_crashes_outlives_its_messages_receive_count(api, approved, monkeypatch):
    from chalicelib.container import services

    monkeypatch.setattr(exports, "ATTENDANCE_ROWS", 1)
    sign_in_many(api, approved, 3)
    chunk = exports.AttendanceExport.chunk
    calls = {"n": 0}

    def every_other(self, principal, params, cursor):
        calls["n"] += 1
        if calls["n"] % 2 == 0:
            raise Killed
        return chunk(self, principal, params, cursor)

    monkeypatch.setattr(exports.AttendanceExport, "chunk", every_other)
    status, started = start(api, f"/sessions/{approved['sid']}/attendance/export", approved["admin"])
    outcomes = []
    for receives in range(1, 10):
        try:
            outcomes.append(services().jobs.run(started["job_id"], lambda: 1000.0, receives=min(receives, 4)))
        except Killed:
            outcomes.append("killed")
        if outcomes[-1] in ("done", "failed"):
            break
    assert outcomes[-1] == "done", outcomes
    assert Job.get(started["job_id"]).state == "succeeded"


def test_only_the_parts_a_saved_run_recorded_are_read(api, approved, monkeypatch):
    """A duplicate delivery racing the run that wins: the loser's part is stored under its own run token and never
    read; the file is made from the winner's recorded parts."""
    import boto3

    from chalicelib.container import services

    names = sign_in_many(api, approved, 2)
    chunk = exports.AttendanceExport.chunk
    outcomes: list[str] = []
    raced_once = []

    def raced(self, principal, params, cursor):
        if not raced_once:
            raced_once.append(True)
            outcomes.append(services().jobs.run(started["job_id"], lambda: 1000.0))  # the duplicate, start to end
            return exports.Chunk(b'[{"bogus": true}]', None)  # what the slower run collected
        return chunk(self, principal, params, cursor)

    monkeypatch.setattr(exports.AttendanceExport, "chunk", raced)
    status, started = start(api, f"/sessions/{approved['sid']}/attendance/export", approved["admin"])
    assert services().jobs.run(started["job_id"], lambda: 1000.0) == "superseded"
    assert outcomes == ["done"]
    job = Job.get(started["job_id"])
    listing = boto3.client("s3").list_objects_v2(
        Bucket=os.environ["BUCKET_NAME"], Prefix=f"exports/{job.job_id}/parts/"
    )
    keys = sorted(item["Key"] for item in listing["Contents"])
    assert len(keys) == 2 and all(key.split("/")[-1].startswith("00000-") for key in keys), keys
    assert job.parts and len(job.parts) == 1 and keys.count(f"exports/{job.job_id}/parts/00000-{job.parts[0]}") == 1
    link = api.get(f"/jobs/{job.job_id}", approved["admin"])[1]
    assert sorted(row[1] for row in rows_of(link)[1:]) == sorted(names)


def test_an_expired_job_is_gone(api, approved):
    from datetime import timedelta

    sign_in_many(api, approved, 1)
    status, link = export(api, f"/sessions/{approved['sid']}/attendance/export", approved["admin"])
    job = Job.get(link["job"]["job_id"])
    job.update(actions=[Job.expires_at.set(job.expires_at - timedelta(days=2))])
    assert api.get(f"/jobs/{job.job_id}", approved["admin"])[0] == 404


def test_a_large_session_prints_its_certificates_in_parts_of_one_zip(api, granted, monkeypatch):  # noqa: F811
    from pypdf import PdfReader

    monkeypatch.setattr(exports, "CERTIFICATE_PAGES", 2)
    status, link = export(api, f"/sessions/{granted['sid']}/certificates/pdf", granted["admin"])
    assert status == 200 and link["filename"].endswith("期.zip"), link
    assert (link["job"]["done"], link["job"]["total"]) == (3, 3), "two chunks of two certificates and the file"
    bundle = zipfile.ZipFile(io.BytesIO(fetch(link["url"])))
    names = bundle.namelist()
    assert [name.rsplit("-", 1)[1] for name in names] == ["01.pdf", "02.pdf"]
    pages = [len(PdfReader(io.BytesIO(bundle.read(name))).pages) for name in names]
    assert pages == [2, 1], "three certificates, each printed once"


def test_a_certificate_pdf_without_valid_certificates_fails_with_the_routes_message(api, granted):  # noqa: F811
    for certificate in granted["all"]:
        assert (
            api.post(f"/certificates/{certificate['certificate_no']}/revoke", {"reason": "测试"}, granted["office"])[0]
            == 200
        )
    status, failed = export(api, f"/sessions/{granted['sid']}/certificates/pdf", granted["admin"])
    assert status == 409 and failed["error"] == {"code": "NOT_FOUND", "message": "本期没有有效的证书"}


@pytest.mark.parametrize("fail", [True, False])
def test_a_job_whose_message_cannot_be_sent_is_not_left_queued(api, approved, monkeypatch, fail):
    from chalicelib.services import jobs

    if fail:

        class Refusing:
            def send_message(self, **kwargs):
                raise ConnectionError("SQS away")

        monkeypatch.setattr(jobs, "_sqs", lambda: Refusing())
    status, body = start(api, f"/sessions/{approved['sid']}/attendance/export", approved["admin"])
    if not fail:
        assert status == 202
        return
    assert status == 500 or status == 503, body
    (job,) = list(Job.scan())
    assert (job.state, job.error_code) == ("failed", "JOB_NOT_QUEUED")
