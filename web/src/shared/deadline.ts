/**
 * The two-week deadlines of the credit workflow as people read them: 剩余N天,
 * 今天截止 or 已逾期N天, with the tone of the highlight (overdue red, three days
 * or fewer orange). The server counts the days in China time; nothing is recomputed here.
 */
import type { Deadline } from './types'

/** Days left at which a deadline is shown as near (orange). */
export const NEAR_DAYS = 3

export type DeadlineTone = 'overdue' | 'near' | 'normal' | 'none'

/** 剩余N天 / 今天截止 / 已逾期N天; "—" without a deadline. */
export function deadlineText(d: Deadline | null | undefined): string {
  if (!d) return '—'
  if (d.overdue) return `已逾期${Math.max(1, Math.abs(d.days_left))}天`
  if (d.days_left <= 0) return '今天截止'
  return `剩余${d.days_left}天`
}

export function deadlineTone(d: Deadline | null | undefined): DeadlineTone {
  if (!d) return 'none'
  if (d.overdue) return 'overdue'
  if (d.days_left <= NEAR_DAYS) return 'near'
  return 'normal'
}

/** Who must act before the deadline. */
export const DEADLINE_KIND_LABELS: Record<Deadline['kind'], string> = {
  admin: '单位遴选上报',
  office: '省继教办审核',
}

/** "单位遴选上报截止 2026-12-24（已延期）". */
export function deadlineDue(d: Deadline | null | undefined): string {
  if (!d) return '—'
  const who = DEADLINE_KIND_LABELS[d.kind] ?? ''
  return `${who}截止 ${d.due}${d.extended ? '（已延期）' : ''}`
}
