/**
 * Holding applications (举办申请): labels, material file rules, the multipart
 * form of a presigned upload, schedule row checks and the review list filters.
 * No UI library here; the server is authoritative for every check.
 */
import { settingsBody } from './attendanceSettings'
import { chinaYear } from './projects'
import type {
  AttendanceSettings,
  MaterialKind,
  ReportStatus,
  Role,
  ScheduleBlock,
  ScheduleBlockInput,
  Session,
  SessionAction,
  SessionFields,
  SessionListQuery,
  SessionStatus,
} from './types'
import { REPORT_STATES, SESSION_BUTTONS, SESSION_STATES } from './workflow'

/** Status names as the server gives them in `status_label` (used for the filter options). */
export const SESSION_STATUS_LABELS: Record<SessionStatus, string> = SESSION_STATES

/** 执行情况 names as the server gives them in `report_status_label` (used for the filter options). */
export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = REPORT_STATES

const REPORT_STATUSES: readonly string[] = Object.keys(REPORT_STATUS_LABELS)

/** Button text of each action, in the order the buttons are shown. */
export const SESSION_ACTION_LABELS: Record<SessionAction, string> = SESSION_BUTTONS

const SESSION_ACTION_ORDER = Object.keys(SESSION_ACTION_LABELS) as SessionAction[]

/** The known actions of a session in button order (unknown ones are dropped). */
export function orderedSessionActions(actions: readonly string[] | null | undefined): SessionAction[] {
  const given = new Set(actions ?? [])
  return SESSION_ACTION_ORDER.filter((a) => given.has(a))
}

/** The review steps (行政用户, 管理用户) among the actions. */
export function reviewActions(actions: readonly string[] | null | undefined): SessionAction[] {
  return orderedSessionActions(actions).filter((a) => a === 'forward' || a === 'return' || a === 'approve')
}

export function sessionStatusLabel(status: string | null | undefined): string {
  return (status && SESSION_STATUS_LABELS[status as SessionStatus]) || status || '—'
}

/** "第1期". */
export function seqLabel(seq: number): string {
  return `第${seq}期`
}

/**
 * 返回列表 of a session's pages: the organizer goes back to 项目举办管理 of its
 * project (项目举办申请 until the session is loaded), the reviewers to 举办审核.
 */
export function sessionListPath(role: Role | null | undefined, session: Pick<Session, 'project_id'> | null): string {
  if (role !== 'organizer') return '/sessions'
  return session ? `/projects/${session.project_id}/sessions` : '/projects'
}

// ---- materials (资料) ----

export const MAX_MATERIAL_BYTES = 50 * 1024 * 1024

const PDF = 'application/pdf'
const JPEG = 'image/jpeg'
const PNG = 'image/png'
const DOC = 'application/msword'
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
const XLS = 'application/vnd.ms-excel'
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** File types by extension (browsers leave File.type empty for some of them). */
const EXTENSION_TYPES: Record<string, string> = {
  pdf: PDF,
  jpg: JPEG,
  jpeg: JPEG,
  png: PNG,
  doc: DOC,
  docx: DOCX,
  xls: XLS,
  xlsx: XLSX,
}

export interface MaterialRule {
  kind: MaterialKind
  label: string
  /** Content types the server accepts for this kind. */
  types: readonly string[]
  /** How the accepted formats are named to people. */
  formats: string
}

export const MATERIALS: readonly MaterialRule[] = [
  { kind: 'notice', label: '会议通知', types: [JPEG, PNG, PDF], formats: 'JPG、PNG 或 PDF' },
  {
    kind: 'schedule',
    label: '会议日程',
    types: [PDF, JPEG, PNG, DOC, DOCX, XLS, XLSX],
    formats: 'PDF、JPG、PNG、Word 或 Excel',
  },
]

export function materialRule(kind: MaterialKind): MaterialRule {
  return MATERIALS.find((m) => m.kind === kind) ?? MATERIALS[0]
}

/** The `accept` attribute of a file input for this kind: extensions and content types. */
export function materialAccept(kind: MaterialKind): string {
  const types = materialRule(kind).types
  const extensions = Object.entries(EXTENSION_TYPES)
    .filter(([, type]) => types.includes(type))
    .map(([ext]) => `.${ext}`)
  return [...extensions, ...types].join(',')
}

/** The content type to declare for a file: from its extension, else what the browser says. */
export function materialContentType(file: { name: string; type?: string }): string {
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase()
  return (ext && EXTENSION_TYPES[ext]) || file.type || ''
}

/** Why a file cannot be a material of this kind, or null when it may be sent. */
export function checkMaterialFile(kind: MaterialKind, file: { name: string; size: number; type?: string }): string | null {
  const rule = materialRule(kind)
  if (!rule.types.includes(materialContentType(file))) return `${rule.label}请上传 ${rule.formats} 文件`
  if (file.size <= 0) return '文件是空的'
  if (file.size > MAX_MATERIAL_BYTES) return '附件最大50M'
  return null
}

/**
 * The multipart body of a presigned S3 POST: every policy field first, in the
 * order given, and the file last under `file` (S3 ignores fields after it).
 */
export function buildUploadForm(fields: Record<string, string>, file: Blob, filename?: string): FormData {
  const form = new FormData()
  for (const [name, value] of Object.entries(fields)) form.append(name, value)
  if (filename === undefined) form.append('file', file)
  else form.append('file', file, filename)
  return form
}

/** "1.5 MB", "320 KB", "12 B". */
export function formatFileSize(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || Number.isNaN(bytes) || bytes < 0) return '—'
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${trim(bytes / 1024)} KB`
  return `${trim(bytes / 1024 / 1024)} MB`
}

function trim(n: number): string {
  return n >= 100 ? String(Math.round(n)) : String(Math.round(n * 10) / 10)
}

export function materialOf(session: Pick<Session, 'materials'> | null | undefined, kind: MaterialKind) {
  return session?.materials?.find((m) => m.kind === kind) ?? null
}

/** Labels of the materials still missing (both are needed before 提交申请). */
export function missingMaterials(session: Pick<Session, 'materials'>): string[] {
  return MATERIALS.filter((m) => !materialOf(session, m.kind)).map((m) => m.label)
}

// ---- the form ----

export const VENUE_MAX_LENGTH = 100
export const REMARK_MAX_LENGTH = 500
export const MAX_SESSION_DAYS = 31
export const MAX_ATTENDEES = 10000
export const MAX_BLOCK_HOURS = 12

const DATE = /^\d{4}-\d{2}-\d{2}$/

/** Days from a to b (both YYYY-MM-DD), by calendar. */
function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000)
}

export function validateVenue(venue: string): string | null {
  const n = venue.trim().length
  if (!n) return '请输入会场地址'
  if (n < 2) return '会场地址至少 2 个字'
  if (n > VENUE_MAX_LENGTH) return `会场地址不能超过 ${VENUE_MAX_LENGTH} 个字`
  return null
}

/** The end date's problem (the start date only needs to be there). */
export function validateDates(start: string, end: string): { start_date: string | null; end_date: string | null } {
  const result = { start_date: null as string | null, end_date: null as string | null }
  if (!DATE.test(start)) result.start_date = '请选择开始日期'
  if (!DATE.test(end)) result.end_date = '请选择结束日期'
  else if (!result.start_date) {
    if (end < start) result.end_date = '结束日期不能早于开始日期'
    else if (daysBetween(start, end) + 1 > MAX_SESSION_DAYS) result.end_date = `一期最长${MAX_SESSION_DAYS}天`
  }
  return result
}

// ---- schedule rows (教学日程) ----

/** One row of the schedule editor; '' and null are "not filled in". */
export interface ScheduleRow {
  date: string
  start: string
  end: string
  topic: string
  lecturer: string
  hours: number | null
}

export type ScheduleKey = keyof ScheduleRow
export const SCHEDULE_KEYS: readonly ScheduleKey[] = ['date', 'start', 'end', 'topic', 'lecturer', 'hours']
export type RowErrors = Partial<Record<ScheduleKey, string>>

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/

/** Minutes after midnight of "HH:MM", or null. */
export function minutesOf(time: string): number | null {
  const m = TIME.exec(time)
  return m ? Number(m[1]) * 60 + Number(m[2]) : null
}

/** Length of a row in hours (end − start), or null while the times are not both valid. */
export function rowLength(row: Pick<ScheduleRow, 'start' | 'end'>): number | null {
  const a = minutesOf(row.start)
  const b = minutesOf(row.end)
  if (a === null || b === null || b <= a) return null
  return (b - a) / 60
}

/** Hours to fill in when a row's times are chosen: its length in half hours, at most 12. */
export function suggestedHours(row: Pick<ScheduleRow, 'start' | 'end'>): number | null {
  const length = rowLength(row)
  if (length === null) return null
  const half = Math.floor(length * 2) / 2
  return half > 0 ? Math.min(half, MAX_BLOCK_HOURS) : null
}

/** A new row: the day of the last row (or the first day), starting where the last row ended. */
export function nextRow(rows: readonly ScheduleRow[], startDate: string): ScheduleRow {
  const last = rows[rows.length - 1]
  return {
    date: last?.date || startDate || '',
    start: last?.end || '',
    end: '',
    topic: '',
    lecturer: '',
    hours: null,
  }
}

export function rowsFromSchedule(blocks: readonly ScheduleBlock[] | null | undefined): ScheduleRow[] {
  return (blocks ?? []).map((b) => ({
    date: b.date,
    start: b.start,
    end: b.end,
    topic: b.topic,
    lecturer: b.lecturer,
    hours: b.hours,
  }))
}

export function rowsToSchedule(rows: readonly ScheduleRow[]): ScheduleBlockInput[] {
  return rows.map((r) => ({
    date: r.date,
    start: r.start,
    end: r.end,
    topic: r.topic.trim(),
    lecturer: r.lecturer.trim(),
    hours: Number(r.hours),
  }))
}

/** Total teaching hours of the rows filled in so far. */
export function totalHours(rows: readonly ScheduleRow[]): number {
  const sum = rows.reduce((acc, r) => acc + (typeof r.hours === 'number' && r.hours > 0 ? r.hours : 0), 0)
  return Math.round(sum * 100) / 100
}

/** Problems of one row on its own (dates of the session given when chosen). */
export function validateRow(row: ScheduleRow, startDate = '', endDate = ''): RowErrors {
  const errors: RowErrors = {}
  if (!DATE.test(row.date)) errors.date = '请选择日期'
  else if ((DATE.test(startDate) && row.date < startDate) || (DATE.test(endDate) && row.date > endDate)) {
    errors.date = '不在举办日期内'
  }
  const start = minutesOf(row.start)
  const end = minutesOf(row.end)
  if (start === null) errors.start = '请选择开始时间'
  if (end === null) errors.end = '请选择结束时间'
  else if (start !== null && end <= start) errors.end = '须晚于开始时间'
  if (!row.topic.trim()) errors.topic = '请填写授课内容'
  else if (row.topic.trim().length > 100) errors.topic = '不能超过 100 个字'
  if (!row.lecturer.trim()) errors.lecturer = '请填写授课人'
  else if (row.lecturer.trim().length > 50) errors.lecturer = '不能超过 50 个字'
  const hours = row.hours
  if (hours === null || Number.isNaN(hours) || hours <= 0) errors.hours = '请填写学时'
  else if (hours > MAX_BLOCK_HOURS) errors.hours = `不能超过 ${MAX_BLOCK_HOURS}`
  else {
    const length = rowLength(row)
    if (length !== null && hours > length + 1e-9) errors.hours = `不能超过时长（${length}小时）`
  }
  return errors
}

/**
 * Problems of every row, index for index: each row on its own, then rows
 * whose times overlap an earlier one (marked on the later row's start, as the server does).
 */
export function validateSchedule(rows: readonly ScheduleRow[], startDate = '', endDate = ''): RowErrors[] {
  const errors = rows.map((r) => validateRow(r, startDate, endDate))
  const timed = rows
    .map((r, index) => ({ index, date: r.date, start: minutesOf(r.start), end: minutesOf(r.end) }))
    .filter((r) => DATE.test(r.date) && r.start !== null && r.end !== null && r.end > r.start)
    .sort((a, b) => (a.date === b.date ? a.start! - b.start! : a.date < b.date ? -1 : 1))
  for (let i = 1; i < timed.length; i++) {
    const earlier = timed[i - 1]
    const later = timed[i]
    if (later.date === earlier.date && later.start! < earlier.end!) {
      const target = errors[later.index]
      if (!target.start) target.start = '与其他日程时间重叠'
    }
  }
  return errors
}

export function hasRowErrors(errors: readonly RowErrors[]): boolean {
  return errors.some((e) => Object.values(e).some(Boolean))
}

/** A server field such as "schedule.1.start" as the row and column it names; null for other fields. */
export function scheduleField(field: string | null | undefined): { index: number; key: ScheduleKey } | null {
  const m = /^schedule\.(\d+)\.([a-z_]+)$/.exec(field ?? '')
  if (!m || !(SCHEDULE_KEYS as readonly string[]).includes(m[2])) return null
  return { index: Number(m[1]), key: m[2] as ScheduleKey }
}

/** Body of PUT /sessions/{id} (and of the create, with `seq`) from the form, 签到签退设置 included. */
export function sessionBody(form: {
  venue: string
  start_date: string
  end_date: string
  rows: readonly ScheduleRow[]
  planned_attendees: number | null | undefined
  remark: string
  attendance: AttendanceSettings
  /** 规定学时; left out (the server's default: the teaching hours) when not given. */
  required_hours?: number | null
}): SessionFields {
  const remark = form.remark.trim()
  const body: SessionFields = {
    venue: form.venue.trim(),
    start_date: form.start_date,
    end_date: form.end_date,
    schedule: rowsToSchedule(form.rows),
    planned_attendees: Number(form.planned_attendees),
    remark: remark || null,
    attendance: settingsBody(form.attendance),
  }
  if (typeof form.required_hours === 'number' && !Number.isNaN(form.required_hours)) body.required_hours = form.required_hours
  return body
}

// ---- the review list (举办审核) filters ----

/** Filters of the review list as the form holds them ('' means 全部). */
export interface SessionFilters {
  year: number | ''
  status: SessionStatus | ''
  name: string
  org_id: string
  /** 执行情况 (only approved sessions have one). */
  report_status: ReportStatus | ''
}

/**
 * What each role's list opens on: the 行政用户 on 待单位审核, the 管理用户 on
 * 待省继教办审核 of this year (the office sees every organisation one year at a time).
 */
export function sessionDefaults(role: Role | null | undefined, now: Date = new Date()): SessionFilters {
  if (role === 'office') return { year: chinaYear(now), status: 'forwarded', name: '', org_id: '', report_status: '' }
  if (role === 'admin') return { year: '', status: 'submitted', name: '', org_id: '', report_status: '' }
  return { year: '', status: '', name: '', org_id: '', report_status: '' }
}

/** Whether 全部 is a possible year: the office's all-organisation list is by year. */
export function allYearsAllowed(role: Role | null | undefined, orgId: string): boolean {
  return role !== 'office' || !!orgId.trim()
}

/** Query of GET /sessions: trimmed, 全部 and empty values left out. */
export function sessionQuery(f: SessionFilters): SessionListQuery {
  const q: SessionListQuery = {}
  if (f.year) q.year = f.year
  if (f.status) q.status = f.status
  const name = f.name.trim()
  if (name) q.name = name
  const org = f.org_id.trim()
  if (org) q.org_id = org
  if (f.report_status) q.report_status = f.report_status
  return q
}

/**
 * The 举办审核 status that goes with a chosen 执行情况: only approved sessions
 * have one, so another status filter would give an empty list.
 */
export function statusForReportStatus(status: SessionStatus | '', reportStatus: ReportStatus | ''): SessionStatus | '' {
  return reportStatus && status && status !== 'approved' ? 'approved' : status
}

const ALL = 'all'
const SESSION_STATUSES: readonly string[] = Object.keys(SESSION_STATUS_LABELS)

function first(value: unknown): string | undefined {
  const v = Array.isArray(value) ? value[0] : value
  return typeof v === 'string' ? v : undefined
}

/** Filters from the page URL; missing keys keep the defaults, `all` is 全部, bad values are ignored. */
export function sessionFiltersFromRoute(query: Record<string, unknown>, defaults: SessionFilters): SessionFilters {
  const f = { ...defaults }
  const year = first(query.year)
  if (year === ALL) f.year = ''
  else if (year && /^\d{4}$/.test(year)) f.year = Number(year)
  const status = first(query.status)
  if (status === ALL) f.status = ''
  else if (status && SESSION_STATUSES.includes(status)) f.status = status as SessionStatus
  const reportStatus = first(query.report_status)
  if (reportStatus === ALL) f.report_status = ''
  else if (reportStatus && REPORT_STATUSES.includes(reportStatus)) f.report_status = reportStatus as ReportStatus
  for (const key of ['name', 'org_id'] as const) {
    const v = first(query[key])
    if (v !== undefined) f[key] = v
  }
  return f
}

/** URL query for the filters: only what differs from the defaults (the inverse of sessionFiltersFromRoute). */
export function sessionFiltersToRoute(f: SessionFilters, defaults: SessionFilters): Record<string, string> {
  const q: Record<string, string> = {}
  for (const key of ['year', 'status', 'name', 'org_id', 'report_status'] as const) {
    const raw = f[key] ?? ''
    const value = typeof raw === 'string' ? raw.trim() : raw
    if (value === defaults[key]) continue
    q[key] = value === '' ? ALL : String(value)
  }
  return q
}
