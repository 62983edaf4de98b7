"""Issue #15 item 4: the audit log and a session's timeline name actions in Chinese, the target by its title and
people by their names, all kept in the event when written, so a page of the log costs one Query whatever it holds."""

from __future__ import annotations

from chalicelib.models import AuditEvent
from chalicelib.services.audit_labels import action_labels
from chalicelib.timeutil import china_date, utc_now
from tests.api.attendance_helpers import SESSION, approve
from tests.api.test_certificates import granted  # noqa: F401 (the fixture)
from tests.api.test_credits import REPORT, at, held  # noqa: F401 (the fixture)
from tests.api.test_list_costs import counting


def _events(api, office) -> list[dict]:
    status, page = api.get("/audit?limit=200", office)
    assert status == 200
    return page["items"]


def test_the_log_names_actions_targets_and_people(api, roles, national_project, clock, monkeypatch):
    session = approve(api, roles, national_project, {**SESSION, "seq": 2})
    events = _events(api, roles["office"])
    by_action = {e["action"]: e for e in events}

    approved = by_action["session.approve"]
    assert approved["action_label"] == "审核通过"
    assert approved["target_type"] == "session" and approved["target_id"] == session["sid"]
    assert approved["target_title"] == "外科护理新进展 · 第2期"
    assert (approved["actor"], approved["actor_name"]) == ("office-demo", "省继教办（演示）")
    forwarded = by_action["session.forward"]
    assert (forwarded["actor_name"], forwarded["target_title"]) == ("王科教", "外科护理新进展 · 第2期")
    assert by_action["session.upload"]["actor_name"] == "张立项"
    created = by_action["project.create"]
    assert (created["action_label"], created["target_title"]) == ("新增项目", "外科护理新进展")
    login = by_action["auth.login"]
    assert (login["action_label"], login["target_title"], login["actor_name"]) == ("登录", "张立项", "张立项")
    assert all(e["action_label"] == action_labels()[e["action"]] for e in events)

    # The timeline names the same people.
    timeline = api.get(f"/sessions/{session['sid']}/timeline", roles["org"])[1]["items"]
    assert [(e["action_label"], e["actor_name"]) for e in timeline][-3:] == [
        ("提交申请", "张立项"),
        ("确认并上报", "王科教"),
        ("审核通过", "省继教办（演示）"),
    ]

    # A page of the log is one Query however many people and targets it names.
    with counting(monkeypatch) as reads:
        assert api.get("/audit?limit=200", roles["office"])[0] == 200
    assert reads.calls == ["Query"]


def test_report_steps_name_the_session_and_older_events_fall_back_to_codes(api, held, clock):  # noqa: F811
    clock.now = at(11, 9)
    assert api.call("PUT", f"/sessions/{held['sid']}/report", REPORT, held["org"])[0] == 200
    assert api.post(f"/sessions/{held['sid']}/report/submit", token=held["org"])[0] == 200
    events = {e["action"]: e for e in _events(api, held["office"])}
    submitted = events["report.submit"]
    assert (submitted["action_label"], submitted["actor_name"]) == ("提交执行情况", "张立项")
    assert submitted["target_title"] == "外科护理新进展 · 第1期"

    # An event written before names were kept shows the username and no title.
    older = next(iter(AuditEvent.query(china_date(utc_now()), limit=1)))
    older.update(actions=[AuditEvent.actor_name.remove(), AuditEvent.target_title.remove()])
    shown = next(e for e in _events(api, held["office"]) if e["event_id"] == older.event_id)
    assert shown["actor_name"] == shown["actor"] and shown["target_title"] is None


def test_the_grant_job_names_the_office_user_who_started_it(api, granted):  # noqa: F811
    """The grant runs in the background as the user who started it: its audit event names that user too."""
    event = next(e for e in _events(api, granted["office"]) if e["action"] == "credits.grant")
    assert (event["actor"], event["actor_name"]) == ("office-demo", "省继教办（演示）")
    assert event["target_title"] == "外科护理新进展 · 第1期"
