/**
 * 统计报表: one session's figures, an organisation's year and the province's
 * year (API under /api/reports), and the pure helpers of their charts (CSS and
 * SVG, no chart library). No UI library.
 */
import { request } from './api'
import { formatChinaTime } from './time'
import type { JobStarted, MonthFigures, OrganisationReport, OrganisationRow, ProvinceReport, SessionReport } from './types'

const enc = encodeURIComponent

export const reportsApi = {
  session: (sessionId: string) => request<SessionReport>(`/reports/sessions/${enc(sessionId)}`),
  sessionExport: (sessionId: string, idempotencyKey?: string) =>
    request<JobStarted>(`/reports/sessions/${enc(sessionId)}/export`, { method: 'POST', idempotencyKey }),
  organisation: (year: number, orgId?: string) =>
    request<OrganisationReport>('/reports/organisations', { query: { year, org_id: orgId } }),
  organisationExport: (year: number, orgId?: string, idempotencyKey?: string) =>
    request<JobStarted>('/reports/organisations/export', { method: 'POST', query: { year, org_id: orgId }, idempotencyKey }),
  province: (year: number) => request<ProvinceReport>('/reports/province', { query: { year } }),
  provinceExport: (year: number, idempotencyKey?: string) =>
    request<JobStarted>('/reports/province/export', { method: 'POST', query: { year }, idempotencyKey }),
}

/** When a report's figures were counted (the API's `as_of`, UTC), in China time: 数据截至 2026-03-01 10:05. */
export function asOfText(asOf: string | null | undefined): string {
  return asOf ? `数据截至 ${formatChinaTime(asOf)}` : '暂无统计数据'
}

/** A share (0..1) as a percentage with one decimal: 0.6667 → "66.7%". */
export function percentText(share: number): string {
  const value = Number.isFinite(share) ? Math.min(1, Math.max(0, share)) : 0
  return `${(Math.round(value * 1000) / 10).toFixed(1)}%`
}

/** Credits as people read them: at most one decimal, no trailing zero (6 → "6", 2.5 → "2.5"). */
export function creditsText(value: number): string {
  return String(Math.round((Number.isFinite(value) ? value : 0) * 10) / 10)
}

/** The years a report can be asked for, newest first: from `first` to next year (plans are made ahead). */
export function yearOptions(current: number, first = 2020): number[] {
  const years: number[] = []
  for (let y = Math.max(current + 1, first); y >= first; y--) years.push(y)
  return years
}

/** The year in China now (reports are per China year). */
export function chinaYear(now: Date = new Date()): number {
  return new Date(now.getTime() + 8 * 3600_000).getUTCFullYear()
}

/** A year from the address (?year=), else `fallback`. */
export function yearFrom(value: unknown, fallback: number): number {
  const v = Array.isArray(value) ? value[0] : value
  const n = typeof v === 'string' && /^\d{4}$/.test(v) ? Number(v) : NaN
  return n >= 2000 && n <= 2100 ? n : fallback
}

/** One headline figure of a report page. */
export interface Figure {
  key: string
  label: string
  value: string | number
  tone?: 'success' | 'danger' | 'warning'
  hint?: string
}

/** The headline figures of a year (an organisation's or the province's). */
export function yearFigures(r: Omit<OrganisationReport, 'org_id' | 'org_name'>): Figure[] {
  return [
    { key: 'sessions_held', label: '举办期数', value: r.sessions_held, hint: '审核通过、开始日期在本年度的举办期数' },
    { key: 'attendees', label: '学员人数', value: r.attendees, hint: '签到学员，同一人参加多期只计一次' },
    { key: 'credited_attendees', label: '获得学分人数', value: r.credited_attendees },
    { key: 'credits_granted', label: '授予学员学分', value: creditsText(r.credits_granted) },
    { key: 'lecturer_credits', label: '授课人学分', value: creditsText(r.lecturer_credits) },
    {
      key: 'overdue',
      label: '逾期未办',
      value: r.overdue,
      tone: r.overdue > 0 ? 'danger' : undefined,
      hint: '已过学员名单上报或学分审核期限仍未办理的举办期数',
    },
  ]
}

/** The headline figures of one session. */
export function sessionFigures(r: SessionReport): Figure[] {
  return [
    { key: 'signed_in', label: '签到人次', value: r.signed_in },
    { key: 'signed_out', label: '签退人次', value: r.signed_out, tone: 'success' },
    { key: 'incomplete', label: '未签退', value: r.incomplete, tone: r.incomplete > 0 ? 'warning' : undefined },
    { key: 'attendees', label: '学员人数', value: r.attendees, hint: '按身份证号去重' },
    { key: 'credited_attendees', label: '获得学分人数', value: r.credited_attendees },
    { key: 'credits_granted', label: '授予学员学分', value: creditsText(r.credits_granted) },
    { key: 'lecturer_credits', label: '授课人学分', value: creditsText(r.lecturer_credits) },
  ]
}

export type MonthMetric = 'sessions' | 'attendees' | 'credits'

export const MONTH_METRICS: { key: MonthMetric; label: string; unit: string }[] = [
  { key: 'sessions', label: '举办期数', unit: '期' },
  { key: 'attendees', label: '学员人数', unit: '人' },
  { key: 'credits', label: '授予学分', unit: '分' },
]

export interface Bar {
  label: string
  value: number
  /** Height in percent of the tallest bar (0 for 0, at least 2 so a small value stays visible). */
  percent: number
}

/** Twelve bars, 1月…12月, of one metric; months missing from the data count 0. */
export function monthBars(byMonth: readonly MonthFigures[], metric: MonthMetric): Bar[] {
  const values = Array.from({ length: 12 }, (_, i) => {
    const found = byMonth.find((m) => m.month === i + 1)
    return found ? Number(found[metric]) || 0 : 0
  })
  const max = Math.max(0, ...values)
  return values.map((value, i) => ({
    label: `${i + 1}月`,
    value,
    percent: value > 0 && max > 0 ? Math.max(2, Math.round((value / max) * 1000) / 10) : 0,
  }))
}

/** SVG ring: the dash of a circle of radius `r` showing `share` of its circumference. */
export function ringDash(share: number, r: number): { dash: string; circumference: number } {
  const circumference = 2 * Math.PI * r
  const part = Math.min(1, Math.max(0, Number.isFinite(share) ? share : 0)) * circumference
  return { dash: `${part.toFixed(2)} ${(circumference - part).toFixed(2)}`, circumference }
}

export type OrganisationSortKey = 'sessions_held' | 'attendees' | 'credited_attendees' | 'credits_granted' | 'overdue'

/** Each organisation's part of the province's total of `key`, for the bars of the per-organisation table. */
export function shareOfTotal(rows: readonly OrganisationRow[], key: OrganisationSortKey): Map<string, number> {
  const max = Math.max(0, ...rows.map((r) => r[key]))
  return new Map(rows.map((r) => [r.org_id, max > 0 ? Math.round((r[key] / max) * 1000) / 10 : 0]))
}
