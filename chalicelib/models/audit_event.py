"""The audit-events table: the append-only audit log, by China day and by target."""

from __future__ import annotations

from pynamodb.attributes import JSONAttribute, UnicodeAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex
from pynamodb.models import Model

from chalicelib.models.base import register


class TargetIndex(GlobalSecondaryIndex["AuditEvent"]):
    class Meta:
        index_name = "target-event-index"
        projection = AllProjection()

    target = UnicodeAttribute(hash_key=True)
    event_key = UnicodeAttribute(range_key=True)


@register
class AuditEvent(Model):
    """Append-only: written only with a not-exists condition, never updated."""

    class Meta:
        table_name = "audit-events"

    day = UnicodeAttribute(hash_key=True)  # China-time date, YYYY-MM-DD
    event_key = UnicodeAttribute(range_key=True)  # UTC ISO time + '#' + event id
    event_id = UnicodeAttribute()
    at = UnicodeAttribute()
    actor = UnicodeAttribute()  # username
    actor_name = UnicodeAttribute(null=True)  # the actor's display name when written (older events: none)
    actor_role = UnicodeAttribute()
    actor_org_id = UnicodeAttribute()
    action = UnicodeAttribute()
    target = UnicodeAttribute()  # target_type#target_id
    target_type = UnicodeAttribute()
    target_id = UnicodeAttribute()
    target_title = UnicodeAttribute(null=True)  # what the target was called when written (项目名 · 第N期, 机构名…)
    before = JSONAttribute(null=True)
    after = JSONAttribute(null=True)
    request_id = UnicodeAttribute(null=True)

    target_index = TargetIndex()
