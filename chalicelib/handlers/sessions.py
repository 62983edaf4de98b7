from __future__ import annotations

from chalice import Blueprint

from chalicelib.api import operation, transition_routes
from chalicelib.container import services
from chalicelib.errors import NotFound
from chalicelib.models import Session
from chalicelib.principal import Principal
from chalicelib.schemas.projects import Download
from chalicelib.schemas.sessions import (
    DeadlineOut,
    SessionCreate,
    SessionOut,
    SessionPage,
    SessionQuery,
    SessionReason,
    SessionUpdate,
    Timeline,
    TimelineEntry,
    UploadConfirm,
    UploadRequest,
    UploadTicket,
    WindowOut,
)
from chalicelib.services import materials
from chalicelib.services.credits import REPORT_STATUS_LABELS, china_today, deadline_of, required_hours
from chalicelib.services.files import UPLOAD_SECONDS
from chalicelib.services.sessions import (
    ACTION_LABELS,
    STATUS_LABELS,
    attendance_plan,
    session_review_reason,
    session_windows,
)

bp = Blueprint(__name__)


def session_out(principal: Principal, session: Session) -> SessionOut:
    return SessionOut(
        session_id=session.session_id,
        project_id=session.project_id,
        seq=int(session.seq),
        project_number=session.project_number,
        project_name=session.project_name,
        project_level=session.project_level,
        leader=session.leader,
        credits=session.credits,
        org_id=session.org_id,
        org_name=session.org_name,
        department=session.department,
        venue=session.venue,
        start_date=session.start_date,
        end_date=session.end_date,
        schedule=session.schedule,
        teaching_hours=session.teaching_hours,
        planned_attendees=int(session.planned_attendees),
        remark=session.remark,
        materials=[
            {"kind": kind, **{k: v for k, v in m.items() if k not in ("key", "version_id")}}
            for kind, m in sorted((session.materials or {}).items())
        ],
        attendance=attendance_plan(session).dump(),
        windows=[WindowOut.of(window) for window in session_windows(session)],
        required_hours=required_hours(session),
        report_status=session.report_status,
        report_status_label=REPORT_STATUS_LABELS.get(session.report_status or ""),
        deadline=DeadlineOut.of(deadline_of(session, china_today())),
        status=session.status,
        status_label=STATUS_LABELS[session.status],
        review_reason=session_review_reason(session),
        actions=services().sessions.actions(principal, session),
        created_at=session.created_at,
        updated_at=session.updated_at,
    )


def _kind(kind: str) -> str:
    if kind not in materials.ALLOWED:
        raise NotFound("资料类型不存在")
    return kind


@operation(
    bp,
    "/sessions",
    "GET",
    summary="举办申请列表（按角色范围）",
    tag="举办申请",
    query=SessionQuery,
    response=SessionPage,
    errors=(403, 404),
)
def list_sessions(principal: Principal, query: SessionQuery) -> SessionPage:
    page = services().sessions.list(principal, query)
    return SessionPage(items=[session_out(principal, s) for s in page.items], next_cursor=page.next_cursor)


@operation(
    bp,
    "/projects/{project_id}/sessions",
    "POST",
    summary="申请举办一期",
    tag="举办申请",
    body=SessionCreate,
    response=SessionOut,
    status=201,
    errors=(403, 404, 409),
)
def create_session(principal: Principal, project_id: str, body: SessionCreate) -> SessionOut:
    return session_out(principal, services().sessions.create(principal, project_id, body))


@operation(
    bp, "/sessions/{session_id}", "GET", summary="举办申请详情", tag="举办申请", response=SessionOut, errors=(404,)
)
def get_session(principal: Principal, session_id: str) -> SessionOut:
    return session_out(principal, services().sessions.get(principal, session_id))


@operation(
    bp,
    "/sessions/{session_id}",
    "PUT",
    summary="修改举办申请",
    tag="举办申请",
    body=SessionUpdate,
    response=SessionOut,
    errors=(403, 404, 409),
)
def update_session(principal: Principal, session_id: str, body: SessionUpdate) -> SessionOut:
    return session_out(principal, services().sessions.update(principal, session_id, body))


@operation(
    bp,
    "/sessions/{session_id}",
    "DELETE",
    summary="删除举办申请（仅未上报）",
    tag="举办申请",
    status=204,
    errors=(403, 404, 409),
)
def delete_session(principal: Principal, session_id: str) -> None:
    services().sessions.delete(principal, session_id)


@operation(
    bp,
    "/sessions/{session_id}/materials/{kind}/upload",
    "POST",
    summary="获取资料上传凭证（预签名 POST）",
    tag="举办申请",
    body=UploadRequest,
    response=UploadTicket,
    errors=(403, 404, 409),
)
def upload_ticket(principal: Principal, session_id: str, kind: str, body: UploadRequest) -> UploadTicket:
    ticket, key = services().sessions.upload_ticket(principal, session_id, _kind(kind), body.content_type, body.size)
    return UploadTicket(
        url=ticket["url"], fields=ticket["fields"], key=key, max_bytes=materials.MAX_BYTES, expires_in=UPLOAD_SECONDS
    )


@operation(
    bp,
    "/sessions/{session_id}/materials/{kind}/confirm",
    "POST",
    summary="确认资料上传",
    tag="举办申请",
    body=UploadConfirm,
    response=SessionOut,
    errors=(403, 404, 409),
)
def confirm_upload(principal: Principal, session_id: str, kind: str, body: UploadConfirm) -> SessionOut:
    session = services().sessions.confirm_upload(principal, session_id, _kind(kind), body.key, body.filename)
    return session_out(principal, session)


@operation(
    bp,
    "/sessions/{session_id}/materials/{kind}",
    "GET",
    summary="查看资料（预签名下载链接）",
    tag="举办申请",
    response=Download,
    errors=(404,),
)
def material_url(principal: Principal, session_id: str, kind: str) -> Download:
    url, filename = services().sessions.material_url(principal, session_id, _kind(kind))
    return Download(url=url, filename=filename)


@operation(
    bp,
    "/sessions/{session_id}/materials/{kind}",
    "DELETE",
    summary="删除资料",
    tag="举办申请",
    response=SessionOut,
    errors=(403, 404, 409),
)
def remove_material(principal: Principal, session_id: str, kind: str) -> SessionOut:
    return session_out(principal, services().sessions.remove_material(principal, session_id, _kind(kind)))


@operation(
    bp, "/sessions/{session_id}/timeline", "GET", summary="办理过程", tag="举办申请", response=Timeline, errors=(404,)
)
def timeline(principal: Principal, session_id: str) -> Timeline:
    events = services().sessions.timeline(principal, session_id)
    return Timeline(
        items=[
            TimelineEntry(
                at=e.at,
                actor=e.actor,
                actor_role=e.actor_role,
                action=e.action,
                action_label=ACTION_LABELS.get(e.action, e.action),
                reason=(e.after or {}).get("review_reason") if e.action == "session.return" else None,
            )
            for e in events
        ]
    )


def _act(principal: Principal, session_id: str, action: str, reason: str | None) -> SessionOut:
    return session_out(principal, services().sessions.transition(principal, session_id, action, reason))


transition_routes(
    bp,
    "/sessions/{session_id}",
    "举办申请审核",
    {
        "submit": ("提交申请（立项用户）", False),
        "forward": ("确认并上报（行政用户）", False),
        "return": ("退回修改（行政用户或省继教办）", True),
        "approve": ("审核通过（省继教办）", False),
    },
    SessionReason,
    SessionOut,
    _act,
)
