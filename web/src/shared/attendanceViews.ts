/**
 * 签到情况 as organizers, their administrations and the office see it: the
 * attendee list with live counts, the questionnaire results and the rejected
 * scans of one session (API under /api/sessions/{id}/attendance), plus the
 * pure helpers of the console page. No UI library.
 */
import { request } from './api'
import { chineseCount } from './attendance'
import type {
  AttendanceSummary,
  AttendeePage,
  AttendeeRow,
  AttendeeStatus,
  JobStarted,
  QuestionResult,
  QuestionnaireResults,
  RejectionPage,
} from './types'

const enc = encodeURIComponent

export const attendanceViewsApi = {
  /** The live counts (signed in / out, not signed out, flagged). */
  summary: (sessionId: string) => request<AttendanceSummary>(`/sessions/${enc(sessionId)}/attendance`),
  /** One page of the roster in sign-in order (at most 50); `next_cursor` continues after its last attendee. */
  attendees: (sessionId: string, cursor: string | null) =>
    request<AttendeePage>(`/sessions/${enc(sessionId)}/attendance/attendees`, { query: { cursor } }),
  exportLink: (sessionId: string, idempotencyKey?: string) =>
    request<JobStarted>(`/sessions/${enc(sessionId)}/attendance/export`, { method: 'POST', idempotencyKey }),
  questionnaire: (sessionId: string) =>
    request<QuestionnaireResults>(`/sessions/${enc(sessionId)}/attendance/questionnaire`),
  rejections: (sessionId: string, cursor: string | null) =>
    request<RejectionPage>(`/sessions/${enc(sessionId)}/attendance/rejections`, { query: { cursor } }),
}

/** Milliseconds between two automatic refreshes of the live counts. */
export const LIVE_REFRESH_MS = 10_000

export const ATTENDEE_STATUS_LABELS: Record<AttendeeStatus, string> = {
  present: '在场',
  signed_out: '已签退',
  incomplete: '未签退',
}

export function attendeeStatusLabel(status: string): string {
  return ATTENDEE_STATUS_LABELS[status as AttendeeStatus] ?? status
}

export function attendeeStatusType(status: string): 'primary' | 'success' | 'danger' | 'info' {
  if (status === 'present') return 'primary'
  if (status === 'signed_out') return 'success'
  if (status === 'incomplete') return 'danger'
  return 'info'
}

/** The 学员名单 filters, applied in the browser to the page shown. */
export interface RosterFilter {
  status: AttendeeStatus | ''
  flagged: boolean
  name: string
}

export function emptyRosterFilter(): RosterFilter {
  return { status: '', flagged: false, name: '' }
}

/** The attendees matching the filter: status, flagged only, and a part of the name. */
export function filterAttendees(items: readonly AttendeeRow[], f: RosterFilter): AttendeeRow[] {
  const name = f.name.trim().toLowerCase()
  return items.filter(
    (a) =>
      (!f.status || a.status === f.status) &&
      (!f.flagged || a.flags.length > 0) &&
      (!name || a.name.toLowerCase().includes(name)),
  )
}

/** Whether the list has days (daily mode): then the 日期 column is shown. */
export function hasDays(items: readonly AttendeeRow[]): boolean {
  return items.some((a) => !!a.day)
}

/** One page of a list paged in the browser (page is 1-based). */
export function pageOf<T>(items: readonly T[], page: number, size: number): T[] {
  const start = (Math.max(1, page) - 1) * size
  return items.slice(start, start + size)
}

/** The last page that still has rows (after a refresh or a filter shrank the list). */
export function lastPage(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size))
}

/** count of total in percent with one decimal, 0 when nobody answered; never above 100. */
export function percentOf(count: number, total: number): number {
  if (!(total > 0) || !(count > 0)) return 0
  return Math.min(100, Math.round((count * 1000) / total) / 10)
}

/** 单选 / 多选（选两项）. */
export function questionTypeLabel(q: Pick<QuestionResult, 'type' | 'choose'>): string {
  if (q.type !== 'multiple') return '单选'
  const n = q.choose && q.choose > 0 ? q.choose : 1
  return `多选（选${chineseCount(n)}项）`
}

/** Each option with its count and percentage of the responses (a multiple-choice column may add up past 100 %). */
export function optionShares(q: QuestionResult, responses: number): { option: string; count: number; percent: number }[] {
  return q.options.map((o) => ({ option: o.option, count: o.count, percent: percentOf(o.count, responses) }))
}
