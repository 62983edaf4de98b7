"""The daily reminders of the credit deadlines: 7, 3 and 1 days ahead and once overdue, each delivered once to each
recipient, retried until everyone has it or its attempts are spent."""

from __future__ import annotations

import os

import boto3
import pytest
from moto.core import DEFAULT_ACCOUNT_ID
from moto.ses.models import ses_backends

from chalicelib.container import services
from chalicelib.services.reminders import REMINDER_ATTEMPTS, RemindersFailed
from tests.api.test_credits import at, held  # noqa: F401 - the held fixture


def test_reminders_go_out_once_each_at_7_3_and_1_days_and_when_overdue(api, held, clock):  # noqa: F811
    remind = services().reminders.send
    runs = {day: remind(at(day, 8)) for day in (16, 17, 18, 21, 23, 24, 25, 26)}
    assert runs == {16: 0, 17: 1, 18: 0, 21: 1, 23: 1, 24: 0, 25: 1, 26: 0}
    assert remind(at(17, 8)) == 0 and remind(at(25, 9)) == 0, "a retried run sends nothing again"
    admin = api.get("/notifications", held["admin"], limit=50)[1]
    titles = [n["title"] for n in admin["items"] if n["link"] == f"/sessions/{held['sid']}/report"]
    assert titles.count("学员名单上报提醒") == 3 and titles.count("已逾期：学员名单上报提醒") == 1
    body = next(n["body"] for n in admin["items"] if n["title"] == "已逾期：学员名单上报提醒")
    assert "2026-12-24" in body and "已逾期1天" in body
    organizer = api.get("/notifications", held["org"], limit=50)[1]["items"]
    assert any(n["title"] == "学员名单上报提醒" for n in organizer), "the report is not in yet: the organizer too"
    assert api.post("/notifications/read-all", token=held["admin"])[1] == {"unread": 0}
    assert api.get("/notifications", held["admin"])[1]["unread"] == 0


def test_a_reminder_whose_mail_failed_is_delivered_by_the_rerun_and_only_once(api, held, clock):  # noqa: F811
    ses = boto3.client("ses")
    sender = os.environ["MAIL_SENDER"]
    ses.delete_identity(Identity=sender)  # SES refuses every message now
    with pytest.raises(RemindersFailed):
        services().reminders.send(at(17, 8))
    assert api.post("/notifications/read-all", token=held["admin"])[1] == {"unread": 0}, "it is in the console"
    ses.verify_email_identity(EmailAddress=sender)
    assert services().reminders.send(at(17, 8, 5)) == 1, "the rerun delivers it"
    assert api.get("/notifications", held["admin"])[1]["unread"] == 0, "what was read stays read"
    assert services().reminders.send(at(17, 9)) == 0, "and nothing twice"
    notes = api.get("/notifications", held["admin"], limit=50)[1]["items"]
    assert [n["title"] for n in notes if n["link"] == f"/sessions/{held['sid']}/report"] == ["学员名单上报提醒"]
    mails = [m for region in ses_backends[DEFAULT_ACCOUNT_ID].values() for m in region.sent_messages]
    to_admin = [m for m in mails if "admin-demo@demo.cme.local" in m.destinations["ToAddresses"]]
    assert sum("学员名单上报提醒" in m.subject for m in to_admin) == 1


def test_a_reminder_that_never_gets_through_is_given_up_after_its_attempts(api, held, clock):  # noqa: F811
    ses = boto3.client("ses")
    sender = os.environ["MAIL_SENDER"]
    ses.delete_identity(Identity=sender)
    try:
        for minute in range(REMINDER_ATTEMPTS):
            with pytest.raises(RemindersFailed):
                services().reminders.send(at(17, 8, minute))
        assert services().reminders.send(at(17, 9)) == 0, "given up: the runs stop failing"
    finally:
        ses.verify_email_identity(EmailAddress=sender)
    notes = api.get("/notifications", held["admin"], limit=50)[1]["items"]
    assert [n["title"] for n in notes if n["link"] == f"/sessions/{held['sid']}/report"] == ["学员名单上报提醒"]
