import type { DraftChange, SelectionCounts, SelectionItem } from './types'
/**
 * The admin's selection of the attendees to be granted credits (学员遴选): who
 * is ticked, the reason of each one ticked below the 规定学时, the changes saved
 * to the server's draft as the admin works, and the counts the server gives.
 * Pure functions; the server is authoritative for every check.
 */

export const SELECTION_REASON_MIN = 2
export const SELECTION_REASON_MAX = 200
/** Changes a draft save may carry (the server's bound). */
export const DRAFT_BATCH_MAX = 20

/** One attendee's choice: ticked or not, and the reason given when ticked below the hours. */
export interface Choice {
  selected: boolean
  reason: string
}

/** Choices by attendee_id. */
export type Choices = Record<string, Choice>

/** The choices the list opens with: the server's `selected` (the preselection, or the submitted choice). */
export function initialChoices(items: readonly SelectionItem[]): Choices {
  const choices: Choices = {}
  for (const item of items) choices[item.attendee_id] = { selected: item.selected, reason: item.reason ?? '' }
  return choices
}

/** Whether ticking this attendee needs a written reason: not preselected (below the 规定学时). */
export function needsReason(item: Pick<SelectionItem, 'preselected'>): boolean {
  return !item.preselected
}

/** Whether the attendee attended fewer hours than required (no sign-out counts as none: the server sends 0). */
export function belowHours(item: Pick<SelectionItem, 'hours'>, requiredHours: number): boolean {
  return item.hours < requiredHours
}

/** The China dates a person attended, for the 日期 column: one entry a day in daily mode, none in whole mode. */
export function attendedDays(item: Pick<SelectionItem, 'days'>): string {
  return item.days.filter((day): day is string => !!day).join('、')
}

/** Why a reason cannot be sent, or null. */
export function validateSelectionReason(reason: string): string | null {
  const n = reason.trim().length
  if (!n) return '请填写纳入理由'
  if (n < SELECTION_REASON_MIN) return `纳入理由至少 ${SELECTION_REASON_MIN} 个字`
  if (n > SELECTION_REASON_MAX) return `纳入理由不能超过 ${SELECTION_REASON_MAX} 个字`
  return null
}

/**
 * The choices after unticking or ticking one attendee. Unticking is free;
 * ticking someone below the hours takes `reason` (the caller asks for it first),
 * and without a valid one nothing changes (`needs_reason` says so).
 */
export function toggle(
  choices: Choices,
  item: Pick<SelectionItem, 'attendee_id' | 'preselected'>,
  selected: boolean,
  reason = '',
): { choices: Choices; needs_reason: boolean } {
  const id = item.attendee_id
  const before = choices[id] ?? { selected: false, reason: '' }
  if (!selected) return { choices: { ...choices, [id]: { ...before, selected: false } }, needs_reason: false }
  if (!needsReason(item)) return { choices: { ...choices, [id]: { selected: true, reason: '' } }, needs_reason: false }
  const given = reason.trim() || before.reason.trim()
  if (validateSelectionReason(given)) return { choices, needs_reason: true }
  return { choices: { ...choices, [id]: { selected: true, reason: given } }, needs_reason: false }
}

/** "已选S/共N人", from the server's counts (every page, the draft included). */
export function selectionSummary(counts: Pick<SelectionCounts, 'selected_count' | 'total'>): string {
  return `已选${counts.selected_count}/共${counts.total}人`
}

/** The change of the draft one choice makes (the reason only when ticking someone below the hours). */
export function draftChange(item: Pick<SelectionItem, 'attendee_id' | 'preselected'>, choice: Choice): DraftChange {
  const change: DraftChange = { attendee_id: item.attendee_id, selected: choice.selected }
  if (choice.selected && needsReason(item)) change.reason = choice.reason.trim()
  return change
}

/** The changes waiting to be saved, at most `max` a request (the server's bound), oldest first. */
export function nextBatch(pending: ReadonlyMap<string, DraftChange>, max = DRAFT_BATCH_MAX): DraftChange[] {
  return [...pending.values()].slice(0, max)
}

/** The views of the list, kept by the server (`view` of GET …/selection): a view's page may be short. */
export type SelectionView = 'all' | 'selected' | 'unselected' | 'below'

export const SELECTION_VIEW_LABELS: Record<SelectionView, string> = {
  all: '全部',
  selected: '已选',
  unselected: '未选',
  below: '未达规定学时',
}

/** What the save indicator says. */
export type SaveState = 'saved' | 'pending' | 'saving' | 'failed'

export const SAVE_STATE_LABELS: Record<SaveState, string> = {
  saved: '已保存',
  pending: '待保存',
  saving: '保存中…',
  failed: '保存失败',
}

/** Reasons still missing or invalid, by attendee_id (only for those ticked below the hours). */
export function selectionErrors(items: readonly SelectionItem[], choices: Choices): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const item of items) {
    const choice = choices[item.attendee_id]
    if (!choice?.selected || !needsReason(item)) continue
    const message = validateSelectionReason(choice.reason)
    if (message) errors[item.attendee_id] = message
  }
  return errors
}

/** The attendee a server field such as "changes.2.reason" names in the changes sent, or null. */
export function changeFieldAttendee(changes: readonly DraftChange[], field: string | null | undefined): string | null {
  const m = /^changes\.(\d+)(\.[a-z_]+)?$/.exec(field ?? '')
  if (!m) return null
  return changes[Number(m[1])]?.attendee_id ?? null
}
