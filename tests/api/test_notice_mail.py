"""The emails of a notice: a throttled message does not stop the others, only an SES that does not answer at all
does (review of issue #12, finding 4)."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ConnectTimeoutError
from moto.core import DEFAULT_ACCOUNT_ID
from moto.ses.models import ses_backends

from chalicelib.services import notifications
from tests.api.test_sessions import NATIONAL, SESSION, ready
from tests.conftest import DEMO_PASSWORD


def _outbox(subject_part: str) -> list[str]:
    sent = [m for region in ses_backends[DEFAULT_ACCOUNT_ID].values() for m in region.sent_messages]
    return sorted(address for m in sent if subject_part in m.subject for address in m.destinations["ToAddresses"])


@pytest.fixture
def two_admins(api, demo) -> dict[str, Any]:
    """A session ready to submit in an organisation with two admins who have email addresses."""
    org, office, admin = api.login("organizer-demo"), api.login("office-demo"), api.login("admin-demo")
    org_id = api.get("/auth/me", admin)[1]["org_id"]
    second = {
        "username": "admin-second",
        "display_name": "钱审核",
        "role": "admin",
        "org_id": org_id,
        "email": "admin-second@demo.cme.local",
        "password": DEMO_PASSWORD,
    }
    assert api.post("/accounts", second, office)[0] == 201
    pid = api.post("/projects/national", NATIONAL, org)[1]["project_id"]
    session = api.post(f"/projects/{pid}/sessions", SESSION, org)[1]
    return {"org": org, "sid": ready(api, {"organizer": org}, session)}


@pytest.fixture
def first_mail_fails():
    """The app's SES client fails its first SendEmail with ``failure`` (a botocore ``before-call`` hook: the request
    is not sent); the hook counts the attempts."""
    state: dict[str, Any] = {"attempts": 0, "failure": None}

    def hook(**_: Any) -> Any:
        state["attempts"] += 1
        failure = state["failure"]
        if state["attempts"] > 1 or failure is None:
            return None
        if isinstance(failure, Exception):
            raise failure

        class Http:
            status_code = 400
            headers: dict[str, str] = {}

        return Http(), {
            "Error": {"Code": failure, "Message": "Rate exceeded"},
            "ResponseMetadata": {"HTTPStatusCode": 400},
        }

    client = notifications._ses()
    client.meta.events.register("before-call.ses.SendEmail", hook, unique_id="test-first-mail-fails")
    yield state
    client.meta.events.unregister("before-call.ses.SendEmail", unique_id="test-first-mail-fails")


def test_a_throttled_email_does_not_stop_the_rest_of_a_notice(api, two_admins, first_mail_fails):
    first_mail_fails["failure"] = "Throttling"
    assert api.post(f"/sessions/{two_admins['sid']}/submit", token=two_admins["org"])[0] == 200
    assert first_mail_fails["attempts"] == 2, "both admins were tried"
    assert len(_outbox("待审核的举办申请")) == 1, "the other admin got the notice"


def test_an_ses_that_does_not_answer_stops_the_notice_after_the_first_email(api, two_admins, first_mail_fails):
    first_mail_fails["failure"] = ConnectTimeoutError(endpoint_url="https://email.example")
    assert api.post(f"/sessions/{two_admins['sid']}/submit", token=two_admins["org"])[0] == 200
    assert first_mail_fails["attempts"] == 1, "every further email would wait the same timeout"
    assert _outbox("待审核的举办申请") == []


def test_a_slow_mail_service_stops_the_emails_of_a_notice_within_the_requests_budget(
    api, two_admins, first_mail_fails, monkeypatch
):
    """Each email answered slowly: past MAIL_SECONDS the rest are left (their in-app notifications are there), so
    many recipients cannot push the request past API Gateway's 29 s."""
    clock = {"now": 1000.0}

    def slow_mail(**_: Any) -> None:
        clock["now"] += notifications.MAIL_SECONDS + 1  # this email took longer than the whole budget
        return None

    monkeypatch.setattr(notifications, "monotonic", lambda: clock["now"])
    client = notifications._ses()
    client.meta.events.register("before-call.ses.SendEmail", slow_mail, unique_id="test-slow-mail")
    try:
        assert api.post(f"/sessions/{two_admins['sid']}/submit", token=two_admins["org"])[0] == 200
    finally:
        client.meta.events.unregister("before-call.ses.SendEmail", unique_id="test-slow-mail")
    assert first_mail_fails["attempts"] == 1, "the second admin's email was not tried after the budget was spent"
    assert len(_outbox("待审核的举办申请")) == 1
