"""The audit log: an event per change written in the change's own transaction (``commit``), the office's daily reading,
and the Chinese name of every audit action (``action_label``)."""

from __future__ import annotations

import uuid
from functools import lru_cache
from typing import Any

from pynamodb.connection import Connection
from pynamodb.exceptions import TransactWriteError
from pynamodb.models import Model
from pynamodb.transactions import TransactWrite

from chalicelib import context
from chalicelib.errors import AppError, Conflict, Forbidden
from chalicelib.models import AuditEvent
from chalicelib.paging import Page, decode_cursor, encode_cursor
from chalicelib.principal import Principal
from chalicelib.timeutil import china_date, to_iso, utc_now


def audit_event(
    actor: Principal,
    action: str,
    target_type: str,
    target_id: str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEvent:
    """An audit record for a state change; save it in the same transaction as the change."""
    now = utc_now()
    event_id = uuid.uuid4().hex
    at = to_iso(now)
    return AuditEvent(
        day=china_date(now),
        event_key=f"{at}#{event_id}",
        event_id=event_id,
        at=at,
        actor=actor.username,
        actor_role=actor.role,
        actor_org_id=actor.org_id,
        action=action,
        target=f"{target_type}#{target_id}",
        target_type=target_type,
        target_id=target_id,
        before=before,
        after=after,
        request_id=context.request_id.get(),
    )


@lru_cache(maxsize=1)
def connection() -> Connection:
    """The connection of transactions, with the same timeouts and attempts as the models'."""
    from chalicelib.upstream import pynamodb_options

    return Connection(**pynamodb_options())


def commit(
    event: AuditEvent,
    *,
    creates: tuple[tuple[Model, Any], ...] = (),
    saves: tuple[Model, ...] = (),
    deletes: tuple[Model, ...] = (),
    updates: tuple[tuple[Model, list], ...] = (),
    conflict: AppError | None = None,
) -> None:
    """Write the change and its audit event atomically.

    A failed not-exists condition on one of ``creates`` raises ``conflict``; any other failed
    condition means someone changed the data first and raises CONCURRENT_UPDATE.

    ``creates`` pairs a new item with its not-exists condition; ``saves`` are read-modify-write
    puts guarded by the model's VersionAttribute (optimistic locking); ``updates`` are update actions
    on models read before, guarded by their version too.
    """
    # Undocumented pynamodb behaviour: TransactWrite sends condition checks, deletes, puts, then updates, whatever
    # the order of the calls, and a cancellation reason's index is its item's. Pinned by
    # tests/unit/test_pynamodb_private_api.py.
    try:
        with TransactWrite(connection=connection()) as tx:
            for model, condition in creates:
                tx.save(model, condition=condition)
            for model in saves:
                tx.save(model)
            for model in deletes:
                tx.delete(model)
            for model, actions in updates:
                tx.update(model, actions)
            tx.save(event, condition=AuditEvent.event_key.does_not_exist())
    except TransactWriteError as error:
        reasons = error.cancellation_reasons or []
        failed = [i for i, r in enumerate(reasons) if r and r.code == "ConditionalCheckFailed"]
        if not failed:
            if any(r and r.code == "TransactionConflict" for r in reasons):
                raise Conflict("CONCURRENT_UPDATE", "数据正被他人修改，请稍后重试") from None
            raise
        # pynamodb sends deletes before puts, so the creates sit right after the deletes.
        if conflict is not None and len(deletes) <= failed[0] < len(deletes) + len(creates):
            raise conflict from None
        raise Conflict("CONCURRENT_UPDATE", "数据已被他人修改，请刷新后重试") from None


# Actions that are no workflow step; the steps' names come from the tables in services/workflow.py.
_ACTION_LABELS = {
    "auth.login": "登录",
    "auth.login_failed": "登录失败",
    "account.create": "新增账号",
    "account.change_password": "修改密码",
    "account.reset_password": "重置密码",
    "account.disable": "停用账号",
    "account.enable": "启用账号",
    "organisation.create": "新增机构",
    "organisation.update": "编辑机构",
    "project.create": "新增项目",
    "project.update": "修改项目",
    "project.delete": "删除项目",
    "project.import": "导入项目",
    "project.import_rollback": "撤销导入",
    "session.create": "创建举办申请",
    "session.update": "修改举办申请",
    "session.upload": "上传资料",
    "session.remove_material": "删除资料",
    "session.delete": "删除举办申请",
    "report.save": "保存执行情况",
    "report.submit": "提交执行情况",
    "report.return": "退回执行情况",
    "selection.submit": "上报学员名单",
    "selection.return": "退回学员名单",
    "credits.grant": "授予学分",
    "deadline.extend": "延长上报期限",
    "certificate.revoke": "作废证书",
    "certificate.reissue": "重新签发证书",
    "questionnaire.create": "修改签退问卷",
}


@lru_cache(maxsize=1)
def action_labels() -> dict[str, str]:
    """Every audit action's Chinese name, as the audit log and a session's timeline show it."""
    from chalicelib.services.workflow import workflows

    labels = dict(_ACTION_LABELS)
    for workflow in workflows():
        labels.update(workflow.by_audit_action())
    return labels


def action_label(action: str) -> str:
    """The Chinese name of an audit action; an unknown one is shown as it is."""
    return action_labels().get(action, action)


def append(event: AuditEvent) -> None:
    """Write an event that goes with no change of data (a failed login): one conditional PutItem, no transaction."""
    event.save(condition=AuditEvent.event_key.does_not_exist())


class AuditLog:
    """Reads the audit log; only the provincial office may."""

    def list_day(self, principal: Principal, day: str, limit: int, cursor: str | None) -> Page[AuditEvent]:
        if not principal.is_office:
            raise Forbidden()
        start = decode_cursor(cursor, ("day", "event_key"), {"day": day})
        result = AuditEvent.query(day, scan_index_forward=False, limit=limit, last_evaluated_key=start)
        items = list(result)
        return Page(items=items, next_cursor=encode_cursor(result.last_evaluated_key))
