"""Property-based run over every operation of the OpenAPI document: no input may cause a 5xx."""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from app import app
from localdev.gateway import WebGateway
from tests.conftest import make_api, start_aws

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", WebGateway(app, Path("/nonexistent")))


@pytest.fixture(scope="module")
def office_token(tmp_path_factory):
    mock = start_aws()
    from localdev.seed import seed_demo

    seed_demo()
    yield make_api(tmp_path_factory.mktemp("web")).login("office-demo")
    mock.stop()


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_input_causes_a_server_error(case, office_token):
    case.call_and_validate(headers={"Authorization": f"Bearer {office_token}"}, checks=[not_a_server_error])
