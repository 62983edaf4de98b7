"""数据保留期限: the office reads and sets the retention policy (the removal run itself is in schedules.py)."""

from __future__ import annotations

from typing import Any

from chalice import Blueprint

from chalicelib import schemas
from chalicelib import services as rules
from chalicelib.api import operation
from chalicelib.container import services
from chalicelib.principal import Principal

bp = Blueprint(__name__)


def policy_out(policy: dict[str, Any]) -> schemas.retention.RetentionPolicyOut:
    limits = rules.retention_rules
    return schemas.retention.RetentionPolicyOut(
        **policy,
        defaults={"details_years": limits.DEFAULT_DETAILS_YEARS, "rejection_days": limits.DEFAULT_REJECTION_DAYS},
        bounds=schemas.retention.RetentionBounds(
            details_years_min=limits.DETAILS_YEARS[0],
            details_years_max=limits.DETAILS_YEARS[1],
            rejection_days_min=limits.REJECTION_DAYS[0],
            rejection_days_max=limits.REJECTION_DAYS[1],
        ),
        removed=list(limits.REMOVED_LABELS),
        kept=list(limits.KEPT_LABELS),
    )


@operation(bp, "/retention-policy", "GET", summary="数据保留期限（省继教办）", tag="数据保留", errors=(403,))
def get_retention_policy(principal: Principal) -> schemas.retention.RetentionPolicyOut:
    return policy_out(services().retention.view(principal))


@operation(
    bp,
    "/retention-policy",
    "PUT",
    summary="修改数据保留期限（省继教办，次日删除运行起生效）",
    tag="数据保留",
    errors=(403, 409),
)
def put_retention_policy(
    principal: Principal, body: schemas.retention.RetentionPolicyIn
) -> schemas.retention.RetentionPolicyOut:
    policy = services().retention.update(principal, body.version, body.details_years, body.rejection_days)
    return policy_out(policy)
