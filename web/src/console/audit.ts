/** Chinese names for audit actions and target types; unknown codes are shown as they are. */

export const ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录',
  'auth.login_failed': '登录失败',
  'account.create': '新增账号',
  'account.change_password': '修改密码',
  'account.reset_password': '重置密码',
  'account.disable': '停用账号',
  'account.enable': '启用账号',
  'organisation.create': '新增机构',
  'organisation.update': '编辑机构',
  'project.create': '新增项目',
  'project.update': '修改项目',
  'project.delete': '删除项目',
  'project.declare': '提交申报',
  'project.forward': '转报项目',
  'project.return': '退回项目',
  'project.approve': '审核通过项目',
  'project.reject': '项目不通过',
  'project.import': '导入项目',
}

export const TARGET_LABELS: Record<string, string> = {
  account: '账号',
  organisation: '机构',
  project: '项目',
  import: '导入批次',
}

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action
}

export function targetLabel(type: string, id: string): string {
  return `${TARGET_LABELS[type] ?? type} ${id}`.trim()
}

/** Readable JSON for the before/after snapshots. */
export function prettyJson(value: unknown): string {
  if (value === null || value === undefined) return '（无）'
  return JSON.stringify(value, null, 2)
}

/** Keys whose value differs between the two snapshots. */
export function changedKeys(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])
  return [...keys].filter((k) => JSON.stringify(before?.[k]) !== JSON.stringify(after?.[k])).sort()
}
