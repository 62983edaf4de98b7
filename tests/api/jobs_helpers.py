"""Background jobs in the API tests: start one as the console does, run the worker as SQS would, read the result."""

from __future__ import annotations

import os
from typing import Any


def run_jobs() -> int:
    """Deliver every queued job message to the worker function (a failed run's message comes back at once)."""
    from app import app
    from localdev.jobs import deliver

    return deliver(app, os.environ["JOBS_QUEUE_URL"], release_failed=True)


def start(api: Any, path: str, token: str, key: str | None = None, **query: Any) -> tuple[int, Any]:
    headers = {"Idempotency-Key": key} if key is not None else None
    return api.call("POST", path, token=token, query=query or None, headers=headers)


def grant(api: Any, session_id: str, token: str, key: str | None = None) -> tuple[int, Any]:
    """The office's grant as the console runs it: started (202), the worker run, then the session's report read.
    Answers ``(200, report)`` once granted; a refused start its error; a failed job ``(409, {"error", "job"})``."""
    status, started = start(api, f"/sessions/{session_id}/credits/grant", token, key)
    if status != 202:
        return status, started
    run_jobs()
    status, job = api.get(f"/jobs/{started['job_id']}", token)
    assert status == 200, job
    if job["state"] != "succeeded":
        return 409, {"error": job["error"], "job": job}
    assert job["kind"] == "grant" and job["url"] is None and job["done"] == job["total"], job
    return api.get(f"/sessions/{session_id}/report", token)


def export(api: Any, path: str, token: str, **query: Any) -> tuple[int, Any]:
    """The export at ``path`` as a job: started (202), run, then read. A job that succeeded answers
    ``(200, {url, filename, job})`` as the synchronous route answered ``{url, filename}``; a refused start answers
    its error; a failed job ``(409, {"error": job's error, "job": job})``."""
    status, started = start(api, path, token, **query)
    if status != 202:
        return status, started
    assert started["state"] == "queued" and len(started["job_id"]) == 32, started
    run_jobs()
    status, job = api.get(f"/jobs/{started['job_id']}", token)
    assert status == 200, job
    if job["state"] != "succeeded":
        return 409, {"error": job["error"], "job": job}
    assert job["done"] == job["total"] and job["url"], job
    return 200, {"url": job["url"], "filename": job["filename"], "job": job}


def one_step_per_run(monkeypatch: Any) -> None:
    """Give every worker run time for one step only: it then saves and queues the job again, as a run near its
    Lambda timeout does."""
    from chalicelib.services import jobs

    def time_left(context: Any) -> Any:
        calls = iter((10_000.0,))
        return lambda: next(calls, 0.0)

    monkeypatch.setattr(jobs, "time_left", time_left)
