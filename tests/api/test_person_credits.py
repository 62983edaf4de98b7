"""The person-year ledger (issue #13 item 1) and 个人年度学分 (item 6): the ledger equals a recount of the credit
records after grants, retries, concurrent grants, revocation and reissue, and the backfill; the public look-up is
guarded like the certificate query; the office's view is office-only and audited."""

from __future__ import annotations

import json
import threading
from collections import defaultdict
from datetime import datetime, timedelta

import pytest

from chalicelib.models import Certificate, CreditRecord, PersonYear, Session
from chalicelib.services import ledger, person_credits
from tests.api.attendance_helpers import CN
from tests.api.jobs_helpers import grant
from tests.api.test_certificates import granted  # noqa: F401 - the granted fixture
from tests.api.test_credits import LI, WANG, ZHANG, at, held  # noqa: F401 - the held fixture

TOTALS = ("national_class_i", "national_class_ii", "provincial_class_i", "provincial_class_ii")


@pytest.fixture(autouse=True)
def ledger_clock(clock, monkeypatch):
    monkeypatch.setattr(ledger, "utc_now", clock)
    monkeypatch.setattr(person_credits, "utc_now", clock)
    return clock


def ledger_items() -> dict[tuple[str, str], dict]:
    """Every ledger item as comparable numbers and sets."""
    items = {}
    for item in PersonYear.scan():
        items[(item.person_key, item.year)] = {
            **{name: round(float(getattr(item, name) or 0), 1) for name in TOTALS},
            "hours": round(float(item.hours or 0), 2),
            "sessions": set(item.sessions or ()),
            "certificates": sorted(e.certificate_no or "" for e in item.entries or []),
        }
    return {key: value for key, value in items.items() if value["sessions"] or any(value[n] for n in TOTALS)}


def recount() -> dict[tuple[str, str], dict]:
    """The ledger as the raw records say it should be: attendee credits of granted sessions with a valid certificate."""
    valid = {(c.session_id, c.credit_key): c.certificate_no for c in Certificate.scan() if c.status == "valid"}
    granted_sessions = {s.session_id for s in Session.scan() if s.report_status == "granted"}
    items: dict[tuple[str, str], dict] = defaultdict(
        lambda: {**dict.fromkeys(TOTALS, 0.0), "hours": 0.0, "sessions": set(), "certificates": []}
    )
    for record in CreditRecord.scan():
        number = valid.get((record.session_id, record.credit_key))
        if record.kind != "attendee" or number is None or record.session_id not in granted_sessions:
            continue
        item = items[(record.person_key, record.start_date[:4])]
        level = record.project_level
        name = f"{level}_class_{'i' if record.credit_class == 'I类' else 'ii'}"
        item[name] = round(item[name] + float(record.credits), 1)
        item["hours"] = round(item["hours"] + float(record.hours), 2)
        item["sessions"].add(record.session_id)
        item["certificates"] = sorted([*item["certificates"], number])
    return dict(items)


def lookup(api, **changes):
    body = {"id_number": ZHANG, "name": "张三", "year": 2026, **changes}
    return api.post("/public/person-credits", body)


# --- the ledger -------------------------------------------------------------------------------------------------


def test_a_grant_counts_each_attendee_once_as_the_records_do(granted):  # noqa: F811
    items = ledger_items()
    assert items == recount() and len(items) == 2, "张三 and 李四; the lecturer has no ID number"
    zhang = next(item for item in items.values() if item["hours"] == 6)
    assert zhang["national_class_i"] == 2 and len(zhang["sessions"]) == 1 and len(zhang["certificates"]) == 1


def test_a_retried_or_resumed_grant_counts_nobody_twice(api, granted):  # noqa: F811
    before = ledger_items()
    records = list(CreditRecord.query(granted["sid"]))
    certificates = list(Certificate.session_index.query(granted["sid"]))
    assert ledger.record_session(records, certificates) == 0, "a resumed grant finds everyone counted"
    assert grant(api, granted["sid"], granted["office"])[0] == 200
    assert ledger_items() == before == recount()


def test_a_grant_interrupted_after_the_ledger_is_finished_by_the_next_call(api, held, clock, monkeypatch):  # noqa: F811
    from chalicelib.services.execution_reports import ExecutionReports

    clock.now = at(10, 19)
    api.call("PUT", f"/sessions/{held['sid']}/report", _report(), held["org"])
    api.post(f"/sessions/{held['sid']}/report/submit", token=held["org"])
    assert api.post(f"/sessions/{held['sid']}/selection/submit", {}, held["admin"])[0] == 200
    clock.now = at(15, 10)

    def stopped(self, *args, **kwargs):
        raise ConnectionError("the function stopped")

    with monkeypatch.context() as patched:  # every run of the final step fails: the job is given up
        patched.setattr(ExecutionReports, "advance", stopped)
        status, failed = grant(api, held["sid"], held["office"])
    assert (status, failed["error"]["code"]) == (409, "JOB_FAILED")
    assert len(ledger_items()) == 1, "张三 counted before the session said granted"
    number = next(iter(Certificate.session_index.query(held["sid"]))).certificate_no
    status, answer = api.post(f"/certificates/{number}/revoke", {"reason": "信息有误"}, held["office"])
    assert (status, answer["error"]["code"]) == (409, "GRANT_IN_PROGRESS"), "the retried grant would undo it"
    assert grant(api, held["sid"], held["office"])[0] == 200, "a new job finishes the same grant"
    assert ledger_items() == recount() and len(ledger_items()) == 1


def _report():
    from tests.api.test_credits import REPORT

    return REPORT


def test_concurrent_grants_of_the_same_people_count_each_once(granted, monkeypatch):  # noqa: F811
    """Two offices granting the same session twice over, and another session of the same people, at once. DynamoDB
    applies each request atomically; moto in-process does not across threads, so its dispatch is serialised as the
    real service is (transactions still interleave request by request)."""
    from moto.core.botocore_stubber import BotocoreStubber

    dispatch, one_request = BotocoreStubber.__call__, threading.Lock()

    def atomic(self, *args, **kwargs):
        with one_request:
            return dispatch(self, *args, **kwargs)

    monkeypatch.setattr(BotocoreStubber, "__call__", atomic)
    records = list(CreditRecord.query(granted["sid"]))
    other = [CreditRecord(**{**record.attribute_values, "session_id": "ses-other"}) for record in records]
    certificates = list(Certificate.session_index.query(granted["sid"]))
    for item in PersonYear.scan():
        item.delete()
    counted: list[int] = []
    barrier = threading.Barrier(4)

    def grant_again(which: list[CreditRecord]) -> None:
        barrier.wait()
        counted.append(ledger.record_session(which, certificates))

    threads = [threading.Thread(target=grant_again, args=(which,)) for which in (records, records, other, other)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(counted) == 4, counted
    items = list(PersonYear.scan())
    assert len(items) == 2 and all(item.sessions == {granted["sid"], "ses-other"} for item in items)
    assert all(float(item.national_class_i) == 4 and len(item.entries) == 2 for item in items)


def test_each_person_is_one_conditional_update_and_the_counted_are_skipped(granted, monkeypatch):  # noqa: F811
    from chalicelib.models.person_year import LedgerEntry

    def count(index: int, session: str = "s-1") -> ledger.Count:
        entry = LedgerEntry(
            session_id=session,
            credit_key=f"attendee#{index}",
            project_number="2026-14-02-049",
            project_name="项目",
            project_level="provincial",
            credit_class="I类",
            credits=1.5,
            hours=3,
            start_date="2026-03-01",
            end_date="2026-03-01",
            organiser="医院",
            granted_at="2026-03-20T00:00:00.000Z",
        )
        return ledger.Count(f"person-{index}", "2026", "张三", None, entry)

    calls: list[str] = []
    count_one = ledger._count_one

    def counting(update):
        calls.append(update[0].person_key)
        return count_one(update)

    monkeypatch.setattr(ledger, "_count_one", counting)
    assert ledger.record([count(i) for i in range(150)]) == 150
    assert sorted(calls) == sorted(f"person-{i}" for i in range(150)), "one conditional update per person"
    # a resumed run: the first 120 counted already, 30 new
    assert ledger.record([count(i) for i in range(120)] + [count(i) for i in range(150, 180)]) == 30
    assert ledger.record([count(1, "s-2")]) == 1, "another session of the same person counts"
    item = PersonYear.get("person-1", "2026")
    assert float(item.provincial_class_i) == 3 and item.sessions == {"s-1", "s-2"} and len(item.entries) == 2


def test_revocation_takes_the_credits_out_and_reissue_brings_them_back_once(api, granted):  # noqa: F811
    li = granted["certificates"]["李*"]
    zhang = granted["certificates"]["张*"]
    office = granted["office"]
    assert api.post(f"/certificates/{li['certificate_no']}/revoke", {"reason": "信息有误"}, office)[0] == 200
    assert len(ledger_items()) == 1 and ledger_items() == recount()
    assert lookup(api, id_number=LI, name="李四")[0] == 404, "a revoked certificate's credits are gone"
    status, fresh = api.post(f"/certificates/{li['certificate_no']}/reissue", {"reason": "更正"}, office)
    assert status == 201 and ledger_items() == recount() and len(ledger_items()) == 2
    status, year = lookup(api, id_number=LI, name="李四")
    assert status == 200 and year["total_credits"] == 2
    assert [c["certificate_no"] for c in year["certificates"]] == [fresh["certificate_no"]]
    # reissuing a valid certificate keeps its credit once, under the new number
    status, again = api.post(f"/certificates/{zhang['certificate_no']}/reissue", {"reason": "更正"}, office)
    assert status == 201 and ledger_items() == recount()
    year = lookup(api)[1]
    assert year["total_credits"] == 2 and [c["certificate_no"] for c in year["certificates"]] == [
        again["certificate_no"]
    ]
    assert year["certificates"][0]["verification_code"] == again["verification_code"]


def test_the_backfill_rebuilds_the_ledger_from_credit_records_idempotently(api, granted):  # noqa: F811
    from scripts.backfill_ledger import backfill

    li = granted["certificates"]["李*"]
    assert api.post(f"/certificates/{li['certificate_no']}/revoke", {"reason": "信息有误"}, granted["office"])[0] == 200
    expected = ledger_items()
    for item in PersonYear.scan():
        item.delete()
    assert backfill() == {"sessions": 1, "counted": 1}
    assert ledger_items() == expected == recount()
    assert backfill() == {"sessions": 1, "counted": 0}, "a second run counts nothing again"
    assert ledger_items() == expected


# --- 个人年度学分 ---------------------------------------------------------------------------------------------------


def test_the_public_look_up_shows_the_year_against_the_requirement(api, granted):  # noqa: F811
    status, year = lookup(api)
    assert status == 200, year
    assert (year["name"], year["id_number"]) == ("张*", "**************" + ZHANG[-4:])
    assert year["total_credits"] == 2 and year["class_i_credits"] == 2 and year["class_ii_credits"] == 0
    national = {(row["level"], row["credit_class"]): row["credits"] for row in year["by_level"]}
    assert national == {
        ("national", "I类"): 2,
        ("national", "II类"): 0,
        ("provincial", "I类"): 0,
        ("provincial", "II类"): 0,
    }
    assert year["hours"] == 6 and year["sessions"] == 1
    requirement = year["requirement"]
    assert requirement["total_credits"] == 25 and "25学分" in requirement["source"]
    assert requirement["classes"] == [{"credit_class": "I类", "min_credits": 5, "shortfall": 3}]
    assert requirement["met"] is False and requirement["shortfall"] == 23
    (certificate,) = year["certificates"]
    assert certificate["certificate_no"] == granted["certificates"]["张*"]["certificate_no"]
    assert certificate["verification_code"] == granted["certificates"]["张*"]["verification_code"]
    assert certificate["level_label"] == "国家级" and certificate["credits"] == 2
    text = json.dumps(year, ensure_ascii=False)
    assert ZHANG[:14] not in text and ZHANG[6:14] not in text and "张三" not in text, "nothing beyond the public mask"
    assert lookup(api, id_number=f" {ZHANG.lower()} ", name=" 张三 ")[0] == 200


def test_no_such_person_a_wrong_name_and_an_empty_year_answer_alike(api, granted):  # noqa: F811
    answers = [
        lookup(api, name="李四"),  # a real ID with another person's name
        lookup(api, id_number=WANG, name="王五"),  # signed in, never granted
        lookup(api, year=2025),  # the right person, a year without credits
        lookup(api, id_number="11010519491231002X", name="赵六"),  # nobody
    ]
    assert {json.dumps(answer, ensure_ascii=False) for answer in answers} == {
        json.dumps(
            (
                404,
                {
                    "error": {
                        "code": "PERSON_CREDITS_NOT_FOUND",
                        "message": "未查询到该年度的学分记录，请核对身份证号码、姓名和年度",
                        "field": None,
                    }
                },
            ),
            ensure_ascii=False,
        )
    }
    status, body = lookup(api, id_number=ZHANG[:17] + ("0" if ZHANG[17] != "0" else "1"))
    assert status == 400 and body["error"]["code"] == "ID_CHECKSUM", "a refused number is no miss"


def test_five_misses_lock_the_number_and_the_name_for_a_day_whatever_is_sent(api, granted, clock):  # noqa: F811
    for name in ("李四", "王五", "赵六", "钱七", "孙八"):  # someone holding the number guesses the name
        assert lookup(api, name=name)[0] == 404
    status, body = lookup(api)
    assert status == 429 and body["error"]["code"] == "PERSON_CREDITS_LOCKED", "the right name is locked out too"
    # someone holding 李四's name and birth date guesses the rest of the number: locked by name and birth date
    born = LI[:14]
    guesses = [_with_check(f"{born}{n:03d}") for n in range(100, 120)]
    guesses = [g for g in guesses if g != LI][:5]
    for guess in guesses:
        assert lookup(api, id_number=guess, name="李四")[0] == 404
    assert lookup(api, id_number=LI, name="李四")[1]["error"]["code"] == "PERSON_CREDITS_LOCKED"
    clock.now = at(16, 11)  # a day after the fifth miss
    assert lookup(api)[0] == 200 and lookup(api, id_number=LI, name="李四")[0] == 200


def _with_check(prefix17: str) -> str:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return prefix17 + "10X98765432"[sum(int(d) * w for d, w in zip(prefix17, weights, strict=True)) % 11]


def test_the_look_up_reads_one_batch_of_ledger_keys(api, granted, monkeypatch):  # noqa: F811
    reads: list[str] = []
    batch_get = PersonYear.batch_get.__func__  # type: ignore[attr-defined]

    def counting(cls, keys, *args, **kwargs):
        keys = list(keys)
        reads.append(str(len(keys)))
        return batch_get(cls, keys, *args, **kwargs)

    monkeypatch.setattr(PersonYear, "batch_get", classmethod(counting))
    assert lookup(api)[0] == 200
    assert reads == ["1"], "one BatchGetItem of the person's key per PII key (one key here)"


def test_the_office_opens_any_persons_year_and_the_access_is_audited(api, granted):  # noqa: F811
    body = {"id_number": ZHANG, "name": "张三", "year": 2026}
    for who in ("admin", "org"):
        status, answer = api.post("/person-credits", body, granted[who])
        assert status == 403 and answer["error"]["code"] == "FORBIDDEN"
    assert api.post("/person-credits", body)[0] == 401
    status, year = api.post("/person-credits", body, granted["office"])
    assert status == 200 and year["name"] == "张三" and year["id_number"] == ZHANG[:6] + "********" + ZHANG[-4:]
    assert year["total_credits"] == 2
    status, answer = api.post("/person-credits", {**body, "name": "李四"}, granted["office"])
    assert status == 404 and answer["error"]["code"] == "PERSON_CREDITS_NOT_FOUND"
    for _ in range(6):  # the office's look-ups spend no public budget
        api.post("/person-credits", {**body, "name": "李四"}, granted["office"])
    assert lookup(api)[0] == 200
    # The audit log keeps its own clock (real time): the look-ups may straddle midnight in China, so read both days.
    today = datetime.now(CN).date()
    events = [
        event
        for day in (today - timedelta(days=1), today)
        for event in api.get("/audit", granted["office"], date=day.isoformat())[1]["items"]
    ]
    views = sorted((e for e in events if e["action"] == "person_credits.view"), key=lambda e: e["at"], reverse=True)
    assert len(views) == 8 and all(ZHANG not in json.dumps(e) for e in views)
    assert views[0]["target_id"] == ZHANG[:6] + "********" + ZHANG[-4:]
