"""The retention policy as the office sets it: read (the defaults until first saved) and replaced under its version,
audited with before and after."""

from __future__ import annotations

from typing import Any

from pynamodb.exceptions import DoesNotExist

from chalicelib.errors import Conflict, Forbidden
from chalicelib.models import RetentionPolicy
from chalicelib.principal import Principal
from chalicelib.services import office_books
from chalicelib.services.audit import audit_event
from chalicelib.services.retention_rules import Policy
from chalicelib.timeutil import to_iso, utc_now

KEY = "policy#retention"


def _figures(policy: Policy) -> dict[str, int]:
    return {"details_years": policy.details_years, "rejection_days": policy.rejection_days}


class RetentionPolicies:
    """The office's retention policy (one item); the removal run reads it at the start of each run."""

    def policy(self) -> Policy:
        """The policy in force: the saved one, or the defaults (one consistent GetItem)."""
        return _policy_of(self._saved())

    def view(self, principal: Principal) -> dict[str, Any]:
        """The policy with its version and who last changed it (office only)."""
        _office(principal)
        saved = self._saved()
        if saved is None:
            return {**_figures(Policy()), "version": 0, "updated_by": None, "updated_at": None}
        return {
            **_figures(_policy_of(saved)),
            "version": int(saved.version),
            "updated_by": saved.updated_by,
            "updated_at": saved.updated_at,
        }

    def update(self, principal: Principal, version: int, details_years: int, rejection_days: int) -> dict[str, Any]:
        """Replace the policy read at ``version`` (0: never saved); a stale version is 409 ``CONCURRENT_UPDATE``.
        The removal run applies it from its next run; the change and its audit event are one transaction."""
        _office(principal)
        saved = self._saved()
        current = int(saved.version) if saved is not None else 0
        changed = Conflict("CONCURRENT_UPDATE", "保留期限刚被他人修改，请刷新后重试")
        if version != current:
            raise changed
        before = _figures(_policy_of(saved))
        after = {"details_years": details_years, "rejection_days": rejection_days}
        record = saved or RetentionPolicy(KEY)
        record.details_years = details_years
        record.rejection_days = rejection_days
        record.updated_by = principal.username
        record.updated_at = to_iso(utc_now())
        event = audit_event(principal, "retention_policy.update", "retention_policy", "retention", before, after)
        office_books.save(event, record, saved is None, changed)
        return self.view(principal)

    @staticmethod
    def _saved() -> RetentionPolicy | None:
        try:
            return RetentionPolicy.get(KEY, consistent_read=True)
        except DoesNotExist:
            return None


def _policy_of(saved: RetentionPolicy | None) -> Policy:
    return Policy() if saved is None else Policy(int(saved.details_years), int(saved.rejection_days))


def _office(principal: Principal) -> None:
    if not principal.is_office:
        raise Forbidden("只有省继教办可以设置数据保留期限")
