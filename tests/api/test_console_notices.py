"""Issue #15 item 3: the organizer's submitted execution report tells the unit's administration, in the bell and by
email with a link to the report, the 14-day term and its last day in China time."""

from __future__ import annotations

from moto.core import DEFAULT_ACCOUNT_ID
from moto.ses.models import ses_backends

from tests.api.test_credits import REPORT, at, held  # noqa: F401 (the fixture)


def _mails(subject_part: str) -> list[tuple[list[str], str]]:
    sent = [m for region in ses_backends[DEFAULT_ACCOUNT_ID].values() for m in region.sent_messages]
    return [(m.destinations["ToAddresses"], m.body) for m in sent if subject_part in m.subject]


def test_the_submitted_report_tells_the_admins_their_term_in_the_bell_and_by_email(api, held, clock):  # noqa: F811
    clock.now = at(11, 9)
    assert api.call("PUT", f"/sessions/{held['sid']}/report", REPORT, held["org"])[0] == 200
    assert _mails("待遴选的执行情况") == []
    assert api.post(f"/sessions/{held['sid']}/report/submit", token=held["org"])[0] == 200

    notices = [n for n in api.get("/notifications", held["admin"])[1]["items"] if n["title"] == "待遴选的执行情况"]
    assert len(notices) == 1
    notice = notices[0]
    assert notice["link"] == f"/sessions/{held['sid']}/report"
    # The session ended on 2026-12-10 (China): the admin's 14 days run to the 24th, 13 days from the 11th.
    assert "14天上报期限" in notice["body"] and "2026年12月24日（北京时间）24:00" in notice["body"]
    assert "还剩13天" in notice["body"]
    assert notice["read"] is False

    mails = _mails("待遴选的执行情况")
    assert len(mails) == 1
    recipients, body = mails[0]
    assert recipients == ["admin-demo@demo.cme.local"]
    assert notice["body"] in body and f"/sessions/{held['sid']}/report" in body
    # Nobody else of the organisation is told: the organizer who submitted has no such notice.
    assert not [n for n in api.get("/notifications", held["org"])[1]["items"] if n["title"] == "待遴选的执行情况"]
