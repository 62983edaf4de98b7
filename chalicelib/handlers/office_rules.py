"""Rules the office keeps as data: the credit-rule versions (学分规则) and the discipline catalogue (学科目录)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from chalice import Blueprint

from chalicelib import schemas
from chalicelib import services as rules
from chalicelib.api import operation
from chalicelib.container import services
from chalicelib.principal import Principal

if TYPE_CHECKING:
    from chalicelib.services.credit_rules import CreditRule

bp = Blueprint(__name__)


def rules_out(
    principal: Principal, versions: tuple[CreditRule, ...], revision: int
) -> schemas.credit_rules.CreditRules:
    """Newest first; who changed a version is the office's business."""
    book = rules.credit_rule_book
    current = book.in_force(rules=versions)
    items = [
        schemas.credit_rules.CreditRuleOut.model_validate(
            {
                **rule.dump(),
                **({} if principal.is_office else {"updated_by": None}),
                "state": book.state(rule, current),
                "editable": book.editable(rule),
            }
        )
        for rule in reversed(versions)
    ]
    return schemas.credit_rules.CreditRules(current=current.version, revision=revision, items=items)


def _rule_of(body: schemas.credit_rules.CreditRuleIn) -> CreditRule:
    return rules.credit_rules.CreditRule.of(
        {**body.model_dump(exclude={"revision"}), "effective_from": body.effective_from.isoformat()}
    )


@operation(bp, "/credit-rules", "GET", summary="学分规则（各版本及生效日期）", tag="学分规则")
def list_credit_rules(principal: Principal) -> schemas.credit_rules.CreditRules:
    return rules_out(principal, *services().credit_rules.view())


@operation(bp, "/credit-rules", "POST", summary="新增学分规则版本（省继教办）", tag="学分规则", errors=(400, 403, 409))
def create_credit_rule(
    principal: Principal, body: schemas.credit_rules.CreditRuleIn
) -> schemas.credit_rules.CreditRules:
    return rules_out(principal, *services().credit_rules.create(principal, body.revision, _rule_of(body)))


@operation(
    bp,
    "/credit-rules/{version}",
    "PUT",
    summary="修改未生效的学分规则版本（省继教办）",
    tag="学分规则",
    errors=(400, 403, 404, 409),
)
def update_credit_rule(
    principal: Principal, version: str, body: schemas.credit_rules.CreditRuleIn
) -> schemas.credit_rules.CreditRules:
    return rules_out(principal, *services().credit_rules.update(principal, version, body.revision, _rule_of(body)))


@operation(
    bp,
    "/credit-rules/{version}/withdraw",
    "POST",
    summary="撤销未生效的学分规则版本（省继教办）",
    tag="学分规则",
    errors=(403, 404, 409),
)
def withdraw_credit_rule(
    principal: Principal, version: str, body: schemas.credit_rules.RevisionIn
) -> schemas.credit_rules.CreditRules:
    return rules_out(principal, *services().credit_rules.withdraw(principal, version, body.revision))


def catalogue_out(catalogue: rules.disciplines.Catalogue) -> schemas.disciplines.CatalogueOut:
    return schemas.disciplines.CatalogueOut(
        revision=catalogue.revision,
        items=[schemas.disciplines.CatalogueEntryOut.model_validate(entry) for entry in catalogue.entries],
    )


@operation(bp, "/discipline-catalogue", "GET", summary="学科目录维护（省继教办）", tag="学科目录", errors=(403,))
def get_discipline_catalogue(principal: Principal) -> schemas.disciplines.CatalogueOut:
    return catalogue_out(services().disciplines.view(principal))


@operation(bp, "/discipline-catalogue", "POST", summary="新增学科（省继教办）", tag="学科目录", errors=(400, 403, 409))
def add_discipline(
    principal: Principal, body: schemas.disciplines.CatalogueEntryIn
) -> schemas.disciplines.CatalogueOut:
    return catalogue_out(services().disciplines.add(principal, body.revision, body.code, body.name))


@operation(
    bp,
    "/discipline-catalogue/{code}",
    "PUT",
    summary="停用或恢复学科（省继教办）",
    tag="学科目录",
    errors=(400, 403, 404, 409),
)
def retire_discipline(
    principal: Principal, code: str, body: schemas.disciplines.CatalogueRetireIn
) -> schemas.disciplines.CatalogueOut:
    return catalogue_out(services().disciplines.set_retired(principal, body.revision, code, body.retired))
