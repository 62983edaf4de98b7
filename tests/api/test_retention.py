"""数据保留: the office's retention policy (office only, bounded, under its version, audited with before and after) and
the nightly removal: sessions past the policy lose the attendance details (mobile, unit, department, answers, phone,
link items) and their refused scans, keep credits, certificates and the person's ledger, and every report says the
same before and after; a second run removes nothing, and a run out of time goes on from its cursor."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from chalicelib.container import services
from chalicelib.handlers import schedules
from chalicelib.models import Attendance, Certificate, CreditRecord, ScanRejection, Session
from chalicelib.services import aggregates, retention_run
from chalicelib.services.attendance_rules import link_partition
from chalicelib.services.retention_rules import REMOVED_FIELDS
from localdev.schedules import scheduled_event
from tests.api.attendance_helpers import CN, Clock, person
from tests.api.test_certificates import granted  # noqa: F401 - the granted fixture
from tests.api.test_credits import ZHANG, at, held  # noqa: F401 - the held fixture
from tests.api.test_scheduled_runs import allowing
from tests.conftest import Api


@pytest.fixture
def closed(granted: dict[str, Any]) -> dict[str, Any]:  # noqa: F811
    """The granted session once the 5-minute run closed its attendance (and settled its figures)."""
    services().attendance_close.close_due(at(15, 11))
    assert Session.get(granted["sid"]).attendance_open is None
    return granted


def remove(monkeypatch: pytest.MonkeyPatch, when: datetime) -> None:
    """The scheduled function as EventBridge calls it, at ``when``."""
    monkeypatch.setattr(schedules, "utc_now", lambda: when)
    schedules.remove_personal_details(scheduled_event("remove-personal-details"), None)


def audit_of(api: Api, office: str, day: str, action: str) -> list[dict[str, Any]]:
    status, page = api.get("/audit", office, date=day, limit=200)
    assert status == 200, page
    return [event for event in page["items"] if event["action"] == action]


# --- the policy ------------------------------------------------------------------------------------------------


def test_the_office_reads_and_sets_the_policy_audited_with_before_and_after(api: Api, roles: dict[str, str]) -> None:
    office = roles["office"]
    status, policy = api.get("/retention-policy", office)
    assert status == 200, policy
    assert (policy["details_years"], policy["rejection_days"], policy["version"]) == (3, 180, 0)
    assert policy["defaults"] == {"details_years": 3, "rejection_days": 180}
    assert policy["bounds"] == {
        "details_years_min": 1,
        "details_years_max": 10,
        "rejection_days_min": 7,
        "rejection_days_max": 180,
    }
    assert "签退问卷答案" in policy["removed"] and any("学分记录" in kept for kept in policy["kept"])

    status, saved = api.call(
        "PUT", "/retention-policy", {"version": 0, "details_years": 5, "rejection_days": 90}, office
    )
    assert status == 200, saved
    assert (saved["details_years"], saved["rejection_days"], saved["version"]) == (5, 90, 1)
    assert saved["updated_by"] == "office-demo" and saved["updated_at"].endswith("Z")
    assert api.get("/retention-policy", office)[1]["details_years"] == 5

    saved_day = datetime.fromisoformat(saved["updated_at"].replace("Z", "+00:00")).astimezone(CN).date()
    (event,) = audit_of(api, office, saved_day.isoformat(), "retention_policy.update")  # the log's day is China's
    assert event["before"] == {"details_years": 3, "rejection_days": 180}
    assert event["after"] == {"details_years": 5, "rejection_days": 90}

    # a colleague's save read at the old version loses: nothing is overwritten unseen
    status, body = api.call(
        "PUT", "/retention-policy", {"version": 0, "details_years": 2, "rejection_days": 30}, office
    )
    assert status == 409 and body["error"]["code"] == "CONCURRENT_UPDATE", body
    status, body = api.call(
        "PUT", "/retention-policy", {"version": 1, "details_years": 2, "rejection_days": 30}, office
    )
    assert status == 200 and body["version"] == 2, body
    assert services().retention.policy() == retention_run.Policy(2, 30)


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"details_years": 0}, "details_years", "签到明细保留年数不能小于1"),
        ({"details_years": 11}, "details_years", "签到明细保留年数不能大于10"),
        ({"rejection_days": 181}, "rejection_days", "异常扫码记录保留天数不能大于180"),
        ({"rejection_days": 6}, "rejection_days", "异常扫码记录保留天数不能小于7"),
        ({"details_years": "三"}, "details_years", "签到明细保留年数必须是整数"),
        ({"forever": True}, "forever", "是不支持的字段"),
    ],
)
def test_a_policy_out_of_bounds_is_refused_in_chinese(
    api: Api, roles: dict[str, str], change: dict[str, Any], field: str, message: str
) -> None:
    body = {"version": 0, "details_years": 3, "rejection_days": 180, **change}
    status, answer = api.call("PUT", "/retention-policy", body, roles["office"])
    assert status == 400, answer
    assert answer["error"]["code"] == "VALIDATION_FAILED" and answer["error"]["field"] == field
    assert message in answer["error"]["message"]
    assert api.get("/retention-policy", roles["office"])[1]["version"] == 0


def test_only_the_office_sees_or_sets_the_policy(api: Api, roles: dict[str, str]) -> None:
    body = {"version": 0, "details_years": 1, "rejection_days": 7}
    for who in ("admin", "org"):
        status, answer = api.get("/retention-policy", roles[who])
        assert status == 403 and answer["error"]["code"] == "FORBIDDEN", answer
        assert answer["error"]["message"] == "只有省继教办可以设置数据保留期限"
        assert api.call("PUT", "/retention-policy", body, roles[who])[0] == 403
    assert api.get("/retention-policy", roles["office"])[1]["version"] == 0


# --- the removal -------------------------------------------------------------------------------------------------


def figures(api: Api, session: dict[str, Any]) -> dict[str, Any]:
    """Everything the reports, credits and certificates say about the session and its people."""
    office, admin = session["office"], session["admin"]
    sid = session["sid"]
    own = api.get(f"/reports/sessions/{sid}", admin)[1]
    own.pop("as_of", None)
    organisation = api.get("/reports/organisations", admin, year=2026)[1]
    province = api.get("/reports/province", office, year=2026)[1]
    for report in (organisation, province):
        report.pop("as_of", None)
    credits = api.get(f"/sessions/{sid}/credits", office)[1]
    certificates = api.get(f"/sessions/{sid}/certificates", office)[1]
    year = api.post("/person-credits", {"id_number": ZHANG, "name": "张三", "year": 2026}, office)[1]
    return {
        "own": own,
        "organisation": organisation,
        "province": province,
        "credits": credits,
        "certificates": certificates,
        "year": year,
    }


def stored(sid: str) -> dict[str, Any]:
    return {
        "attendance": sorted((a.attendee_key, a.attribute_values) for a in Attendance.query(sid)),
        "credits": sorted((c.credit_key, c.attribute_values) for c in CreditRecord.query(sid)),
        "certificates": sorted((c.certificate_no, c.attribute_values) for c in Certificate.scan()),
    }


def test_the_run_removes_the_details_of_old_sessions_and_keeps_credits_and_reports(  # noqa: PLR0915
    api: Api, closed: dict[str, Any], clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    sid, office = closed["sid"], closed["office"]
    clock.now = at(10, 9)
    refused = api.post(f"/public/attendance/{sid}/sign-in", {"t": "1.forged", **person(id_number=ZHANG)})
    assert refused[0] >= 400
    assert list(ScanRejection.query(sid))
    assert list(Attendance.query(link_partition(sid)))
    before, kept = figures(api, closed), stored(sid)
    answers = api.get(f"/sessions/{sid}/attendance/questionnaire", closed["org"])[1]
    assert answers["responses"] == 2, answers

    # three years after the session's end (2026-12-10) the details are still kept; the day after they go
    remove(monkeypatch, datetime(2029, 12, 10, 2, 0, tzinfo=CN))
    assert stored(sid)["attendance"] == kept["attendance"]
    assert list(ScanRejection.query(sid)) == []  # refused scans are kept 180 days
    remove(monkeypatch, datetime(2029, 12, 11, 2, 0, tzinfo=CN))

    records = list(Attendance.query(sid))
    assert len(records) == 3
    for record in records:
        values = record.attribute_values
        assert not set(REMOVED_FIELDS) & set(values), values
        assert values["details_removed_at"] == "2029-12-10T18:00:00.000Z"
        for name in ("name", "id_masked", "id_encrypted", "person_key", "signed_in_at", "region", "grassroots"):
            assert name in values, name
    assert list(Attendance.query(link_partition(sid))) == []
    assert list(ScanRejection.query(sid)) == []
    assert Session.get(sid).details_removed_at == "2029-12-10T18:00:00.000Z"
    after = stored(sid)
    assert after["credits"] == kept["credits"] and after["certificates"] == kept["certificates"]
    assert figures(api, closed) == before

    # what the console shows of a stripped record
    roster = api.get(f"/sessions/{sid}/attendance/attendees", closed["org"])[1]["items"]
    assert {(row["mobile"], row["unit"], row["department"]) for row in roster} == {("（已删除）",) * 3}
    assert {row["name"] for row in roster} == {"张三", "李四", "王五"}
    assert [row["flags"] for row in roster] == [[], [], []]  # no mobile is "shared" by having none
    assert api.get(f"/sessions/{sid}/attendance/questionnaire", closed["org"])[1] == answers
    status, selection = api.get(f"/sessions/{sid}/selection", closed["admin"])
    assert status == 200 and {row["unit"] for row in selection["items"]} == {"（已删除）"}, selection

    # a settle after the removal keeps the stored figures (it never recounts stripped records)
    assert aggregates.settle(Session.get(sid)) is True
    assert figures(api, closed) == before

    # one audit event per run that removed something: the refused scan (180 days) went in the first
    events = audit_of(api, office, datetime.now(CN).date().isoformat(), "retention.run")
    assert {event["actor"] for event in events} == {"system"}
    removed = sorted(
        tuple(event["after"][key] for key in ("sessions", "records", "links", "rejections")) for event in events
    )
    assert removed == [(0, 0, 0, 1), (1, 3, 4, 0)]  # 3 mobiles and one phone

    # the next night: nothing more to remove, no audit event
    remove(monkeypatch, datetime(2029, 12, 12, 2, 0, tzinfo=CN))
    assert services().retention_run.run(datetime(2029, 12, 12, 2, 10, tzinfo=CN)) == retention_run.Counts()
    assert len(audit_of(api, office, datetime.now(CN).date().isoformat(), "retention.run")) == 2
    assert stored(sid) == after


def test_a_shortened_policy_applies_from_the_next_run(
    api: Api, closed: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    sid = closed["sid"]
    remove(monkeypatch, datetime(2028, 1, 1, 2, 0, tzinfo=CN))
    assert all(not a.details_removed_at for a in Attendance.query(sid))
    body = {"version": 0, "details_years": 1, "rejection_days": 180}
    assert api.call("PUT", "/retention-policy", body, closed["office"])[0] == 200
    remove(monkeypatch, datetime(2028, 1, 1, 2, 10, tzinfo=CN))
    assert all(a.details_removed_at for a in Attendance.query(sid))


def test_a_run_out_of_time_goes_on_from_its_cursor(
    api: Api, closed: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    sid = closed["sid"]
    before = figures(api, closed)
    monkeypatch.setattr(retention_run, "CHUNK", 1)
    run = services().retention_run.run
    when = datetime(2030, 1, 5, 2, 0, tzinfo=CN)
    total = retention_run.Counts()
    for tick in range(20):
        counts = run(when.replace(minute=tick), budget=allowing(2))
        total.records += counts.records
        total.sessions += counts.sessions
        if total.sessions:
            break
    assert tick >= 1, "the budget stopped the first run before the session was done"
    assert (total.records, total.sessions) == (3, 1)  # each record once across the runs
    assert all(a.details_removed_at for a in Attendance.query(sid))
    assert figures(api, closed) == before
    assert run(when.replace(hour=3)) == retention_run.Counts()
