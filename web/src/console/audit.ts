/**
 * Chinese names of audit target types (unknown ones are shown as they are) and the snapshot helpers. The actions'
 * names come from the API (`action_label`: the server's one label map, drawn from its workflow tables).
 */

export const TARGET_LABELS: Record<string, string> = {
  account: '账号',
  organisation: '机构',
  project: '项目',
  import: '导入批次',
  session: '举办申请',
  certificate: '证书',
  questionnaire: '签退问卷',
  person: '学员',
}

export function targetLabel(type: string, id: string): string {
  return `${TARGET_LABELS[type] ?? type} ${id}`.trim()
}

/**
 * What the 对象 column shows: the kind and the title the server kept with the event ("举办申请：外科护理新进展 · 第2期");
 * events written before titles were kept show the kind and the code.
 */
export function targetText(type: string, id: string, title: string | null | undefined): string {
  const t = title?.trim()
  return t ? `${TARGET_LABELS[type] ?? type}：${t}` : targetLabel(type, id)
}

/** Who acted: the name kept with the event, else (older events) the username; the account in brackets when both. */
export function actorText(actor: string, name: string | null | undefined): string {
  const n = name?.trim()
  return n && n !== actor ? `${n}（${actor}）` : actor
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
