"""The credit routes after a session: the execution report, the admin's selection, the office's grant (a background
job, 202) and deadline extensions, the granted credits and the credit rules."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from typing import TYPE_CHECKING, Any, cast

from chalice import Blueprint

from chalicelib import schemas
from chalicelib import services as rules
from chalicelib.api import operation
from chalicelib.container import services
from chalicelib.principal import Principal

if TYPE_CHECKING:
    from chalicelib.models import ExecutionReport, Session

bp = Blueprint(__name__)


def report_out(principal: Principal, session: Session, report: ExecutionReport) -> schemas.credits.ReportOut:
    rule = rules.credit_rule_book.of_session(session)
    reports = services().execution_reports
    signed_in, signed_out = reports.attendance_counts(session)
    return schemas.credits.ReportOut(
        status=cast("schemas.sessions.ReportStatus", session.report_status),
        status_label=rules.workflow_tables.REPORT.states[session.report_status],
        actual_start_date=report.actual_start_date,
        actual_end_date=report.actual_end_date,
        venue=report.venue,
        summary=report.summary,
        lecturers=[
            schemas.credits.LecturerOut(
                name=lecturer["name"],
                title=lecturer.get("title"),
                unit=lecturer.get("unit"),
                hours=lecturer["hours"],
                credits=rule.lecturer_credits(session.project_level, float(lecturer["hours"])),
                id_masked=lecturer.get("id_masked"),  # never the hash or the sealed copy
            )
            for lecturer in report.lecturers or []
        ],
        submitted_at=report.submitted_at,
        return_reason=report.return_reason,
        deadline=schemas.sessions.DeadlineOut.of(rules.deadlines.deadline_of(session)),
        extension=session.extension,
        required_hours=rules.selection_rules.required_hours(session),
        selected_count=int(report.selected_count) if report.selected_count is not None else None,
        attendance=schemas.credits.AttendanceCounts(
            signed_in=signed_in, signed_out=signed_out, incomplete=signed_in - signed_out
        ),
        actions=cast("list[schemas.sessions.ReportAction]", reports.actions(principal, session)),
    )


def _report_route(
    path: str, method: str, summary: str, errors: tuple[int, ...] = (403, 404, 409)
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    return operation(bp, path, method, summary=summary, tag="学分", errors=errors)


@_report_route("/sessions/{session_id}/report", "GET", "执行情况与学分办理状态", errors=(404, 409))
def get_report(principal: Principal, session_id: str) -> schemas.credits.ReportOut:
    return report_out(principal, *services().execution_reports.report(principal, session_id))


@_report_route("/sessions/{session_id}/report", "PUT", "填写执行情况（立项用户）", errors=(400, 403, 404, 409))
def save_report(principal: Principal, session_id: str, body: schemas.credits.ReportIn) -> schemas.credits.ReportOut:
    return report_out(principal, *services().execution_reports.save_report(principal, session_id, body))


@_report_route("/sessions/{session_id}/report/submit", "POST", "提交执行情况（立项用户）", errors=(400, 403, 404, 409))
def submit_report(principal: Principal, session_id: str) -> schemas.credits.ReportOut:
    return report_out(principal, *services().execution_reports.submit_report(principal, session_id))


@_report_route("/sessions/{session_id}/report/return", "POST", "退回执行情况（行政用户）")
def return_report(principal: Principal, session_id: str, body: schemas.credits.ReasonIn) -> schemas.credits.ReportOut:
    return report_out(principal, *services().execution_reports.return_report(principal, session_id, body.reason))


def _counts(counts: rules.selection.Counts) -> dict[str, Any]:
    return {
        "total": counts.total,
        "preselected_count": counts.preselected,
        "selected_count": counts.selected,
        "version": counts.version,
        "frozen": counts.frozen,
        "draft_updated_by": counts.draft_updated_by,
        "draft_updated_at": counts.draft_updated_at,
    }


@operation(
    bp,
    "/sessions/{session_id}/selection",
    "GET",
    summary="学员遴选名单（按人分页；预选达到规定学时者，含草稿或已上报的选择与人数）",
    tag="学分",
    errors=(400, 404, 409),
)
def get_selection(
    principal: Principal, session_id: str, query: schemas.credits.SelectionQuery
) -> schemas.credits.SelectionOut:
    page = services().selection.page(principal, session_id, query.limit, query.cursor, query.view)
    items = [
        schemas.credits.CandidateOut(
            **{k: v for k, v in asdict(p).items() if k in schemas.credits.CandidateOut.model_fields and k != "flags"},
            id_number=p.id_masked,
            flags=[
                schemas.attendance.FlagOut(
                    code=cast("schemas.attendance.FlagCode", flag), label=rules.attendance_rules.FLAG_LABELS[flag]
                )
                for flag in p.flags
            ],
        )
        for p in page.people
    ]
    return schemas.credits.SelectionOut(
        **_counts(page.counts),
        required_hours=rules.selection_rules.required_hours(page.session),
        items=items,
        next_cursor=page.next_cursor,
    )


@_report_route(
    "/sessions/{session_id}/selection/draft",
    "PUT",
    "保存学员遴选草稿（行政用户，随改随存）",
    errors=(400, 403, 404, 409),
)
def save_selection_draft(
    principal: Principal, session_id: str, body: schemas.credits.DraftIn
) -> schemas.credits.SelectionCounts:
    changes = [rules.selection_rules.Change(c.attendee_id, c.selected, c.reason) for c in body.changes]
    counts = services().selection.save_draft(principal, session_id, body.version, changes)
    return schemas.credits.SelectionCounts(**_counts(counts))


@_report_route(
    "/sessions/{session_id}/selection/submit",
    "POST",
    "上报学员名单（行政用户，提交已保存的草稿）",
    errors=(400, 403, 404, 409),
)
def submit_selection(
    principal: Principal, session_id: str, body: schemas.credits.SelectionIn
) -> schemas.credits.ReportOut:
    return report_out(principal, *services().selection.submit(principal, session_id, body.version))


@_report_route("/sessions/{session_id}/selection/return", "POST", "退回学员名单（省继教办）")
def return_selection(
    principal: Principal, session_id: str, body: schemas.credits.ReasonIn
) -> schemas.credits.ReportOut:
    return report_out(principal, *services().grants.return_selection(principal, session_id, body.reason))


@_report_route(
    "/sessions/{session_id}/deadline-extension",
    "POST",
    "延长学员名单上报期限（省继教办）",
    errors=(400, 403, 404, 409),
)
def extend_deadline(
    principal: Principal, session_id: str, body: schemas.credits.ExtensionIn
) -> schemas.credits.ReportOut:
    return report_out(principal, *services().grants.extend(principal, session_id, body.until, body.reason))


@operation(
    bp,
    "/sessions/{session_id}/credits/grant",
    "POST",
    summary="授予学分（省继教办，后台任务；授予中再次请求得到同一任务）",
    tag="学分",
    status=202,
    errors=(403, 404, 409),
)
def grant_credits(principal: Principal, session_id: str, idempotency_key: str | None = None) -> schemas.jobs.JobStarted:
    job = services().grants.grant(principal, session_id, key=idempotency_key)
    return schemas.jobs.JobStarted.model_validate(job)


@operation(
    bp,
    "/sessions/{session_id}/credits",
    "GET",
    summary="学分授予结果",
    tag="学分",
    errors=(404, 409),
)
def list_credits(principal: Principal, session_id: str) -> schemas.credits.CreditList:
    records = services().grants.credits(principal, session_id)
    items = [
        schemas.credits.CreditOut(
            kind=cast("schemas.credits.CreditKind", r.kind),
            name=r.name,
            id_number=r.id_masked,
            credit_class=r.credit_class,
            credits=r.credits,
            hours=r.hours,
            granted_at=r.granted_at,
        )
        for r in sorted(records, key=lambda record: (record.kind, record.credit_key))
    ]
    return schemas.credits.CreditList(total_credits=round(sum(float(r.credits) for r in records), 1), items=items)
