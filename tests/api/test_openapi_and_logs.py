from __future__ import annotations

import json

from openapi_spec_validator import validate

from chalicelib.api import OPERATIONS
from tests.conftest import DEMO_PASSWORD


def test_openapi_document_is_valid_and_lists_every_operation(api):
    status, document = api.get("/openapi.json")
    assert status == 200
    validate(document)
    assert document["openapi"].startswith("3.1")
    listed = {(method.upper(), path) for path, ops in document["paths"].items() for method in ops}
    assert listed == {(op.method, "/api" + op.path) for op in OPERATIONS}
    login = document["paths"]["/api/auth/login"]["post"]
    assert "security" not in login
    schema = document["components"]["schemas"][
        login["requestBody"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
    ]
    assert set(schema["required"]) == {"username", "password"}
    assert document["paths"]["/api/accounts"]["post"]["security"] == [{"bearer": []}]


def test_logs_carry_request_ids_but_never_passwords_or_tokens(api, demo, caplog):
    from chalicelib.observability import logger

    caplog.set_level("INFO", logger="cme-credits")
    status, body = api.post("/auth/login", {"username": "admin-demo", "password": DEMO_PASSWORD})
    token = body["token"]
    api.get("/auth/me", token)
    api.post("/auth/login", {"username": "admin-demo", "password": "Secret#Wrong1"})
    formatter = logger.registered_handler.formatter
    out = "\n".join(formatter.format(record) for record in caplog.records)
    lines = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    assert len([entry for entry in lines if entry["message"] == "request"]) == 3
    assert all(entry.get("request_id") for entry in lines)
    assert DEMO_PASSWORD not in out and "Secret#Wrong1" not in out and token not in out
