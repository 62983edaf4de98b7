"""The jobs table: one background job (an export or a printable PDF) with its caller, progress and result."""

from __future__ import annotations

from pynamodb.attributes import (
    JSONAttribute,
    NumberAttribute,
    TTLAttribute,
    UnicodeAttribute,
    VersionAttribute,
)
from pynamodb.models import Model

from chalicelib.models.base import register


@register
class Job(Model):
    """A job is created by one request and worked on, chunk after chunk, by the worker function. Every save after
    a chunk is guarded by ``version``, so two deliveries of one message never both record progress."""

    class Meta:
        table_name = "jobs"

    job_id = UnicodeAttribute(hash_key=True)
    kind = UnicodeAttribute()
    # The caller at creation: the job runs with this scope, and only this user (or the office, for an office
    # user's job) may read it.
    owner = UnicodeAttribute()
    role = UnicodeAttribute()
    org_id = UnicodeAttribute()
    department = UnicodeAttribute(null=True)
    params = JSONAttribute()
    state = UnicodeAttribute()  # queued | running | succeeded | failed
    done = NumberAttribute(default=0)  # chunks finished (each wrote its part)
    total = NumberAttribute(null=True)  # chunks in all, once known
    cursor = JSONAttribute(null=True)  # where the next chunk starts (the kind's own value)
    failures = NumberAttribute(default=0)  # unexpected errors of the current chunk
    result_key = UnicodeAttribute(null=True)
    filename = UnicodeAttribute(null=True)
    error_code = UnicodeAttribute(null=True)
    error_message = UnicodeAttribute(null=True)  # Chinese, shown to the user
    created_at = UnicodeAttribute()  # UTC ISO 8601
    updated_at = UnicodeAttribute()
    expires_at = TTLAttribute()
    version = VersionAttribute()
