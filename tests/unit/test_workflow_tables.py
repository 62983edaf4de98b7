"""The workflow tables are the one home of the review steps: schema literals, route summaries and audit labels are
held equal to them here, and ``Workflow.step`` answers as the API always has."""

from __future__ import annotations

import re
import typing
from pathlib import Path

import pytest

import app  # noqa: F401  (declares the routes)
from chalicelib.api import OPERATIONS
from chalicelib.errors import Conflict, Forbidden, ValidationFailed
from chalicelib.principal import Principal
from chalicelib.schemas.projects import ProjectAction, Status
from chalicelib.schemas.sessions import SessionAction, SessionStatus
from chalicelib.services.audit_labels import action_label, action_labels
from chalicelib.services.workflow import Workflow
from chalicelib.services.workflow_tables import PROJECT, SESSION, workflows

CHALICELIB = Path(__file__).resolve().parents[2] / "chalicelib"


def _principal(role: str) -> Principal:
    department = "科室" if role == "organizer" else None
    return Principal(username=f"{role}-x", role=role, org_id="org-1", department=department)


def test_schema_literals_are_the_tables():
    assert typing.get_args(Status) == tuple(PROJECT.states)
    assert typing.get_args(SessionStatus) == tuple(SESSION.states)
    assert typing.get_args(ProjectAction) == PROJECT.all_actions()
    assert typing.get_args(SessionAction) == SESSION.all_actions()


@pytest.mark.parametrize(
    "workflow, resource, tag",
    [(PROJECT, "/projects/{project_id}", "项目审核"), (SESSION, "/sessions/{session_id}", "举办申请审核")],
)
def test_each_step_has_its_route_summarised_from_the_table(workflow: Workflow, resource: str, tag: str):
    routes = {op.path.rsplit("/", 1)[1]: op for op in OPERATIONS if op.tag == tag and op.method == "POST"}
    assert tuple(routes) == workflow.actions()
    for action, op in routes.items():
        assert op.path == f"{resource}/{action}"
        assert op.summary == workflow.summary(action)
        needs_reason = any(t.needs_reason for t in workflow.transitions if t.action == action)
        assert (op.body is not None) == needs_reason, action
        assert op.errors == (403, 404, 409)


def test_summaries_read_as_before():
    assert SESSION.summary("return") == "退回修改（行政用户或省继教办）"
    assert PROJECT.summary("approve") == "审核通过并公布（省继教办）"
    assert PROJECT.summary("declare") == "提交申报（立项用户）"


def test_actions_per_role_and_state():
    assert SESSION.actions_for("organizer", "returned") == ["submit"]
    assert SESSION.actions_for("office", "forwarded") == ["return", "approve"]
    assert SESSION.actions_for("admin", "forwarded") == []
    assert PROJECT.actions_for("office", "forwarded") == ["approve", "reject"]
    assert PROJECT.actions_for("organizer", "approved") == []


def test_step_refuses_as_the_api_answers():
    with pytest.raises(Forbidden):
        PROJECT.step(_principal("organizer"), "approve", "forwarded")
    with pytest.raises(Conflict) as raised:
        SESSION.step(_principal("office"), "return", "submitted", "理由")
    assert raised.value.code == "ILLEGAL_TRANSITION"
    assert raised.value.message == "举办申请当前状态为“待单位审核”，不能执行“退回修改”"
    with pytest.raises(Conflict) as raised:
        PROJECT.step(_principal("admin"), "forward", "approved")
    assert raised.value.message == "项目当前状态为“已公布”，不能执行“已转报”"
    with pytest.raises(ValidationFailed) as raised:
        PROJECT.step(_principal("admin"), "return", "declared", "  ")
    assert raised.value.code == "REASON_REQUIRED"
    step = SESSION.step(_principal("office"), "return", "forwarded", "请补充")
    assert (step.role, step.target, step.audit_action) == ("office", "returned", "session.return")


def test_every_audit_action_written_has_a_chinese_label():
    areas = "auth|account|organisation|project|session|report|selection|credits|deadline|certificate|questionnaire"
    written = set()
    for path in CHALICELIB.rglob("*.py"):
        written |= set(re.findall(rf'"((?:{areas})\.[a-z_]+)"', path.read_text(encoding="utf-8")))
    assert {"session.approve", "project.reject", "auth.login_failed", "credits.grant"} <= written
    unlabelled = sorted(action for action in written if action not in action_labels())
    assert unlabelled == []
    for workflow in workflows():
        for transition in workflow.transitions:
            assert action_label(transition.audit_action) == transition.audit_label


def test_audit_labels_as_the_console_and_the_timeline_showed_them():
    assert action_label("organisation.create") == "新增机构"
    assert action_label("account.disable") == "停用账号"
    assert action_label("project.approve") == "审核通过项目"
    assert action_label("auth.login_failed") == "登录失败"
    assert action_label("widget.spin") == "widget.spin"
    timeline = ["session.create", "session.upload", "session.submit", "session.return", "session.update"]
    timeline += ["session.forward", "session.approve", "session.remove_material"]
    assert [action_label(a) for a in timeline] == [
        "创建举办申请",
        "上传资料",
        "提交申请",
        "退回修改",
        "修改举办申请",
        "确认并上报",
        "审核通过",
        "删除资料",
    ]


def test_every_step_has_a_button_and_every_button_is_an_action_the_api_lists() -> None:
    for workflow in (PROJECT, SESSION):
        assert set(workflow.actions()) <= set(workflow.buttons), workflow.name
        assert all(label.strip() for label in workflow.buttons.values()), workflow.name
