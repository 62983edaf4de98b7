"""The login-attempts table: login throttling state per name and per source window."""

from __future__ import annotations

from pynamodb.attributes import NumberAttribute, TTLAttribute, UnicodeAttribute
from pynamodb.models import Model

from chalicelib.models.base import register


@register
class LoginAttempt(Model):
    """Login throttling state, one item per key (the table's hash key keeps its old name ``username``):

    - ``user#{username}``, also for names that do not exist: the failure streak, the slowdown and the lock. Written
      only as a whole by compare-and-set on ``version`` (``services.login_guard``), so counting an attempt, slowing
      and locking are one conditional write.
    - ``source#{address}#{window}``: failed logins from one address in one window, raised by a capped conditional
      ADD (never set back), lowered only by the success that raised it.
    """

    class Meta:
        table_name = "login-attempts"

    key = UnicodeAttribute(hash_key=True, attr_name="username")
    failures = NumberAttribute(default=0)
    next_allowed_at = NumberAttribute(default=0)
    locked_until = NumberAttribute(default=0)
    # The slowdown or lock (its end, epoch seconds) whose first refused attempt is in the audit log; a source
    # window whose limit was audited holds 1.
    refusal_noted = NumberAttribute(default=0)
    version = NumberAttribute(default=0)
    expires_at = TTLAttribute()
