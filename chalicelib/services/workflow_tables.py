"""The review workflows' tables (the rules themselves): the provincial project declaration (PROJECT), the holding
application of a session (SESSION) and its execution report with selection and grant (REPORT). The machinery that
checks and applies a step is services/workflow.py; web/src/shared/workflow.ts is generated from these tables."""

from __future__ import annotations

from chalicelib.services.workflow import Notice, Transition, Workflow


def workflows() -> tuple[Workflow, ...]:
    """Every workflow table of this module (the audit log's labels are drawn from all of them)."""
    return tuple(value for value in globals().values() if isinstance(value, Workflow))


# --- the tables ----------------------------------------------------------------------------------------------------

# Provincial project declaration (项目申报): organizer declares, its administration forwards or returns, the office
# approves (and the service draws the provincial number) or rejects. National projects have no workflow.
PROJECT = Workflow(
    name="project",
    noun="项目",
    states={
        "draft": "未上报",
        "declared": "待单位审核",
        "returned": "退回修改",
        "forwarded": "待省继教办审核",
        "approved": "已公布",
        "rejected": "未通过",
    },
    transitions=(
        Transition(
            "declare",
            "organizer",
            frozenset({"draft", "returned"}),
            "declared",
            label="已申报",
            audit_action="project.declare",
            audit_label="提交申报",
        ),
        Transition(
            "forward",
            "admin",
            frozenset({"declared"}),
            "forwarded",
            label="已转报",
            audit_action="project.forward",
            audit_label="转报项目",
            summary="转报省继教办",
        ),
        Transition(
            "return",
            "admin",
            frozenset({"declared"}),
            "returned",
            label="退回修改",
            audit_action="project.return",
            audit_label="退回项目",
            needs_reason=True,
            summary="退回修改",
        ),
        Transition(
            "approve",
            "office",
            frozenset({"forwarded"}),
            "approved",
            label="审核通过",
            audit_action="project.approve",
            audit_label="审核通过项目",
            summary="审核通过并公布",
        ),
        Transition(
            "reject",
            "office",
            frozenset({"forwarded"}),
            "rejected",
            label="不通过",
            audit_action="project.reject",
            audit_label="项目不通过",
            needs_reason=True,
            summary="不通过",
        ),
    ),
    buttons={
        "edit": "编辑",
        "declare": "提交申报",
        "forward": "转报",
        "return": "退回",
        "approve": "审核通过",
        "reject": "不通过",
        "delete": "删除",
    },
)

# Holding application (举办申请) of one session: organizer submits, its administration forwards or returns, the
# office approves or returns. Notices: ``subject`` is "项目名（第N期）", ``org_name`` the organiser, ``reason`` the
# stored reason.
_RETURNED = Notice("organizer", "举办申请被退回", "{subject}被退回修改：{reason}。")
SESSION = Workflow(
    name="session",
    noun="举办申请",
    states={
        "draft": "未上报",
        "submitted": "待单位审核",
        "forwarded": "待省继教办审核",
        "returned": "退回修改",
        "approved": "审核通过",
    },
    transitions=(
        Transition(
            "submit",
            "organizer",
            frozenset({"draft", "returned"}),
            "submitted",
            label="已提交",
            audit_action="session.submit",
            audit_label="提交申请",
            notices=(Notice("admin", "待审核的举办申请", "{subject}已提交，请确认后上报。"),),
        ),
        Transition(
            "forward",
            "admin",
            frozenset({"submitted"}),
            "forwarded",
            label="已上报",
            audit_action="session.forward",
            audit_label="确认并上报",
            notices=(Notice("office", "待审核的举办申请", "{org_name}的{subject}已上报，请审核。"),),
        ),
        Transition(
            "return",
            "admin",
            frozenset({"submitted"}),
            "returned",
            label="退回修改",
            audit_action="session.return",
            audit_label="退回修改",
            needs_reason=True,
            notices=(_RETURNED,),
        ),
        Transition(
            "return",
            "office",
            frozenset({"forwarded"}),
            "returned",
            label="退回修改",
            audit_action="session.return",
            audit_label="退回修改",
            needs_reason=True,
            notices=(_RETURNED,),
        ),
        Transition(
            "approve",
            "office",
            frozenset({"forwarded"}),
            "approved",
            label="审核通过",
            audit_action="session.approve",
            audit_label="审核通过",
            notices=(Notice("organizer", "举办申请审核通过", "{subject}已审核通过，可以举办。"),),
        ),
    ),
    buttons={
        "upload": "资料上传",
        "edit": "编辑",
        "submit": "提交申请",
        "forward": "确认并上报",
        "return": "退回修改",
        "approve": "审核通过",
        "delete": "删除",
    },
)

# --- the execution report: the organizer's report, the admin's selection, the office's grant ------------------------

REPORT_STATUS_LABELS = {
    "pending": "待提交执行情况",
    "reported": "待单位遴选上报",
    "returned": "执行情况被退回",
    "submitted": "待省继教办审核学分",
    "office_returned": "学员名单被退回",
    "granted": "已授予学分",
}
_ORGANIZER_TURN = frozenset({"pending", "returned"})
_ADMIN_TURN = frozenset({"reported", "office_returned"})
_OFFICE_TURN = frozenset({"submitted"})

# After approval (services/execution_reports.py, selection.py, grants.py). The organizer's steps also wait for the
# session's end (SESSION_NOT_ENDED, checked by the service); notice templates take {title}, {reason}, {org_name},
# {selected_count}, {until}, {selected}, and at the report's submission {term}, {due} and {left} (the admin's term).
REPORT = Workflow(
    name="report",
    noun="执行情况",
    states=REPORT_STATUS_LABELS,
    transitions=(
        Transition(
            "edit",
            "organizer",
            _ORGANIZER_TURN,
            None,
            "填写执行情况",
            "report.save",
            "保存执行情况",
            refusal="执行情况当前不能修改（当前：{current}）",
        ),
        Transition(
            "submit",
            "organizer",
            _ORGANIZER_TURN,
            "reported",
            "提交执行情况",
            "report.submit",
            "提交执行情况",
            # The report starts the admin's part of the term: say its length and its last day.
            notices=(
                Notice(
                    "admin",
                    "待遴选的执行情况",
                    "{title}的执行情况已提交，请在{term}天上报期限内完成学员遴选并上报："
                    "截止{due}（北京时间）24:00，{left}。",
                ),
            ),
            refusal="执行情况当前不能提交（当前：{current}）",
        ),
        Transition(
            "return",
            "admin",
            frozenset({"reported"}),
            "returned",
            "退回执行情况",
            "report.return",
            "退回执行情况",
            needs_reason=True,
            notices=(Notice("organizer", "执行情况被退回", "{title}的执行情况被退回：{reason}"),),
            refusal="只有待遴选的执行情况可以退回（当前：{current}）",
        ),
        Transition(
            "select",
            "admin",
            _ADMIN_TURN,
            "submitted",
            "上报学员名单",
            "selection.submit",
            "上报学员名单",
            notices=(
                Notice(
                    "office",
                    "待审核的学员名单",
                    "{org_name}已上报{title}的学员名单（{selected_count}人），请审核授予学分。",
                ),
            ),
            refusal="学员名单当前不能上报（当前：{current}）",
        ),
        Transition(
            "office_return",
            "office",
            _OFFICE_TURN,
            "office_returned",
            "退回学员名单",
            "selection.return",
            "退回学员名单",
            needs_reason=True,
            notices=(Notice("admin", "学员名单被退回", "{title}的学员名单被退回：{reason}"),),
            refusal="只有待审核的学员名单可以退回（当前：{current}）",
        ),
        Transition(
            "grant",
            "office",
            _OFFICE_TURN,
            "granted",
            "授予学分",
            "credits.grant",
            "授予学分",
            notices=(Notice(("admin", "organizer"), "学分已授予", "{title}已授予学分：{selected}名学员。"),),
            refusal="只有待审核的学员名单可以授予学分（当前：{current}）",
        ),
        Transition(
            "extend",
            "office",
            _ORGANIZER_TURN | _ADMIN_TURN,
            None,
            "延长上报期限",
            "deadline.extend",
            "延长上报期限",
            needs_reason=True,
            notices=(Notice("admin", "上报期限已延长", "{title}的学员名单上报期限延长至{until}：{reason}"),),
            refusal="当前没有可延长的上报期限（当前：{current}）",
        ),
    ),
)
