"""The jobs table: one background job (an export, a printable PDF or a grant) with its caller, progress, the parts its
runs recorded and its result."""

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
    # The caller at creation: the job runs with this scope, and only this user may read it (any office user, for a
    # kind that is the office's work: the grant). A job started with an Idempotency-Key has an id derived from it.
    owner = UnicodeAttribute()
    owner_name = UnicodeAttribute(null=True)  # the creator's 姓名, as the audit events the job writes name who acted
    role = UnicodeAttribute()
    org_id = UnicodeAttribute()
    department = UnicodeAttribute(null=True)
    params = JSONAttribute()
    state = UnicodeAttribute()  # queued | running | succeeded | failed
    done = NumberAttribute(default=0)  # chunks finished (each wrote its part)
    total = NumberAttribute(null=True)  # chunks in all, once known
    cursor = JSONAttribute(null=True)  # where the next chunk starts (the kind's own value)
    # Runs that started the current chunk (counted when a run starts, so a run killed by its timeout or memory counts
    # too); past MAX_ATTEMPTS the job fails.
    attempts = NumberAttribute(default=0)
    parts = JSONAttribute(null=True)  # per finished chunk, the run token its part is stored under
    result_key = UnicodeAttribute(null=True)
    filename = UnicodeAttribute(null=True)
    error_code = UnicodeAttribute(null=True)
    error_message = UnicodeAttribute(null=True)  # Chinese, shown to the user
    created_at = UnicodeAttribute()  # UTC ISO 8601
    updated_at = UnicodeAttribute()
    expires_at = TTLAttribute()
    version = VersionAttribute()
