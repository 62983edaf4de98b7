"""Draft routes of the holding application form (new and existing) and of the execution report: read and save the
form as typed, under the draft's version."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from chalice import Blueprint

from chalicelib import schemas
from chalicelib import services as rules
from chalicelib.api import operation
from chalicelib.container import services
from chalicelib.principal import Principal

if TYPE_CHECKING:
    from chalicelib.services.drafts import Draft

bp = Blueprint(__name__)
_ERRORS = (403, 404, 409)


def _fields(draft: Draft) -> dict[str, Any]:
    return {
        "data": draft.data,
        "version": draft.version,
        "updated_by": draft.updated_by,
        "updated_at": draft.updated_at,
    }


def _session_out(draft: Draft) -> schemas.drafts.SessionDraftOut:
    return schemas.drafts.SessionDraftOut.model_validate(_fields(draft))


def _report_out(draft: Draft) -> schemas.drafts.ReportDraftOut:
    return schemas.drafts.ReportDraftOut.model_validate(_fields(draft))


def _data(body: schemas.drafts.SessionDraftIn | schemas.drafts.ReportDraftIn) -> dict[str, Any] | None:
    return body.data.model_dump(mode="json") if body.data is not None else None


@operation(
    bp, "/projects/{project_id}/session-draft", "GET", summary="申请举办草稿（本人）", tag="举办申请", errors=_ERRORS
)
def get_new_session_draft(principal: Principal, project_id: str) -> schemas.drafts.SessionDraftOut:
    return _session_out(rules.drafts.read(services().drafts.new_session(principal, project_id)))


@operation(
    bp, "/projects/{project_id}/session-draft", "PUT", summary="保存申请举办草稿", tag="举办申请", errors=_ERRORS
)
def put_new_session_draft(
    principal: Principal, project_id: str, body: schemas.drafts.SessionDraftIn
) -> schemas.drafts.SessionDraftOut:
    key = services().drafts.new_session(principal, project_id)
    return _session_out(rules.drafts.write(principal, key, body.version, _data(body)))


@operation(bp, "/sessions/{session_id}/draft", "GET", summary="举办申请草稿", tag="举办申请", errors=_ERRORS)
def get_session_draft(principal: Principal, session_id: str) -> schemas.drafts.SessionDraftOut:
    return _session_out(rules.drafts.read(services().drafts.session(principal, session_id, writing=False)))


@operation(bp, "/sessions/{session_id}/draft", "PUT", summary="保存举办申请草稿", tag="举办申请", errors=_ERRORS)
def put_session_draft(
    principal: Principal, session_id: str, body: schemas.drafts.SessionDraftIn
) -> schemas.drafts.SessionDraftOut:
    key = services().drafts.session(principal, session_id, writing=True)
    return _session_out(rules.drafts.write(principal, key, body.version, _data(body)))


@operation(bp, "/sessions/{session_id}/report/draft", "GET", summary="执行情况草稿", tag="学分", errors=_ERRORS)
def get_report_draft(principal: Principal, session_id: str) -> schemas.drafts.ReportDraftOut:
    return _report_out(rules.drafts.read(services().drafts.report(principal, session_id, writing=False)))


@operation(bp, "/sessions/{session_id}/report/draft", "PUT", summary="保存执行情况草稿", tag="学分", errors=_ERRORS)
def put_report_draft(
    principal: Principal, session_id: str, body: schemas.drafts.ReportDraftIn
) -> schemas.drafts.ReportDraftOut:
    key = services().drafts.report(principal, session_id, writing=True)
    return _report_out(rules.drafts.write(principal, key, body.version, _data(body)))
