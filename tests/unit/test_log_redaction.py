"""Names stored earlier reach the log only through the messages of libraries that quote data (e.g. openpyxl's
IllegalCharacterError from an export): free text of a log line has its Chinese characters masked."""

from __future__ import annotations

import json


def test_an_exception_quoting_a_stored_name_logs_no_name(caplog):
    from chalicelib.observability import logger

    caplog.set_level("INFO", logger="cme-credits")
    try:
        raise ValueError("钱\x01某 cannot be used in worksheets.")
    except ValueError:
        logger.exception("unhandled error", extra={"route": "GET /sessions/{session_id}/attendance/export"})
    logger.info("reminder not delivered", extra={"attendee": "钱某", "mobile": "13912345678", "session_id": "s-1"})
    formatter = logger.registered_handler.formatter
    lines = [formatter.format(record) for record in caplog.records]
    out = "\n".join(lines)
    assert "钱" not in out and "某" not in out and "13912345678" not in out
    failure, extra = (json.loads(line) for line in lines)
    assert failure["exception_name"] == "ValueError" and "cannot be used in worksheets" in failure["exception"]
    assert extra["session_id"] == "s-1" and extra["attendee"] == extra["mobile"] == "[REDACTED]"
