from __future__ import annotations

from chalice import Blueprint

from chalicelib.api import operation
from chalicelib.container import services
from chalicelib.errors import NotFound
from chalicelib.principal import Principal
from chalicelib.schemas.attendance import (
    AttendanceList,
    AttendeeCheck,
    AttendeeOut,
    CodePage,
    Codes,
    Identify,
    SignIn,
    SignInResult,
    SignOut,
    SignOutResult,
    TokenQuery,
    WindowOut,
)
from chalicelib.services import identity, questionnaire
from chalicelib.services.attendance import summary
from chalicelib.services.attendance_rules import KINDS
from chalicelib.timeutil import to_iso

bp = Blueprint(__name__)


def _window(window) -> WindowOut:
    return WindowOut(opens=to_iso(window.opens), closes=to_iso(window.closes))


@operation(
    bp,
    "/public/attendance/{session_id}/{kind}",
    "GET",
    summary="扫码后的签到/签退页面信息",
    tag="签到",
    query=TokenQuery,
    response=CodePage,
    public=True,
    errors=(404,),
)
def code_page(session_id: str, kind: str, query: TokenQuery) -> CodePage:
    if kind not in KINDS:
        raise NotFound()
    session, window, state, message = services().attendance.page(session_id, kind, query.t)
    return CodePage(
        project_name=session.project_name,
        project_number=session.project_number,
        seq=int(session.seq),
        venue=session.venue,
        start_date=session.start_date,
        end_date=session.end_date,
        window=_window(window),
        state=state,
        message=message,
    )


@operation(
    bp,
    "/public/attendance/{session_id}/sign-in",
    "POST",
    summary="学员签到（幂等）",
    tag="签到",
    body=SignIn,
    response=SignInResult,
    public=True,
    errors=(403, 404),
)
def sign_in(session_id: str, body: SignIn) -> SignInResult:
    status, attendee = services().attendance.sign_in(session_id, body)
    return SignInResult(status=status, signed_in_at=attendee.signed_in_at, name=attendee.name)


@operation(
    bp,
    "/public/attendance/{session_id}/sign-out/lookup",
    "POST",
    summary="签退前核对身份",
    tag="签到",
    body=Identify,
    response=AttendeeCheck,
    public=True,
    errors=(403, 404),
)
def sign_out_lookup(session_id: str, body: Identify) -> AttendeeCheck:
    attendee = services().attendance.check(session_id, body)
    return AttendeeCheck(
        name=identity.mask_name(attendee.name),
        id_number=attendee.id_masked,
        unit=attendee.unit,
        signed_in_at=attendee.signed_in_at,
        signed_out_at=attendee.signed_out_at,
        questionnaire=questionnaire.DEFAULT,
    )


@operation(
    bp,
    "/public/attendance/{session_id}/sign-out",
    "POST",
    summary="学员签退（含问卷，幂等）",
    tag="签到",
    body=SignOut,
    response=SignOutResult,
    public=True,
    errors=(403, 404),
)
def sign_out(session_id: str, body: SignOut) -> SignOutResult:
    status, attendee = services().attendance.sign_out(session_id, body)
    return SignOutResult(
        status=status, signed_in_at=attendee.signed_in_at, signed_out_at=attendee.signed_out_at, hours=attendee.hours
    )


@operation(
    bp,
    "/sessions/{session_id}/attendance/codes",
    "GET",
    summary="签到、签退二维码内容与时间窗口",
    tag="签到",
    response=Codes,
    errors=(404, 409),
)
def codes(principal: Principal, session_id: str) -> Codes:
    urls, windows, refresh = services().attendance.codes(principal, session_id)
    return Codes(
        sign_in_url=urls["in"],
        sign_out_url=urls["out"],
        refresh_seconds=refresh,
        sign_in_window=_window(windows["in"]),
        sign_out_window=_window(windows["out"]),
    )


@operation(
    bp,
    "/sessions/{session_id}/attendance",
    "GET",
    summary="学员签到情况",
    tag="签到",
    response=AttendanceList,
    errors=(404,),
)
def attendance(principal: Principal, session_id: str) -> AttendanceList:
    attendees = services().attendance.attendees(principal, session_id)
    items = [
        AttendeeOut(
            name=a.name,
            id_number=a.id_masked,
            gender=a.gender,
            age=int(a.age),
            mobile=a.mobile_masked,
            unit=a.unit,
            department=a.department,
            region=a.region,
            grassroots=a.grassroots,
            title=a.title,
            signed_in_at=a.signed_in_at,
            signed_out_at=a.signed_out_at,
            hours=a.hours,
        )
        for a in attendees
    ]
    return AttendanceList(items=items, **summary(attendees))
