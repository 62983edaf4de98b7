"""The audit log: an event per change written in the change's own transaction (``commit``), or alone (``append``),
and the office's daily reading. Each event keeps who acted (display name) and what the target was called when it
was written, so that reading a page of the log costs no look-up per row."""

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
    *,
    title: str | None = None,
) -> AuditEvent:
    """An audit record for a state change; save it in the same transaction as the change.

    ``title`` is what the target is called (see ``session_title``); projects, organisations and accounts are named
    from their snapshots when it is not given."""
    now = utc_now()
    event_id = uuid.uuid4().hex
    at = to_iso(now)
    return AuditEvent(
        day=china_date(now),
        event_key=f"{at}#{event_id}",
        event_id=event_id,
        at=at,
        actor=actor.username,
        actor_name=actor.display_name or None,
        actor_role=actor.role,
        actor_org_id=actor.org_id,
        action=action,
        target=f"{target_type}#{target_id}",
        target_type=target_type,
        target_id=target_id,
        target_title=title or _snapshot_title(target_type, after or before),
        before=before,
        after=after,
        request_id=context.request_id.get(),
    )


def session_title(project_name: str, seq: Any) -> str:
    """A session as the audit log names it: 项目名 · 第N期."""
    return f"{project_name} · 第{int(seq)}期"


# The snapshot field that names a target of these types.
_TITLE_FIELDS = {"project": "name", "organisation": "name", "account": "display_name", "import": "filename"}


def _snapshot_title(target_type: str, snapshot: dict[str, Any] | None) -> str | None:
    field = _TITLE_FIELDS.get(target_type)
    value = (snapshot or {}).get(field) if field else None
    return str(value) if value else None


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
    guarded: tuple[tuple[Model, list, Any], ...] = (),
    conflict: AppError | None = None,
    via: Connection | None = None,
) -> None:
    """Write the change and its audit event atomically (through ``via``, a tool's own connection, if given).

    A failed not-exists condition on one of ``creates`` raises ``conflict``; any other failed
    condition means someone changed the data first and raises CONCURRENT_UPDATE.

    ``creates`` pairs a new item with its not-exists condition; ``saves`` are read-modify-write
    puts guarded by the model's VersionAttribute (optimistic locking); ``updates`` are update actions
    on models read before, guarded by their version too; ``guarded`` are update actions with their own condition
    (models without a version, such as the person-year ledger).
    """
    # Undocumented pynamodb behaviour: TransactWrite sends condition checks, deletes, puts, then updates, whatever
    # the order of the calls, and a cancellation reason's index is its item's. Pinned by
    # tests/unit/test_pynamodb_private_api.py.
    try:
        with TransactWrite(connection=via or connection()) as tx:
            for model, condition in creates:
                tx.save(model, condition=condition)
            for model in saves:
                tx.save(model)
            for model in deletes:
                tx.delete(model)
            for model, actions in updates:
                tx.update(model, actions)
            for model, actions, condition in guarded:
                tx.update(model, actions, condition=condition)
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
