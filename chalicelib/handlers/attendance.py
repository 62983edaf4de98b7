"""Attendance routes: the phone's scan, sign-in and sign-out; the organizer's codes, live counts, paged roster,
export (a background job, 202), statistics and refused scans; the settings form's preview of windows."""

from __future__ import annotations

from datetime import datetime

from chalice import Blueprint

from chalicelib import schemas
from chalicelib import services as rules
from chalicelib.api import operation
from chalicelib.container import services
from chalicelib.errors import NotFound
from chalicelib.principal import Principal
from chalicelib.timeutil import CHINA, to_iso

bp = Blueprint(__name__)


def _kind(kind: str) -> rules.attendance_rules.Kind:
    try:
        return rules.attendance_rules.kind_of(kind)
    except ValueError:
        raise NotFound() from None


@operation(
    bp,
    "/public/attendance/{session_id}/{kind}",
    "GET",
    summary="扫码后的签到/签退页面信息",
    tag="签到",
    public=True,
    errors=(404,),
)
def code_page(
    session_id: str, kind: str, query: schemas.attendance.TokenQuery, source_ip: str
) -> schemas.attendance.CodePage:
    result = services().signing.page(session_id, _kind(kind), query.t, source_ip)
    session = result.session
    return schemas.attendance.CodePage(
        project_name=session.project_name,
        project_number=session.project_number,
        seq=int(session.seq),
        venue=session.venue,
        start_date=session.start_date,
        end_date=session.end_date,
        window=schemas.sessions.WindowOut.of(result.window),
        state=result.state,
        message=result.message,
    )


@operation(
    bp,
    "/public/attendance/{session_id}/sign-in",
    "POST",
    summary="学员签到（幂等；同一身份证号码后四位每场每天最多新建20条签到记录）",
    tag="签到",
    public=True,
    errors=(403, 404, 429),
)
def sign_in(session_id: str, body: schemas.attendance.SignIn, source_ip: str) -> schemas.attendance.SignInResult:
    status, attendee = services().signing.sign_in(session_id, body, source_ip)
    # Masked: anyone holding the day's code could otherwise learn who attended by trying ID numbers.
    name = rules.identity.mask_name(attendee.name) if attendee.name is not None else None
    return schemas.attendance.SignInResult(status=status, signed_in_at=attendee.signed_in_at, name=name)


@operation(
    bp,
    "/public/attendance/{session_id}/sign-out/lookup",
    "POST",
    summary="签退前核对身份（按来源限流；同一号码失败5次锁定24小时）",
    tag="签到",
    public=True,
    errors=(403, 404, 429),
)
def sign_out_lookup(
    session_id: str, body: schemas.attendance.Identify, source_ip: str
) -> schemas.attendance.AttendeeCheck:
    attendee, questionnaire = services().signing.check(session_id, body, source_ip)
    # Masked: whoever holds the day's code and someone's mobile would otherwise learn their unit and ID digits.
    return schemas.attendance.AttendeeCheck(
        name=rules.identity.mask_name(attendee.name),
        id_number=rules.identity.mask_id_public(attendee.id_masked),
        unit=rules.identity.mask_unit(attendee.unit),
        signed_in_at=attendee.signed_in_at,
        signed_out_at=attendee.signed_out_at,
        questionnaire=schemas.attendance.Questionnaire.model_validate(questionnaire),
    )


@operation(
    bp,
    "/public/attendance/{session_id}/sign-out",
    "POST",
    summary="学员签退（含问卷，幂等；与核对身份共用限流与失败次数）",
    tag="签到",
    public=True,
    errors=(403, 404, 429),
)
def sign_out(session_id: str, body: schemas.attendance.SignOut, source_ip: str) -> schemas.attendance.SignOutResult:
    status, attendee = services().signing.sign_out(session_id, body, source_ip)
    return schemas.attendance.SignOutResult(
        status=status, signed_in_at=attendee.signed_in_at, signed_out_at=attendee.signed_out_at, hours=attendee.hours
    )


@operation(
    bp,
    "/sessions/{session_id}/attendance/codes",
    "GET",
    summary="签到、签退二维码（当前有效的链接与图形）与时间窗口",
    tag="签到",
    errors=(403, 404, 409),
)
def codes(principal: Principal, session_id: str) -> schemas.attendance.Codes:
    from chalicelib.services.qr_images import qr_svg

    sheet = services().attendance_console.codes(principal, session_id)
    urls = {code.kind: code.url for code in sheet.codes}
    return schemas.attendance.Codes(
        refresh_seconds=sheet.refresh_seconds,
        valid_until=to_iso(sheet.valid_until),
        sign_in_url=urls["in"],
        sign_out_url=urls["out"],
        codes=[
            schemas.attendance.CodeOut(
                kind=code.kind,
                label=rules.attendance_rules.KIND_NAMES[code.kind],
                url=code.url,
                svg=qr_svg(code.url),
                window=schemas.sessions.WindowOut.of(code.window),
                state=code.state,
            )
            for code in sheet.codes
        ],
        windows=[schemas.sessions.WindowOut.of(window) for window in sheet.windows],
    )


@operation(
    bp,
    "/sessions/{session_id}/attendance/codes/{kind}/file",
    "GET",
    summary="下载二维码（PNG、SVG 或 A4 海报 PDF）",
    tag="签到",
    errors=(403, 404, 409),
)
def code_file(
    principal: Principal, session_id: str, kind: str, query: schemas.attendance.CodeFileQuery
) -> schemas.projects.Download:
    url, filename = services().attendance_console.code_file(principal, session_id, _kind(kind), query.format)
    return schemas.projects.Download(url=url, filename=filename)


@operation(
    bp,
    "/sessions/{session_id}/attendance",
    "GET",
    summary="学员签到情况（实时人数与标记人数）",
    tag="签到",
    errors=(404,),
)
def attendance(principal: Principal, session_id: str) -> schemas.attendance.AttendanceTotals:
    return schemas.attendance.AttendanceTotals(**services().attendance_console.counts(principal, session_id))


@operation(
    bp,
    "/sessions/{session_id}/attendance/attendees",
    "GET",
    summary="学员名单（按签到先后分页，含状态与标记）",
    tag="签到",
    errors=(400, 404),
)
def attendees(
    principal: Principal, session_id: str, query: schemas.attendance.RosterQuery
) -> schemas.attendance.AttendeePage:
    page = services().attendance_console.roster_page(principal, session_id, query.limit, query.cursor)
    statuses, flags = page.statuses, page.flags
    items = [
        schemas.attendance.AttendeeOut(
            name=a.name,
            id_number=a.id_masked,
            gender=a.gender,
            age=int(a.age),
            mobile=rules.retention_rules.shown(a.mobile_masked),  # 已删除 past the retention policy
            unit=rules.retention_rules.shown(a.unit),
            department=rules.retention_rules.shown(a.department),
            region=a.region,
            grassroots=a.grassroots,
            title=a.title,
            position=a.position,
            education=a.education,
            day=a.day,
            signed_in_at=a.signed_in_at,
            signed_out_at=a.signed_out_at,
            hours=a.hours,
            status=statuses[a.attendee_key],
            questionnaire_done=bool(a.answers),
            flags=[
                schemas.attendance.FlagOut(code=flag, label=rules.attendance_rules.FLAG_LABELS[flag])
                for flag in flags[a.attendee_key]
            ],
        )
        for a in page.attendees
    ]
    return schemas.attendance.AttendeePage(items=items, next_cursor=page.next_cursor)


@operation(
    bp,
    "/sessions/{session_id}/attendance/export",
    "POST",
    summary="导出学员签到名单（Excel，后台任务）",
    tag="签到",
    status=202,
    errors=(404,),
)
def export_attendance(
    principal: Principal, session_id: str, idempotency_key: str | None = None
) -> schemas.jobs.JobStarted:
    job = services().jobs.start(principal, "attendance-export", {"session_id": session_id}, key=idempotency_key)
    return schemas.jobs.JobStarted.model_validate(job)


@operation(
    bp,
    "/sessions/{session_id}/attendance/questionnaire",
    "GET",
    summary="签退问卷统计",
    tag="签到",
    errors=(404,),
)
def questionnaire_statistics(principal: Principal, session_id: str) -> schemas.attendance.QuestionnaireStatistics:
    return schemas.attendance.QuestionnaireStatistics(
        **services().attendance_console.questionnaire_statistics(principal, session_id)
    )


@operation(
    bp,
    "/sessions/{session_id}/attendance/rejections",
    "GET",
    summary="异常扫码记录",
    tag="签到",
    errors=(400, 404),
)
def rejections(
    principal: Principal, session_id: str, query: schemas.attendance.RejectionQuery
) -> schemas.attendance.RejectionPage:
    page = services().attendance_console.rejections(principal, session_id, query.limit, query.cursor)
    return schemas.attendance.RejectionPage(
        items=[
            schemas.attendance.RejectionOut(
                at=r.at,
                last_at=r.last_at or r.at,
                repeats=int(r.repeats or 1),
                kind=rules.attendance_rules.kind_of(r.kind),
                code=r.code,
                message=r.message,
                id_number=r.id_masked,
            )
            for r in page.items
        ],
        next_cursor=page.next_cursor,
    )


@operation(
    bp,
    "/attendance/windows",
    "POST",
    summary="签到签退时间预览（按编辑中的教学日程和设置计算，不保存）",
    tag="签到",
    errors=(400,),
)
def preview_windows(
    principal: Principal, body: schemas.attendance.WindowsPreviewIn
) -> schemas.attendance.WindowsPreview:
    given = body.attendance
    plan = rules.attendance_rules.AttendancePlan(**given.model_dump()) if given else rules.attendance_rules.DEFAULT_PLAN
    times = [(datetime.combine(b.date, b.start, CHINA), datetime.combine(b.date, b.end, CHINA)) for b in body.schedule]
    windows = rules.attendance_rules.preview_windows(times, plan)
    return schemas.attendance.WindowsPreview(
        attendance=schemas.sessions.AttendanceSettingsOut(**plan.dump()),
        windows=[schemas.sessions.WindowOut.of(window) for window in windows],
    )
