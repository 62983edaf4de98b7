"""个人年度学分: one person's credits of one year from the person-year ledger, for the public (full ID number and name,
guarded like the certificate query) and for the office (audited as a personal-data access)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from chalicelib.errors import AppError, Forbidden, NotFound, TooManyRequests
from chalicelib.models import PersonYear
from chalicelib.services import credit_rule_book, identity
from chalicelib.services.audit import append, audit_event
from chalicelib.services.budgets import Budgets, budget_key
from chalicelib.services.credit_rules import YearlyRequirement
from chalicelib.timeutil import china_today, utc_now

if TYPE_CHECKING:
    from chalicelib.models.person_year import LedgerEntry
    from chalicelib.principal import Principal
    from chalicelib.settings import Keyring

QUERY_LIMIT = 60  # public look-ups per address per minute, as the certificate query (a hospital's NAT)
LEVELS = ("national", "provincial")
CLASSES = ("I类", "II类")


def not_found() -> NotFound:
    """The one answer when nothing is found: no such person, a wrong name and a year without credits alike."""
    return NotFound("未查询到该年度的学分记录，请核对身份证号码、姓名和年度", code="PERSON_CREDITS_NOT_FOUND")


def query_locked() -> AppError:
    """The one answer of a locked target, whatever was asked."""
    return TooManyRequests(
        "PERSON_CREDITS_LOCKED",
        "该身份证号码或姓名的查询失败次数过多，已暂停查询24小时。请使用证书上的验证链接，或联系单位科教部门。",
    )


@dataclass(frozen=True)
class LevelClassCredits:
    level: str
    credit_class: str
    credits: float


@dataclass
class YearCredits:
    """A person's year as the ledger has it (every item of the person merged: one per PII key the sessions used)."""

    year: int
    name: str
    id_masked: str
    by_level: list[LevelClassCredits]
    hours: float
    sessions: int
    entries: list[LedgerEntry]
    requirement: YearlyRequirement | None
    as_of: str | None

    @property
    def total(self) -> float:
        return round(sum(item.credits for item in self.by_level), 1)

    def of_class(self, credit_class: str) -> float:
        return round(sum(item.credits for item in self.by_level if item.credit_class == credit_class), 1)

    @property
    def met(self) -> bool | None:
        """Whether the year meets the requirement; None when no requirement is known for the year."""
        if self.requirement is None:
            return None
        return self.total + 1e-9 >= self.requirement.total_credits and all(
            self.of_class(need.credit_class) + 1e-9 >= need.credits for need in self.requirement.class_minimums
        )


class PersonCredits:
    """Reads a person's year from the ledger: one BatchGetItem of the person's keys (a key per PII key of the ring)."""

    def __init__(self, pii_keys: Keyring) -> None:
        self._keys = pii_keys
        self._budgets = Budgets(partial(budget_key, pii_keys))  # one key across PII_KEY rotations: locks outlive them

    def public(self, client: str, id_number: str, name: str, year: int) -> YearCredits:
        """The year of the person the full ID number and name name. Finding nothing answers the same whether the
        number is nobody's, the name is wrong or the year has no credits; five such answers within a day lock the
        name with the birth date the number carries, and the number itself, for a day, whatever is sent and from
        wherever (``PERSON_CREDITS_LOCKED``), so neither the number nor the name can be guessed."""
        self._budgets.admit("person-credits", client, QUERY_LIMIT)
        resident = identity.parse_resident_id(id_number, china_today(utc_now()))  # a refused number spends nothing
        # What a guesser keeps fixed: the person's name and birth date (guessing the rest of the number), or the
        # number (guessing the name). Both are reserved whether or not anyone has them, so a lock says nothing.
        targets = [f"name#{name.strip()}#{resident.birth_date.isoformat()}", f"id#{resident.number}"]
        with self._budgets.reserve("person-credits", targets, query_locked()) as held:
            found = self._read(resident.number, name, year)
            if found is None:
                held.spend()
                raise not_found()
            held.give_back()
        return found

    def for_office(self, principal: Principal, id_number: str, name: str, year: int) -> YearCredits:
        """The same view for the provincial office, with the console's longer mask; each look-up is audited as an
        access to personal data (the number masked), found or not."""
        if not principal.is_office:
            raise Forbidden("只有省继教办可以查看个人年度学分")
        resident = identity.parse_resident_id(id_number, china_today(utc_now()))
        found = self._read(resident.number, name, year)
        masked = identity.mask_id(resident.number)
        append(
            audit_event(
                principal,
                "person_credits.view",
                "person",
                masked,
                None,
                {"year": year, "found": found is not None},
                title=f"{identity.mask_name(name.strip())} · {year}年",
            )
        )
        if found is None:
            raise not_found()
        found.id_masked = masked
        return found

    def _read(self, number: str, name: str, year: int) -> YearCredits | None:
        keys = [(person_key, f"{year:04d}") for person_key in sorted(identity.lookup_hashes(number, self._keys))]
        # An item whose every session was revoked is no year of credits: it answers as if it were not there.
        items = [item for item in PersonYear.batch_get(keys, consistent_read=False) if item.sessions]
        wanted = name.strip()
        if not any(wanted in (item.names or set()) for item in items):
            return None
        return merge(items, wanted, year, _requirement(year))


def merge(items: list[PersonYear], name: str, year: int, requirement: YearlyRequirement | None) -> YearCredits:
    """One person's items of a year (a few after a PII key rotation) as one year, judged by ``requirement``."""
    totals: dict[tuple[str, str], float] = {}
    entries: list[LedgerEntry] = []
    hours = 0.0
    sessions: set[str] = set()
    for item in items:
        for level in LEVELS:
            for credit_class in CLASSES:
                value = getattr(item, f"{level}_class_{'i' if credit_class == 'I类' else 'ii'}") or 0
                totals[(level, credit_class)] = totals.get((level, credit_class), 0.0) + float(value)
        hours += float(item.hours or 0)
        sessions |= item.sessions or set()
        entries.extend(item.entries or [])
    entries.sort(key=lambda entry: (entry.start_date, entry.certificate_no or ""))
    masks = [item.id_masked for item in items if item.id_masked]
    return YearCredits(
        year=year,
        name=name,
        id_masked=identity.mask_id_public(masks[0]) if masks else "******",
        by_level=[
            LevelClassCredits(level, credit_class, round(totals[(level, credit_class)], 1))
            for level in LEVELS
            for credit_class in CLASSES
        ],
        hours=round(hours, 2),
        sessions=len(sessions),
        entries=entries,
        requirement=requirement,
        as_of=max((item.updated_at for item in items if item.updated_at), default=None),
    )


def _requirement(year: int) -> YearlyRequirement | None:
    try:
        return credit_rule_book.of_year(year).yearly_requirement
    except ValueError:  # a year before the first version
        return None
