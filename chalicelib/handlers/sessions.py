"""Holding-application routes: preparation, materials, the review steps (one route per step of
workflow_tables.SESSION) and the timeline."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from chalice import Blueprint

from chalicelib import schemas
from chalicelib import services as rules
from chalicelib.api import operation
from chalicelib.container import services
from chalicelib.errors import NotFound
from chalicelib.principal import Principal

if TYPE_CHECKING:
    from chalicelib.models import Session

bp = Blueprint(__name__)


def session_out(principal: Principal, session: Session) -> schemas.sessions.SessionOut:
    basis = rules.credit_rule_book.basis(session)
    rule = basis.rule
    earned, short = rule.schedule_credits(session.project_level, float(session.credits), float(session.teaching_hours))
    return schemas.sessions.SessionOut(
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
        schedule_credits=earned,
        credits_shortfall=short,
        credit_rule=schemas.credit_rules.RuleBasisOut(
            version=rule.version,
            effective_from=rule.effective_from,
            source_title=rule.source_title,
            reason=basis.reason,
        ),
        planned_attendees=int(session.planned_attendees),
        remark=session.remark,
        materials=[
            schemas.sessions.MaterialOut.model_validate(
                {"kind": kind, **{k: v for k, v in m.items() if k not in ("key", "version_id")}}
            )
            for kind, m in sorted((session.materials or {}).items())
        ],
        attendance=schemas.sessions.AttendanceSettingsOut.model_validate(
            rules.attendance_rules.attendance_plan(session).dump()
        ),
        windows=[schemas.sessions.WindowOut.of(window) for window in rules.attendance_rules.session_windows(session)],
        required_hours=rules.selection_rules.required_hours(session),
        report_status=cast("schemas.sessions.ReportStatus | None", session.report_status),
        report_status_label=rules.workflow_tables.REPORT.states.get(session.report_status or ""),
        deadline=schemas.sessions.DeadlineOut.of(rules.deadlines.deadline_of(session)),
        # The item's texts are validated against these literals as the answer is built.
        status=cast("schemas.sessions.SessionStatus", session.status),
        status_label=rules.workflow_tables.SESSION.states[session.status],
        review_reason=rules.sessions.session_review_reason(session),
        actions=cast("list[schemas.sessions.SessionAction]", services().sessions.actions(principal, session)),
        created_at=session.created_at,
        updated_at=session.updated_at,
    )


def _kind(kind: str) -> str:
    if kind not in rules.materials.ALLOWED:
        raise NotFound("资料类型不存在")
    return kind


@operation(
    bp,
    "/sessions",
    "GET",
    summary="举办申请列表（按角色范围）",
    tag="举办申请",
    errors=(403, 404),
)
def list_sessions(principal: Principal, query: schemas.sessions.SessionQuery) -> schemas.sessions.SessionPage:
    page = services().sessions.list(principal, query)
    return schemas.sessions.SessionPage(
        items=[session_out(principal, s) for s in page.items], next_cursor=page.next_cursor
    )


@operation(
    bp,
    "/projects/{project_id}/sessions",
    "POST",
    summary="申请举办一期",
    tag="举办申请",
    status=201,
    errors=(403, 404, 409),
)
def create_session(
    principal: Principal, project_id: str, body: schemas.sessions.SessionCreate
) -> schemas.sessions.SessionOut:
    return session_out(principal, services().sessions.create(principal, project_id, body))


@operation(bp, "/sessions/{session_id}", "GET", summary="举办申请详情", tag="举办申请", errors=(404,))
def get_session(principal: Principal, session_id: str) -> schemas.sessions.SessionOut:
    return session_out(principal, services().sessions.get(principal, session_id))


@operation(
    bp,
    "/sessions/{session_id}",
    "PUT",
    summary="修改举办申请",
    tag="举办申请",
    errors=(403, 404, 409),
)
def update_session(
    principal: Principal, session_id: str, body: schemas.sessions.SessionUpdate
) -> schemas.sessions.SessionOut:
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
    errors=(403, 404, 409),
)
def upload_ticket(
    principal: Principal, session_id: str, kind: str, body: schemas.sessions.UploadRequest
) -> schemas.sessions.UploadTicket:
    ticket, key = services().session_materials.upload_ticket(
        principal, session_id, _kind(kind), body.content_type, body.size
    )
    return schemas.sessions.UploadTicket(
        url=ticket["url"],
        fields=ticket["fields"],
        key=key,
        max_bytes=rules.materials.MAX_BYTES,
        expires_in=rules.files.UPLOAD_SECONDS,
    )


@operation(
    bp,
    "/sessions/{session_id}/materials/{kind}/confirm",
    "POST",
    summary="确认资料上传",
    tag="举办申请",
    errors=(403, 404, 409),
)
def confirm_upload(
    principal: Principal, session_id: str, kind: str, body: schemas.sessions.UploadConfirm
) -> schemas.sessions.SessionOut:
    session = services().session_materials.confirm_upload(principal, session_id, _kind(kind), body.key, body.filename)
    return session_out(principal, session)


@operation(
    bp,
    "/sessions/{session_id}/materials/{kind}",
    "GET",
    summary="查看资料（预签名下载链接）",
    tag="举办申请",
    errors=(404,),
)
def material_url(principal: Principal, session_id: str, kind: str) -> schemas.projects.MaterialLink:
    url, filename, view_url = services().session_materials.material_url(principal, session_id, _kind(kind))
    return schemas.projects.MaterialLink(url=url, filename=filename, view_url=view_url)


@operation(
    bp,
    "/sessions/{session_id}/materials/{kind}",
    "DELETE",
    summary="删除资料",
    tag="举办申请",
    errors=(403, 404, 409),
)
def remove_material(principal: Principal, session_id: str, kind: str) -> schemas.sessions.SessionOut:
    return session_out(principal, services().session_materials.remove_material(principal, session_id, _kind(kind)))


@operation(bp, "/sessions/{session_id}/timeline", "GET", summary="办理过程", tag="举办申请", errors=(404,))
def timeline(principal: Principal, session_id: str) -> schemas.sessions.Timeline:
    events = services().sessions.timeline(principal, session_id)
    return schemas.sessions.Timeline(
        items=[
            schemas.sessions.TimelineEntry(
                at=e.at,
                actor=e.actor,
                actor_name=e.actor_name or e.actor,
                actor_role=e.actor_role,
                action=e.action,
                action_label=rules.audit_labels.action_label(e.action),
                reason=(e.after or {}).get("review_reason") if e.action == "session.return" else None,
            )
            for e in events
        ]
    )


# --- review steps (workflow_tables.SESSION; tests/unit/test_routes.py checks the summaries against it) -----------


def _step(principal: Principal, session_id: str, action: str, reason: str | None = None) -> schemas.sessions.SessionOut:
    return session_out(principal, services().sessions.transition(principal, session_id, action, reason))


@operation(
    bp,
    "/sessions/{session_id}/submit",
    "POST",
    summary="提交申请（立项用户）",
    tag="举办申请审核",
    errors=(403, 404, 409),
)
def submit_session(principal: Principal, session_id: str) -> schemas.sessions.SessionOut:
    return _step(principal, session_id, "submit")


@operation(
    bp,
    "/sessions/{session_id}/forward",
    "POST",
    summary="确认并上报（行政用户）",
    tag="举办申请审核",
    errors=(403, 404, 409),
)
def forward_session(principal: Principal, session_id: str) -> schemas.sessions.SessionOut:
    return _step(principal, session_id, "forward")


@operation(
    bp,
    "/sessions/{session_id}/return",
    "POST",
    summary="退回修改（行政用户或省继教办）",
    tag="举办申请审核",
    errors=(403, 404, 409),
)
def return_session(
    principal: Principal, session_id: str, body: schemas.sessions.SessionReason
) -> schemas.sessions.SessionOut:
    return _step(principal, session_id, "return", body.reason)


@operation(
    bp,
    "/sessions/{session_id}/approve",
    "POST",
    summary="审核通过（省继教办）",
    tag="举办申请审核",
    errors=(403, 404, 409),
)
def approve_session(principal: Principal, session_id: str) -> schemas.sessions.SessionOut:
    return _step(principal, session_id, "approve")
