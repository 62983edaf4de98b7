"""The office's credit-rule versions: which version judges a session (the one in force on its approval day, pinned
then) or a year, and the office's changes (add, edit or withdraw a version before it takes effect), each with its
audit event in one transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from pynamodb.exceptions import DoesNotExist

from chalicelib.errors import Conflict, Forbidden, NotFound, ValidationFailed
from chalicelib.models import CreditRuleBook
from chalicelib.models.credit_rule_book import RuleVersion
from chalicelib.principal import Principal
from chalicelib.services import office_books
from chalicelib.services.audit import audit_event
from chalicelib.services.credit_rules import CreditRule, ordered, rule_of_year, rule_on, shipped_rules
from chalicelib.timeutil import china_today, to_iso, utc_now

if TYPE_CHECKING:
    from chalicelib.models import Session

KEY = "rules#credit"
MAX_VERSIONS = 40


def _saved() -> CreditRuleBook | None:
    try:
        return CreditRuleBook.get(KEY, consistent_read=True)
    except DoesNotExist:
        return None


def _rules_of(saved: CreditRuleBook | None) -> tuple[CreditRule, ...]:
    if saved is None:
        return shipped_rules()
    return ordered(CreditRule.of(entry.as_dict()) for entry in saved.versions)


_book = office_books.Book(lambda: _rules_of(_saved()))


def versions() -> tuple[CreditRule, ...]:
    """Every version, oldest first."""
    return _book.get()


def in_force(day: date | None = None, rules: tuple[CreditRule, ...] | None = None) -> CreditRule:
    """The version of ``rules`` (default: this container's copy) in force on China date ``day`` (default: today)."""
    return rule_on((day or china_today(utc_now())).isoformat(), rules or versions())


def of_year(year: int) -> CreditRule:
    """The version a year's credits (the yearly requirement) are judged by: the one in force on 1 January."""
    return rule_of_year(year, versions())


def pin(session: Session) -> None:
    """At approval: the session is judged by the version in force today, ever after."""
    today = china_today(utc_now())
    session.rule_version = in_force(today).version
    session.rule_day = today.isoformat()


@dataclass(frozen=True)
class Basis:
    """The version that judges a session and why (shown beside its credits)."""

    rule: CreditRule
    reason: str


def basis(session: Session) -> Basis:
    """The version that judges ``session`` and why: the one pinned at its approval; for a session approved before
    versions were pinned, the first version (the only one there was, in force since before any session); before
    approval, the version in force today (an estimate: the approval day decides)."""
    if session.rule_version:
        rule = next((r for r in versions() if r.version == session.rule_version), None)
        if rule is None:  # versions in force are never withdrawn
            raise LookupError(f"credit rule version {session.rule_version} of session {session.session_id} is gone")
        return Basis(rule, f"本期于{session.rule_day}审核通过，按当日施行的“{rule.version}”版学分规则判定")
    if session.status == "approved":
        rule = versions()[0]
        return Basis(rule, f"本期审核通过时尚未记录规则版本，按当时施行的“{rule.version}”版判定")
    rule = in_force()
    return Basis(rule, f"尚未审核通过：按今日施行的“{rule.version}”版预估，审核通过时按当日施行的版本判定")


def of_session(session: Session) -> CreditRule:
    """The version that judges ``session`` (see ``basis``)."""
    return basis(session).rule


def _editable_after() -> str:
    """A version may change only while it takes effect after this China date: a little ahead of today, so that no
    container's copy (``office_books.FRESH_SECONDS``) can still miss a change when the version takes effect."""
    ahead = utc_now() + timedelta(seconds=2 * office_books.FRESH_SECONDS)
    return china_today(ahead).isoformat()


def editable(rule: CreditRule) -> bool:
    """Whether the office may still change or withdraw ``rule``: it takes effect after ``_editable_after``."""
    return rule.effective_from > _editable_after()


def state(rule: CreditRule, current: CreditRule) -> str:
    """past, in_force or future, beside ``current`` (the version in force today)."""
    if rule == current:
        return "in_force"
    return "future" if rule.effective_from > current.effective_from else "past"


class CreditRuleBookService:
    """The office's changes to the credit rules; every reader goes through the module functions above."""

    def view(self) -> tuple[tuple[CreditRule, ...], int]:
        """Every version, oldest first, and the book's revision (0: the packaged book, never changed)."""
        saved = _saved()
        return _rules_of(saved), int(saved.version) if saved is not None else 0

    def create(self, principal: Principal, revision: int, rule: CreditRule) -> tuple[tuple[CreditRule, ...], int]:
        """Add a version taking effect after today; the book as it now is (``view``)."""
        _office(principal)
        saved, rules = self._at(revision)
        if any(r.version == rule.version for r in rules):
            raise ValidationFailed("RULE_VERSION_TAKEN", f"已有版本“{rule.version}”，请换一个版本号", "version")
        if len(rules) >= MAX_VERSIONS:  # one item of at most 400 KB; a version is a few KB at most
            raise Conflict("RULE_BOOK_FULL", f"学分规则最多保存{MAX_VERSIONS}个版本，请联系系统管理员")
        written = self._stamped(principal, rule)
        self._check_date(written, rules)
        self._write(principal, saved, (*rules, written), "credit_rule.create", written.version, None, written)
        return self.view()

    def update(
        self, principal: Principal, version: str, revision: int, rule: CreditRule
    ) -> tuple[tuple[CreditRule, ...], int]:
        """Replace a version that has not taken effect (its version id stays); the book as it now is."""
        _office(principal)
        if rule.version != version:
            raise ValidationFailed("RULE_VERSION_FIXED", "版本号新增后不能修改；需要时请撤销后新增", "version")
        saved, rules = self._at(revision)
        old = self._future(rules, version)
        written = self._stamped(principal, rule)
        others = tuple(r for r in rules if r.version != version)
        self._check_date(written, others)
        self._write(principal, saved, (*others, written), "credit_rule.update", version, old, written)
        return self.view()

    def withdraw(self, principal: Principal, version: str, revision: int) -> tuple[tuple[CreditRule, ...], int]:
        """Withdraw a version that has not taken effect; the book as it now is."""
        _office(principal)
        saved, rules = self._at(revision)
        old = self._future(rules, version)
        others = tuple(r for r in rules if r.version != version)
        self._write(principal, saved, others, "credit_rule.withdraw", version, old, None)
        return self.view()

    @staticmethod
    def _at(revision: int) -> tuple[CreditRuleBook | None, tuple[CreditRule, ...]]:
        saved = _saved()
        if revision != (int(saved.version) if saved is not None else 0):
            raise _changed()
        return saved, _rules_of(saved)

    @staticmethod
    def _future(rules: tuple[CreditRule, ...], version: str) -> CreditRule:
        old = next((r for r in rules if r.version == version), None)
        if old is None:
            raise NotFound("学分规则版本不存在", "RULE_VERSION_NOT_FOUND")
        if not editable(old):
            raise Conflict(
                "RULE_IN_FORCE",
                f"“{version}”版于{old.effective_from}生效，已生效或即将生效（生效前一日23:58起锁定），不能修改或撤销；请新增版本",
            )
        return old

    @staticmethod
    def _check_date(rule: CreditRule, others: tuple[CreditRule, ...]) -> None:
        if rule.effective_from <= _editable_after():
            raise ValidationFailed(
                "RULE_DATE_NOT_FUTURE", "生效日期须晚于今天（每日23:58起须晚于明天）", "effective_from"
            )
        if any(r.effective_from == rule.effective_from for r in others):
            raise ValidationFailed("RULE_DATE_TAKEN", f"已有版本在{rule.effective_from}生效", "effective_from")

    @staticmethod
    def _stamped(principal: Principal, rule: CreditRule) -> CreditRule:
        return CreditRule.of({**rule.dump(), "updated_by": principal.username, "updated_at": to_iso(utc_now())})

    @staticmethod
    def _write(
        principal: Principal,
        saved: CreditRuleBook | None,
        rules: tuple[CreditRule, ...],
        action: str,
        version: str,
        before: CreditRule | None,
        after: CreditRule | None,
    ) -> None:
        record = saved or CreditRuleBook(KEY)
        record.versions = [RuleVersion(**_stored(rule)) for rule in ordered(rules)]
        event = audit_event(
            principal,
            action,
            "credit_rule",
            version,
            before.figures() if before else None,
            after.figures() if after else None,
            title=f"学分规则 {version} 版",
        )
        office_books.save(event, record, saved is None, _changed())  # the first change stores the packaged book
        _book.forget()  # this container sees its change at once


def _stored(rule: CreditRule) -> dict[str, Any]:
    data = rule.dump()
    return {k: v for k, v in data.items() if v is not None}


def _changed() -> Conflict:
    return Conflict("CONCURRENT_UPDATE", "学分规则刚被他人修改，请刷新后重试")


def _office(principal: Principal) -> None:
    if not principal.is_office:
        raise Forbidden("只有省继教办可以修改学分规则")
