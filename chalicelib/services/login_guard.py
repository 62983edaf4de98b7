"""Login throttling and the audit of failed logins.

Per username (existing or not): from the 3rd failure each further try must wait longer (1, 2, 4 … 60 s), and
the 10th locks the name for 15 minutes. Per source address: at most ``SOURCE_FAILURES`` failed logins in each
``SOURCE_WINDOW_MINUTES`` window, whatever names they try (successes do not count, so a hospital's NAT address
with many staff logging in is not locked out by normal use).

Every attempt is reserved before its password is checked (reserve-then-check): the reservation counts it as a
failure and sets the slowdown or lock it brings, in one compare-and-set write of the name's item, so parallel
guesses cannot outrun the lock. A success clears the name's item only if no other attempt was reserved or
refused since its own reservation, so it never wipes the failures of attempts racing it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from pynamodb.exceptions import DeleteError, DoesNotExist, PutError, UpdateError

from chalicelib.errors import AppError, Locked, TooManyRequests, Unauthenticated
from chalicelib.models import Account, LoginAttempt
from chalicelib.principal import Principal
from chalicelib.schemas.accounts import USERNAME_PATTERN
from chalicelib.services.audit import append, audit_event
from chalicelib.timeutil import CHINA, to_iso

SLOWDOWN_AFTER = 3
LOCK_AFTER = 10
LOCK_MINUTES = 15
MAX_DELAY_SECONDS = 60
SOURCE_FAILURES = 30
SOURCE_WINDOW_MINUTES = 15
STREAK_DAYS = 1  # a name with no attempt for this long starts a new streak
# Each lost compare-and-set means another attempt was reserved, and no more than LOCK_AFTER are before the lock:
# a request that keeps losing is refused as throttled.
_RACES = 2 * LOCK_AFTER
_CONDITION_FAILED = "ConditionalCheckFailedException"

# Who failed logins are filed under in the audit log.
ANONYMOUS = Principal("anonymous", "anonymous", "-", None)
_LONG_DIGITS = re.compile(r"\d{11,}")  # a mobile or ID number typed as a name


@dataclass(frozen=True)
class Reservation:
    """An attempt counted as a failure before its password is checked."""

    username: str
    source: str
    failures: int  # the name's failure streak, this attempt included
    version: int  # the version of the name's item this reservation wrote
    source_key: str


@dataclass(frozen=True)
class _Refusal:
    reason: str  # locked | throttled
    until: int  # epoch seconds
    error: AppError


def delay_after(failures: int) -> int:
    """Seconds the next try must wait after this many failures (from the SLOWDOWN_AFTER-th on)."""
    return min(2 ** (failures - SLOWDOWN_AFTER), MAX_DELAY_SECONDS)


def audit_name(username: str, known: bool) -> str:
    """The name a failed login is filed under: an account's own name; a name that is no account only when it looks
    like one (people type passwords, mobiles and ID numbers into the name field), else its first two characters."""
    if known or (re.fullmatch(USERNAME_PATTERN, username) and not _LONG_DIGITS.search(username)):
        return username
    return username[:2] + "*" * min(max(len(username) - 2, 1), 6)


class LoginGuard:
    """Counts login attempts per name and per source address; refuses, slows and locks; audits failures."""

    def reserve(self, username: str, source: str, now: datetime) -> Reservation:
        """Count an attempt before its password is checked, or raise the refusal (ACCOUNT_LOCKED 423,
        LOGIN_THROTTLED 429, LOGIN_SOURCE_LIMITED 429) without checking it."""
        key = _user_key(username)
        source_key: str | None = None
        try:
            for _ in range(_RACES):
                state = _read(key)
                refusal = _refusal(state, now)
                if refusal is not None:
                    assert state is not None
                    self._note(username, source, state, refusal)
                    raise refusal.error
                if source_key is None:
                    source_key = self._reserve_source(username, source, now)
                counted = _counted(key, state, now)
                if _compare_and_set(counted, state):
                    return Reservation(username, source, int(counted.failures), int(counted.version), source_key)
            raise TooManyRequests("LOGIN_THROTTLED", "登录尝试过于频繁，请稍后再试")
        except AppError:
            if source_key is not None:  # refused before any check: not a failure of the address
                _release_source(source_key)
            raise

    def succeeded(self, reservation: Reservation) -> None:
        """Clear the name's streak unless other attempts were counted since; give the address its try back."""
        try:
            LoginAttempt(_user_key(reservation.username)).delete(condition=LoginAttempt.version == reservation.version)
        except DeleteError as error:
            if error.cause_response_code != _CONDITION_FAILED:
                raise
        _release_source(reservation.source_key)

    def failed(self, reservation: Reservation, reason: str) -> Unauthenticated:
        """Audit a checked login that failed (``wrong_password``, ``unknown_user`` or ``disabled``) and return the
        one answer all of them get."""
        failures = reservation.failures
        locked = failures >= LOCK_AFTER
        self._audit(
            reservation.username,
            reservation.source,
            reason,
            known=reason != "unknown_user",
            failures=failures,
            locked=locked,
        )
        message = "用户名或密码错误"
        if locked:
            message += f"，登录失败次数过多，账号已锁定 {LOCK_MINUTES} 分钟"
        elif failures >= SLOWDOWN_AFTER:
            message += f"，再失败 {LOCK_AFTER - failures} 次将锁定 {LOCK_MINUTES} 分钟"
        return Unauthenticated("INVALID_CREDENTIALS", message)

    @staticmethod
    def clear(username: str) -> None:
        """Forget a name's failures (its password was reset)."""
        LoginAttempt(_user_key(username)).delete()

    # --- internals ------------------------------------------------------------------------------

    def _note(self, username: str, source: str, state: LoginAttempt, refusal: _Refusal) -> None:
        """Audit the first refused attempt of each slowdown or lock; later ones are only answered."""
        if state.refusal_noted == refusal.until:
            return
        noted = _copy(state, refusal_noted=refusal.until, version=state.version + 1)
        if _compare_and_set(noted, state):
            until = to_iso(datetime.fromtimestamp(refusal.until, UTC))
            self._audit(username, source, refusal.reason, known=None, failures=state.failures, until=until)

    def _reserve_source(self, username: str, source: str, now: datetime) -> str:
        """Count the attempt against its address's window, or raise LOGIN_SOURCE_LIMITED (the first refusal of a
        window is audited)."""
        span = SOURCE_WINDOW_MINUTES * 60
        window_end = (int(now.timestamp()) // span + 1) * span
        key = f"source#{source}#{window_end}"
        try:
            LoginAttempt(key).update(
                actions=[
                    LoginAttempt.failures.add(1),
                    LoginAttempt.expires_at.set(datetime.fromtimestamp(window_end, UTC) + timedelta(hours=1)),
                ],
                condition=LoginAttempt.failures.does_not_exist() | (LoginAttempt.failures < SOURCE_FAILURES),
            )
            return key
        except UpdateError as error:
            if error.cause_response_code != _CONDITION_FAILED:
                raise
        minutes = math.ceil((window_end - now.timestamp()) / 60)
        refusal = TooManyRequests("LOGIN_SOURCE_LIMITED", f"该网络地址登录失败次数过多，请 {minutes} 分钟后再试")
        try:
            LoginAttempt(key).update(
                actions=[LoginAttempt.refusal_noted.set(1)], condition=LoginAttempt.refusal_noted.does_not_exist()
            )
        except UpdateError as error:
            if error.cause_response_code != _CONDITION_FAILED:
                raise
            raise refusal from None
        until = to_iso(datetime.fromtimestamp(window_end, UTC))
        self._audit(username, source, "source_limited", known=None, limit=SOURCE_FAILURES, until=until)
        raise refusal

    @staticmethod
    def _audit(username: str, source: str, reason: str, known: bool | None, **details: Any) -> None:
        if known is None:
            known = _exists(username)
        after = {"reason": reason, "source_ip": source, **details}
        append(audit_event(ANONYMOUS, "auth.login_failed", "account", audit_name(username, known), None, after))


def _user_key(username: str) -> str:
    return f"user#{username}"


def _read(key: str) -> LoginAttempt | None:
    try:
        return LoginAttempt.get(key, consistent_read=True)
    except DoesNotExist:
        return None


def _exists(username: str) -> bool:
    if not username:
        return False
    try:
        Account.get(username, attributes_to_get=["username"])
    except DoesNotExist:
        return False
    return True


def _refusal(state: LoginAttempt | None, now: datetime) -> _Refusal | None:
    if state is None:
        return None
    stamp = now.timestamp()
    if state.locked_until > stamp:
        until = datetime.fromtimestamp(state.locked_until, CHINA).strftime("%H:%M")
        message = f"登录失败次数过多，账号已锁定，请于 {until} 后再试"
        return _Refusal("locked", int(state.locked_until), Locked("ACCOUNT_LOCKED", message))
    if state.next_allowed_at > stamp:
        wait = math.ceil(state.next_allowed_at - stamp)
        message = f"登录尝试过于频繁，请 {wait} 秒后再试"
        return _Refusal("throttled", int(state.next_allowed_at), TooManyRequests("LOGIN_THROTTLED", message))
    return None


def _counted(key: str, state: LoginAttempt | None, now: datetime) -> LoginAttempt:
    """The name's item with one more failure and the slowdown or lock it brings."""
    stamp = int(now.timestamp())
    # A served lock or a streak left alone for STREAK_DAYS starts over.
    fresh = state is None or state.locked_until > 0 or state.expires_at <= now
    failures = 1 if state is None or fresh else int(state.failures) + 1
    return LoginAttempt(
        key,
        failures=failures,
        next_allowed_at=stamp + delay_after(failures) if SLOWDOWN_AFTER <= failures < LOCK_AFTER else 0,
        locked_until=stamp + LOCK_MINUTES * 60 if failures >= LOCK_AFTER else 0,
        refusal_noted=state.refusal_noted if state else 0,
        version=(state.version if state else 0) + 1,
        expires_at=now + timedelta(days=STREAK_DAYS),
    )


def _copy(state: LoginAttempt, **changes: Any) -> LoginAttempt:
    fields = {
        name: getattr(state, name)
        for name in ("failures", "next_allowed_at", "locked_until", "refusal_noted", "version", "expires_at")
    }
    return LoginAttempt(state.key, **{**fields, **changes})


def _compare_and_set(item: LoginAttempt, state: LoginAttempt | None) -> bool:
    """Write the name's whole item if it is still as read (``state``; None: absent); False if it changed."""
    condition = LoginAttempt.key.does_not_exist() if state is None else LoginAttempt.version == state.version
    try:
        item.save(condition=condition)
    except PutError as error:
        if error.cause_response_code != _CONDITION_FAILED:
            raise
        return False
    return True


def _release_source(key: str) -> None:
    """Give back an address's reserved attempt (never below what other reservations hold: only the reservation's
    own ADD is undone)."""
    LoginAttempt(key).update(actions=[LoginAttempt.failures.add(-1)])
