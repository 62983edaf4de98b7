"""The execution report's workflow table (services/workflow_tables.py REPORT): who may take which step from where, and
the refusals the API answers."""

from __future__ import annotations

from typing import get_args

import pytest

from chalicelib.errors import Conflict, Forbidden, ValidationFailed
from chalicelib.principal import Principal
from chalicelib.schemas.sessions import ReportAction, ReportStatus
from chalicelib.services.workflow_tables import REPORT

ORGANIZER = Principal("org", "organizer", "o-1", "心内科")
ADMIN = Principal("admin", "admin", "o-1", None)
OFFICE = Principal("office", "office", "office", None)


def test_the_schema_literal_lists_the_workflows_states():
    assert get_args(ReportStatus) == tuple(REPORT.states)
    assert get_args(ReportAction) == REPORT.actions()


@pytest.mark.parametrize(
    ("status", "organizer", "admin", "office"),
    [
        ("pending", ["edit", "submit"], [], ["extend"]),
        ("reported", [], ["return", "select"], ["extend"]),
        ("returned", ["edit", "submit"], [], ["extend"]),
        ("submitted", [], [], ["office_return", "grant"]),
        ("office_returned", [], ["select"], ["extend"]),
        ("granted", [], [], []),
    ],
)
def test_each_role_may_take_these_steps(status, organizer, admin, office):
    assert REPORT.actions_for("organizer", status) == organizer
    assert REPORT.actions_for("admin", status) == admin
    assert REPORT.actions_for("office", status) == office


def test_a_step_of_another_role_is_forbidden_and_a_wrong_state_names_the_current_one():
    with pytest.raises(Forbidden):
        REPORT.step(ADMIN, "grant", "submitted")
    with pytest.raises(Conflict) as raised:
        REPORT.step(OFFICE, "grant", "office_returned")
    assert raised.value.code == "ILLEGAL_TRANSITION"
    assert raised.value.message == "只有待审核的学员名单可以授予学分（当前：学员名单被退回）"
    with pytest.raises(Conflict) as raised:
        REPORT.step(ORGANIZER, "edit", "granted")
    assert raised.value.message == "执行情况当前不能修改（当前：已授予学分）"


def test_returns_and_extensions_need_a_reason():
    with pytest.raises(ValidationFailed) as raised:
        REPORT.step(ADMIN, "return", "reported", " ")
    assert raised.value.code == "REASON_REQUIRED"
    assert REPORT.step(OFFICE, "extend", "pending", "统计延误").target is None
    assert REPORT.step(ADMIN, "select", "office_returned").target == "submitted"


def test_every_step_is_audited_under_its_own_action():
    assert REPORT.by_audit_action() == {
        "report.save": "保存执行情况",
        "report.submit": "提交执行情况",
        "report.return": "退回执行情况",
        "selection.submit": "上报学员名单",
        "selection.return": "退回学员名单",
        "credits.grant": "授予学分",
        "deadline.extend": "延长上报期限",
    }
