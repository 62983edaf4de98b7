/**
 * Generated from chalicelib/services/workflow_tables.py (the review workflows' tables): do not edit.
 * Regenerate with `.venv/bin/python -m scripts.openapi_types`; `make test` checks it is current.
 */

/** 项目: state → label, as the API's `status_label` gives it. */
export const PROJECT_STATES = {"draft": "未上报", "declared": "待单位审核", "returned": "退回修改", "forwarded": "待省继教办审核", "approved": "已公布", "rejected": "未通过"} as const
/** 项目: action → button text, in the order the buttons are shown. */
export const PROJECT_BUTTONS = {"edit": "编辑", "declare": "提交申报", "forward": "转报", "return": "退回", "approve": "审核通过", "reject": "不通过", "delete": "删除"} as const

/** 举办申请: state → label, as the API's `status_label` gives it. */
export const SESSION_STATES = {"draft": "未上报", "submitted": "待单位审核", "forwarded": "待省继教办审核", "returned": "退回修改", "approved": "审核通过"} as const
/** 举办申请: action → button text, in the order the buttons are shown. */
export const SESSION_BUTTONS = {"upload": "资料上传", "edit": "编辑", "submit": "提交申请", "forward": "确认并上报", "return": "退回修改", "approve": "审核通过", "delete": "删除"} as const

/** 执行情况: state → label, as the API's `status_label` gives it. */
export const REPORT_STATES = {"pending": "待提交执行情况", "reported": "待单位遴选上报", "returned": "执行情况被退回", "submitted": "待省继教办审核学分", "office_returned": "学员名单被退回", "granted": "已授予学分"} as const
