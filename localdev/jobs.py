"""The worker function of background jobs, run in the local system as Lambda's SQS event source runs it in AWS:
messages received from the (moto) queue, one per invocation, deleted when the function returns."""

from __future__ import annotations

import importlib
import threading
import uuid
from collections.abc import Callable
from typing import Any

import boto3
from chalice.app import SQSEventConfig

from chalicelib.observability import logger
from chalicelib.services import office_books


def sqs_handlers(app: Any) -> list[tuple[str, Callable[..., Any]]]:
    """(name, handler) of every SQS-triggered function of ``app``."""
    found = []
    for source in app.event_sources:
        if isinstance(source, SQSEventConfig):
            module, _, name = source.handler_string.rpartition(".")
            found.append((source.name, getattr(importlib.import_module(module), name)))
    return found


def sqs_event(message: dict[str, Any], queue_arn: str) -> dict[str, Any]:
    """The event Lambda's SQS event source delivers for one message."""
    return {
        "Records": [
            {
                "messageId": message["MessageId"],
                "receiptHandle": message["ReceiptHandle"],
                "body": message["Body"],
                "attributes": message.get("Attributes", {}),
                "messageAttributes": {},
                "md5OfBody": message.get("MD5OfBody", ""),
                "eventSource": "aws:sqs",
                "eventSourceARN": queue_arn,
                "awsRegion": "us-east-1",
            }
        ]
    }


def deliver(app: Any, queue_url: str, wait_seconds: int = 0, release_failed: bool = False) -> int:
    """Receive what the queue has (one message per invocation, as ``batch_size=1``) and run the worker on each: a
    message is deleted when the function returns; when it raises, the message comes back after the queue's visibility
    timeout (at once with ``release_failed``, as tests want). The number of invocations."""
    sqs = boto3.client("sqs")
    queue_arn = sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    handlers = sqs_handlers(app)
    runs = 0
    while True:
        answer = sqs.receive_message(
            QueueUrl=queue_url,
            MaxNumberOfMessages=1,
            WaitTimeSeconds=wait_seconds,
            AttributeNames=["ApproximateReceiveCount"],
        )
        messages = answer.get("Messages", [])
        if not messages:
            return runs
        (message,) = messages
        for name, handler in handlers:
            runs += 1
            # The worker runs in containers of its own: it reads the office's rules itself (and needs the grant).
            office_books.reset()
            try:
                handler(sqs_event(message, queue_arn), None)
            except Exception:  # noqa: BLE001 - as Lambda: the message is delivered again later
                logger.exception("job worker failed", extra={"function": name, "invocation": uuid.uuid4().hex})
                if release_failed:
                    sqs.change_message_visibility(
                        QueueUrl=queue_url, ReceiptHandle=message["ReceiptHandle"], VisibilityTimeout=0
                    )
                break
        else:
            sqs.delete_message(QueueUrl=queue_url, ReceiptHandle=message["ReceiptHandle"])
        wait_seconds = 0


def run_jobs(app: Any, queue_url: str, stop: threading.Event) -> threading.Thread:
    """Poll the jobs queue (long polling, 1 s) and run the worker until ``stop`` is set."""

    def loop() -> None:
        while not stop.is_set():
            try:
                deliver(app, queue_url, wait_seconds=1)
            except Exception:  # noqa: BLE001 - keep the local system up
                logger.exception("job queue polling failed")
                stop.wait(5)

    thread = threading.Thread(target=loop, name="jobs", daemon=True)
    thread.start()
    return thread
