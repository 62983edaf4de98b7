"""Issue #12, items 1 and 5: no sequence of public answers narrows a person's ID number beyond what the public mask
shows (its last four characters). The certificate query and the sign-out look-up have failure budgets per target,
independent of the caller's address; every public answer shows at most four ID characters; sign-in tells another
phone nothing."""

from __future__ import annotations

import io
import threading
from datetime import date, datetime, timedelta

import boto3
import pytest
from chalice.local import LambdaEventConverter
from moto.core.botocore_stubber import BotocoreStubber

from chalicelib.errors import AppError
from chalicelib.services import attendance_signing as attendance_service
from chalicelib.services import identity
from tests.api.attendance_helpers import ANSWERS, CN, approve, id_number, person
from tests.api.test_attendance_operations import TWO_DAYS
from tests.api.test_certificates import granted, query  # noqa: F401 - the granted fixture
from tests.api.test_credits import LI, ZHANG, held  # noqa: F401 - the held fixture
from tests.api.test_projects import fetch

PUBLIC_ZHANG = "*" * 14 + ZHANG[-4:]


def from_address(monkeypatch, address: str) -> None:
    """Later requests come from ``address`` (the local gateway gives every request the same one)."""
    monkeypatch.setattr(LambdaEventConverter, "LOCAL_SOURCE_IP", address)


def birth_date_guesses(known: str, count: int) -> list[str]:
    """The probe's candidates: ID numbers with the holder's region, sequence and check character, other birth dates."""
    found, day = [], date(1990, 1, 1)
    while len(found) < count:
        guess = id_number(known[:6] + day.strftime("%Y%m%d") + known[14:17])
        if guess[17] == known[17] and guess != known:
            found.append(guess)
        day += timedelta(days=1)
    return found


def shown(masked: str) -> int:
    return sum(1 for character in masked if character != "*")


# --- 1. the certificate query --------------------------------------------------------------------


def test_the_probe_of_the_issue_recovers_nothing_and_the_lock_holds_for_a_day(api, granted, clock, monkeypatch):  # noqa: F811
    code = granted["certificates"]["张*"]["verification_code"]
    status, verified = api.get(f"/public/certificates/{code}")
    assert status == 200 and verified["id_number"] == PUBLIC_ZHANG
    # The last-six form (which showed the birth day beside the mask) is gone.
    status, body = query(api, id_number=ZHANG[-6:])
    assert status == 400 and body["error"]["field"] == "id_number"
    # Five birth dates, each finding nothing; then the target is locked whatever is sent, the right number too.
    for guess in birth_date_guesses(ZHANG, 5):
        assert query(api, id_number=guess) == (200, {"items": []})
    fifth_failure = clock.now
    locked = query(api)
    assert locked[0] == 429 and locked[1]["error"]["code"] == "QUERY_LOCKED"
    assert query(api, id_number=birth_date_guesses(ZHANG, 6)[-1]) == locked
    assert query(api, project_number="2026-14-02-049(国)", name=" 张三 ") == locked, "one target, written otherwise"
    from_address(monkeypatch, "203.0.113.9")
    assert query(api) == locked, "whichever address asks"
    # Other people of the project are not affected.
    assert [c["name"] for c in query(api, name="李四", id_number=LI)[1]["items"]] == ["李*"]
    clock.now = fifth_failure + timedelta(hours=23, minutes=59)
    assert query(api) == locked
    clock.now = fifth_failure + timedelta(hours=24, minutes=1)
    status, body = query(api)
    assert status == 200 and [c["id_number"] for c in body["items"]] == [PUBLIC_ZHANG], "lifted after a day"


def test_finding_nothing_looks_the_same_whether_or_not_the_name_exists(api, granted):  # noqa: F811
    guesses = birth_date_guesses(ZHANG, 7)
    attended = [query(api, id_number=guess) for guess in guesses]
    nobody = [query(api, name="赵六", id_number=guess) for guess in guesses]
    unknown_project = [query(api, project_number="2026-99-99-999", id_number=guess) for guess in guesses]
    assert attended == nobody == unknown_project
    assert [status for status, _ in attended] == [200] * 5 + [429] * 2


def test_parallel_failures_all_count(api, granted, monkeypatch):  # noqa: F811
    """Requests reaching several Lambda containers at once (threads here: the local gateway, like one container,
    handles one request at a time). DynamoDB applies each request atomically; moto in-process does not across
    threads, so its dispatch is serialised as the real service is."""
    from chalicelib.handlers.certificates import query_certificates
    from chalicelib.schemas.certificates import CertificateQuery

    dispatch, one_request = BotocoreStubber.__call__, threading.Lock()

    def atomic(self, *args, **kwargs):
        with one_request:
            return dispatch(self, *args, **kwargs)

    monkeypatch.setattr(BotocoreStubber, "__call__", atomic)
    guesses = birth_date_guesses(ZHANG, 20)
    start = threading.Barrier(len(guesses))
    outcomes: list[object] = []

    def guess(index: int, number: str) -> None:
        body = CertificateQuery(project_number="2026-14-02-049", name="张三", id_number=number)
        start.wait()
        try:
            outcomes.append(len(query_certificates(body=body, source_ip=f"198.51.100.{index}").items))
        except AppError as error:
            outcomes.append(error.code)

    threads = [threading.Thread(target=guess, args=pair) for pair in enumerate(guesses)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count(0) == 5, "only five guesses were ever looked up"
    # The others met the budget full of look-ups in flight (a short LOOKUP_BUSY) or of misses (the day's lock).
    assert {outcome for outcome in outcomes if outcome != 0} <= {"LOOKUP_BUSY", "QUERY_LOCKED"}
    status, body = query(api)
    assert status == 429 and body["error"]["code"] == "QUERY_LOCKED"


def test_a_project_number_typed_in_full_width_is_the_same_target(api, granted):  # noqa: F811
    """A phone's Chinese keyboard types full-width digits, hyphens and brackets: the same project number, so the
    same certificates and the same failure budget (not a miss spent on a target nobody holds)."""
    typed = "２０２６－１４－０２－０４９（国）"
    status, body = query(api, project_number=typed)
    assert status == 200 and [c["id_number"] for c in body["items"]] == [PUBLIC_ZHANG]
    assert query(api, project_number=" 2026—14—02—049 ")[1] == body, "dash look-alikes too"
    for guess in birth_date_guesses(ZHANG, 5):
        assert query(api, project_number=typed, id_number=guess) == (200, {"items": []})
    status, locked = query(api)
    assert status == 429 and locked["error"]["code"] == "QUERY_LOCKED", "the misses counted on the target itself"


def test_public_answers_show_at_most_four_id_characters(api, granted):  # noqa: F811
    from pypdf import PdfReader

    zhang = granted["certificates"]["张*"]
    assert zhang["id_number"].startswith(ZHANG[:6] + "********"), "the console keeps its richer mask"
    code = zhang["verification_code"]
    # A PDF kept before public masks were cut to four characters must not be handed out again.
    stale = b"%PDF-1.4 kept earlier: " + zhang["id_number"].encode()
    boto3.client("s3").put_object(Bucket="cme-test-files", Key=f"certificates/{code}/valid.pdf", Body=stale)

    answers = [query(api)[1]["items"][0]["id_number"], api.get(f"/public/certificates/{code}")[1]["id_number"]]
    assert answers == [PUBLIC_ZHANG] * 2 and all(shown(answer) <= 4 for answer in answers)
    status, link = api.get(f"/public/certificates/{code}/pdf")
    content = fetch(link["url"])
    assert status == 200 and content != stale
    text = PdfReader(io.BytesIO(content)).pages[0].extract_text().replace("\n", "")
    assert PUBLIC_ZHANG in text and ZHANG[:6] not in text and ZHANG[6:14] not in text


# --- 5. the sign-out look-up ----------------------------------------------------------------------


def lookup(api, session, **who):
    return api.post(f"/public/attendance/{session['sid']}/sign-out/lookup", {"t": session["tokens"]["out"], **who})


def sign_out(api, session, **who):
    body = {"t": session["tokens"]["out"], "answers": ANSWERS, **who}
    return api.post(f"/public/attendance/{session['sid']}/sign-out", body)


@pytest.fixture
def present(api, approved, clock):
    """张三 signed in at 08:00 (on phone-1); the sign-out window is open."""
    body = {"t": approved["tokens"]["in"], **person()}
    assert api.post(f"/public/attendance/{approved['sid']}/sign-in", body)[0] == 200
    clock.now = clock.now.replace(hour=16, minute=10)
    return approved


def test_the_sign_out_look_up_shows_masked_fields_only(api, present):
    status, check = lookup(api, present, mobile="13912345678")
    assert status == 200 and (check["name"], check["id_number"], check["unit"]) == (
        "张*",
        "*" * 14 + id_number()[-4:],
        "南京***医院",
    )
    assert shown(check["id_number"]) <= 4 and "南京市第一医院" not in str(check)


def test_the_sign_out_look_up_locks_a_target_after_five_misses(api, present, monkeypatch):
    known = id_number()
    for guess in birth_date_guesses(known, 5):
        status, body = lookup(api, present, id_number=guess)
        assert status == 404 and body["error"]["code"] == "NOT_SIGNED_IN"
    locked = lookup(api, present, id_number=known)
    assert locked[0] == 429 and locked[1]["error"]["code"] == "LOOKUP_LOCKED"
    assert lookup(api, present, id_number=birth_date_guesses(known, 6)[-1]) == locked
    assert sign_out(api, present, id_number=known) == locked, "signing out by that number too"
    from_address(monkeypatch, "203.0.113.9")
    assert lookup(api, present, id_number=known) == locked, "whichever address asks"
    # The mobile is another target: the attendee still signs out.
    assert lookup(api, present, mobile="13912345678")[0] == 200
    assert sign_out(api, present, mobile="13912345678")[1]["status"] == "signed_out"
    # Guessing a mobile's hidden middle digits is budgeted the same way.
    for middle in range(5):
        assert lookup(api, present, mobile=f"139{middle:04d}5678")[0] == 404
    assert lookup(api, present, mobile="13912345678")[1]["error"]["code"] == "LOOKUP_LOCKED"


def test_double_taps_and_retries_are_never_refused(api, present):
    known = id_number()
    for guess in birth_date_guesses(known, 4):  # one miss short of the lock
        assert lookup(api, present, id_number=guess)[0] == 404
    assert [lookup(api, present, id_number=known)[0] for _ in range(8)] == [200] * 8, "double taps"
    first = sign_out(api, present, id_number=known)
    assert first[0] == 200 and first[1]["status"] == "signed_out"
    retries = [sign_out(api, present, id_number=known) for _ in range(3)]
    assert {(status, body["status"], body["signed_out_at"]) for status, body in retries} == {
        (200, "already", first[1]["signed_out_at"])
    }
    status, check = lookup(api, present, id_number=known)
    assert status == 200 and check["signed_out_at"] == first[1]["signed_out_at"]


def test_sign_out_look_ups_are_limited_per_source(api, present, clock, monkeypatch):
    misses = attendance_service.SIGN_OUT_MISSES_PER_ADDRESS
    assert misses >= 50, "a hall's typing mistakes behind one NAT address must pass"
    # Every miss a different target (another last four), so only the source's allowance can stop them.
    strangers = [id_number(f"32010219900307{n:03d}") for n in range(200, 200 + misses)]
    assert all(lookup(api, present, id_number=number)[0] == 404 for number in strangers)
    status, body = lookup(api, present, mobile="13912345678")
    assert status == 429 and body["error"]["code"] == "TOO_MANY_REQUESTS"
    from_address(monkeypatch, "203.0.113.9")
    assert lookup(api, present, mobile="13912345678")[0] == 200, "another address is not affected"
    from_address(monkeypatch, "127.0.0.1")
    clock.now += timedelta(minutes=1)
    assert lookup(api, present, mobile="13912345678")[0] == 200, "nor the next minute"
    # Requests are counted too (found or not), with an allowance for hundreds of phones behind one address.
    assert attendance_service.SIGN_OUT_REQUESTS_PER_ADDRESS >= 1000
    monkeypatch.setattr(attendance_service, "SIGN_OUT_REQUESTS_PER_ADDRESS", 3)
    clock.now += timedelta(minutes=1)
    assert [lookup(api, present, mobile="13912345678")[0] for _ in range(4)] == [200, 200, 200, 429]


# --- other public routes that could answer yes or no about a person -------------------------------


def sign_in(api, session, **who):
    return api.post(f"/public/attendance/{session['sid']}/sign-in", {"t": session["tokens"]["in"], **person(**who)})


def candidate(number: str, n: int) -> dict:
    """A made-up attendee for a candidate number: its gender and age follow from the number, a new mobile and a
    new phone each time (so no look-up target is ever shared)."""
    resident = identity.parse_resident_id(number, date(2026, 12, 10))
    return {
        "id_number": number,
        "name": "某人",
        "gender": resident.gender,
        "age": resident.age_on(date(2026, 12, 10)),
        "mobile": f"137{n:04d}{n:04d}",
        "client_id": f"prober-phone-{n:04d}",
    }


def rejections(api, session) -> list[dict]:
    return api.get(f"/sessions/{session['sid']}/attendance/rejections", session["org"], limit=100)[1]["items"]


def test_a_second_phone_is_told_the_number_is_signed_in_without_its_details(api, approved, clock):
    """Review finding (b): a repeat was answered 签到成功 and dropped silently. The same phone is told it signed in
    already, with its first time; another phone that a record exists (no time, no name, no phone), and the
    organizer sees the second attempt among the refused scans."""
    first = sign_in(api, approved)
    assert first[0] == 200 and first[1]["status"] == "signed_in"
    clock.now += timedelta(minutes=5)
    again = sign_in(api, approved, name="张三丰")  # this phone, the name typed differently: the record stands
    assert again == (200, {"status": "already", "signed_in_at": first[1]["signed_in_at"], "name": "张*"})
    corrected = sign_in(api, approved, name="某人", mobile="13800000000", client_id="another-phone")
    assert corrected == (200, {"status": "elsewhere", "signed_in_at": None, "name": None})
    listing = api.get(f"/sessions/{approved['sid']}/attendance/attendees", approved["org"])[1]
    assert [(row["name"], row["mobile"], row["signed_in_at"]) for row in listing["items"]] == [
        ("张三", "139****5678", first[1]["signed_in_at"])
    ], "the first record is kept as it was"
    [row] = [row for row in rejections(api, approved) if row["code"] == "SIGNED_IN_ELSEWHERE"]
    assert row["kind"] == "in" and row["id_number"] == identity.mask_id(id_number())
    assert "以首次签到为准" in row["message"]


def test_distinct_mobiles_test_at_most_twenty_numbers_per_last_four(api, approved, clock, monkeypatch):
    """Review finding (a): sign in each candidate ending in a victim's last four with a new mobile and phone, then
    look each mobile up at sign-out (found: the number was free; not found: someone had signed it in). Record-making
    sign-ins are budgeted per last four: after twenty, every sign-in of that last four answers one and the same
    SIGN_IN_LOCKED and writes nothing, whether or not the number was signed in, so the victim stays hidden."""
    victim = id_number()
    assert sign_in(api, approved)[1]["status"] == "signed_in"
    clock.now += timedelta(minutes=1)
    cap = attendance_service.SIGN_IN_PER_TARGET
    assert cap == 20
    guesses = birth_date_guesses(victim, 29)
    candidates = guesses[:25] + [victim] + guesses[25:]  # the victim among those tried after the cap
    from_address(monkeypatch, "203.0.113.7")
    answers = [sign_in(api, approved, **candidate(number, n)) for n, number in enumerate(candidates)]
    made = cap - 1  # the victim's own record counted too
    assert [body["status"] for _, body in answers[:made]] == ["signed_in"] * made
    after = answers[made:]
    assert {(status, body["error"]["code"]) for status, body in after} == {(429, "SIGN_IN_LOCKED")}
    assert len({str(answer) for answer in after}) == 1, "one and the same answer, the victim's number too"
    assert after[0][1]["error"]["message"] == "该身份证号码今日签到次数过多，请联系现场工作人员"
    # Another phone, address or mobile changes nothing; the lock holds for the victim too.
    from_address(monkeypatch, "198.51.100.4")
    assert sign_in(api, approved, **candidate(victim, 99)) == after[0]
    assert sign_in(api, approved) == after[0], "the victim's own phone too: the organizer's staff help"
    # The look-up half of the attack: a mobile of a locked sign-in is found as little as the victim's.
    clock.now = clock.now.replace(hour=16, minute=10)
    found = [lookup(api, approved, mobile=candidate(number, n)["mobile"]) for n, number in enumerate(candidates)]
    assert [status for status, _ in found[:made]] == [200] * made
    assert {(status, body["error"]["code"]) for status, body in found[made:]} == {(404, "NOT_SIGNED_IN")}
    assert len({str(answer) for answer in found[made:]}) == 1
    listing = api.get(f"/sessions/{approved['sid']}/attendance/attendees", approved["org"])[1]
    assert len(listing["items"]) == cap, "the victim and nineteen made-up records: nothing more was written"
    # Other last fours are not affected.
    other = person(name="李四", id_number=LI, age=41, mobile="13800000001", client_id="phone-2")
    clock.now = clock.now.replace(hour=8, minute=30)
    assert api.post(f"/public/attendance/{approved['sid']}/sign-in", {"t": approved["tokens"]["in"], **other})[0] == 200


def test_decoy_sign_ins_and_look_ups_single_out_nobody_beyond_a_bound(api, approved, clock, monkeypatch):
    """The earlier review's attack: holding the day's codes and a co-attendee's last four (the public mask), sign in
    30 candidate numbers ending in them under a made-up name and one mobile from one phone, twice, then look every
    candidate up in the sign-out window. Twenty records at most are made; the victim is never told apart."""
    sid, tokens = approved["sid"], approved["tokens"]
    victim = id_number()
    assert api.post(f"/public/attendance/{sid}/sign-in", {"t": tokens["in"], **person()})[0] == 200
    candidates = birth_date_guesses(victim, 29) + [victim]
    prober = person(name="某人", mobile="13800000000", client_id="prober-phone-0001")
    clock.now += timedelta(minutes=1)
    cap = attendance_service.SIGN_IN_PER_TARGET
    for repeat in range(2):  # the second pass would tell the phone's own decoys from the victim's record
        answers = []
        for number in candidates:
            status, body = api.post(
                f"/public/attendance/{sid}/sign-in", {"t": tokens["in"], **prober, "id_number": number}
            )
            answers.append((status, str(body)))
        locked = {answer for answer in answers if answer[0] == 429}
        assert len(locked) == 1 and "SIGN_IN_LOCKED" in next(iter(locked))[1]
        made = cap - 1  # the victim's own record counted too
        assert answers[made:] == [next(iter(locked))] * (len(candidates) - made), "the victim's among them"
        if repeat == 0:
            assert len(set(answers[:made])) == 1 and "signed_in" in answers[0][1]
        else:
            assert set(answers) == locked, "a locked target answers the phone's own decoys alike"
    clock.now = clock.now.replace(hour=16, minute=10)
    from_address(monkeypatch, "203.0.113.7")
    found = [lookup(api, approved, id_number=number) for number in candidates]
    assert attendance_service.SIGN_OUT_HITS_PER_TARGET <= 20
    # The decoys are found; the numbers the lock kept from being written are misses, then the look-up lock.
    assert [status for status, _ in found] == [200] * made + [404] * 5 + [429] * (len(candidates) - made - 5)
    assert {body["error"]["code"] for status, body in found if status == 429} == {"LOOKUP_LOCKED"}
    assert len({str(body) for status, body in found if status == 429}) == 1, "one and the same refusal"
    assert all(body["name"] == "某*" for status, body in found if status == 200), "the victim's record never shown"
    assert sign_out(api, approved, id_number=candidates[0]) == found[-1], "signing out by that last four too"
    from_address(monkeypatch, "198.51.100.4")
    assert lookup(api, approved, id_number=victim) == found[-1], "whichever address asks"
    # The victim still signs out by mobile (another target).
    assert lookup(api, approved, mobile="13912345678")[1]["name"] == "张*"
    assert sign_out(api, approved, mobile="13912345678")[1]["status"] == "signed_out"
    # The budget is per target: another last four is not affected.
    other = person(name="李四", id_number=LI, age=41, mobile="13800000001", client_id="phone-2")
    clock.now = clock.now.replace(hour=8, minute=30)
    assert api.post(f"/public/attendance/{sid}/sign-in", {"t": tokens["in"], **other})[0] == 200
    clock.now = clock.now.replace(hour=16, minute=20)
    assert lookup(api, approved, id_number=LI)[1]["name"] == "李*"


def test_daily_budgets_are_per_day(api, roles, national_project, clock, monkeypatch):
    """In daily mode records are per day, so are the budgets: a last four locked on the first day (for sign-in
    and for the sign-out look-up) signs in, looks up and signs out on the second."""
    daily = approve(api, roles, national_project, {**TWO_DAYS, "attendance": {"mode": "daily"}})
    victim = id_number()
    guesses = birth_date_guesses(victim, 20)
    assert [sign_in(api, daily, **candidate(g, n))[0] for n, g in enumerate(guesses)] == [200] * 20
    assert sign_in(api, daily)[1]["error"]["code"] == "SIGN_IN_LOCKED"
    clock.now = datetime(2026, 12, 10, 16, 40, tzinfo=CN)
    for guess in birth_date_guesses(victim, 25)[20:]:  # five numbers nobody signed in
        assert lookup(api, daily, id_number=guess)[0] == 404
    assert lookup(api, daily, id_number=victim)[1]["error"]["code"] == "LOOKUP_LOCKED"
    for middle in range(5):
        assert lookup(api, daily, mobile=f"139{middle:04d}5678")[0] == 404
    assert lookup(api, daily, mobile="13912345678")[1]["error"]["code"] == "LOOKUP_LOCKED"
    clock.now = datetime(2026, 12, 11, 8, 30, tzinfo=CN)
    assert sign_in(api, daily)[1]["status"] == "signed_in", "a new day, a new budget"
    clock.now = datetime(2026, 12, 11, 11, 45, tzinfo=CN)
    assert lookup(api, daily, id_number=victim)[1]["name"] == "张*"
    assert lookup(api, daily, mobile="13912345678")[1]["name"] == "张*"
    assert sign_out(api, daily, id_number=victim)[1]["status"] == "signed_out"


def test_a_person_signing_out_with_double_taps_and_retries_stays_within_the_hit_budget(api, present):
    """Each person: a look-up, a sign-out, double taps and retries of both, and one co-attendee sharing the last
    four doing the same: well within the per-target budget of hits."""
    hits = attendance_service.SIGN_OUT_HITS_PER_TARGET
    taps = hits // 2 - 1
    known = id_number()
    assert [lookup(api, present, id_number=known)[0] for _ in range(taps - 1)] == [200] * (taps - 1)
    assert sign_out(api, present, id_number=known)[1]["status"] == "signed_out"
    assert lookup(api, present, id_number=known)[1]["signed_out_at"] is not None


def test_a_fresh_sign_in_is_one_transaction_and_nothing_else(api, approved, clock):
    """The hot path: the record and its target's count in one TransactWriteItems (the session's read is cached per
    process and left out here)."""
    from tests.infra.aws_calls import API_HANDLER, Recorder, recording

    sid, token = approved["sid"], approved["tokens"]["in"]
    recorder = Recorder()

    def calls(body: dict) -> tuple[str, list[tuple[str, tuple[str, ...]]]]:
        start = len(recorder.calls)
        status, answer = api.post(f"/public/attendance/{sid}/sign-in", {"t": token, **body})
        assert status == 200
        made = [call for call in recorder.calls[start:] if call.function == API_HANDLER]
        return answer["status"], [
            (call.operation, tuple(sorted(_tables(call.params))))
            for call in made
            if call.params.get("TableName") != "cme-test-sessions"
        ]

    # The record, its target's count, and the link items of its phone and mobile (the roster's flags).
    links = ("cme-test-attendance", "cme-test-attendance")
    transaction = [("TransactWriteItems", ("cme-test-attendance", *links, "cme-test-rate-limits"))]
    warm_up = person(name="王五", id_number=id_number("32010219900307457"), mobile="13700000009", client_id="phone-9")
    with recording(recorder):
        # A warm container: its first request read the key ring (kept 5 minutes); the hot path reads no secret.
        assert api.post(f"/public/attendance/{sid}/sign-in", {"t": token, **warm_up})[0] == 200
        assert calls(person()) == ("signed_in", transaction)
        # A repeat gets the first record from the cancelled transaction and reads its target's count once.
        assert calls(person()) == ("already", [*transaction, ("GetItem", ("cme-test-rate-limits",))])
        fresh = person(name="李四", id_number=LI, age=41, mobile="13800000001", client_id="phone-2")
        assert calls(fresh) == ("signed_in", transaction)


def _tables(params: dict) -> list[str]:
    if "TransactItems" in params:
        return [next(iter(item.values()))["TableName"] for item in params["TransactItems"]]
    return [params["TableName"]]


@pytest.fixture
def transactions(monkeypatch):
    """DynamoDB's behaviour moto does not show: ``conflicts`` TransactWriteItems calls are cancelled with
    TransactionConflict (another transaction on the same items, as a racing double tap meets on AWS), and with
    ``first_failure_only`` a cancellation reports the first failed condition only (DynamoDB does not promise to
    evaluate them all)."""
    import botocore.client
    from botocore.exceptions import ClientError

    original = botocore.client.BaseClient._make_api_call
    state = {"conflicts": 0, "first_failure_only": False, "calls": 0}

    def cancelled(reasons: list[dict], name: str) -> ClientError:
        error = {"Code": "TransactionCanceledException", "Message": "Transaction cancelled"}
        return ClientError({"Error": error, "CancellationReasons": reasons}, name)

    def call(client, name, params):
        if name != "TransactWriteItems":
            return original(client, name, params)
        state["calls"] += 1
        if state["conflicts"]:
            state["conflicts"] -= 1
            links = [{"Code": "None"}] * (len(params["TransactItems"]) - 2)  # the sign-in's link updates
            conflict = {"Code": "TransactionConflict", "Message": "conflict"}
            raise cancelled([{"Code": "None"}, conflict, *links], name)
        try:
            return original(client, name, params)
        except ClientError as error:
            reasons = error.response.get("CancellationReasons", [])
            if not state["first_failure_only"] or reasons[0]["Code"] != "ConditionalCheckFailed":
                raise
            raise cancelled([reasons[0], *[{"Code": "None"}] * (len(reasons) - 1)], name) from None

    monkeypatch.setattr(botocore.client.BaseClient, "_make_api_call", call)
    return state


def test_a_racing_double_tap_is_retried_and_a_full_target_is_locked_however_dynamodb_reports_it(
    api, approved, clock, transactions
):
    transactions["conflicts"] = 1
    assert sign_in(api, approved)[1]["status"] == "signed_in", "retried after a conflict"
    assert transactions["calls"] == 2
    transactions["conflicts"] = attendance_service.SIGN_IN_PER_TARGET  # more than a sign-in retries
    assert sign_in(api, approved) == (
        429,
        {"error": {"code": "SIGN_IN_BUSY", "message": "正在签到，请稍后重试", "field": None}},
    )
    transactions["conflicts"] = 0
    for n, number in enumerate(birth_date_guesses(id_number(), attendance_service.SIGN_IN_PER_TARGET - 1)):
        assert sign_in(api, approved, **candidate(number, n))[1]["status"] == "signed_in"
    locked = sign_in(api, approved, **candidate(birth_date_guesses(id_number(), 30)[-1], 99))
    assert locked[1]["error"]["code"] == "SIGN_IN_LOCKED"
    transactions["first_failure_only"] = True  # the count's failed condition not reported beside the record's
    assert sign_in(api, approved) == locked, "a signed-in number answers the lock like any other"
    assert sign_in(api, approved, client_id="another-phone", mobile="13800000000") == locked
