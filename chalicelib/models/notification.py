"""The notifications table: in-app notifications of each account."""

from __future__ import annotations

from pynamodb.attributes import BooleanAttribute, UnicodeAttribute
from pynamodb.models import Model

from chalicelib.models.base import register


@register
class Notification(Model):
    """In-app notification of one account; newest first by ``notification_key``."""

    class Meta:
        table_name = "notifications"

    username = UnicodeAttribute(hash_key=True)
    notification_key = UnicodeAttribute(range_key=True)  # UTC ISO time#id
    notification_id = UnicodeAttribute()
    title = UnicodeAttribute()
    body = UnicodeAttribute()
    link = UnicodeAttribute(null=True)
    read = BooleanAttribute(default=False)
    created_at = UnicodeAttribute()
