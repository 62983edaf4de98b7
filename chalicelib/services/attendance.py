from __future__ import annotations

from datetime import datetime
from typing import Any

from pynamodb.exceptions import DoesNotExist, PutError, UpdateError

from chalicelib.errors import AppError, Conflict, NotFound, ValidationFailed
from chalicelib.models import Attendance, Session
from chalicelib.principal import Principal
from chalicelib.schemas.attendance import Identify, SignIn, SignOut
from chalicelib.services import identity, questionnaire
from chalicelib.services.attendance_rules import (
    KINDS,
    Teaching,
    Window,
    attended_hours,
    check_token,
    code_token,
    default_windows,
    slot_of,
)
from chalicelib.services.sessions import SessionService
from chalicelib.timeutil import CHINA, to_iso, utc_now

KIND_LABELS = {"in": "签到", "out": "签退"}
_INVALID_CODE = "二维码无效或已过期，请扫描现场最新的二维码"


def teaching_blocks(session: Session) -> list[Teaching]:
    return [Teaching(_parse(b["starts_at"]), _parse(b["ends_at"]), float(b["hours"])) for b in session.schedule]


def windows(session: Session) -> dict[str, Window]:
    sign_in, sign_out = default_windows(teaching_blocks(session))
    return {"in": sign_in, "out": sign_out}


def _parse(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _china(moment: datetime) -> str:
    return moment.astimezone(CHINA).strftime("%Y-%m-%d %H:%M")


def _closed(code: str, message: str) -> AppError:
    return AppError(code, message, "t", status=403)


class AttendanceService:
    """QR sign-in and sign-out of attendees; the hot path is one read of the session and one write."""

    def __init__(self, sessions: SessionService, pii_key: bytes, app_origin: str) -> None:
        self._sessions = sessions
        self._key = pii_key
        self._origin = app_origin.rstrip("/")

    # --- public, from the attendee's phone ----------------------------------------------------

    def page(self, session_id: str, kind: str, token: str) -> tuple[Session, Window, str, str]:
        """What a scanned code leads to: the session, its window, and whether the code works now."""
        session = self._approved(session_id)
        window = windows(session)[kind]
        now = utc_now()
        label = KIND_LABELS[kind]
        when = f"{label}时间：{_china(window.opens)} 至 {_china(window.closes)}"
        if not check_token(session.qr_secret.encode(), session_id, kind, token, now, int(session.refresh_seconds)):
            return session, window, "invalid", _INVALID_CODE
        if now < window.opens:
            return session, window, "not_yet", f"{label}尚未开始。{when}"
        if now >= window.closes:
            return session, window, "closed", f"{label}已结束。{when}"
        return session, window, "open", when

    def sign_in(self, session_id: str, data: SignIn) -> tuple[str, Attendance]:
        """Idempotent: a repeated sign-in answers ``already`` with the first record's time."""
        session = self._open(session_id, "in", data.t)
        today = utc_now().astimezone(CHINA).date()
        resident = identity.parse_resident_id(data.id_number, today)
        if data.gender != resident.gender:
            raise ValidationFailed("GENDER_MISMATCH", "性别与身份证号码不一致", "gender")
        if abs(data.age - resident.age_on(today)) > 1:
            raise ValidationFailed("AGE_MISMATCH", "年龄与身份证号码不一致", "age")
        mobile = identity.check_mobile(data.mobile)
        attendee = Attendance(
            session_id=session.session_id,
            attendee_key=identity.lookup_hash(resident.number, self._key),
            session_mobile=f"{session.session_id}#{identity.lookup_hash(mobile, self._key)}",
            id_masked=identity.mask_id(resident.number),
            name=data.name,
            gender=resident.gender,
            age=resident.age_on(today),
            mobile_masked=identity.mask_mobile(mobile),
            unit=data.unit,
            department=data.department,
            region=data.region,
            grassroots=data.grassroots,
            title=data.title,
            position=data.position,
            education=data.education,
            client_id=data.client_id,
            signed_in_at=to_iso(utc_now()),
        )
        try:
            attendee.save(condition=Attendance.attendee_key.does_not_exist())
        except PutError as error:
            if error.cause_response_code != "ConditionalCheckFailedException":
                raise
            return "already", Attendance.get(attendee.session_id, attendee.attendee_key)
        return "signed_in", attendee

    def check(self, session_id: str, data: Identify) -> Attendance:
        self._open(session_id, "out", data.t)
        return self._find(session_id, data)

    def sign_out(self, session_id: str, data: SignOut) -> tuple[str, Attendance]:
        session = self._open(session_id, "out", data.t)
        attendee = self._find(session_id, data)
        if attendee.signed_out_at:
            return "already", attendee
        answers = questionnaire.check_answers(questionnaire.DEFAULT, data.answers)
        now = utc_now()
        hours = attended_hours(_parse(attendee.signed_in_at), now, teaching_blocks(session))
        try:
            attendee.update(
                actions=[
                    Attendance.signed_out_at.set(to_iso(now)),
                    Attendance.hours.set(hours),
                    Attendance.answers.set(answers),
                    Attendance.questionnaire_version.set(questionnaire.DEFAULT["version"]),
                ],
                condition=Attendance.signed_out_at.does_not_exist(),
            )
        except UpdateError as error:
            if error.cause_response_code != "ConditionalCheckFailedException":
                raise
            return "already", Attendance.get(attendee.session_id, attendee.attendee_key)
        return "signed_out", attendee

    def _find(self, session_id: str, data: Identify) -> Attendance:
        if data.id_number:
            key = identity.lookup_hash(data.id_number, self._key)
            try:
                return Attendance.get(session_id, key)
            except DoesNotExist:
                pass
        elif data.mobile:
            mobile = identity.check_mobile(data.mobile)
            index_key = f"{session_id}#{identity.lookup_hash(mobile, self._key)}"
            for attendee in Attendance.mobile_index.query(index_key, limit=1):
                return attendee
        else:
            raise ValidationFailed("IDENTITY_REQUIRED", "请输入手机号或身份证号码", "mobile")
        raise AppError("NOT_SIGNED_IN", "未找到您的签到记录，请确认号码或先签到", None, status=404)

    def _approved(self, session_id: str) -> Session:
        try:
            session = Session.get(session_id)
        except DoesNotExist:
            raise NotFound("签到码无效") from None
        if session.status != "approved" or not session.qr_secret:
            raise NotFound("签到码无效")
        return session

    def _open(self, session_id: str, kind: str, token: str) -> Session:
        session, _, state, message = self.page(session_id, kind, token)
        if state == "invalid":
            raise _closed("CODE_INVALID", message)
        if state != "open":
            raise _closed("WINDOW_NOT_OPEN" if state == "not_yet" else "WINDOW_CLOSED", message)
        return session

    # --- organizer and admin ------------------------------------------------------------------

    def codes(self, principal: Principal, session_id: str) -> tuple[dict[str, str], dict[str, Window], int]:
        session = self._sessions.get(principal, session_id)
        if session.status != "approved" or not session.qr_secret:
            raise Conflict("SESSION_NOT_APPROVED", "举办申请审核通过后才能获取二维码")
        refresh = int(session.refresh_seconds)
        slot = slot_of(utc_now(), refresh)
        secret = session.qr_secret.encode()
        urls = {
            kind: f"{self._origin}/m/{kind}/{session_id}?t={code_token(secret, session_id, kind, slot)}"
            for kind in KINDS
        }
        return urls, windows(session), refresh

    def attendees(self, principal: Principal, session_id: str) -> list[Attendance]:
        """The session's attendees in sign-in order."""
        attendees = Attendance.query(self._sessions.get(principal, session_id).session_id)
        return sorted(attendees, key=lambda attendee: attendee.signed_in_at)


def summary(attendees: list[Attendance]) -> dict[str, Any]:
    signed_out = sum(1 for a in attendees if a.signed_out_at)
    return {"signed_in": len(attendees), "signed_out": signed_out, "incomplete": len(attendees) - signed_out}
