"""Issue #12, items 1 and 5: no sequence of public answers narrows a person's ID number beyond what the public mask
shows (its last four characters). The certificate query and the sign-out look-up have failure budgets per target,
independent of the caller's address; every public answer shows at most four ID characters; sign-in tells another
phone nothing."""

from __future__ import annotations

import io
import threading
from datetime import date, timedelta

import boto3
import pytest
from chalice.local import LambdaEventConverter
from moto.core.botocore_stubber import BotocoreStubber

from chalicelib.errors import AppError
from chalicelib.services import attendance as attendance_service
from tests.api.attendance_helpers import ANSWERS, id_number, person
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


def test_sign_in_tells_another_phone_nothing(api, approved, clock):
    """A sign-in's answer depends on what was sent and the clock only: a retry, another phone sending a signed-in
    number and a first sign-in answer alike; the first record is kept as it was."""
    sid, token = approved["sid"], approved["tokens"]["in"]
    first = api.post(f"/public/attendance/{sid}/sign-in", {"t": token, **person()})[1]
    clock.now += timedelta(minutes=5)
    retry = api.post(f"/public/attendance/{sid}/sign-in", {"t": token, **person()})
    stranger = person(name="某人", mobile="13800000000", client_id="another-phone")
    probe = api.post(f"/public/attendance/{sid}/sign-in", {"t": token, **stranger})
    fresh = api.post(f"/public/attendance/{sid}/sign-in", {"t": token, **stranger, "id_number": LI, "age": 41})
    assert retry[0] == probe[0] == fresh[0] == 200
    assert (retry[1]["status"], retry[1]["name"]) == ("signed_in", "张*")
    assert (probe[1]["status"], probe[1]["name"]) == (fresh[1]["status"], fresh[1]["name"]) == ("signed_in", "某*")
    assert retry[1]["signed_in_at"] == probe[1]["signed_in_at"] == fresh[1]["signed_in_at"] != first["signed_in_at"]
    listing = api.get(f"/sessions/{sid}/attendance", approved["org"])[1]
    by_name = {row["name"]: row for row in listing["items"]}
    assert (by_name["张三"]["mobile"], by_name["张三"]["signed_in_at"]) == ("139****5678", first["signed_in_at"])
    assert sorted(by_name) == ["张三", "某人"], "the record is untouched; the stranger's own number was signed in"


def test_decoy_sign_ins_and_look_ups_single_out_nobody_beyond_a_bound(api, approved, clock, monkeypatch):
    """The review's attack: holding the day's codes and a co-attendee's last four (the public mask), sign in 30
    candidate numbers ending in them under a made-up name from one phone: a free one makes a decoy, the victim's
    writes nothing. A second pass from that phone, then looking every candidate up in the sign-out window, would
    single the victim out (a decoy or the victim's record is found each time, so no miss was ever spent)."""
    sid, tokens = approved["sid"], approved["tokens"]
    victim = id_number()
    assert api.post(f"/public/attendance/{sid}/sign-in", {"t": tokens["in"], **person()})[0] == 200
    candidates = birth_date_guesses(victim, 29) + [victim]
    prober = person(name="某人", mobile="13800000000", client_id="prober-phone-0001")
    clock.now += timedelta(minutes=1)
    for _ in range(2):  # the second pass would tell the phone's own decoys from the victim's record
        answers = []
        for candidate in candidates:
            status, body = api.post(
                f"/public/attendance/{sid}/sign-in", {"t": tokens["in"], **prober, "id_number": candidate}
            )
            answers.append((status, body["status"], body["name"], body["signed_in_at"]))
        assert len(set(answers)) == 1, "every candidate answers alike"
    clock.now = clock.now.replace(hour=16, minute=10)
    from_address(monkeypatch, "203.0.113.7")
    found = [lookup(api, approved, id_number=candidate) for candidate in candidates]
    hits = attendance_service.SIGN_OUT_HITS_PER_TARGET
    assert 2 <= hits <= 20
    assert [status for status, _ in found] == [200] * hits + [429] * (len(candidates) - hits)
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


def test_a_person_signing_out_with_double_taps_and_retries_stays_within_the_hit_budget(api, present):
    """Each person: a look-up, a sign-out, double taps and retries of both, and one co-attendee sharing the last
    four doing the same: well within the per-target budget of hits."""
    hits = attendance_service.SIGN_OUT_HITS_PER_TARGET
    taps = hits // 2 - 1
    known = id_number()
    assert [lookup(api, present, id_number=known)[0] for _ in range(taps - 1)] == [200] * (taps - 1)
    assert sign_out(api, present, id_number=known)[1]["status"] == "signed_out"
    assert lookup(api, present, id_number=known)[1]["signed_out_at"] is not None


def test_fresh_retried_and_elsewhere_sign_ins_make_the_same_dynamodb_calls(api, approved, clock):
    """Timing must not tell whether a number was signed in before: one conditional PutItem on every path (the
    session's read is cached per process and left out here)."""
    from tests.infra.aws_calls import API_HANDLER, Recorder, recording

    sid, token = approved["sid"], approved["tokens"]["in"]
    recorder = Recorder()

    def calls(body: dict) -> list[tuple[str, str, bool]]:
        start = len(recorder.calls)
        assert api.post(f"/public/attendance/{sid}/sign-in", {"t": token, **body})[0] == 200
        made = [call for call in recorder.calls[start:] if call.function == API_HANDLER]
        return [
            (call.operation, call.params["TableName"], "ConditionExpression" in call.params)
            for call in made
            if call.params.get("TableName") != "cme-test-sessions"
        ]

    with recording(recorder):
        first = calls(person())
        retried = calls(person())
        elsewhere = calls(person(name="某人", mobile="13800000000", client_id="another-phone"))
        fresh = calls(person(name="李四", id_number=LI, age=41, mobile="13800000001", client_id="phone-2"))
    assert first == retried == elsewhere == fresh == [("PutItem", "cme-test-attendance", True)]
