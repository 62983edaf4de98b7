"""Background jobs (``/jobs``): the answer of a request that starts one, and a job's state and result."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from chalicelib.schemas.common import Output

JobState = Literal["queued", "running", "succeeded", "failed"]
JobKind = Literal[
    "attendance-export",
    "project-export",
    "session-report-export",
    "organisation-report-export",
    "province-report-export",
    "certificate-pdf",
    "grant",
    "personal-data-export",
]


class JobStarted(Output):
    """202: the job is recorded and queued (or, for a request repeated with its Idempotency-Key or a grant already
    under way, the job it started, in its current state); poll ``GET /jobs/{job_id}``."""

    job_id: str
    state: JobState


class JobError(Output):
    code: str
    message: str


class JobOut(Output):
    job_id: str
    kind: JobKind
    state: JobState
    done: int = Field(title="已完成的批次")
    total: int | None = Field(title="总批次（未知时为空）")
    filename: str | None = None
    url: str | None = Field(None, title="下载链接（成功后，几分钟内有效）")
    error: JobError | None = None
    created_at: str
    updated_at: str
