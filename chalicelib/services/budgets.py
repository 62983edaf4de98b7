"""Failure budgets and per-source limits of the public look-ups that find a person.

A *target* is what a caller names when asking about someone (a project number and a name, a certificate, an ID
number as its public mask shows it). Once it has missed ``limit`` times (5 by default) within any ``PERIOD`` (a
rolling 24 h), whoever asked and from wherever, it answers one and the same refusal for ``PERIOD`` from the miss
that filled the budget, a right answer too.

A look-up takes a slot of the budget *before* looking, in one conditional write, so parallel guesses cannot outrun
the count: at most ``limit`` look-ups are ever in flight or missed within a period. The item keeps the two apart:
a look-up in flight (``held``) becomes a miss only when ``spend()`` says so, and is forgotten when it finds its
person (``give_back()``), when it fails (the reservation as a context manager), or after ``HOLD`` by itself (a
function stopped mid-request). A budget full only because of look-ups in flight answers a short ``LOOKUP_BUSY``
(a phone's retry while its first request runs), never the day-long lock.

A *source* (the caller's address) has a minute's allowance of requests and of misses, sized for a hospital's NAT,
where hundreds of phones share one address: the per-target budgets are what stop guessing, the per-source limit
only keeps one address from sweeping.

A *counted creation* (``create_counted``: a sign-in) spends a unit of its target each time it creates an item,
never given back, in the same transaction as the item: past ``limit`` the target answers its lock, whatever is sent.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from types import TracebackType
from typing import TYPE_CHECKING, Any

from pynamodb.exceptions import DoesNotExist, TransactWriteError, UpdateError

from chalicelib.errors import AppError, TooManyRequests
from chalicelib.models import Budget
from chalicelib.timeutil import parse_instant, to_iso, utc_now

if TYPE_CHECKING:
    from pynamodb.attributes import MapAttribute
    from pynamodb.expressions.condition import Condition
    from pynamodb.models import Model

    from chalicelib.settings import Keyring

FAILURES = 5
PERIOD = timedelta(hours=24)
HOLD = timedelta(seconds=60)  # a look-up in flight longer than this is dead (Lambda stops at 30 s): ignored
CONFLICT_ATTEMPTS = 3  # a counted creation meeting concurrent transactions on its items (a double tap) retries
BUSY_SECONDS = 3  # what LOOKUP_BUSY tells the phone to wait
_KEEP = PERIOD * 2  # TTL after the last change: nothing in the item is needed longer than PERIOD after it
_BUDGET_LABEL = b"cme-credits|failure-budgets|v1"


def budget_key(keys: Keyring) -> bytes:
    """The key of the budgets' hashed item keys: derived from the ring's legacy key, which stays when PII_KEY is
    rotated (a new current key), so counts and locks outlive a rotation."""
    return hmac.new(keys.key(keys.legacy), _BUDGET_LABEL, hashlib.sha256).digest()


def lookup_busy() -> TooManyRequests:
    """The answer while the target's budget is full of look-ups still in flight: says nothing about the target."""
    return TooManyRequests("LOOKUP_BUSY", f"正在查询，请{BUSY_SECONDS}秒后重试", retry_after=BUSY_SECONDS)


def _conditional_failure(error: UpdateError) -> bool:
    return error.cause_response_code == "ConditionalCheckFailedException"


def _entries(attribute: MapAttribute[str, Any] | None) -> dict[str, str]:
    """A raw map attribute (slot id -> UTC ISO instant) as a dict; empty when absent."""
    return dict(attribute.as_dict()) if attribute is not None else {}


def _filling_miss(misses: Iterable[str], now: datetime, limit: int) -> str | None:
    """The miss that filled the budget (the ``limit``-th of those under PERIOD old), if they are ``limit``."""
    recent = sorted(at for at in misses if at > to_iso(now - PERIOD))
    return recent[limit - 1] if len(recent) >= limit else None


def _lock_until(filled: str) -> str:
    return to_iso(parse_instant(filled) + PERIOD)


@dataclass(frozen=True)
class Slot:
    bucket: str
    slot_id: str
    limit: int


class Reservation:
    """The slots one look-up holds: ``give_back()`` when it found its person (or looked nothing up), ``spend()`` to
    keep them as misses. As a context manager it gives back whatever it still holds when the block raises (the
    look-up gave no answer); on a normal exit the caller settles it."""

    def __init__(self, slots: list[Slot]) -> None:
        self._slots = slots

    def __enter__(self) -> Reservation:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if error is None or not self._slots:
            return
        try:
            self.give_back()
        except Exception:  # noqa: BLE001 - the dependency is failing: the slots expire after HOLD by themselves
            self._slots = []

    def give_back(self) -> None:
        """Forget the look-ups: one write per slot, with no read and no revision: it commutes with every other."""
        slots, self._slots = self._slots, []
        for slot in slots:
            try:
                Budget(slot.bucket).update(
                    actions=[Budget.held[slot.slot_id].remove()], condition=Budget.held.is_type()
                )
            except UpdateError as error:  # the item is gone: nothing to give back
                if not _conditional_failure(error):
                    raise

    def spend(self) -> None:
        """Keep the look-ups as misses; where one fills its budget, the target is locked for PERIOD from it."""
        slots, self._slots = self._slots, []
        for slot in slots:
            now = utc_now()
            budget = Budget(slot.bucket)
            try:
                budget.update(
                    actions=[
                        Budget.held[slot.slot_id].remove(),
                        Budget.misses[slot.slot_id].set(to_iso(now)),
                        Budget.expires_at.set(now + _KEEP),
                    ],
                    condition=Budget.held.is_type() & Budget.misses.is_type(),  # both maps are there
                )
            except UpdateError as error:  # the item is gone (it outlived its TTL): nothing left to count against
                if not _conditional_failure(error):
                    raise
                continue
            filled = _filling_miss(_entries(budget.misses).values(), now, slot.limit)
            if filled is not None:
                _lock(slot.bucket, _lock_until(filled))


def _lock(bucket: str, until: str) -> None:
    """Lock the target until ``until`` unless it is locked longer already; bumps the revision, so a slot being
    taken on what it read before fails and reads the lock."""
    try:
        Budget(bucket).update(
            actions=[Budget.locked_until.set(until), Budget.revision.add(1)],
            condition=Budget.locked_until.does_not_exist() | (Budget.locked_until < until),
        )
    except UpdateError as error:
        if not _conditional_failure(error):
            raise


def _created(bucket: str) -> int:
    try:
        return int(Budget.get(bucket, consistent_read=True).created or 0)
    except DoesNotExist:
        return 0


@dataclass(frozen=True)
class SourceMinute:
    bucket: str


class Budgets:
    """Failure budgets per target and allowances per source; keys are keyed hashes of what they count."""

    def __init__(self, key: bytes | Callable[[], bytes]) -> None:
        # a callable is asked on use: the key comes from PII_KEY's secret, read when a budget is first counted, not
        # when a service is built (a function that never counts one needs no grant on that secret)
        self._key = key

    def _hash(self, kind: str, purpose: str, text: str) -> str:
        if not isinstance(self._key, bytes):
            self._key = self._key()  # derived from the ring's legacy key, which never changes: once per container
        key = self._key
        digest = hmac.new(key, f"{kind}|{purpose}|{text}".encode(), hashlib.sha256).hexdigest()[:32]
        return f"{kind}#{purpose}#{digest}"

    # --- targets ------------------------------------------------------------------------------

    def reserve(self, purpose: str, targets: Iterable[str], locked: AppError, limit: int = FAILURES) -> Reservation:
        """One slot of each target's budget of ``limit`` misses a PERIOD. Raises ``locked`` when a target is
        locked, ``lookup_busy()`` when its budget is full only with look-ups in flight; then nothing is held."""
        slots: list[Slot] = []
        with Reservation(slots):  # one target refused: the slots taken for the others are given back
            for target in targets:
                slots.append(self._take(self._hash("target", purpose, target), locked, limit))
        return Reservation(slots)

    @staticmethod
    def _take(bucket: str, locked: AppError, limit: int) -> Slot:
        """Read the budget, then take a slot on condition that nothing took one or locked since (its revision).
        A failed condition means another look-up took a slot or locked meanwhile: read again, a bounded number
        of times (each retry follows another's success), then answer busy."""
        slot_id = secrets.token_hex(6)
        for _ in range(2 * limit + 2):
            now = utc_now()
            try:
                current: Budget | None = Budget.get(bucket, consistent_read=True)
            except DoesNotExist:
                current = None
            held = _entries(current.held if current else None)
            misses = _entries(current.misses if current else None)
            if current is not None and current.locked_until and current.locked_until > to_iso(now):
                raise locked
            filled = _filling_miss(misses.values(), now, limit)
            if filled is not None:  # the miss that filled it was recorded, its lock not (the function stopped)
                _lock(bucket, _lock_until(filled))
                raise locked
            live = {key for key, at in held.items() if at > to_iso(now - HOLD)}
            recent = {key for key, at in misses.items() if at > to_iso(now - PERIOD)}
            if len(live) + len(recent) >= limit:
                raise lookup_busy()
            if current is None or current.held is None or current.misses is None:
                actions = [Budget.held.set({slot_id: to_iso(now)}), Budget.misses.set(misses or {})]
            else:
                actions = [Budget.held[slot_id].set(to_iso(now))]
                actions += [Budget.held[key].remove() for key in held.keys() - live]
                actions += [Budget.misses[key].remove() for key in misses.keys() - recent]
            revision = current.revision if current is not None else None
            try:
                Budget(bucket).update(
                    actions=[*actions, Budget.revision.set((revision or 0) + 1), Budget.expires_at.set(now + _KEEP)],
                    condition=Budget.revision.does_not_exist() if revision is None else Budget.revision == revision,
                )
                return Slot(bucket, slot_id, limit)
            except UpdateError as error:
                if not _conditional_failure(error):
                    raise
        raise lookup_busy()

    # --- counted creations ----------------------------------------------------------------------

    def create_counted(
        self,
        model: type[Model],
        values: Mapping[str, Any],
        condition: Condition,
        target: str,
        limit: int,
        keep_until: datetime,
        locked: AppError,
        busy: AppError,
        links: Sequence[dict[str, Any]] = (),
    ) -> dict[str, Any] | None:
        """Create the item ``values`` of ``model`` (on ``condition``, its not-exists) and count it against
        ``target``, which may count ``limit`` creations (never given back; the count is kept until
        ``keep_until``): one TransactWriteItems of the Put and the count's conditional ADD, plus ``links``
        (unconditional updates, as ``get_operation_kwargs`` gives them) written only with the item.

        Returns None when the item was created, or the item already there (DynamoDB JSON) when the Put's condition
        failed (nothing written, nothing counted; the count is then read once, consistently). Raises ``locked``
        when the target has counted ``limit``, whether the item existed or not (else the lock would tell), and
        ``busy`` when other transactions on the same items kept conflicting."""
        from chalicelib.models.base import put_new_kwargs

        # Private pynamodb API: _get_connection(), its get_operation_kwargs() and connection, whose
        # transact_write_items(checks, deletes, puts, updates) sends the Put first and the count second, as the
        # reasons are read. Pinned by tests/unit/test_pynamodb_private_api.py.
        put = put_new_kwargs(model, values, condition)
        bucket = self._hash("target", "created", target)
        count = Budget._get_connection().get_operation_kwargs(
            bucket,
            actions=[Budget.created.add(1), Budget.expires_at.set(keep_until)],
            condition=Budget.created.does_not_exist() | (Budget.created < limit),
        )
        connection = model._get_connection().connection
        for _ in range(CONFLICT_ATTEMPTS):
            try:
                connection.transact_write_items([], [], [put], [count, *links])
                return None
            except TransactWriteError as error:
                if error.cause_response_code != "TransactionCanceledException":
                    raise
                reasons = [reason.code if reason else None for reason in error.cancellation_reasons]
                if len(reasons) != 2 + len(links):  # the Put, the count and the links
                    raise
                if reasons[1] == "ConditionalCheckFailed":
                    raise locked from None
                if reasons[0] == "ConditionalCheckFailed" and reasons[1] is None:
                    # DynamoDB reports each item's failed condition, but does not promise to evaluate them all:
                    # a repeat reads the count too (repeats are rare), so a full target is locked for every number.
                    if _created(bucket) >= limit:
                        raise locked from None
                    first = error.cancellation_reasons[0]
                    assert first is not None
                    return first.raw_item or {}
                if "TransactionConflict" not in reasons:
                    raise
        raise busy

    # --- sources ------------------------------------------------------------------------------

    def admit(self, purpose: str, source: str, requests: int, misses: int | None = None) -> SourceMinute:
        """Count one request of ``source`` in this minute; 429 past ``requests`` of them or ``misses`` misses."""
        now = utc_now()
        minute = now.replace(second=0, microsecond=0)
        bucket = self._hash("source", purpose, f"{source}|{to_iso(minute)}")
        counter = Budget(bucket)
        counter.update(actions=[Budget.requests.add(1), Budget.expires_at.set(minute + timedelta(minutes=10))])
        if int(counter.requests) > requests or (misses is not None and int(counter.failures or 0) >= misses):
            raise too_many(now)
        return SourceMinute(bucket)

    @staticmethod
    def missed(minute: SourceMinute) -> None:
        Budget(minute.bucket).update(actions=[Budget.failures.add(1)])


def too_many(now: datetime | None = None) -> TooManyRequests:
    retry = 60 - (now or utc_now()).second
    return TooManyRequests("TOO_MANY_REQUESTS", f"查询过于频繁，请{retry}秒后再试", retry_after=retry)
