"""Background jobs: a request creates one (one conditional write, one SQS message; an Idempotency-Key makes a retried
request answer the same job); the worker function runs it in chunks, each saving its part in S3 under the run's token
and its progress with a version-guarded write, so a retry resumes without redoing a finished chunk and only recorded
parts are read; runs are counted per chunk, so a run killed by its timeout or memory fails the job in the end rather
than leaving it running. The result is a file in S3 behind a short-lived link, or (a grant) the work itself. What each
kind does is in ``exports`` and ``grant_job``."""

from __future__ import annotations

import hashlib
import json
import re
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache
from typing import Any, Protocol

from chalicelib.errors import AppError, Conflict, NotFound
from chalicelib.models import Job
from chalicelib.observability import count, logger
from chalicelib.principal import Principal
from chalicelib.services import schedule_runs
from chalicelib.services.excel import Export
from chalicelib.services.files import FileStore
from chalicelib.timeutil import to_iso, utc_now

QUEUED, RUNNING, SUCCEEDED, FAILED = "queued", "running", "succeeded", "failed"
KEEP = timedelta(days=1)  # as long as the bucket keeps exports/ (its lifecycle rule)
# A chunk's errors that another try may not meet (a write raced by another writer, rollups busy): retried like an
# unexpected error, within MAX_ATTEMPTS, instead of failing the job at once.
RETRYABLE = frozenset({"CONCURRENT_UPDATE", "AGGREGATES_BUSY"})
MAX_ATTEMPTS = 3  # runs that may start one chunk (errors, timeouts, out of memory) before the job is given up
# SQS's dead-letter queue takes a message after 4 receives (infra/merge-template.json): the 4th delivery hands the
# job to a fresh message instead, so a job that progresses between crashes is not dropped for its message's count.
LAST_RECEIVE = 4
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
    shared: bool  # the office's work (any office user reads the job), not its creator's alone
    failed_message: str  # the Chinese error of a job given up after MAX_ATTEMPTS

    def check(self, principal: Principal, params: dict[str, Any]) -> None: ...

    def chunk(self, principal: Principal, params: dict[str, Any], cursor: Any) -> Chunk: ...

    def finish(self, principal: Principal, params: dict[str, Any], parts: list[bytes]) -> Export | None: ...


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
    return Principal(
        username=job.owner,
        role=job.role,
        org_id=job.org_id,
        department=job.department,
        display_name=job.owner_name or "",
    )


def may_read(principal: Principal, job: Job, shared: bool) -> bool:
    """A job is its creator's: its file holds what the creator's scope let it read. A kind that is the office's work
    (``shared``: the grant, which any office user may start or resume) is read by every office user."""
    return job.owner == principal.username or (shared and principal.is_office and job.role == "office")


_KEY = re.compile(r"[\x21-\x7e]{1,128}")


def keyed_id(principal: Principal, key: str) -> str:
    """The job id a caller's Idempotency-Key stands for: the same key from the same user names the same job."""
    if not _KEY.fullmatch(key):
        raise AppError("INVALID_IDEMPOTENCY_KEY", "Idempotency-Key 须为1至128个可见ASCII字符", "Idempotency-Key")
    return hashlib.sha256(f"{principal.username}\n{key}".encode()).hexdigest()[:32]


class JobService:
    """Creates jobs, answers their state, and runs them in the worker."""

    def __init__(self, files: FileStore, bucket: str, queue_url: str, kinds: dict[str, JobKind]) -> None:
        self._files = files
        self._bucket = bucket
        self._queue_url = queue_url
        self._kinds = kinds

    # --- the request -------------------------------------------------------------------------

    def start(self, principal: Principal, kind: str, params: dict[str, Any], key: str | None = None) -> Job:
        """Check the caller as the synchronous route did, record the job (queued) and hand it to the worker. With an
        Idempotency-Key ``key``, the job that key started within a day is answered instead (it is not checked
        again: a retried request gets what the first got)."""
        job_id = keyed_id(principal, key) if key is not None else None
        if job_id is not None and (found := self.replay(job_id, kind, params)) is not None:
            return found
        self._kinds[kind].check(principal, params)
        return self.create(principal, kind, params, job_id)

    def replay(self, job_id: str, kind: str, params: dict[str, Any]) -> Job | None:
        """The live job of an Idempotency-Key's id, if there is one; the key reused for another request (another kind,
        or other values of the request's ``params``; the job may keep more) is refused."""
        job = self._load(job_id)
        if job is None or job.expires_at <= utc_now():
            return None
        if job.kind != kind or any(job.params.get(name) != value for name, value in params.items()):
            raise Conflict("IDEMPOTENCY_KEY_REUSED", "该 Idempotency-Key 已用于另一请求，请换一个")
        return job

    def create(self, principal: Principal, kind: str, params: dict[str, Any], job_id: str | None = None) -> Job:
        """Record a checked job (queued) and queue its message. ``job_id`` (an Idempotency-Key's) is taken only if
        free or expired; when a concurrent request took it first, that job is answered."""
        now = utc_now()
        job = Job(
            job_id=job_id or uuid.uuid4().hex,
            kind=kind,
            owner=principal.username,
            owner_name=principal.display_name or None,
            role=principal.role,
            org_id=principal.org_id,
            department=principal.department,
            params=params,
            state=QUEUED,
            done=0,
            attempts=0,
            created_at=to_iso(now),
            updated_at=to_iso(now),
            expires_at=now + KEEP,
        )
        from pynamodb.exceptions import PutError

        try:
            job.save(condition=Job.job_id.does_not_exist())
        except PutError as error:
            if error.cause_response_code != "ConditionalCheckFailedException" or job_id is None:
                raise
            previous = self._load(job_id)
            if previous is None or previous.expires_at > now:
                found = self.replay(job_id, kind, params)  # a concurrent request with the same key took it
                if found is None:
                    raise
                return found
            job.version = previous.version  # the key's job expired (TTL deletes late): this one replaces it
            job.save(condition=Job.expires_at <= now)
        try:
            self._enqueue(job.job_id)
        except Exception:
            # No message, no worker: the job must not stay "queued" for ever.
            self._fail(job, "JOB_NOT_QUEUED", "任务未能提交，请重试")
            raise
        return job

    def find(self, job_id: str) -> Job | None:
        """A live job by its id (None when unknown or expired), for a service that keeps it (the grant)."""
        job = self._load(job_id) if _plausible(job_id) else None
        return job if job is not None and job.expires_at > utc_now() else None

    def get(self, principal: Principal, job_id: str) -> tuple[Job, str | None]:
        """The job (404 outside its reader) and, once it succeeded, a short-lived link to its file."""
        # TTL deletes lazily: an expired job is gone, as its file is.
        job = self.find(job_id)
        if job is None or not may_read(principal, job, self._kinds[job.kind].shared):
            raise NotFound("任务不存在或已过期", code="JOB_NOT_FOUND")
        url = None
        if job.state == SUCCEEDED and job.result_key and job.filename:
            url = self._files.download_url(job.result_key, job.filename)
        return job, url

    # --- the worker --------------------------------------------------------------------------

    def run(self, job_id: str, time_left: Callable[[], float], receives: int = 1) -> str:
        """Work on the job until it is done or the run's time is nearly up (then it re-enqueues itself). Each run
        counts an attempt of the chunk it starts before working (a run killed by its timeout or memory cannot count
        afterwards); past MAX_ATTEMPTS the job fails. An unexpected error is raised, so SQS delivers the message again
        and the job resumes at that chunk. ``receives`` is the message's ApproximateReceiveCount. What the answer
        says: done, failed, requeued, superseded or gone."""
        job = self._load(job_id)
        if job is None or job.state in (SUCCEEDED, FAILED):
            return "gone"
        if receives >= LAST_RECEIVE:
            self._enqueue(job.job_id)  # a fresh message; the job's own count still bounds a chunk that never ends
            return "requeued"
        kind = self._kinds[job.kind]
        principal = principal_of(job)
        token = uuid.uuid4().hex[:12]  # this run's parts: a duplicate delivery racing it writes under its own
        job.attempts = int(job.attempts or 0) + 1
        if job.attempts > MAX_ATTEMPTS:
            logger.error("job given up", extra={"job_id": job.job_id, "kind": job.kind, "attempts": job.attempts})
            self._fail(job, "JOB_FAILED", kind.failed_message)
            return "failed"
        job.state = RUNNING
        if not self._save(job):  # another delivery runs the job: it goes on, this one stops
            return "superseded"
        slowest = 0.0
        while True:
            if time_left() < RESERVE_SECONDS + slowest:
                job.attempts = 0  # the next chunk was not started
                if not self._save(job):
                    return "superseded"
                self._enqueue(job.job_id)
                return "requeued"
            started = time.monotonic()
            try:
                finished = self._step(job, kind, principal, token)
            except AppError as error:
                if error.code in RETRYABLE:  # contention, not the job's fault: SQS delivers it again
                    logger.warning("job chunk met contention", extra={"job_id": job.job_id, "code": error.code})
                    raise
                self._fail(job, error.code, error.message)
                return "failed"
            except Exception:
                logger.exception("job chunk failed", extra={"job_id": job.job_id, "kind": job.kind})
                raise
            job.attempts = 0 if finished else 1  # this run goes on with the next chunk
            if not self._save(job):
                return "superseded"
            if finished:
                return "done"
            slowest = max(slowest, time.monotonic() - started)

    def _step(self, job: Job, kind: JobKind, principal: Principal, token: str) -> bool:
        """One chunk (its part written under this run's token and recorded in the job by the save that follows, so
        ``finish`` reads only the parts of saved chunks, never one a racing duplicate wrote), or the finishing
        step; the job's fields updated for the save that follows."""
        if kind.collects and job.cursor != _FINISH:
            chunk = kind.chunk(principal, job.params, (job.cursor or {}).get("next"))
            index = len(job.parts or [])
            self._put(self._part_key(job, index, token), chunk.part, "application/octet-stream")
            job.parts = [*(job.parts or []), token]
            job.done = int(job.done) + 1
            job.cursor = _FINISH if chunk.cursor is None else {"next": chunk.cursor}
            if chunk.total is not None:
                job.total = chunk.total + 1  # and the finishing step
            if job.cursor == _FINISH:
                job.total = job.done + 1
            elif job.total is not None:
                job.total = max(int(job.total), job.done + 2)  # an estimate never below what is left
            return False
        parts = [self._get(self._part_key(job, index, run)) for index, run in enumerate(job.parts or [])]
        export = kind.finish(principal, job.params, parts)
        if export is not None:
            key = f"exports/{job.job_id}/{export.filename}"
            self._put(key, export.content, export.content_type)
            job.result_key, job.filename = key, export.filename
        job.done = int(job.done) + 1
        job.total = job.done
        job.cursor = None
        job.state = SUCCEEDED
        return True

    # --- helpers -----------------------------------------------------------------------------

    @staticmethod
    def _part_key(job: Job, index: int, token: str) -> str:
        return f"exports/{job.job_id}/parts/{index:05d}-{token}"  # expires with the exports/ prefix

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
        count("JobFailures")


def _plausible(job_id: str) -> bool:
    return len(job_id) == 32 and all(char in "0123456789abcdef" for char in job_id)
