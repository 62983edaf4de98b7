/**
 * 执行情况 and 学分 of a session: the execution report, the admin's selection,
 * the office's grant, the granted credits and the credit rules (API under
 * /api/sessions/{id}/report|selection|credits and /api/credit-rules), with the
 * pure helpers of the report form and of the rules. No UI library here; the
 * server is authoritative for every check.
 */
import { request } from './api'
import { checkIdNumber, normalizeIdNumber } from './identity'
import type { SelectionView } from './selection'
import { validateVenue } from './sessions'
import type {
  CreditRule,
  CreditRules,
  CreditsResult,
  ExecutionReport,
  ExtensionIn,
  JobStarted,
  LevelRule,
  ReasonIn,
  ReportBody,
  ReportLecturerInput,
  ReportStatus,
  RuleBasis,
  ScheduleBlock,
  DraftIn,
  Selection,
  SelectionCounts,
  SelectionSubmit,
  Session,
} from './types'

// ---- API ----

const enc = encodeURIComponent
const base = (sessionId: string) => `/sessions/${enc(sessionId)}`

export const creditsApi = {
  report: (sessionId: string) => request<ExecutionReport>(`${base(sessionId)}/report`),
  saveReport: (sessionId: string, body: ReportBody) =>
    request<ExecutionReport>(`${base(sessionId)}/report`, { method: 'PUT', body }),
  submitReport: (sessionId: string) =>
    request<ExecutionReport>(`${base(sessionId)}/report/submit`, { method: 'POST', body: {} }),
  returnReport: (sessionId: string, reason: string) =>
    request<ExecutionReport>(`${base(sessionId)}/report/return`, { method: 'POST', body: { reason } satisfies ReasonIn }),
  selection: (sessionId: string, cursor: string | null = null, view: SelectionView = 'all') =>
    request<Selection>(`${base(sessionId)}/selection`, { query: { cursor, view: view === 'all' ? null : view } }),
  saveSelectionDraft: (sessionId: string, body: DraftIn) =>
    request<SelectionCounts>(`${base(sessionId)}/selection/draft`, { method: 'PUT', body }),
  submitSelection: (sessionId: string, body: SelectionSubmit) =>
    request<ExecutionReport>(`${base(sessionId)}/selection/submit`, { method: 'POST', body }),
  returnSelection: (sessionId: string, reason: string) =>
    request<ExecutionReport>(`${base(sessionId)}/selection/return`, { method: 'POST', body: { reason } satisfies ReasonIn }),
  extendDeadline: (sessionId: string, until: string, reason: string) =>
    request<ExecutionReport>(`${base(sessionId)}/deadline-extension`, { method: 'POST', body: { until, reason } satisfies ExtensionIn }),
  /** Starts the grant as a background job (202); while it runs, the same job is answered. */
  grant: (sessionId: string, idempotencyKey?: string) =>
    request<JobStarted>(`${base(sessionId)}/credits/grant`, { method: 'POST', body: {}, idempotencyKey }),
  credits: (sessionId: string) => request<CreditsResult>(`${base(sessionId)}/credits`),
  rules: () => request<CreditRules>('/credit-rules'),
}

// ---- labels ----

export function reportStatusType(status: string | null | undefined): 'success' | 'warning' | 'info' | 'primary' {
  if (status === 'granted') return 'success'
  if (status === 'returned' || status === 'office_returned') return 'warning'
  if (status === 'pending') return 'info'
  return 'primary'
}

/** Whether the report has reached the admin (the selection exists from then on). */
export function hasSelection(status: ReportStatus | null | undefined): boolean {
  return status === 'reported' || status === 'submitted' || status === 'office_returned' || status === 'granted'
}

// ---- credit rules ----

/** The version in force today (`rules.current`), or null before the rules are read. */
export function ruleOn(rules: CreditRules | null | undefined): CreditRule | null {
  return rules?.items?.find((r) => r.version === rules.current) ?? null
}

/**
 * The version that judges a session, as the server picks it: the one its
 * `credit_rule` names (pinned at approval; before approval the version in
 * force today), else — a new session, not saved yet — the version in force
 * today (`rules.current`), never the one on its start date. A named version
 * missing from `rules` gives null (no estimate), never another version's figures.
 */
export function ruleForSession(
  rules: CreditRules | null | undefined,
  session: { credit_rule?: Pick<RuleBasis, 'version'> | null } | null | undefined,
): CreditRule | null {
  const version = session?.credit_rule?.version
  if (!version) return ruleOn(rules)
  return rules?.items?.find((r) => r.version === version) ?? null
}

/** The figures of one level ('national' or 'provincial'). */
export function levelRule(rule: CreditRule, level: string): LevelRule {
  return level === 'national' ? rule.national : rule.provincial
}

/** "学分规则：2027版（2027-01-01起施行）". */
export function ruleBasisLabel(basis: Pick<RuleBasis, 'version' | 'effective_from'>): string {
  return `学分规则：${basis.version}版（${basis.effective_from}起施行）`
}

function floorTenth(value: number): number {
  return Math.floor(value * 10 + 1e-9) / 10
}

/** Up to a tenth, rounded first as the server does: 6 × 0.8 is 4.800000000000001, whose plain ceiling is 4.9. */
function ceilTenth(value: number): number {
  return Math.ceil(Number((value * 10).toFixed(6))) / 10
}

/** The range of 规定学时 the level's rules allow: ratio × teaching hours (rounded up to 0.1, as the server does) … teaching hours. */
export function requiredHoursBounds(rule: CreditRule, level: string, teachingHours: number): { min: number; max: number } {
  return { min: ceilTenth(teachingHours * levelRule(rule, level).required_hours_min_ratio), max: teachingHours }
}

/** The server's message when 规定学时 is out of range, or null. */
export function validateRequiredHours(value: number | null | undefined, bounds: { min: number; max: number } | null): string | null {
  if (value === null || value === undefined || Number.isNaN(value)) return '请填写规定学时'
  if (bounds && (value < bounds.min - 1e-9 || value > bounds.max + 1e-9)) {
    return `规定学时应在${bounds.min}至${bounds.max}学时之间`
  }
  return null
}

/** Credits each selected attendee gets: the project's, bounded by the cap and by what the teaching hours earn. */
export function attendeeCredits(rule: CreditRule, level: string, projectCredits: number, teachingHours: number): number {
  const perLevel = levelRule(rule, level)
  return Math.min(projectCredits, perLevel.cap_per_project, floorTenth(teachingHours / perLevel.hours_per_credit))
}

/**
 * What an attendee can earn at most from the schedule's teaching hours, and how
 * far that falls short of the project's credits (0: not short). The server's
 * `CreditRule.schedule_credits` (its answer's `schedule_credits` and
 * `credits_shortfall`) with the same rule figures (GET /credit-rules).
 */
export function scheduleCredits(
  rule: CreditRule,
  level: string,
  projectCredits: number,
  teachingHours: number,
): { credits: number; shortfall: number } {
  const credits = attendeeCredits(rule, level, projectCredits, teachingHours)
  return { credits, shortfall: Math.max(0, Math.round((projectCredits - credits) * 10) / 10) }
}

/** "按日程学时 0.5 小时，学员最多可得 0.1 学分，低于项目学分 6 分", or null when the schedule supports the credits. */
export function shortfallWarning(teachingHours: number, credits: number, shortfall: number, projectCredits: number): string | null {
  if (shortfall <= 0) return null
  return `按日程学时 ${teachingHours} 小时，学员最多可得 ${credits} 学分，低于项目学分 ${projectCredits} 分`
}

/** The warning for a session as the server answers it (its `schedule_credits` and `credits_shortfall`), or null. */
export function sessionShortfallWarning(
  session: Pick<Session, 'teaching_hours' | 'schedule_credits' | 'credits_shortfall' | 'credits'>,
): string | null {
  return shortfallWarning(session.teaching_hours, session.schedule_credits, session.credits_shortfall, session.credits)
}

/** "50%", "66.67%" (the ratio is kept to 0.0001). */
export function ratioLabel(ratio: number): string {
  return `${Math.round(ratio * 10000) / 100}%`
}

// ---- the report form (organizer) ----

export const SUMMARY_MAX_LENGTH = 2000
export const MAX_LECTURERS = 50
export const LECTURER_NAME_MAX = 30
export const LECTURER_TITLE_MAX = 30
export const LECTURER_UNIT_MAX = 60

export interface LecturerRow {
  name: string
  title: string
  unit: string
  hours: number | null
  /** 身份证号码 (optional; lets the lecturer find the certificate in 学员证书查询): typed now, '' to keep or leave out. */
  id_number: string
  /** The mask of the number registered before (sent back to keep it), null when none is. */
  id_masked: string | null
}

export type LecturerKey = keyof LecturerRow
export const LECTURER_KEYS: readonly LecturerKey[] = ['name', 'title', 'unit', 'hours', 'id_number']
export type LecturerErrors = Partial<Record<LecturerKey, string>>

export interface ReportForm {
  actual_start_date: string
  actual_end_date: string
  venue: string
  summary: string
  lecturers: LecturerRow[]
}

export type ReportFieldKey = Exclude<keyof ReportForm, 'lecturers'> | 'lecturers'
export type ReportErrors = Record<ReportFieldKey, string>

export function emptyLecturer(): LecturerRow {
  return { name: '', title: '', unit: '', hours: null, id_number: '', id_masked: null }
}

/** The lecturers of the teaching schedule, each once with the hours of its blocks added up. */
export function lecturersFromSchedule(blocks: readonly Pick<ScheduleBlock, 'lecturer' | 'hours'>[] | null | undefined): LecturerRow[] {
  const rows: LecturerRow[] = []
  for (const b of blocks ?? []) {
    const name = b.lecturer.trim()
    if (!name) continue
    const row = rows.find((r) => r.name === name)
    if (row) row.hours = Math.round(((row.hours ?? 0) + b.hours) * 100) / 100
    else rows.push({ ...emptyLecturer(), name, hours: b.hours })
  }
  return rows
}

/**
 * The form for a report: what was saved, else the session's dates and venue
 * and the lecturers of its schedule.
 */
export function reportFormFrom(
  report: Pick<ExecutionReport, 'actual_start_date' | 'actual_end_date' | 'venue' | 'summary' | 'lecturers'>,
  session: { start_date: string; end_date: string; venue: string; schedule: readonly Pick<ScheduleBlock, 'lecturer' | 'hours'>[] },
): ReportForm {
  const saved = report.lecturers ?? []
  const lecturers = saved.length
    ? saved.map((l) => ({
        name: l.name,
        title: l.title ?? '',
        unit: l.unit ?? '',
        hours: l.hours,
        id_number: '',
        id_masked: l.id_masked ?? null,
      }))
    : lecturersFromSchedule(session.schedule)
  return {
    actual_start_date: report.actual_start_date || session.start_date,
    actual_end_date: report.actual_end_date || session.end_date,
    venue: report.venue || session.venue,
    summary: report.summary ?? '',
    lecturers: lecturers.length ? lecturers : [emptyLecturer()],
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/

export function validateLecturer(row: LecturerRow, teachingHours: number): LecturerErrors {
  const errors: LecturerErrors = {}
  const name = row.name.trim()
  if (!name) errors.name = '请填写姓名'
  else if (name.length > LECTURER_NAME_MAX) errors.name = `不能超过 ${LECTURER_NAME_MAX} 个字`
  if (row.title.trim().length > LECTURER_TITLE_MAX) errors.title = `不能超过 ${LECTURER_TITLE_MAX} 个字`
  if (row.unit.trim().length > LECTURER_UNIT_MAX) errors.unit = `不能超过 ${LECTURER_UNIT_MAX} 个字`
  const hours = row.hours
  if (hours === null || Number.isNaN(hours) || hours <= 0) errors.hours = '请填写授课学时'
  else if (hours > teachingHours + 1e-9) errors.hours = `不能超过总学时（${teachingHours}）`
  if (row.id_number.trim()) {
    const id = checkIdNumber(normalizeIdNumber(row.id_number))
    if (!id.ok) errors.id_number = id.message
  }
  return errors
}

/** The form's problems: its fields, and each lecturer row index for index. */
export function validateReport(form: ReportForm, teachingHours: number): { fields: ReportErrors; rows: LecturerErrors[] } {
  const fields: ReportErrors = { actual_start_date: '', actual_end_date: '', venue: '', summary: '', lecturers: '' }
  if (!DATE.test(form.actual_start_date)) fields.actual_start_date = '请选择实际开始日期'
  if (!DATE.test(form.actual_end_date)) fields.actual_end_date = '请选择实际结束日期'
  else if (!fields.actual_start_date && form.actual_end_date < form.actual_start_date) {
    fields.actual_end_date = '结束日期不能早于开始日期'
  }
  fields.venue = validateVenue(form.venue) ?? ''
  const summary = form.summary.trim().length
  if (!summary) fields.summary = '请填写举办情况小结'
  else if (summary > SUMMARY_MAX_LENGTH) fields.summary = `举办情况小结不能超过 ${SUMMARY_MAX_LENGTH} 个字`
  if (!form.lecturers.length) fields.lecturers = '请至少填写一位授课人'
  else if (form.lecturers.length > MAX_LECTURERS) fields.lecturers = `授课人最多 ${MAX_LECTURERS} 位`
  return { fields, rows: form.lecturers.map((r) => validateLecturer(r, teachingHours)) }
}

export function hasReportErrors(errors: { fields: ReportErrors; rows: LecturerErrors[] }): boolean {
  return Object.values(errors.fields).some(Boolean) || errors.rows.some((e) => Object.values(e).some(Boolean))
}

/** Body of PUT /sessions/{id}/report: trimmed, empty 职称 and 单位 left out. */
export function reportBody(form: ReportForm): ReportBody {
  return {
    actual_start_date: form.actual_start_date,
    actual_end_date: form.actual_end_date,
    venue: form.venue.trim(),
    summary: form.summary.trim(),
    lecturers: form.lecturers.map((r) => {
      const row: ReportLecturerInput = { name: r.name.trim(), hours: Number(r.hours) }
      const title = r.title.trim()
      const unit = r.unit.trim()
      if (title) row.title = title
      if (unit) row.unit = unit
      const id = normalizeIdNumber(r.id_number)
      if (id) row.id_number = id
      else if (r.id_masked) row.id_masked = r.id_masked
      return row
    }),
  }
}

/** A server field such as "lecturers.1.hours" as the row and column it names; null for other fields. */
export function lecturerField(field: string | null | undefined): { index: number; key: LecturerKey } | null {
  const m = /^lecturers\.(\d+)\.([a-z_]+)$/.exec(field ?? '')
  if (!m || !(LECTURER_KEYS as readonly string[]).includes(m[2])) return null
  return { index: Number(m[1]), key: m[2] as LecturerKey }
}

// ---- deadline extension (office) ----

export const EXTENSION_REASON_MIN = 2
export const EXTENSION_REASON_MAX = 200

/** Problems of an extension: the date must be today (China) or later, the reason 2..200 characters. */
export function validateExtension(until: string, reason: string, today: string): { until: string; reason: string } {
  const errors = { until: '', reason: '' }
  if (!DATE.test(until)) errors.until = '请选择延长至的日期'
  else if (until < today) errors.until = '延长至的日期不能早于今天'
  const n = reason.trim().length
  if (!n) errors.reason = '请填写延期理由'
  else if (n < EXTENSION_REASON_MIN) errors.reason = `延期理由至少 ${EXTENSION_REASON_MIN} 个字`
  else if (n > EXTENSION_REASON_MAX) errors.reason = `延期理由不能超过 ${EXTENSION_REASON_MAX} 个字`
  return errors
}
