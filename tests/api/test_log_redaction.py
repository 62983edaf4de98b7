"""A failure while an attendee signs in or out is logged (500 INTERNAL), but the log names nobody: the error
messages of libraries quote the data they were handed, and the log masks names, mobiles and ID numbers."""

from __future__ import annotations

from datetime import datetime

import botocore.client
import pytest
from botocore.exceptions import ClientError, ParamValidationError

from tests.api.attendance_helpers import ANSWERS, CN, id_number, person

NAME, UNIT, MOBILE = "欧阳娜娜", "Mercy Clinic 慈济诊所", "13912345678"


def _log(caplog) -> str:
    from chalicelib.observability import logger

    formatter = logger.registered_handler.formatter
    return "\n".join(formatter.format(record) for record in caplog.records)


@pytest.fixture
def failing(monkeypatch):
    """Makes one DynamoDB operation on the attendance table fail with an error quoting the item, as botocore's
    parameter errors and DynamoDB's ALL_OLD condition failures do."""
    original = botocore.client.BaseClient._make_api_call

    def fail(operation: str) -> None:
        def call(client, name, params):
            items = [next(iter(item.values())) for item in params.get("TransactItems", [])] or [params]
            if name != operation or not any(str(i.get("TableName", "")).endswith("-attendance") for i in items):
                return original(client, name, params)
            if name in ("PutItem", "TransactWriteItems"):
                raise ParamValidationError(report=f"Invalid length for parameter Item, value: {items[0]['Item']}")
            stored = original(client, "GetItem", {"TableName": params["TableName"], "Key": params["Key"]})
            error = {"Code": "ValidationException", "Message": f"Item: {stored['Item']}"}
            raise ClientError({"Error": error}, name)

        monkeypatch.setattr(botocore.client.BaseClient, "_make_api_call", call)

    return fail


def test_a_failed_sign_in_logs_no_name_unit_mobile_or_id(api, approved, caplog, failing):
    caplog.set_level("INFO", logger="cme-credits")
    failing("TransactWriteItems")  # the sign-in's one write: the record and its target's count
    body = {"t": approved["tokens"]["in"], **person(name=NAME, unit=UNIT)}
    status, answer = api.post(f"/public/attendance/{approved['sid']}/sign-in", body)
    assert status == 500 and answer["error"]["code"] == "INTERNAL"
    out = _log(caplog)
    assert "unhandled error" in out and "ParamValidationError" in out, "the failure itself is logged"
    for secret in (NAME, "欧阳", UNIT, "Mercy Clinic", MOBILE, id_number()):
        assert secret not in out, secret


def test_a_failed_sign_out_logs_no_name_of_the_stored_record(api, approved, clock, caplog, failing):
    body = {"t": approved["tokens"]["in"], **person(name=NAME, unit=UNIT)}
    assert api.post(f"/public/attendance/{approved['sid']}/sign-in", body)[0] == 200
    caplog.set_level("INFO", logger="cme-credits")
    failing("UpdateItem")
    clock.now = datetime(2026, 12, 10, 16, 10, tzinfo=CN)
    body = {"t": approved["tokens"]["out"], "mobile": MOBILE, "answers": ANSWERS}
    status, answer = api.post(f"/public/attendance/{approved['sid']}/sign-out", body)
    assert status == 500 and answer["error"]["code"] == "INTERNAL"
    out = _log(caplog)
    assert "unhandled error" in out and "ValidationException" in out and "Item:" in out
    for secret in (NAME, "欧阳", "慈济诊所", MOBILE, id_number()):
        assert secret not in out, secret
