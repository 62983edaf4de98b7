"""Background jobs: a request creates one (one conditional write, one SQS message); the worker function runs it in
chunks, each saving its part in S3 and its progress with a version-guarded write, so a retry resumes without redoing
a finished chunk; the result is a file in S3 behind a short-lived link. What each kind does is in ``exports``."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache
from typing import Any, Protocol

from chalicelib.errors import AppError, NotFound
from chalicelib.models import Job
from chalicelib.observability import logger
from chalicelib.principal import Principal
from chalicelib.services import schedule_runs
from chalicelib.services.excel import Export
from chalicelib.services.files import FileStore
from chalicelib.timeutil import to_iso, utc_now

QUEUED, RUNNING, SUCCEEDED, FAILED = "queued", "running", "succeeded", "failed"
KEEP = timedelta(days=1)  # as long as the bucket keeps exports/ (its lifecycle rule)
MAX_FAILURES = 3  # unexpected errors of one chunk before the job is given up
RESERVE_SECONDS = 30.0  # kept in hand before the function's timeout: a chunk's worst case, the save, the re-enqueue
LOCAL_SECONDS = 240.0  # a run's budget where no Lambda context tells it (make run, tests)
_FINISH = {"finish": True}  # the cursor once every chunk is collected: the next step writes the file


@dataclass(frozen=True)
class Chunk:
    """What one chunk collected (stored as its part), where the next starts (None: collection is done) and, when
    the kind can tell, how many chunks collection takes in all."""

    part: bytes
    cursor: Any
    total: int | None = None


class JobKind(Protocol):
    """One kind of job. ``check`` runs in the request that creates the job (the same errors as the synchronous route
    had); ``chunk`` and ``finish`` in the worker, with the caller's scope fixed at creation."""

    collects: bool

    def check(self, principal: Principal, params: dict[str, Any]) -> None: ...

    def chunk(self, principal: Principal, params: dict[str, Any], cursor: Any) -> Chunk: ...

    def finish(self, principal: Principal, params: dict[str, Any], parts: list[bytes]) -> Export: ...


@lru_cache(maxsize=1)
def _sqs() -> Any:
    import boto3

    from chalicelib.upstream import botocore_config

    return boto3.client("sqs", config=botocore_config())


@lru_cache(maxsize=1)
def _s3() -> Any:
    import boto3

    from chalicelib.upstream import botocore_config

    return boto3.client("s3", config=botocore_config(signature_version="s3v4"))


def reset() -> None:
    _sqs.cache_clear()
    _s3.cache_clear()


def time_left(context: Any) -> Callable[[], float]:
    """Seconds left in this worker run: the Lambda context's, else ``LOCAL_SECONDS`` from now."""
    return schedule_runs.seconds_left(context, LOCAL_SECONDS)


def principal_of(job: Job) -> Principal:
    return Principal(username=job.owner, role=job.role, org_id=job.org_id, department=job.department)


def may_read(principal: Principal, job: Job) -> bool:
    """A job is its creator's; an office user's job is the office's (any office user reads it)."""
    return job.owner == principal.username or (principal.is_office and job.role == "office")


class JobService:
    """Creates jobs, answers their state, and runs them in the worker."""

    def __init__(self, files: FileStore, bucket: str, queue_url: str, kinds: dict[str, JobKind]) -> None:
        self._files = files
        self._bucket = bucket
        self._queue_url = queue_url
        self._kinds = kinds

    # --- the request -------------------------------------------------------------------------

    def start(self, principal: Principal, kind: str, params: dict[str, Any]) -> Job:
        """Check the caller as the synchronous route did, record the job (queued) and hand it to the worker."""
        self._kinds[kind].check(principal, params)
        now = utc_now()
        job = Job(
            job_id=uuid.uuid4().hex,
            kind=kind,
            owner=principal.username,
            role=principal.role,
            org_id=principal.org_id,
            department=principal.department,
            params=params,
            state=QUEUED,
            done=0,
            failures=0,
            created_at=to_iso(now),
            updated_at=to_iso(now),
            expires_at=now + KEEP,
        )
        job.save(condition=Job.job_id.does_not_exist())
        try:
            self._enqueue(job.job_id)
        except Exception:
            # No message, no worker: the job must not stay "queued" for ever.
            self._fail(job, "JOB_NOT_QUEUED", "任务未能提交，请重新导出")
            raise
        return job

    def get(self, principal: Principal, job_id: str) -> tuple[Job, str | None]:
        """The job (404 outside its reader) and, once it succeeded, a short-lived link to its file."""
        job = self._load(job_id) if _plausible(job_id) else None
        # TTL deletes lazily: an expired job is gone, as its file is.
        if job is None or not may_read(principal, job) or job.expires_at <= utc_now():
            raise NotFound("任务不存在或已过期", code="JOB_NOT_FOUND")
        url = None
        if job.state == SUCCEEDED and job.result_key and job.filename:
            url = self._files.download_url(job.result_key, job.filename)
        return job, url

    # --- the worker --------------------------------------------------------------------------

    def run(self, job_id: str, time_left: Callable[[], float]) -> str:
        """Work on the job until it is done or the run's time is nearly up (then it re-enqueues itself). An
        unexpected error is raised, so SQS delivers the message again and the job resumes at the failed chunk; after
        MAX_FAILURES the job fails. What the answer says: done, failed, requeued, superseded or gone."""
        job = self._load(job_id)
        if job is None or job.state in (SUCCEEDED, FAILED):
            return "gone"
        kind = self._kinds[job.kind]
        principal = principal_of(job)
        if job.state == QUEUED:
            job.state = RUNNING
            if not self._save(job):
                return "superseded"
        slowest = 0.0
        while True:
            if time_left() < RESERVE_SECONDS + slowest:
                self._enqueue(job.job_id)
                return "requeued"
            started = time.monotonic()
            try:
                finished = self._step(job, kind, principal)
            except AppError as error:
                self._fail(job, error.code, error.message)
                return "failed"
            except Exception:
                job.failures = int(job.failures or 0) + 1
                if job.failures >= MAX_FAILURES:
                    logger.exception("job given up", extra={"job_id": job.job_id, "kind": job.kind})
                    self._fail(job, "JOB_FAILED", "任务执行失败，请重新导出")
                    return "failed"
                self._save(job)
                raise
            if not self._save(job):
                return "superseded"
            if finished:
                return "done"
            slowest = max(slowest, time.monotonic() - started)

    def _step(self, job: Job, kind: JobKind, principal: Principal) -> bool:
        """One chunk (its part written under the chunk's number, so a redone chunk overwrites, never adds), or the
        finishing step; the job's fields updated for the save that follows."""
        if kind.collects and job.cursor != _FINISH:
            chunk = kind.chunk(principal, job.params, (job.cursor or {}).get("next"))
            self._put(self._part_key(job, int(job.done)), chunk.part, "application/octet-stream")
            job.done = int(job.done) + 1
            job.cursor = _FINISH if chunk.cursor is None else {"next": chunk.cursor}
            if chunk.total is not None:
                job.total = chunk.total + 1  # and the finishing step
            if job.cursor == _FINISH:
                job.total = job.done + 1
            elif job.total is not None:
                job.total = max(int(job.total), job.done + 2)  # an estimate never below what is left
            job.failures = 0
            return False
        parts = [self._get(self._part_key(job, index)) for index in range(int(job.done))]
        export = kind.finish(principal, job.params, parts)
        key = f"exports/{job.job_id}/{export.filename}"
        self._put(key, export.content, export.content_type)
        job.result_key, job.filename = key, export.filename
        job.done = int(job.done) + 1
        job.total = job.done
        job.cursor = None
        job.state = SUCCEEDED
        job.failures = 0
        return True

    # --- helpers -----------------------------------------------------------------------------

    @staticmethod
    def _part_key(job: Job, index: int) -> str:
        return f"exports/{job.job_id}/parts/{index:05d}"  # expires with the exports/ prefix

    def _put(self, key: str, content: bytes, content_type: str) -> None:
        _s3().put_object(Bucket=self._bucket, Key=key, Body=content, ContentType=content_type)

    def _get(self, key: str) -> bytes:
        return _s3().get_object(Bucket=self._bucket, Key=key)["Body"].read()

    def _enqueue(self, job_id: str) -> None:
        _sqs().send_message(QueueUrl=self._queue_url, MessageBody=json.dumps({"job_id": job_id}))

    @staticmethod
    def _load(job_id: str) -> Job | None:
        from pynamodb.exceptions import DoesNotExist

        try:
            return Job.get(job_id, consistent_read=True)
        except DoesNotExist:
            return None

    @staticmethod
    def _save(job: Job) -> bool:
        """Save the job if no other run saved it meanwhile (its version); False when one did."""
        from pynamodb.exceptions import PutError

        job.updated_at = to_iso(utc_now())
        try:
            job.save()
        except PutError as error:
            if error.cause_response_code == "ConditionalCheckFailedException":
                logger.info("job saved by another run", extra={"job_id": job.job_id})
                return False
            raise
        return True

    def _fail(self, job: Job, code: str, message: str) -> None:
        job.state, job.error_code, job.error_message, job.cursor = FAILED, code, message, None
        self._save(job)


def _plausible(job_id: str) -> bool:
    return len(job_id) == 32 and all(char in "0123456789abcdef" for char in job_id)
