"""The discipline catalogue (学科目录) the office keeps: 二级 groups (``14``) with their 三级 entries (``14-02``), the
label of a code, and the office's changes (add, retire, restore), each with its audit event in one transaction.
Until the office first changes it, the packaged national catalogue (data/disciplines.csv) is the catalogue."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from pynamodb.exceptions import DoesNotExist

from chalicelib.errors import Conflict, Forbidden, NotFound, ValidationFailed
from chalicelib.models import DisciplineCatalogue
from chalicelib.models.discipline_catalogue import CatalogueEntry
from chalicelib.principal import Principal
from chalicelib.services import office_books
from chalicelib.services.audit import audit_event
from chalicelib.timeutil import to_iso, utc_now

_SHIPPED = Path(__file__).resolve().parent.parent / "data" / "disciplines.csv"
KEY = "catalogue#discipline"
GROUP_CODE = re.compile(r"^[0-9]{2}$")
ENTRY_CODE = re.compile(r"^[0-9]{2}-[0-9]{2}$")
MAX_ENTRIES = 2000  # of about 100 bytes each


@dataclass(frozen=True)
class Entry:
    code: str
    name: str
    retired_at: str | None = None
    changed_by: str | None = None
    changed_at: str | None = None

    @property
    def group(self) -> str:
        return self.code[:2]


@dataclass(frozen=True)
class Discipline:
    code: str
    name: str
    retired: bool = False  # retired itself, or its group is
    children: list[Discipline] = field(default_factory=list)


@dataclass(frozen=True)
class Catalogue:
    entries: tuple[Entry, ...]  # groups and their entries, in code order
    revision: int = 0  # 0: the packaged catalogue, never changed

    def find(self, code: str) -> Entry | None:
        """The entry of ``code`` (retired or not), None when unknown."""
        return next((entry for entry in self.entries if entry.code == code), None)

    def tree(self) -> tuple[Discipline, ...]:
        """二级 groups with their 三级 entries, retired ones marked (pickers offer only the others)."""
        groups: dict[str, Discipline] = {}
        for entry in self.entries:
            if GROUP_CODE.match(entry.code):
                groups[entry.code] = Discipline(entry.code, entry.name, entry.retired_at is not None)
        for entry in self.entries:
            group = groups.get(entry.group)
            if ENTRY_CODE.match(entry.code) and group is not None:
                group.children.append(Discipline(entry.code, entry.name, group.retired or entry.retired_at is not None))
        return tuple(groups.values())

    @cached_property
    def labels(self) -> dict[str, str]:
        """``二级/三级`` name of every 三级 code, retired ones too (a copy is read many times: built once)."""
        return {child.code: f"{group.name}/{child.name}" for group in self.tree() for child in group.children}

    @cached_property
    def _in_use(self) -> frozenset[str]:
        return frozenset(child.code for group in self.tree() for child in group.children if not child.retired)

    def in_use(self, code: str) -> bool:
        """A 三级 code new projects may take: known, and neither it nor its group retired."""
        return code in self._in_use


def _saved() -> DisciplineCatalogue | None:
    try:
        return DisciplineCatalogue.get(KEY, consistent_read=True)
    except DoesNotExist:
        return None


def _shipped() -> tuple[Entry, ...]:
    entries: dict[str, Entry] = {}
    with _SHIPPED.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            entries.setdefault(row["level2_code"], Entry(row["level2_code"], row["level2_name"]))
            entries[row["level3_code"]] = Entry(row["level3_code"], row["level3_name"])
    return tuple(sorted(entries.values(), key=lambda entry: entry.code))


def _catalogue_of(saved: DisciplineCatalogue | None) -> Catalogue:
    if saved is None:
        return Catalogue(_shipped())
    entries = (Entry(**entry.as_dict()) for entry in saved.entries)
    return Catalogue(tuple(sorted(entries, key=lambda entry: entry.code)), int(saved.version))


_book = office_books.Book(lambda: _catalogue_of(_saved()))


def catalogue() -> Catalogue:
    """The catalogue as every reader sees it (see office_books)."""
    return _book.get()


def label(code: str) -> str | None:
    """``二级/三级`` name of a 三级 code such as ``14-02`` (retired ones too), or None when unknown."""
    return catalogue().labels.get(code)


def check_in_use(code: str) -> None:
    """For a project taking ``code`` now: refuse a code retired from the catalogue (400 ``DISCIPLINE_RETIRED``)."""
    if not catalogue().in_use(code):
        raise ValidationFailed("DISCIPLINE_RETIRED", "该学科已在学科目录中停用，请选择其他学科", "discipline_code")


class DisciplineCatalogueService:
    """The office's changes to the catalogue; readers go through the module functions above."""

    def view(self, principal: Principal) -> Catalogue:
        """Every entry, retired ones too, with the revision a change must name (office only)."""
        _office(principal)
        return _catalogue_of(_saved())

    def add(self, principal: Principal, revision: int, code: str, name: str) -> Catalogue:
        """Add a 二级 group (``NN``) or a 三级 entry (``NN-NN``, under a group in use); codes are never reused."""
        _office(principal)
        saved, current = self._at(revision)
        if current.find(code) is not None:
            raise ValidationFailed("DISCIPLINE_CODE_TAKEN", f"学科代码{code}已存在（停用的代码不能再用）", "code")
        if len(current.entries) >= MAX_ENTRIES:  # one item of at most 400 KB
            raise Conflict("CATALOGUE_FULL", f"学科目录最多{MAX_ENTRIES}条，请联系系统管理员")
        if ENTRY_CODE.match(code):
            self._group_in_use(current, code)
        elif not GROUP_CODE.match(code):
            raise ValidationFailed(
                "DISCIPLINE_CODE_FORMAT", "学科代码应为两位（二级）或“两位-两位”（三级）数字", "code"
            )
        siblings = [e for e in current.entries if len(e.code) == len(code) and (len(code) == 2 or e.group == code[:2])]
        if any(e.name == name for e in siblings):
            raise ValidationFailed("DISCIPLINE_NAME_TAKEN", f"同级已有名为“{name}”的学科", "name")
        entry = Entry(code, name, None, principal.username, to_iso(utc_now()))
        return self._write(principal, saved, (*current.entries, entry), "discipline.add", code, None, entry)

    def set_retired(self, principal: Principal, revision: int, code: str, retired: bool) -> Catalogue:
        """Retire an entry (new projects can no longer take it; old projects keep its label) or bring it back."""
        _office(principal)
        saved, current = self._at(revision)
        old = current.find(code)
        if old is None:
            raise NotFound("学科代码不存在", "DISCIPLINE_NOT_FOUND")
        if (old.retired_at is not None) == retired:
            raise Conflict("DISCIPLINE_UNCHANGED", "该学科已停用" if retired else "该学科未停用")
        if not retired and ENTRY_CODE.match(code):
            self._group_in_use(current, code)
        now = to_iso(utc_now())
        new = replace(old, retired_at=now if retired else None, changed_by=principal.username, changed_at=now)
        entries = tuple(new if e.code == code else e for e in current.entries)
        action = "discipline.retire" if retired else "discipline.restore"
        return self._write(principal, saved, entries, action, code, old, new)

    @staticmethod
    def _group_in_use(current: Catalogue, code: str) -> None:
        group = current.find(code[:2])
        if group is None:
            raise ValidationFailed("DISCIPLINE_GROUP_UNKNOWN", f"二级学科{code[:2]}不存在，请先添加", "code")
        if group.retired_at is not None:
            raise ValidationFailed("DISCIPLINE_GROUP_RETIRED", f"二级学科{code[:2]}已停用，请先恢复", "code")

    @staticmethod
    def _at(revision: int) -> tuple[DisciplineCatalogue | None, Catalogue]:
        saved = _saved()
        current = _catalogue_of(saved)
        if revision != current.revision:
            raise _changed()
        return saved, current

    @staticmethod
    def _write(
        principal: Principal,
        saved: DisciplineCatalogue | None,
        entries: tuple[Entry, ...],
        action: str,
        code: str,
        before: Entry | None,
        after: Entry,
    ) -> Catalogue:
        record = saved or DisciplineCatalogue(KEY)
        record.entries = [
            CatalogueEntry(**{k: v for k, v in vars(e).items() if v is not None})
            for e in sorted(entries, key=lambda e: e.code)
        ]
        event = audit_event(
            principal,
            action,
            "discipline",
            code,
            _figures(before) if before else None,
            _figures(after),
            title=f"学科 {code} {after.name}",
        )
        office_books.save(event, record, saved is None, _changed())  # the first change stores the packaged catalogue
        _book.forget()  # this container sees its change at once
        return _catalogue_of(_saved())


def _figures(entry: Entry) -> dict[str, str | bool]:
    return {"code": entry.code, "name": entry.name, "retired": entry.retired_at is not None}


def _changed() -> Conflict:
    return Conflict("CONCURRENT_UPDATE", "学科目录刚被他人修改，请刷新后重试")


def _office(principal: Principal) -> None:
    if not principal.is_office:
        raise Forbidden("只有省继教办可以修改学科目录")
