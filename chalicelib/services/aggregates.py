"""The aggregates' writes and reads: a session's totals settled from its own partition (at approval, when its
attendance closes, at grant, when its overdue notice goes out or the deadline leaves overdue), their differences
added to the organisation and province rollups in the same transaction, and each person counted once per rollup by a
marker written with its count."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from pynamodb.exceptions import DoesNotExist, TransactWriteError
from pynamodb.transactions import TransactWrite

from chalicelib.errors import Conflict
from chalicelib.models import Aggregate, Attendance, CreditRecord
from chalicelib.observability import logger
from chalicelib.services import deadlines, questionnaire, schedule_runs
from chalicelib.services.aggregate_rules import (
    SUMMED,
    Key,
    Kind,
    Place,
    chunk_size,
    chunks,
    counter_of,
    delta,
    marker_keys,
    plan_chunk,
    unchanged,
)
from chalicelib.services.attendance_rules import attendee_status, session_windows
from chalicelib.services.audit import connection
from chalicelib.services.regions import home_region
from chalicelib.settings import get_settings
from chalicelib.timeutil import to_iso, utc_now
from chalicelib.upstream import backoff, cancellation_codes

if TYPE_CHECKING:
    from chalicelib.models import Session
    from chalicelib.services.schedule_runs import TimeBudget

ATTEMPTS = 6  # tries of one transaction that lost a race (a settle's version, one person's markers)
CHUNK_TRIES = 3  # tries of a chunk's transaction before its people are counted one at a time
READ_TRIES = 8  # BatchGetItem calls for one chunk's markers while DynamoDB leaves keys unprocessed
FIRST_WAIT, MAX_WAIT = 0.02, 1.0  # seconds of the backoff between tries (doubling, jittered)
CHUNK = 100  # at most this many people between two looks at the budget (fewer when a transaction holds fewer)


def busy() -> Conflict:
    return Conflict("AGGREGATES_BUSY", "统计数据正在更新，请稍后重试")


def granted(session: Session) -> bool:
    """Credit records count from the grant's final step on (``granted_at`` is set just before the session is saved
    as granted, so a grant settles them before it says granted)."""
    return session.report_status == "granted" or bool(session.granted_at)


@dataclass(frozen=True)
class Tally:
    """One session's figures from its partition, and the people it counts (sorted person keys)."""

    figures: dict[str, Any]
    people: list[str] = field(default_factory=list)
    credited: list[str] = field(default_factory=list)


def tally(session: Session, attendees: list[Attendance], records: list[CreditRecord], now: datetime) -> Tally:
    """The session report's figures (live or stored): records, distinct people (the first record of a person stands
    for them), grassroots and out-of-province people, questionnaire, credits of the records given."""
    windows = session_windows(session)
    signed_out = sum(1 for a in attendees if attendee_status(a, windows, now) == "signed_out")
    people: dict[str, Attendance] = {}
    for attendee in sorted(attendees, key=lambda a: a.signed_in_at):
        people.setdefault(attendee.person_key or attendee.attendee_key, attendee)
    region = home_region(get_settings().province.home_region)
    credited: set[str] = set()
    credits = lecturer = 0.0
    for record in records:
        if record.kind == "attendee":
            credited.add(record.person_key or record.credit_key)
            credits += float(record.credits)
        else:
            lecturer += float(record.credits)
    template = session.questionnaire or questionnaire.DEFAULT
    figures = {
        "signed_in": len(attendees),
        "signed_out": signed_out,
        "incomplete": len(attendees) - signed_out,
        "attendees": len(people),
        "grassroots": sum(1 for a in people.values() if a.grassroots),
        "out_of_region": sum(1 for a in people.values() if not region.contains(a.region)),
        "questionnaire": questionnaire.statistics(template, attendees),
        "credited": len(credited),
        "credits": round(credits, 4),
        "lecturer_credits": round(lecturer, 4),
    }
    return Tally(figures, sorted(people), sorted(credited))


def read_tally(session: Session, now: datetime) -> Tally:
    """``tally`` of the session's own partition (a bounded read of one session)."""
    attendees = list(Attendance.query(session.session_id))
    records = list(CreditRecord.query(session.session_id)) if granted(session) else []
    return tally(session, attendees, records, now)


def place_of(session: Session) -> Place:
    return Place.of(session.org_id, session.org_name, session.start_date)


def stored(session: Session) -> Aggregate | None:
    """The session's stored totals (consistent read), None before its first settle."""
    try:
        return Aggregate.get(*place_of(session).session_key(session.session_id), consistent_read=True)
    except DoesNotExist:
        return None


def settle(
    session: Session,
    *,
    recount: bool = True,
    now: datetime | None = None,
    budget: TimeBudget = schedule_runs.unlimited,
) -> bool:
    """Bring the session's stored totals and every rollup they feed up to date: ``sessions`` (1 once approved),
    ``overdue`` (1 while its overdue notice stands) and, with ``recount``, the figures of its partition. One
    TransactWriteItems writes the new totals under their version and ADDs the difference to each rollup: settling
    unchanged figures writes nothing, and of two concurrent settles one fails its condition and retries from the
    fresh item. With ``recount`` the session's people (and, once granted, its credited people) are then counted once
    per rollup, a chunk at a time while ``budget()`` holds: False when the budget ran out first (the cursor is on the
    totals, and the next settle goes on from it). A session whose attendance details were removed is never
    recounted."""
    now = now or utc_now()
    place = place_of(session)
    key = place.session_key(session.session_id)
    # Stripped records (retention_run.py) would recount less than the stored figures, which were final before.
    recount = recount and not session.details_removed_at
    counted = read_tally(session, now) if recount else None
    for attempt in range(ATTEMPTS):
        item = stored(session)
        old = item.attribute_values if item is not None else None
        new: dict[str, Any] = {name: (old or {}).get(name, 0) for name in SUMMED}
        if counted is not None:
            new.update(counted.figures, recounted=True)
        new["sessions"] = 1 if session.status == "approved" else 0
        new["overdue"] = 1 if session.deadline_open == deadlines.NOTICED else 0
        if unchanged(old, new) or _write(place, key, old, new, now):
            break
        backoff(attempt, FIRST_WAIT, MAX_WAIT)  # the rollups are hot items: a conflict is likelier again at once
    else:
        raise busy()
    if counted is None:
        return True
    if not _count(place, key, "attended", counted.people, now, budget):
        return False
    return not granted(session) or _count(place, key, "credited", counted.credited, now, budget)


def settle_after_step(session: Session) -> None:
    """``settle(session, recount=False)`` after a step that is already committed (approval, extension, return): a
    failure is logged, never answered, because the step stands and its retry would be refused; the figure is made
    right by the session's next settle (its close, its grant) or by scripts/backfill_aggregates.py."""
    try:
        settle(session, recount=False)
    except Exception:  # noqa: BLE001 - the committed step must not answer an error
        logger.exception("aggregates not settled after the step", extra={"session_id": session.session_id})


def _write(place: Place, key: Key, old: dict[str, Any] | None, new: dict[str, Any], now: datetime) -> bool:
    """The totals' version-guarded update and the rollups' ADDs in one transaction; False when another settle came
    first (or conflicted)."""
    version = int(old["version"]) if old and old.get("version") is not None else None
    stamp = to_iso(now)
    actions: list[Any] = [getattr(Aggregate, name).set(value) for name, value in new.items() if value is not None]
    actions += [
        Aggregate.version.set((version or 0) + 1),
        Aggregate.as_of.set(stamp),
        Aggregate.session_id.set(key[1].partition("#")[2]),
        Aggregate.org_id.set(place.org_id),
        Aggregate.org_name.set(place.org_name),
    ]
    condition = Aggregate.version == version if version is not None else Aggregate.version.does_not_exist()
    changes = delta(old, new)
    try:
        with TransactWrite(connection=connection()) as tx:
            tx.update(Aggregate(*key), actions, condition=condition)
            for rollup in place.rollups() if changes else ():
                adds: list[Any] = [getattr(Aggregate, name).add(value) for name, value in changes.items()]
                adds.append(Aggregate.as_of.set(stamp))
                if rollup in place.named():
                    adds += [Aggregate.org_id.set(place.org_id), Aggregate.org_name.set(place.org_name)]
                tx.update(Aggregate(*rollup), adds)
    except TransactWriteError as error:
        if cancellation_codes(error) & {"ConditionalCheckFailed", "TransactionConflict"}:
            return False
        raise
    return True


# --- distinct people ----------------------------------------------------------------------------------------------

_CURSORS = {"attended": ("people_after", "people_counted"), "credited": ("credited_after", "credited_counted")}


def _count(place: Place, key: Key, kind: Kind, people: list[str], now: datetime, budget: TimeBudget) -> bool:
    """Count each of ``people`` once in each rollup of ``kind``, a chunk at a time from the cursor on the session's
    totals (the cursor moves in each chunk's transaction); a finished count records how many it covered, so a person
    arriving later restarts it (those counted before have their markers and add nothing). Chunks run one after
    another: every chunk of a session ADDs to the same few rollup items, so parallel chunks would only conflict with
    each other on them (and with the other sessions' counts, which are what a retry is for)."""
    after_name, done_name = _CURSORS[kind]
    item = Aggregate.get(*key, consistent_read=True)
    if getattr(item, done_name) is not None and int(getattr(item, done_name)) == len(people):
        return True
    after = getattr(item, after_name) if getattr(item, done_name) is None else None
    pending = [person for person in people if after is None or person > after]
    stamp = to_iso(now)
    for chunk in chunks(pending, min(CHUNK, chunk_size(place, kind))):
        if not budget():
            return False
        if not _count_chunk(place, key, kind, chunk, stamp, CHUNK_TRIES):
            # A chunk that kept losing races: one person at a time, each a small transaction of its own.
            for person in chunk:
                if not _count_chunk(place, key, kind, [person], stamp, ATTEMPTS):
                    raise busy()
    Aggregate(*key).update(
        actions=[getattr(Aggregate, done_name).set(len(people)), getattr(Aggregate, after_name).remove()]
    )
    return True


def _count_chunk(place: Place, key: Key, kind: Kind, people: list[str], stamp: str, tries: int) -> bool:
    """Count ``people`` where they are not counted yet: their markers read in one BatchGetItem (consistent), then one
    TransactWriteItems puts each missing marker (condition: not there), ADDs the new people to each rollup once and
    moves the session's cursor. A marker that appeared meanwhile (another session counting the same person) or a
    conflicting transaction cancels it all: read again and retry, after a jittered backoff. False after ``tries``."""
    after_name, _ = _CURSORS[kind]
    counter = getattr(Aggregate, counter_of(kind))
    for attempt in range(tries):
        plan = plan_chunk(place, kind, people, _present(marker_keys(place, kind, people)))
        if not plan.markers:
            return True  # all counted before: a retried close or grant counts nobody twice
        try:
            with TransactWrite(connection=connection()) as tx:
                for scope, item in plan.markers:
                    tx.save(Aggregate(scope, item, as_of=stamp), condition=Aggregate.scope.does_not_exist())
                for target, added in plan.adds.items():
                    tx.update(Aggregate(*target), [counter.add(added), Aggregate.as_of.set(stamp)])
                tx.update(Aggregate(*key), [getattr(Aggregate, after_name).set(people[-1])])
            return True
        except TransactWriteError as error:
            if not cancellation_codes(error) & {"ConditionalCheckFailed", "TransactionConflict"}:
                raise
        backoff(attempt, FIRST_WAIT, MAX_WAIT)
    return False


def _present(keys: list[Key]) -> set[Key]:
    """Which of ``keys`` exist, by one BatchGetItem with consistent reads (keys DynamoDB leaves unprocessed are
    asked again after a backoff)."""
    table = Aggregate._get_connection()  # noqa: SLF001 - pynamodb's own connection of the model
    pending: list[Any] = [{"scope": scope, "item": item} for scope, item in keys]
    found: set[Key] = set()
    for attempt in range(READ_TRIES):
        if not pending:
            return found
        answer = table.batch_get_item(pending, consistent_read=True, attributes_to_get=["scope", "item"]) or {}
        for raw in (answer.get("Responses") or {}).get(Aggregate.Meta.table_name, []):
            found.add((raw["scope"]["S"], raw["item"]["S"]))
        pending = ((answer.get("UnprocessedKeys") or {}).get(Aggregate.Meta.table_name) or {}).get("Keys") or []
        if pending:
            backoff(attempt, FIRST_WAIT, MAX_WAIT)
    if pending:
        raise busy()
    return found


# --- reads -------------------------------------------------------------------------------------------------------


def rollup_items(scope: str, prefix: str | None = None) -> dict[str, dict[str, Any]]:
    """The items of one rollup partition (a Query, paged by DynamoDB only past 1 MB), by item key."""
    condition = Aggregate.item.startswith(prefix) if prefix else None
    return {item.item: item.attribute_values for item in Aggregate.query(scope, condition)}
