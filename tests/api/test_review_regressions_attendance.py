"""Defects a second engineer found in attendance, credits and certificates; one test each."""

from __future__ import annotations

from collections import Counter

import pytest

from chalicelib.models import Certificate, ExecutionReport
from chalicelib.services.certificates import CertificateService
from chalicelib.services.execution_reports import ExecutionReports
from tests.api.attendance_helpers import ANSWERS, SESSION, approve, id_number, person
from tests.api.jobs_helpers import grant
from tests.api.test_certificates import granted  # noqa: F401 - fixture
from tests.api.test_credits import LI, REPORT, ZHANG, at, attend, held  # noqa: F401 - fixture


@pytest.mark.parametrize("token", ["²", "{slot}.中文中文中文中文中文中文中文中文", "{slot}.²²²²²²²²²²²²²²²²"])
def test_malformed_tokens_are_refused_not_500(api, approved, token):
    slot = approved["tokens"]["in"].split(".")[0]
    status, page = api.get(f"/public/attendance/{approved['sid']}/in", t=token.format(slot=slot))
    assert status == 200 and page["state"] == "invalid"
    status, body = api.post(f"/public/attendance/{approved['sid']}/sign-in", {**person(), "t": token.format(slot=slot)})
    assert status == 403 and body["error"]["code"] == "CODE_INVALID"


def test_a_repeated_sign_in_does_not_reveal_the_name(api, approved):
    token = approved["tokens"]["in"]
    api.post(f"/public/attendance/{approved['sid']}/sign-in", {**person(name="王小明"), "t": token})
    again = {**person(name="王小明", mobile="13800000000"), "t": token}
    status, body = api.post(f"/public/attendance/{approved['sid']}/sign-in", again)
    assert status == 200 and body["status"] == "already" and body["name"] == "王*明", "this phone's retry"
    probe = {**person(name="某", mobile="13800000000", client_id="attacker"), "t": token}
    status, body = api.post(f"/public/attendance/{approved['sid']}/sign-in", probe)
    assert (status, body) == (200, {"status": "elsewhere", "signed_in_at": None, "name": None}), "no name"


def test_full_width_digits_are_the_same_id(api, approved):
    token = approved["tokens"]["in"]
    assert api.post(f"/public/attendance/{approved['sid']}/sign-in", {**person(), "t": token})[0] == 200
    full_width = id_number().translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    status, body = api.post(
        f"/public/attendance/{approved['sid']}/sign-in", {**person(id_number=full_width), "t": token}
    )
    assert status == 200 and body["status"] == "already"
    assert api.get(f"/sessions/{approved['sid']}/attendance", approved["org"])[1]["signed_in"] == 1


def test_unhashable_answers_give_400(api, approved, clock):
    sid = approved["sid"]
    api.post(f"/public/attendance/{sid}/sign-in", {**person(), "t": approved["tokens"]["in"]})
    clock.now = at(10, 16, 30)
    body = {
        "t": approved["tokens"]["out"],
        "id_number": id_number(),
        "answers": {**ANSWERS, "q7": [["开阔思路"], ["x"]]},
    }
    status, answer = api.post(f"/public/attendance/{sid}/sign-out", body)
    assert status == 400 and answer["error"]["field"] == "answers.q7"


def test_the_grant_is_the_list_the_admin_submitted(api, roles, national_project, clock):
    session = approve(api, roles, national_project, {**SESSION, "required_hours": 6})
    sid = session["sid"]
    attend(api, clock, session, ZHANG, at(10, 8), None)
    clock.now = at(10, 16, 31)  # teaching over, sign-out still open until 18:30
    api.call("PUT", f"/sessions/{sid}/report", REPORT, session["org"])
    api.post(f"/sessions/{sid}/report/submit", token=session["org"])
    status, submitted = api.post(f"/sessions/{sid}/selection/submit", {}, session["admin"])
    assert status == 200 and submitted["selected_count"] == 0
    clock.now = at(10, 16, 40)
    body = {"t": session["tokens"]["out"], "id_number": ZHANG, "answers": ANSWERS}
    assert api.post(f"/public/attendance/{sid}/sign-out", body)[0] == 200, "张三 signs out after the submission"
    assert grant(api, sid, session["office"])[0] == 200
    credits = api.get(f"/sessions/{sid}/credits", session["org"])[1]["items"]
    assert [c for c in credits if c["kind"] == "attendee"] == []


def test_a_retried_grant_keeps_its_certificate_numbers(api, roles, national_project, clock, monkeypatch):
    first = approve(api, roles, national_project, {**SESSION, "required_hours": 6})
    second = approve(api, roles, national_project, {**SESSION, "seq": 2, "required_hours": 6})
    for session in (first, second):
        attend(api, clock, session, ZHANG, at(10, 8), at(10, 16, 30))
    attend(api, clock, first, LI, at(10, 8), None, name="李四", mobile="13800000001", age=41)
    clock.now = at(10, 16, 35)
    for session in (first, second):
        api.call("PUT", f"/sessions/{session['sid']}/report", REPORT, session["org"])
        api.post(f"/sessions/{session['sid']}/report/submit", token=session["org"])
        assert api.post(f"/sessions/{session['sid']}/selection/submit", {}, session["admin"])[0] == 200
    real = CertificateService.issue

    def interrupted(self, *args, **kwargs):
        raise RuntimeError("Lambda timed out")

    monkeypatch.setattr(CertificateService, "issue", interrupted)
    status, failed = grant(api, first["sid"], first["office"])
    assert (status, failed["error"]["code"]) == (409, "JOB_FAILED"), "every run of the job stopped"
    monkeypatch.setattr(CertificateService, "issue", real)
    clock.now = at(10, 16, 40)
    body = {"t": first["tokens"]["out"], "id_number": LI, "answers": ANSWERS}
    assert api.post(f"/public/attendance/{first['sid']}/sign-out", body)[0] == 200
    assert grant(api, first["sid"], first["office"])[0] == 200
    assert grant(api, second["sid"], second["office"])[0] == 200
    numbers = Counter(c.certificate_no for c in Certificate.scan())
    assert sum(numbers.values()) == 4 and max(numbers.values()) == 1, "one attendee and one lecturer each"


def test_a_second_office_granting_at_once_gets_409(api, held, clock, monkeypatch):  # noqa: F811
    sid = held["sid"]
    clock.now = at(10, 19)
    api.call("PUT", f"/sessions/{sid}/report", REPORT, held["org"])
    api.post(f"/sessions/{sid}/report/submit", token=held["org"])
    assert api.post(f"/sessions/{sid}/selection/submit", {}, held["admin"])[0] == 200
    stale = ExecutionReport.get(sid)  # what the second office's request read
    status, started = api.post(f"/sessions/{sid}/credits/grant", token=held["office"])  # saves its grant id and job
    assert status == 202 and started["state"] == "queued"
    monkeypatch.setattr(ExecutionReports, "_report", staticmethod(lambda session: stale))
    status, body = api.post(f"/sessions/{sid}/credits/grant", token=held["office"])
    assert status == 409 and body["error"]["code"] == "CONCURRENT_UPDATE"


def test_simultaneous_verifications_both_count(api, granted, monkeypatch):  # noqa: F811
    code = granted["certificates"]["张*"]["verification_code"]
    stale = Certificate.get(code)  # what a second Lambda read a moment ago
    before = api.get(f"/public/certificates/{code}")[1]["verifications"]
    monkeypatch.setattr(Certificate, "get", classmethod(lambda cls, *args, **kwargs: stale))
    assert api.get(f"/public/certificates/{code}")[0] == 200
    monkeypatch.undo()
    assert api.get(f"/public/certificates/{code}")[1]["verifications"] == before + 2


def test_an_extension_cannot_shorten_the_deadline(api, held, clock):  # noqa: F811
    clock.now = at(12, 9)
    status, body = api.post(
        f"/sessions/{held['sid']}/deadline-extension", {"until": "2026-12-20", "reason": "缩短"}, held["office"]
    )
    assert status == 400 and body["error"]["code"] == "EXTENSION_TOO_SHORT"
