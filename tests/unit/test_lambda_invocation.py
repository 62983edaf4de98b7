"""Every function's log lines carry its Lambda context (function, request id, cold start, trace) and its metrics are
written once per invocation in CloudWatch's embedded metric format, only on Lambda (issue #14 item 2)."""

from __future__ import annotations

import json
import logging
from types import SimpleNamespace
from typing import Any

import pytest
from chalice import Blueprint, Chalice, Rate

from chalicelib import observability
from localdev.schedules import scheduled_event


def lambda_context(name: str = "cme-test-CloseAttendanceWindows-AbC123", request: str = "req-1") -> Any:
    return SimpleNamespace(
        function_name=name,
        memory_limit_in_mb=512,
        aws_request_id=request,
        get_remaining_time_in_millis=lambda: 30_000,
    )


@pytest.fixture
def lines(caplog: pytest.LogCaptureFixture) -> Any:
    caplog.set_level("INFO", logger="cme-credits")
    formatter = observability.logger.registered_handler.formatter
    assert formatter is not None

    def read() -> dict[str, Any]:
        """The last line as it was written (Powertools keeps the appended keys in the formatter, not the record)."""
        return json.loads(formatter.format(caplog.records[-1]))

    yield read
    observability.logger.remove_keys(
        ["function_name", "function_memory_size", "function_request_id", "cold_start", "xray_trace_id"]
    )


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(observability, "_cold_start", True)
    monkeypatch.setattr(observability, "_counts", {})


def test_scheduled_and_queue_functions_log_their_context_and_only_the_first_is_cold(lines: Any, fresh: None) -> None:
    app = Chalice(app_name="invocation-test", configure_logs=False)
    app.register_middleware(observability.lambda_invocation, "all")
    bp = Blueprint(__name__)

    @bp.schedule(Rate(5, unit=Rate.MINUTES), name="tick")
    def tick(event: Any) -> None:
        observability.logger.info("tick ran")

    @bp.on_sqs_message(queue_arn="arn:aws:sqs:us-east-1:000000000000:q", name="work")
    def work(event: Any) -> None:
        observability.logger.info("work ran")

    app.register_blueprint(bp)
    tick(scheduled_event("tick"), lambda_context())
    first = lines()
    work({"Records": []}, lambda_context("cme-test-RunJobs-XyZ", "req-2"))
    second = lines()
    assert first["message"] == "tick ran" and first["cold_start"] is True
    assert (
        first["function_name"] == "cme-test-CloseAttendanceWindows-AbC123" and first["function_request_id"] == "req-1"
    )
    assert second["cold_start"] is False and second["function_request_id"] == "req-2"


def test_the_app_wraps_every_function_and_the_authorizer(lines: Any, fresh: None) -> None:
    from app import app
    from chalicelib.authorizer import jwt_authorizer

    assert (observability.lambda_invocation, "all") in app.middleware_handlers
    event = {"type": "TOKEN", "authorizationToken": "Bearer not-a-jwt", "methodArn": "arn:aws:execute-api:x/api/GET/"}
    context = lambda_context("cme-test-JwtAuthorizer-AbC", "req-auth")
    assert jwt_authorizer(event, context)["principalId"] == "anonymous"
    observability.logger.info("after")
    assert lines()["function_name"] == "cme-test-JwtAuthorizer-AbC"


def test_a_request_without_lambda_context_logs_as_before(lines: Any, fresh: None) -> None:
    request = SimpleNamespace(lambda_context=None, context={"requestId": "r"})
    assert observability.lambda_invocation(request, lambda event: "answered") == "answered"
    observability.logger.info("local")
    assert "function_name" not in lines()


def test_metrics_are_written_once_per_invocation_on_lambda_only(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], fresh: None
) -> None:
    monkeypatch.delenv("AWS_LAMBDA_FUNCTION_NAME", raising=False)
    with observability.invocation(None):
        observability.count("SignIns")
    assert capsys.readouterr().out == ""  # local runs and tests: counted, not printed

    monkeypatch.setenv("AWS_LAMBDA_FUNCTION_NAME", "cme-test-APIHandler-AbC")
    monkeypatch.setenv("POWERTOOLS_METRICS_NAMESPACE", "cme-test")
    with pytest.raises(RuntimeError), observability.invocation(lambda_context()):
        observability.count("SignIns")
        observability.count("SignIns")
        observability.count("RefusedScans")
        raise RuntimeError("the run failed: its metrics are still written")
    (line,) = [json.loads(text) for text in capsys.readouterr().out.splitlines()]
    (directive,) = line["_aws"]["CloudWatchMetrics"]
    assert directive["Namespace"] == "cme-test"
    assert directive["Dimensions"] == [["service"]] and line["service"] == "cme-credits"
    assert {m["Name"] for m in directive["Metrics"]} == {"SignIns", "RefusedScans"}
    assert line["SignIns"] in (2.0, [2.0]) and line["RefusedScans"] in (1.0, [1.0])

    with observability.invocation(lambda_context()):
        pass
    assert capsys.readouterr().out == "", "an invocation that counted nothing writes nothing"


def test_only_known_metrics_are_counted() -> None:
    with pytest.raises(ValueError, match="unknown metric"):
        observability.count("SignIns:320102198503124515")


def test_counting_from_worker_threads_adds_up(fresh: None) -> None:
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda _: observability.count("SignOuts"), range(400)))
    assert observability.flush_metrics() == {"SignOuts": 400}
    logging.getLogger(__name__).debug("flushed")
