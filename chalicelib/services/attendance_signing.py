"""Sign-in and sign-out from the attendee's phone (the hot path): what a scanned code leads to, the sign-in, the
sign-out look-up and the sign-out, each within its budgets; refused scans go to ``ScanRejections``."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import timedelta
from functools import lru_cache, partial
from typing import Any, Literal

from pynamodb.exceptions import DoesNotExist, UpdateError

from chalicelib import observability
from chalicelib.errors import AppError, NotFound, TooManyRequests, ValidationFailed
from chalicelib.models import Attendance, Session
from chalicelib.schemas.attendance import Identify, SignIn, SignOut
from chalicelib.services import identity, questionnaire
from chalicelib.services.attendance_rules import (
    KIND_NAMES,
    Window,
    attendance_plan,
    attended_hours,
    blocks_of,
    check_token,
    current_window,
    link_keys,
    link_partition,
    session_windows,
    teaching_blocks,
)
from chalicelib.services.budgets import Budgets, budget_key
from chalicelib.services.scan_rejections import ScanRejections
from chalicelib.settings import Keyring
from chalicelib.timeutil import china_minute, china_today, parse_instant, to_iso, utc_now

CodeState = Literal["open", "not_yet", "closed", "invalid"]
SignInStatus = Literal["signed_in", "already", "elsewhere"]
SignOutStatus = Literal["signed_out", "already"]
_INVALID_CODE = "二维码无效或已过期，请扫描现场最新的二维码"
# Sign-out look-ups (and sign-outs) per address and minute: hundreds of phones in a hall share one NAT address, so
# these only stop one address sweeping; the per-target budgets (services/budgets.py) are what stop guessing.
SIGN_OUT_REQUESTS_PER_ADDRESS = 12000  # 200 a second: a coarse guard only (make load drives 2000 phones)
SIGN_OUT_MISSES_PER_ADDRESS = 60
# Sign-out look-ups and sign-outs that find a record, per target (the session and the number as its mask shows it)
# within budgets.PERIOD, never given back: a person needs a look-up and a sign-out (a few more for double taps and
# retries), and at 10,000 attendees about one other shares a last four; one holding decoys can test no more.
SIGN_OUT_HITS_PER_TARGET = 20
# Sign-ins that create a record, per target (the session, the window's day in daily mode, and the ID number's last
# four), never given back: each person creates one record, and at 10,000 attendees a day about one other shares a
# last four; past it the target answers SIGN_IN_LOCKED, so at most this many absent numbers per mask can be tested.
SIGN_IN_PER_TARGET = 20
SIGN_IN_BUDGET_KEPT = timedelta(days=2)  # the count's TTL after its window closes
_ELSEWHERE = "本场已有该身份证号码的签到记录，以首次签到为准；如非本人签到，请联系现场工作人员"
APPROVED_CACHE_SECONDS = 30
APPROVED_CACHE_SIZE = 256
_NEW_ATTENDEE = Attendance.attendee_key.does_not_exist()


@lru_cache(maxsize=APPROVED_CACHE_SIZE * 4)
def _when(window: Window) -> str:
    return f"{KIND_NAMES[window.kind]}时间：{china_minute(window.opens)} 至 {china_minute(window.closes)}"


def _lookup_locked() -> AppError:
    """The one answer of a sign-out look-up whose target has missed too often, whatever was sent."""
    return TooManyRequests(
        "LOOKUP_LOCKED", "该号码查找失败次数过多，已暂停查找24小时。请改用另一种方式查找，或联系现场工作人员。"
    )


def _sign_in_locked() -> AppError:
    """The one answer of a sign-in whose target has created its records' share, whatever was sent."""
    return TooManyRequests("SIGN_IN_LOCKED", "该身份证号码今日签到次数过多，请联系现场工作人员")


def _closed(code: str, message: str) -> AppError:
    return AppError(code, message, "t", status=403)


@dataclass(frozen=True)
class CodePageState:
    session: Session
    window: Window
    state: CodeState
    message: str


@dataclass(frozen=True)
class ApprovedSession:
    """An approved session with what judging a scan needs, worked out once while it is cached."""

    session: Session
    windows: list[Window]
    refresh_seconds: int
    secret: bytes = field(repr=False)
    pii_key: bytes = field(repr=False)  # the key of every look-up hash of this session's attendance (its ``pii_kid``)

    @classmethod
    def of(cls, session: Session, pii_keys: Keyring) -> ApprovedSession:
        refresh = attendance_plan(session).refresh_seconds
        return cls(
            session, session_windows(session), refresh, session.qr_secret.encode(), pii_keys.key(session.pii_kid)
        )


@dataclass(frozen=True)
class SignedIn:
    """What a sign-in answers: the name and the time of the attendee's first sign-in (None for ``elsewhere``)."""

    name: str | None
    signed_in_at: str | None


def session_questionnaire(session: Session) -> dict[str, Any]:
    """The sign-out questionnaire of a session: the version it kept at approval, else the default."""
    return session.questionnaire or questionnaire.DEFAULT


def _look_up_target(session_id: str, window: Window, kind: str, masked: str) -> str:
    """A sign-out look-up's target: the session, the window's day (daily mode: records are per day, so are
    budgets) and the number as its mask shows it."""
    return "|".join(part for part in (session_id, window.day, kind, masked) if part)


def _links(session_id: str, person: str, client_id: str | None, session_mobile: str) -> list[dict[str, Any]]:
    """The sign-in's updates of its phone's and mobile's link items (the roster's flags), sent in its transaction."""
    # Private pynamodb API: _get_connection().get_operation_kwargs, as budgets.create_counted uses it.
    connection = Attendance._get_connection()
    partition = link_partition(session_id)
    return [
        connection.get_operation_kwargs(partition, range_key=key, actions=[Attendance.people.add({person})])
        for key in link_keys(client_id, session_mobile)
    ]


class AttendanceSigning:
    """QR sign-in and sign-out of attendees; the hot path is one read of the session and one write."""

    def __init__(self, rejections: ScanRejections, pii_keys: Keyring, id_encryption_keys: Keyring) -> None:
        self._rejections = rejections
        self._key = pii_keys  # hashes of a session's attendance use the key its pii_kid names (see ApprovedSession)
        self._budgets = Budgets(partial(budget_key, pii_keys))  # one key across PII_KEY rotations: locks outlive them
        self._id_key = id_encryption_keys
        self._approved_cache: dict[str, tuple[float, ApprovedSession]] = {}

    def forget(self, session_id: str) -> None:
        """Drop this process's copy of a session (the scheduled close has replaced its secret)."""
        self._approved_cache.pop(session_id, None)

    def page(self, session_id: str, kind: str, token: str, source_ip: str) -> CodePageState:
        """What a scanned code leads to: the session, its window, and whether the code works now and why not."""
        result = self._evaluate(self._approved(session_id), kind, token)
        if result.state != "open":
            code = {"invalid": "CODE_INVALID", "not_yet": "WINDOW_NOT_OPEN", "closed": "WINDOW_CLOSED"}[result.state]
            self._rejections.record(session_id, kind, code, result.message, source_ip)
        return result

    def sign_in(self, session_id: str, data: SignIn, source_ip: str) -> tuple[SignInStatus, SignedIn]:
        """Sign an attendee in: the first sign-in of a number (per day in daily mode) is kept, within the sign-in
        budget of its target (``_look_up_target`` of kind ``in``). Answers one of

        - ``signed_in``: this sign-in created the record (the name sent, the current time);
        - ``already``: this phone (its ``client_id``) signed the number in before: the first time and name;
        - ``elsewhere``: another phone signed the number in first: no detail of that record (its time, name or
          phone) is given, and the organizer gets a ``SIGNED_IN_ELSEWHERE`` row among the refused scans;
        - 429 ``SIGN_IN_LOCKED`` once the target's records reach ``SIGN_IN_PER_TARGET``, whatever is sent, whether
          the number was signed in or not (so the lock itself tells nothing).

        A fresh sign-in is one TransactWriteItems (the record, the target's count and the link items of its phone
        and mobile, from which the roster flags shared ones); a repeat is cancelled by
        that same call, which hands back the first record (no second read, and no unit spent: a repeat only
        confirms a number that exists, and every number that does not costs a unit, so at most
        ``SIGN_IN_PER_TARGET`` absent numbers per mask can ever be tested)."""
        approved = self._approved(session_id)
        try:
            window = self._open(approved, "in", data.t)
            now = utc_now()
            today = china_today(now)
            resident = identity.parse_resident_id(data.id_number, today)
            if data.gender != resident.gender:
                raise ValidationFailed("GENDER_MISMATCH", "性别与身份证号码不一致", "gender")
            if abs(data.age - resident.age_on(today)) > 1:
                raise ValidationFailed("AGE_MISMATCH", "年龄与身份证号码不一致", "age")
            mobile = identity.check_mobile(data.mobile)
        except AppError as error:
            self._rejections.record(
                session_id, "in", error.code, error.message, source_ip, data.id_number, data.client_id
            )
            raise
        key = approved.pii_key
        person = identity.lookup_hash(resident.number, key)
        attendee_key = person if window.day is None else f"{person}#{window.day}"
        mobile_key = identity.lookup_hash(mobile, key)
        session_mobile = "#".join(part for part in (session_id, window.day, mobile_key) if part)
        signed_in_at = to_iso(now)
        # The record as ``Attendance(**values)`` would hold it, written without building the model (hot path).
        values = {
            "session_id": session_id,
            "attendee_key": attendee_key,
            "person_key": person,
            "day": window.day,
            "session_mobile": session_mobile,
            "id_masked": identity.mask_id(resident.number),
            "id_encrypted": identity.seal(resident.number, self._id_key, f"{session_id}|{attendee_key}"),
            "name": data.name,
            "gender": resident.gender,
            "age": resident.age_on(today),
            "mobile_masked": identity.mask_mobile(mobile),
            "unit": data.unit,
            "department": data.department,
            "region": data.region,
            "grassroots": data.grassroots,
            "title": data.title,
            "position": data.position,
            "education": data.education,
            "client_id": data.client_id,
            "signed_in_at": signed_in_at,
        }
        target = _look_up_target(session_id, window, "in", resident.number[-4:])
        try:
            first = self._budgets.create_counted(
                Attendance,
                values,
                _NEW_ATTENDEE,
                target,
                SIGN_IN_PER_TARGET,
                window.closes + SIGN_IN_BUDGET_KEPT,
                _sign_in_locked(),
                TooManyRequests("SIGN_IN_BUSY", "正在签到，请稍后重试"),
                _links(session_id, person, data.client_id, session_mobile),
            )
        except AppError as error:  # SIGN_IN_LOCKED or SIGN_IN_BUSY: kept for the organizer
            self._rejections.record(
                session_id, "in", error.code, error.message, source_ip, data.id_number, data.client_id
            )
            raise
        if first is None:
            observability.count("SignIns")
            return "signed_in", SignedIn(data.name, signed_in_at)
        record = Attendance.from_raw_data(first)
        if data.client_id and record.client_id == data.client_id:  # this phone's double tap, retry or return
            return "already", SignedIn(record.name, record.signed_in_at)
        self._rejections.record(
            session_id, "in", "SIGNED_IN_ELSEWHERE", _ELSEWHERE, source_ip, data.id_number, data.client_id
        )
        return "elsewhere", SignedIn(None, None)

    def check(self, session_id: str, data: Identify, source_ip: str) -> tuple[Attendance, dict[str, Any]]:
        """The attendee signing out, to confirm, and the questionnaire to answer."""
        approved = self._approved(session_id)
        try:
            window = self._open(approved, "out", data.t)
            attendee = self._find(approved, window, data, source_ip)
        except AppError as error:
            self._rejections.record(session_id, "out", error.code, error.message, source_ip, data.id_number)
            raise
        return attendee, session_questionnaire(approved.session)

    def sign_out(self, session_id: str, data: SignOut, source_ip: str) -> tuple[SignOutStatus, Attendance]:
        approved = self._approved(session_id)
        session = approved.session
        try:
            window = self._open(approved, "out", data.t)
            attendee = self._find(approved, window, data, source_ip)
        except AppError as error:
            self._rejections.record(session_id, "out", error.code, error.message, source_ip, data.id_number)
            raise
        if attendee.signed_out_at:
            return "already", attendee
        template = session_questionnaire(session)
        answers = questionnaire.check_answers(template, data.answers)
        now = utc_now()
        hours = attended_hours(parse_instant(attendee.signed_in_at), now, blocks_of(teaching_blocks(session), window))
        try:
            attendee.update(
                actions=[
                    Attendance.signed_out_at.set(to_iso(now)),
                    Attendance.hours.set(hours),
                    Attendance.answers.set(answers),
                    Attendance.questionnaire_version.set(template["version"]),
                ],
                condition=Attendance.signed_out_at.does_not_exist(),
            )
        except UpdateError as error:
            if error.cause_response_code != "ConditionalCheckFailedException":
                raise
            return "already", Attendance.get(attendee.session_id, attendee.attendee_key, consistent_read=True)
        observability.count("SignOuts")
        return "signed_out", attendee

    def _find(self, approved: ApprovedSession, window: Window, data: Identify, source_ip: str) -> Attendance:
        """The attendee a phone names by ID number or mobile, within two budgets per target: the session, the
        window's day in daily mode (records are per day) and the number as its mask shows it (an ID number's last
        four, a mobile's first three and last four), which is what one guessing the hidden digits keeps fixed,
        whatever address it comes from.

        - Misses: five within a day lock the target for a day; a look-up that finds its attendee gives its miss
          slot back, so double taps and retries are never refused for misses.
        - Hits (``SIGN_OUT_HITS_PER_TARGET``): every look-up that finds a record spends one, never given back.
          One holding the sign-in code can sign in decoys (made-up records for candidate numbers ending in a
          co-attendee's last four; at most ``SIGN_IN_PER_TARGET`` of them), so that each look-up finds something
          and no miss is spent; the co-attendee's record would stand out among the decoys. With hits counted, a
          target answers at most ``SIGN_OUT_HITS_PER_TARGET`` records and ``FAILURES`` misses a day, whoever asks.

        Both slots are taken before looking (parallel look-ups cannot outrun the counts) and a locked target
        answers one and the same ``LOOKUP_LOCKED``, whatever is sent. Misses also count against the source (a
        minute's allowance sized for a hospital's NAT). Hashes use the session's key (every record of the session
        has that key)."""
        session_id = approved.session.session_id
        minute = self._budgets.admit("sign-out", source_ip, SIGN_OUT_REQUESTS_PER_ADDRESS, SIGN_OUT_MISSES_PER_ADDRESS)
        if data.id_number:
            number = identity.parse_resident_id(data.id_number, china_today(utc_now())).number
            key = identity.lookup_hash(number, approved.pii_key)
            target = _look_up_target(session_id, window, "id", number[-4:])
        elif data.mobile:
            mobile = identity.check_mobile(data.mobile)
            key = identity.lookup_hash(mobile, approved.pii_key)
            target = _look_up_target(session_id, window, "mobile", identity.mask_mobile(mobile))
        else:
            raise ValidationFailed("IDENTITY_REQUIRED", "请输入手机号或身份证号码", "mobile")
        with (
            self._budgets.reserve("sign-out", [target], _lookup_locked()) as miss,  # both given back if this raises
            self._budgets.reserve("sign-out-hit", [target], _lookup_locked(), limit=SIGN_OUT_HITS_PER_TARGET) as hit,
        ):
            attendee = self._record(session_id, window, key, by_id=bool(data.id_number))
        if attendee is None:
            hit.give_back()
            miss.spend()
            self._budgets.missed(minute)
            raise AppError("NOT_SIGNED_IN", "未找到您的签到记录，请确认号码或先签到", None, status=404)
        miss.give_back()
        hit.spend()
        return attendee

    @staticmethod
    def _record(session_id: str, window: Window, key: str, by_id: bool) -> Attendance | None:
        """The attendance record of the person ``key`` (keyed hash of the ID number, or of the mobile) names."""
        if by_id:
            try:
                return Attendance.get(session_id, key if window.day is None else f"{key}#{window.day}")
            except DoesNotExist:
                return None
        index_key = "#".join(part for part in (session_id, window.day, key) if part)
        return next(iter(Attendance.mobile_index.query(index_key, limit=1)), None)

    def _approved(self, session_id: str) -> ApprovedSession:
        """The approved session a code belongs to. Kept in this process for ``APPROVED_CACHE_SECONDS`` because
        thousands of phones scan the same session within minutes; an approved session changes only when the
        scheduled close replaces its secret, after its window has ended (so a stale copy refuses by window)."""
        now = time.monotonic()
        cached = self._approved_cache.get(session_id)
        if cached and cached[0] > now:
            return cached[1]
        try:
            session = Session.get(session_id)
        except DoesNotExist:
            raise NotFound("签到码无效") from None
        if session.status != "approved" or not session.qr_secret:
            raise NotFound("签到码无效")
        approved = ApprovedSession.of(session, self._key)
        if len(self._approved_cache) >= APPROVED_CACHE_SIZE:
            self._approved_cache.pop(next(iter(self._approved_cache)))
        self._approved_cache[session_id] = (now + APPROVED_CACHE_SECONDS, approved)
        return approved

    @staticmethod
    def _evaluate(approved: ApprovedSession, kind: str, token: str) -> CodePageState:
        # The window is judged first, so a code scanned after closing (its secret rotated) still says when it was.
        session, now = approved.session, utc_now()
        window, state = current_window(approved.windows, kind, now)
        label = KIND_NAMES[kind]
        if state == "not_yet":
            return CodePageState(session, window, state, f"{label}尚未开始。{_when(window)}")
        if state == "closed":
            return CodePageState(session, window, state, f"{label}已结束。{_when(window)}")
        if not check_token(approved.secret, session.session_id, kind, token, now, approved.refresh_seconds):
            return CodePageState(session, window, "invalid", f"{_INVALID_CODE}。{_when(window)}")
        return CodePageState(session, window, "open", _when(window))

    def _open(self, approved: ApprovedSession, kind: str, token: str) -> Window:
        result = self._evaluate(approved, kind, token)
        if result.state == "invalid":
            raise _closed("CODE_INVALID", result.message)
        if result.state != "open":
            raise _closed("WINDOW_NOT_OPEN" if result.state == "not_yet" else "WINDOW_CLOSED", result.message)
        return result.window
