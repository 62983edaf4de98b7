"""Drafts of the session form and of the execution report, saved as the user works: each under its own version (a
stale writer gets 409 DRAFT_STALE), readable and writable by those who may edit the object, cleared in the
transaction that saves or submits the object; no audit (the save or submission is audited)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pynamodb.exceptions import DeleteError, DoesNotExist, PutError

from chalicelib.errors import Conflict, Forbidden
from chalicelib.models import FormDraft
from chalicelib.principal import Principal
from chalicelib.timeutil import to_iso, utc_now

if TYPE_CHECKING:
    from chalicelib.services.execution_reports import ExecutionReports
    from chalicelib.services.projects import ProjectService
    from chalicelib.services.sessions import SessionService


def session_key(session_id: str) -> str:
    return f"draft#session#{session_id}"


def report_key(session_id: str) -> str:
    return f"draft#report#{session_id}"


def new_session_key(project_id: str, username: str) -> str:
    """A holding application not created yet has no item to hang a draft on: the draft is the user's, per project."""
    return f"draft#new-session#{project_id}#{username}"


@dataclass(frozen=True)
class Draft:
    """A form's draft as stored; ``version`` 0 and no ``data`` when there is none."""

    data: dict[str, Any] | None
    version: int
    updated_by: str | None
    updated_at: str | None


def _stale() -> Conflict:
    return Conflict("DRAFT_STALE", "草稿已被他人更新或已随保存、提交清除，请刷新页面后继续填写", "version")


def read(key: str) -> Draft:
    """The draft at ``key`` (one GetItem)."""
    try:
        item = FormDraft.get(key)
    except DoesNotExist:
        return Draft(None, 0, None, None)
    return Draft(item.data, int(item.version or 0), item.updated_by, item.updated_at)


def write(principal: Principal, key: str, version: int, data: dict[str, Any] | None) -> Draft:
    """Save ``data`` as the draft at ``key`` if it is still at ``version`` (0: none yet), or discard it (``data``
    None); a draft changed or cleared since answers DRAFT_STALE."""
    if data is None:
        if version:
            try:
                FormDraft(claim=key, data={}, updated_by="", updated_at="", version=version).delete()
            except DeleteError as error:
                if error.cause_response_code != "ConditionalCheckFailedException":
                    raise
                raise _stale() from None
        return Draft(None, 0, None, None)
    item = FormDraft(claim=key, data=data, updated_by=principal.username, updated_at=to_iso(utc_now()))
    if version:
        item.version = version
    try:
        item.save()  # under the version read: of two writers at once, one goes on
    except PutError as error:
        if error.cause_response_code != "ConditionalCheckFailedException":
            raise
        raise _stale() from None
    return Draft(item.data, int(item.version), item.updated_by, item.updated_at)


def clearing(key: str) -> tuple[FormDraft, ...]:
    """The draft at ``key`` to delete in the transaction that saves or submits its object (guarded by the version
    read: a draft saved meanwhile fails that transaction with CONCURRENT_UPDATE rather than outlive it); none when
    there is no draft."""
    try:
        return (FormDraft.get(key),)
    except DoesNotExist:
        return ()


def require_organizer(principal: Principal, what: str) -> None:
    """Only organizers fill in the session form and the execution report."""
    if principal.role != "organizer":
        raise Forbidden(f"只有立项用户可以填写{what}")


class FormDrafts:
    """The drafts of the holding application (new or existing) and of the execution report, authorised like the
    objects themselves: reading needs sight of the object and the organizer's role, writing the right to edit it."""

    def __init__(self, projects: ProjectService, sessions: SessionService, reports: ExecutionReports) -> None:
        self._projects = projects
        self._sessions = sessions
        self._reports = reports

    def new_session(self, principal: Principal, project_id: str) -> str:
        """The key of the caller's draft of a new application of the project (which must be published)."""
        project = self._projects.get(principal, project_id)
        require_organizer(principal, "举办申请")
        if project.status != "approved":
            raise Conflict("PROJECT_NOT_PUBLISHED", "项目尚未公布，不能申请举办")
        return new_session_key(project.project_id, principal.username)

    def session(self, principal: Principal, session_id: str, writing: bool) -> str:
        """The key of the application's draft; writing needs the application editable (未上报 or 已退回)."""
        session = self._sessions.get(principal, session_id)
        require_organizer(principal, "举办申请")
        if writing and "edit" not in self._sessions.actions(principal, session):
            raise Conflict("SESSION_LOCKED", "举办申请已提交，不能修改")
        return session_key(session.session_id)

    def report(self, principal: Principal, session_id: str, writing: bool) -> str:
        """The key of the execution report's draft; writing needs the report's edit step open to the caller."""
        session, _ = self._reports.report(principal, session_id)
        require_organizer(principal, "执行情况")
        if writing:
            self._reports.check(principal, session, "edit")
        return report_key(session.session_id)
