"""Background jobs: ``GET /jobs/{job_id}`` (state, progress, the link once done; its creator's) and the worker
function that SQS delivers each job's message to (``run-jobs``, told how often the message was received)."""

from __future__ import annotations

import json

from chalice import Blueprint
from chalice.app import SQSEvent

from chalicelib import schemas
from chalicelib.api import operation
from chalicelib.container import services
from chalicelib.observability import logger
from chalicelib.principal import Principal

bp = Blueprint(__name__)
# A placeholder ARN, a plain string, so that the merge template's {"Fn::GetAtt": ["JobsQueue", "Arn"]} replaces it
# whole (chalice package merges dicts key by key: a queue *name* would leave its Fn::Sub beside the GetAtt).
QUEUE_ARN = "arn:aws:sqs:us-east-1:000000000000:cme-jobs-placeholder"


@operation(bp, "/jobs/{job_id}", "GET", summary="后台任务的状态、进度与下载链接", tag="任务", errors=(404,))
def get_job(principal: Principal, job_id: str) -> schemas.jobs.JobOut:
    job, url = services().jobs.get(principal, job_id)
    error = schemas.jobs.JobError(code=job.error_code, message=job.error_message or "") if job.error_code else None
    return schemas.jobs.JobOut.model_validate(
        {
            "job_id": job.job_id,
            "kind": job.kind,
            "state": job.state,
            "done": int(job.done),
            "total": None if job.total is None else int(job.total),
            "filename": job.filename if url else None,
            "url": url,
            "error": error,
            "created_at": job.created_at,
            "updated_at": job.updated_at,
        }
    )


@bp.on_sqs_message(queue_arn=QUEUE_ARN, batch_size=1, name="run-jobs")
def run_jobs(event: SQSEvent) -> None:
    """One job per message: run it until done, failed or out of time (then it queues itself again)."""
    from chalicelib.services.jobs import time_left

    for record in event:
        try:
            job_id = str(json.loads(record.body)["job_id"])
        except (ValueError, KeyError, TypeError):
            logger.warning("job message without a job id dropped")
            continue
        receives = int((record.to_dict().get("attributes") or {}).get("ApproximateReceiveCount") or 1)
        outcome = services().jobs.run(job_id, time_left(event.context), receives)
        logger.info("job run", extra={"job_id": job_id, "outcome": outcome})
