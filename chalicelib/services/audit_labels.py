"""The Chinese name of every audit action, as the office's audit log and a session's timeline show it: the workflow
steps' names from services/workflow_tables.py, the other actions' here."""

from __future__ import annotations

from functools import lru_cache

from chalicelib.services.workflow_tables import workflows

# Actions that are no workflow step; the steps' names come from the tables in services/workflow_tables.py.
_ACTION_LABELS = {
    "auth.login": "登录",
    "auth.login_failed": "登录失败",
    "account.create": "新增账号",
    "account.change_password": "修改密码",
    "account.reset_password": "重置密码",
    "account.disable": "停用账号",
    "account.enable": "启用账号",
    "organisation.create": "新增机构",
    "organisation.update": "编辑机构",
    "project.create": "新增项目",
    "project.update": "修改项目",
    "project.delete": "删除项目",
    "project.import": "导入项目",
    "project.import_rollback": "撤销导入",
    "session.create": "创建举办申请",
    "session.update": "修改举办申请",
    "session.upload": "上传资料",
    "session.remove_material": "删除资料",
    "session.delete": "删除举办申请",
    "certificate.revoke": "作废证书",
    "certificate.reissue": "重新签发证书",
    "person_credits.view": "查看个人年度学分",
    "personal_data.export_request": "申请导出个人数据",
    "personal_data.export": "导出个人数据",
    "personal_data.correct": "更正学员信息",
    "questionnaire.create": "修改签退问卷",
    "retention_policy.update": "修改数据保留期限",
    "retention.run": "删除过期个人信息",
    "credit_rule.create": "新增学分规则版本",
    "credit_rule.update": "修改学分规则版本",
    "credit_rule.withdraw": "撤销学分规则版本",
    "discipline.add": "新增学科",
    "discipline.retire": "停用学科",
    "discipline.restore": "恢复学科",
}


@lru_cache(maxsize=1)
def action_labels() -> dict[str, str]:
    """Every audit action's Chinese name, as the audit log and a session's timeline show it."""
    labels = dict(_ACTION_LABELS)
    for workflow in workflows():
        labels.update(workflow.by_audit_action())
    return labels


def action_label(action: str) -> str:
    """The Chinese name of an audit action; an unknown one is shown as it is."""
    return action_labels().get(action, action)
