"""The grant as a background job (issue #13, item 2): the request allocates the grant and answers 202 with the job;
the worker writes credit records, certificates and the ledger in chunks, then marks the session granted. A crash
mid-job, a retried delivery and a second request count nobody twice; revocation waits for the end."""

from __future__ import annotations

import pytest

from chalicelib.container import services
from chalicelib.models import AuditEvent, Certificate, CreditRecord, ExecutionReport, Job, Notification
from chalicelib.services import grants, ledger
from tests.api.jobs_helpers import grant, run_jobs, start
from tests.api.test_credits import REPORT, at, held  # noqa: F401 - the held fixture
from tests.api.test_jobs import second_office
from tests.api.test_person_credits import ledger_items, recount


@pytest.fixture
def submitted(api, held, clock):  # noqa: F811
    """The held session with its report and the admin's selection submitted: 张三 and 李四 (included)."""
    clock.now = at(10, 19)
    api.call("PUT", f"/sessions/{held['sid']}/report", REPORT, held["org"])
    api.post(f"/sessions/{held['sid']}/report/submit", token=held["org"])
    selection = api.get(f"/sessions/{held['sid']}/selection", held["admin"])[1]
    li = next(row["attendee_id"] for row in selection["items"] if row["name"] == "李四")
    included = {"attendee_id": li, "selected": True, "reason": "迟到一分钟"}
    change = {"version": selection["version"], "changes": [included]}
    status, saved = api.call("PUT", f"/sessions/{held['sid']}/selection/draft", change, held["admin"])
    assert status == 200, saved
    body = {"version": saved["version"]}
    assert api.post(f"/sessions/{held['sid']}/selection/submit", body, held["admin"])[0] == 200
    clock.now = at(15, 10)
    return held


def one_step(job_id: str) -> str:
    """One worker run with time for one step (then it saves and queues the job again)."""
    calls = iter((10_000.0,))
    return services().jobs.run(job_id, lambda: next(calls, 0.0))


def test_the_grant_runs_as_a_job_in_chunks_and_the_session_is_granted_at_its_end(api, submitted, monkeypatch):
    monkeypatch.setattr(grants, "GRANT_ROWS", 1)  # one attendance record a chunk: 3 chunks and the final step
    sid, office = submitted["sid"], submitted["office"]
    status, started = start(api, f"/sessions/{sid}/credits/grant", office)
    assert status == 202 and started["state"] == "queued" and len(started["job_id"]) == 32
    assert ExecutionReport.get(sid).grant_job == started["job_id"]

    assert one_step(started["job_id"]) == "requeued"
    status, job = api.get(f"/jobs/{started['job_id']}", office)
    assert status == 200 and (job["kind"], job["state"], job["done"], job["total"]) == ("grant", "running", 1, 4)
    assert api.get(f"/sessions/{sid}/report", office)[1]["status"] == "submitted", "granted only at the end"
    assert api.get(f"/sessions/{sid}/credits", submitted["org"])[1]["items"] == [], "nothing counts before"
    # While it runs: a second request answers the same job (another office user's too), revocation waits
    assert start(api, f"/sessions/{sid}/credits/grant", office)[1]["job_id"] == started["job_id"]
    colleague = second_office(api, office)
    assert start(api, f"/sessions/{sid}/credits/grant", colleague)[1]["job_id"] == started["job_id"]
    assert api.get(f"/jobs/{started['job_id']}", colleague)[0] == 200, "the grant is the office's work"
    assert api.get(f"/jobs/{started['job_id']}", submitted["admin"])[0] == 404
    (first,) = Certificate.session_index.query(sid)
    status, body = api.post(f"/certificates/{first.certificate_no}/revoke", {"reason": "信息有误"}, office)
    assert (status, body["error"]["code"]) == (409, "GRANT_IN_PROGRESS")
    status, body = api.post(f"/sessions/{sid}/selection/return", {"reason": "名单有误"}, office)
    assert (status, body["error"]["code"]) == (409, "GRANT_IN_PROGRESS")

    run_jobs()
    job = api.get(f"/jobs/{started['job_id']}", office)[1]
    assert (job["state"], job["done"], job["total"], job["url"], job["error"]) == ("succeeded", 4, 4, None, None)
    report = api.get(f"/sessions/{sid}/report", office)[1]
    assert report["status"] == "granted" and report["deadline"] is None
    credits = api.get(f"/sessions/{sid}/credits", submitted["org"])[1]
    assert sorted((c["kind"], c["name"], c["credits"]) for c in credits["items"]) == [
        ("attendee", "张三", 2),
        ("attendee", "李四", 2),
        ("lecturer", "王教授", 6),
    ]
    numbers = sorted(c.certificate_no for c in Certificate.session_index.query(sid))
    assert len(numbers) == 3 and len(set(numbers)) == 3
    base = int(numbers[0].rsplit("-", 1)[1])
    assert [int(n.rsplit("-", 1)[1]) for n in numbers] == [base, base + 1, base + 2], "consecutive across chunks"
    lecturer = next(c for c in Certificate.session_index.query(sid) if c.kind == "lecturer")
    assert lecturer.certificate_no == numbers[-1], "lecturers after the attendees, as before"
    assert ledger_items() == recount() and len(ledger_items()) == 2
    grants_audited = [e for e in AuditEvent.scan() if e.action == "credits.grant" and e.target.endswith(sid)]
    assert len(grants_audited) == 1 and grants_audited[0].actor == "office-demo", "one step, one event"
    notices = [n for n in Notification.scan() if n.title == "学分已授予"]
    assert notices and all("2名学员" in n.body for n in notices), "the chunks' people added up"
    # Granted: a new request answers the finished job; revocation works now
    assert start(api, f"/sessions/{sid}/credits/grant", office)[1]["job_id"] == started["job_id"]
    assert api.post(f"/certificates/{first.certificate_no}/revoke", {"reason": "信息有误"}, office)[0] == 200


def test_a_crash_mid_job_and_a_duplicate_delivery_count_nobody_twice(api, submitted, monkeypatch):
    monkeypatch.setattr(grants, "GRANT_ROWS", 1)
    sid, office = submitted["sid"], submitted["office"]
    real = ledger.record_session
    calls = {"n": 0}

    def crash_after_the_second_chunk_wrote(records, certificates):
        calls["n"] += 1
        counted = real(records, certificates)
        if calls["n"] == 2:
            raise ConnectionError("the function stopped after writing")  # before the job saved its progress
        return counted

    monkeypatch.setattr(ledger, "record_session", crash_after_the_second_chunk_wrote)
    status, started = start(api, f"/sessions/{sid}/credits/grant", office)
    services().jobs._enqueue(started["job_id"])  # noqa: SLF001 - SQS delivers a message twice
    run_jobs()
    assert calls["n"] == 4, "three chunks, the crashed one done again, none redone otherwise"
    job = api.get(f"/jobs/{started['job_id']}", office)[1]
    assert job["state"] == "succeeded"
    assert api.get(f"/sessions/{sid}/report", office)[1]["status"] == "granted"
    assert len(list(CreditRecord.query(sid))) == 3
    certificates = list(Certificate.session_index.query(sid))
    assert len(certificates) == 3 and len({c.certificate_no for c in certificates}) == 3
    items = ledger_items()
    assert items == recount() and len(items) == 2
    assert all(item["sessions"] == {sid} and item["national_class_i"] == 2 for item in items.values()), items


def test_a_failed_grant_job_is_resumed_by_the_next_request(api, submitted, monkeypatch):
    from chalicelib.services.certificates import CertificateService

    sid, office = submitted["sid"], submitted["office"]

    def down(self, *args, **kwargs):
        raise ConnectionError("DynamoDB away")

    with monkeypatch.context() as patched:
        patched.setattr(CertificateService, "issue", down)
        status, failed = grant(api, sid, office)
    assert status == 409 and failed["error"]["code"] == "JOB_FAILED"
    assert "授予学分" in failed["error"]["message"]
    grant_id = ExecutionReport.get(sid).grant_id
    status, report = grant(api, sid, office)
    assert status == 200 and report["status"] == "granted"
    assert ExecutionReport.get(sid).grant_id == grant_id, "the same grant, finished"
    assert ExecutionReport.get(sid).grant_job != failed["job"]["job_id"]
    assert {r.grant_id for r in CreditRecord.query(sid)} == {grant_id}


def test_a_retried_request_with_its_idempotency_key_answers_the_same_job(api, submitted):
    sid, office = submitted["sid"], submitted["office"]
    status, first = start(api, f"/sessions/{sid}/credits/grant", office, key="grant-click-1")
    assert status == 202
    assert Job.get(first["job_id"]).owner == "office-demo"
    assert start(api, f"/sessions/{sid}/credits/grant", office, key="grant-click-1")[1]["job_id"] == first["job_id"]
    assert run_jobs() == 1


def test_a_grant_larger_than_its_numbers_stops_rather_than_take_anothers(api, submitted, monkeypatch):
    sid, office = submitted["sid"], submitted["office"]
    status, started = start(api, f"/sessions/{sid}/credits/grant", office)
    job = Job.get(started["job_id"])
    job.update(actions=[Job.params.set({**job.params, "numbers": 1})])
    run_jobs()
    job = api.get(f"/jobs/{started['job_id']}", office)[1]
    assert job["state"] == "failed" and job["error"]["code"] == "GRANT_COUNT_CHANGED"
    assert list(Certificate.session_index.query(sid)) == []
