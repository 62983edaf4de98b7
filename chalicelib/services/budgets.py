"""Failure budgets and per-source limits of the public look-ups that find a person.

A *target* is what a caller names when asking about someone (a project number and a name, a certificate, an ID
number as its public mask shows it). It may fail ``FAILURES`` times within ``PERIOD``, whoever asks and from
wherever; then it answers one and the same refusal for ``PERIOD`` after the last failure, a right answer too. A slot
of the budget is taken *before* looking, by one conditional update, so parallel guesses cannot outrun the count
(at most ``FAILURES`` of them are ever looked up); a look-up that finds its person gives its slot back.

A *source* (the caller's address) has a minute's allowance of requests and of misses, sized for a hospital's NAT,
where hundreds of phones share one address: the per-target budgets are what stop guessing, the per-source limit
only keeps one address from sweeping.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from pynamodb.exceptions import DoesNotExist, UpdateError

from chalicelib.errors import AppError, TooManyRequests
from chalicelib.models import Budget
from chalicelib.timeutil import to_iso, utc_now

FAILURES = 5
PERIOD = timedelta(hours=24)
_KEEP = PERIOD * 2  # TTL after the last change: a count is never needed longer than PERIOD after it


def _conditional_failure(error: UpdateError) -> bool:
    return error.cause_response_code == "ConditionalCheckFailedException"


@dataclass(frozen=True)
class Slot:
    bucket: str
    resets_at: str  # the period the slot was taken in: giving back or locking applies to that period only
    last: bool  # took the budget's last slot


class Reservation:
    """The slots one look-up holds: ``give_back()`` when it found its person (or looked nothing up), ``spend()`` to
    keep them as failures."""

    def __init__(self, slots: list[Slot]) -> None:
        self._slots = slots

    def give_back(self) -> None:
        for slot in self._slots:
            _give_back(slot)
        self._slots = []

    def spend(self) -> None:
        """Keep the failures; where one filled the budget, the lock lasts PERIOD from now."""
        now = utc_now()
        for slot in self._slots:
            if not slot.last:
                continue
            try:
                Budget(slot.bucket).update(
                    actions=[Budget.resets_at.set(to_iso(now + PERIOD)), Budget.expires_at.set(now + _KEEP)],
                    condition=(Budget.resets_at == slot.resets_at) & (Budget.failures >= FAILURES),
                )
            except UpdateError as error:  # a look-up under way gave its slot back, or the period was restarted
                if not _conditional_failure(error):
                    raise
        self._slots = []


def _give_back(slot: Slot) -> None:
    try:
        Budget(slot.bucket).update(
            actions=[Budget.failures.add(-1)],
            condition=(Budget.resets_at == slot.resets_at) & (Budget.failures > 0),
        )
    except UpdateError as error:  # the period was restarted meanwhile: nothing to give back
        if not _conditional_failure(error):
            raise


@dataclass(frozen=True)
class SourceMinute:
    bucket: str


class Budgets:
    """Failure budgets per target and allowances per source; keys are keyed hashes of what they count."""

    def __init__(self, key: bytes) -> None:
        self._key = key

    def _hash(self, kind: str, purpose: str, text: str) -> str:
        digest = hmac.new(self._key, f"{kind}|{purpose}|{text}".encode(), hashlib.sha256).hexdigest()[:32]
        return f"{kind}#{purpose}#{digest}"

    # --- targets ------------------------------------------------------------------------------

    def reserve(self, purpose: str, targets: Iterable[str], locked: AppError, limit: int = FAILURES) -> Reservation:
        """One slot of each target's budget (``limit`` slots), or ``locked`` raised (and nothing held) when any is
        spent."""
        slots: list[Slot] = []
        for target in targets:
            slot = self._take(self._hash("target", purpose, target), limit)
            if slot is None:
                Reservation(slots).give_back()
                raise locked
            slots.append(slot)
        return Reservation(slots)

    @staticmethod
    def _take(bucket: str, limit: int) -> Slot | None:
        now = utc_now()
        now_text = to_iso(now)
        for _ in range(3):
            budget = Budget(bucket)
            try:
                budget.update(
                    actions=[
                        Budget.failures.add(1),
                        Budget.resets_at.set(Budget.resets_at | to_iso(now + PERIOD)),
                        Budget.expires_at.set(now + _KEEP),
                    ],
                    condition=(Budget.failures.does_not_exist() | (Budget.failures < limit))
                    & (Budget.resets_at.does_not_exist() | (Budget.resets_at > now_text)),
                )
                return Slot(bucket, budget.resets_at, int(budget.failures) >= limit)
            except UpdateError as error:
                if not _conditional_failure(error):
                    raise
            try:
                current = Budget.get(bucket, consistent_read=True)
            except DoesNotExist:
                continue
            if current.resets_at and current.resets_at > now_text:
                return None  # spent, and its period is not over
            try:  # the period is over: the count starts again (unless another request just restarted it)
                current.update(
                    actions=[Budget.failures.set(0), Budget.resets_at.remove()],
                    condition=Budget.resets_at == current.resets_at,
                )
            except UpdateError as error:
                if not _conditional_failure(error):
                    raise
        return None

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
    return TooManyRequests("TOO_MANY_REQUESTS", f"查询过于频繁，请{retry}秒后再试")
