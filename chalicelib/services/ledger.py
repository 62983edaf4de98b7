"""The person-year ledger's writes: counting a grant's attendees (exactly once: a conditional update per person, in
parallel), taking a revoked certificate's credits out and back in on reissue, and rebuilding it from credit
records."""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pynamodb.exceptions import DoesNotExist, UpdateError

from chalicelib.models import PersonYear
from chalicelib.models.person_year import LedgerEntry
from chalicelib.timeutil import to_iso, utc_now
from chalicelib.upstream import PARALLEL_CALLS

if TYPE_CHECKING:
    from pynamodb.attributes import NumberAttribute
    from pynamodb.expressions.condition import Condition

    from chalicelib.models import Certificate, CreditRecord


def year_of(start_date: str) -> str:
    """A credit belongs to the year its session starts in (China date), as the credit rules judge it."""
    return start_date[:4]


def totals_attribute(level: str, credit_class: str) -> NumberAttribute:
    """The item's total of one level and class."""
    attributes = {
        ("national", "I类"): PersonYear.national_class_i,
        ("national", "II类"): PersonYear.national_class_ii,
        ("provincial", "I类"): PersonYear.provincial_class_i,
        ("provincial", "II类"): PersonYear.provincial_class_ii,
    }
    try:
        return attributes[(level, credit_class)]
    except KeyError:
        raise ValueError(f"unknown level or credit class: {level} {credit_class}") from None


@dataclass(frozen=True)
class Count:
    """One person's credit of one session, as the ledger counts it."""

    person_key: str
    year: str
    name: str
    id_masked: str | None
    entry: LedgerEntry


def count_of(record: CreditRecord, certificate: Certificate | None) -> Count | None:
    """What ``record`` adds to its person's year; None for credits without an ID number (lecturers)."""
    if record.kind != "attendee" or not record.person_key:
        return None
    entry = LedgerEntry(
        session_id=record.session_id,
        credit_key=record.credit_key,
        project_number=record.project_number,
        project_name=record.project_name,
        project_level=record.project_level,
        credit_class=record.credit_class,
        credits=float(record.credits),
        hours=float(record.hours),
        start_date=record.start_date,
        end_date=record.end_date,
        organiser=record.org_name,
        certificate_no=certificate.certificate_no if certificate else None,
        verification_code=certificate.verification_code if certificate else None,
        issued_on=certificate.issued_on if certificate else None,
        granted_at=record.granted_at,
    )
    return Count(record.person_key, year_of(record.start_date), record.name, record.id_masked, entry)


def add_update(count: Count, now: str) -> tuple[PersonYear, list[Any], Condition]:
    """The conditional update that counts ``count`` unless its session is counted already for that person."""
    entry = count.entry
    actions: list[Any] = [
        PersonYear.sessions.add({entry.session_id}),
        PersonYear.names.add({count.name}),
        totals_attribute(entry.project_level, entry.credit_class).add(entry.credits),
        PersonYear.hours.add(entry.hours),
        PersonYear.entries.set((PersonYear.entries | []).append([entry])),
        PersonYear.updated_at.set(now),
    ]
    if count.id_masked:
        actions.append(PersonYear.id_masked.set(count.id_masked))
    return PersonYear(count.person_key, count.year), actions, ~PersonYear.sessions.contains(entry.session_id)


def record(counts: Iterable[Count]) -> int:
    """Count every person of ``counts`` once: one conditional UpdateItem per person, ``PARALLEL_CALLS`` at a time.
    A person whose session is counted already (a retried or resumed grant, another office granting the same
    session) fails its condition and is skipped. Returns how many were counted by this call.

    Each person's item is independent, so single-item conditions are exact and a transaction would add nothing but
    twice the write capacity and conflicts between offices granting sessions that share people."""
    now = to_iso(utc_now())
    updates = [add_update(count, now) for count in counts]
    if len(updates) <= 1:
        return sum(_count_one(update) for update in updates)
    with ThreadPoolExecutor(max_workers=PARALLEL_CALLS) as pool:  # botocore clients are thread-safe
        return sum(pool.map(_count_one, updates))


def _count_one(update: tuple[PersonYear, list[Any], Condition]) -> int:
    item, actions, condition = update
    try:
        item.update(actions=actions, condition=condition)
    except UpdateError as error:
        if error.cause_response_code != "ConditionalCheckFailedException":
            raise
        return 0  # counted before
    return 1


# --- revocation and reissue (in the certificate's own transaction) ----------------------------------------------


def _current(certificate: Certificate) -> tuple[PersonYear, int] | None:
    """The ledger item counting ``certificate`` and the index of its entry, if it is counted."""
    if certificate.kind != "attendee" or not certificate.person_key:
        return None
    try:
        item = PersonYear.get(certificate.person_key, year_of(certificate.start_date), consistent_read=True)
    except DoesNotExist:
        return None
    for index, entry in enumerate(item.entries or []):
        if entry.session_id == certificate.session_id and entry.certificate_no == certificate.certificate_no:
            return item, index
    return None


def _entry_is(index: int, certificate: Certificate) -> Condition:
    return (PersonYear.entries[index]["session_id"] == certificate.session_id) & (
        PersonYear.entries[index]["certificate_no"] == certificate.certificate_no
    )


def revoke_update(certificate: Certificate) -> tuple[PersonYear, list[Any], Condition] | None:
    """Take a revoked certificate's credits out of its person's year: None when the ledger does not count it (credits
    granted before the ledger and not backfilled yet, or a lecturer's)."""
    found = _current(certificate)
    if found is None:
        return None
    item, index = found
    entry = (item.entries or [])[index]
    actions: list[Any] = [
        PersonYear.entries[index].remove(),
        PersonYear.sessions.delete({certificate.session_id}),
        totals_attribute(entry.project_level, entry.credit_class).add(-float(entry.credits)),
        PersonYear.hours.add(-float(entry.hours)),
        PersonYear.updated_at.set(to_iso(utc_now())),
    ]
    return PersonYear(item.person_key, item.year), actions, _entry_is(index, certificate)


def reissue_update(
    old: Certificate, fresh: Certificate, record: CreditRecord | None
) -> tuple[PersonYear, list[Any], Condition] | None:
    """The credit stays counted once with its new certificate: the entry points to ``fresh`` when ``old`` was
    counted; when ``old`` had been revoked (its credits out), the credit comes back with ``fresh`` from ``record``."""
    found = _current(old)
    if found is not None:
        item, index = found
        actions: list[Any] = [
            PersonYear.entries[index]["certificate_no"].set(fresh.certificate_no),
            PersonYear.entries[index]["verification_code"].set(fresh.verification_code),
            PersonYear.entries[index]["issued_on"].set(fresh.issued_on),
            PersonYear.updated_at.set(to_iso(utc_now())),
        ]
        return PersonYear(item.person_key, item.year), actions, _entry_is(index, old)
    if old.status != "revoked" or record is None:
        return None
    count = count_of(record, fresh)
    return add_update(count, to_iso(utc_now())) if count is not None else None


# --- rebuilding from credit records ---------------------------------------------------------------------------


def record_session(records: Iterable[CreditRecord], certificates: Iterable[Certificate]) -> int:
    """Count a session's attendee credits that have a valid certificate (at grant, all of them; later, a revoked one
    without a replacement is out of the ledger, as revocation took it out); what is counted already stays as it is,
    so this is idempotent: the grant calls it on every attempt, the backfill for every granted session."""
    valid = {c.credit_key: c for c in certificates if c.status == "valid"}
    counts = []
    for credit in records:
        certificate = valid.get(credit.credit_key)
        if certificate is None:
            continue
        count = count_of(credit, certificate)
        if count is not None:
            counts.append(count)
    return record(counts)
