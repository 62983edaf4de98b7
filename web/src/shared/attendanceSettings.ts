/**
 * 签到签退设置 of a session: defaults, limits, the refresh choices, the form
 * checks, server field names, a plain-language summary and the preview of the
 * windows computed from the schedule being edited (the server computes the
 * real ones the same way). No UI library.
 */
import type { AttendanceMode, AttendanceSettings, AttendanceWindow } from './types'

export type SettingKey = Exclude<keyof AttendanceSettings, 'mode'>
export type SettingErrors = Record<SettingKey | 'mode', string>

export const ATTENDANCE_DEFAULTS: Readonly<AttendanceSettings> = {
  mode: 'whole',
  refresh_seconds: 86400,
  sign_in_opens_before: 60,
  sign_in_closes_after: 0,
  sign_out_opens_before: 30,
  sign_out_closes_after: 120,
}

/** Inclusive limits of each number (minutes, refresh in seconds), as the server checks them. */
export const SETTING_LIMITS: Record<SettingKey, { min: number; max: number }> = {
  refresh_seconds: { min: 30, max: 86400 },
  sign_in_opens_before: { min: 0, max: 1440 },
  sign_in_closes_after: { min: -1440, max: 1440 },
  sign_out_opens_before: { min: 0, max: 1440 },
  sign_out_closes_after: { min: 0, max: 1440 },
}

export const SETTING_KEYS = Object.keys(SETTING_LIMITS) as SettingKey[]

export const MODE_LABELS: Record<AttendanceMode, string> = {
  whole: '整期一次签到签退',
  daily: '每天各签到签退一次',
}

/** The preset refresh intervals of the form (seconds), besides a custom number of seconds. */
export const REFRESH_CHOICES: readonly { seconds: number; label: string }[] = [
  { seconds: 30, label: '30秒' },
  { seconds: 60, label: '1分钟' },
  { seconds: 300, label: '5分钟' },
  { seconds: 3600, label: '1小时' },
  { seconds: 86400, label: '1天（默认）' },
]

export function isPresetRefresh(seconds: number): boolean {
  return REFRESH_CHOICES.some((c) => c.seconds === seconds)
}

/** "30秒", "5分钟", "1小时", "1天", "1小时30分钟", "90秒". */
export function refreshLabel(seconds: number | null | undefined): string {
  if (seconds == null || !Number.isFinite(seconds) || seconds <= 0) return '—'
  if (seconds % 86400 === 0) return `${seconds / 86400}天`
  if (seconds % 3600 === 0) return `${seconds / 3600}小时`
  if (seconds > 3600 && seconds % 60 === 0) return `${Math.floor(seconds / 3600)}小时${(seconds % 3600) / 60}分钟`
  if (seconds % 60 === 0) return `${seconds / 60}分钟`
  return `${seconds}秒`
}

/** Settings as the form edits them: the server's, with defaults for anything missing or malformed. */
export function settingsFrom(given: Partial<AttendanceSettings> | null | undefined): AttendanceSettings {
  const s: AttendanceSettings = { ...ATTENDANCE_DEFAULTS }
  if (!given) return s
  if (given.mode === 'whole' || given.mode === 'daily') s.mode = given.mode
  for (const key of SETTING_KEYS) {
    const v = given[key]
    if (typeof v === 'number' && Number.isInteger(v)) s[key] = v
  }
  return s
}

/** The `attendance` object of a create/update body. */
export function settingsBody(s: AttendanceSettings): AttendanceSettings {
  const body = { mode: s.mode } as AttendanceSettings
  for (const key of SETTING_KEYS) body[key] = Number(s[key])
  return body
}

// ---- the windows ----

/** What the preview needs of a schedule row: China date and wall-clock times. */
export interface BlockTimes {
  date: string
  start: string
  end: string
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/
const CHINA_OFFSET_MS = 8 * 3600_000
const MINUTE_MS = 60_000

/** The UTC instant (ms) of a China wall-clock date and time, or null when either is not filled in. */
function chinaInstant(date: string, time: string): number | null {
  const d = DATE.exec(date)
  const t = TIME.exec(time)
  if (!d || !t) return null
  return Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2])) - CHINA_OFFSET_MS
}

const iso = (ms: number) => new Date(ms).toISOString()

function windowsOf(first: number, last: number, s: AttendanceSettings, day: string | null): AttendanceWindow[] {
  return [
    {
      kind: 'in',
      day,
      opens: iso(first - s.sign_in_opens_before * MINUTE_MS),
      closes: iso(last + s.sign_in_closes_after * MINUTE_MS),
    },
    {
      kind: 'out',
      day,
      opens: iso(last - s.sign_out_opens_before * MINUTE_MS),
      closes: iso(last + s.sign_out_closes_after * MINUTE_MS),
    },
  ]
}

/**
 * The windows the settings give for a schedule: in whole mode one sign-in and
 * one sign-out around the first block's start and the last block's end; in
 * daily mode one pair per day with blocks, around that day's blocks. Rows whose
 * date or times are not (validly) filled in yet are left out. Sign-in before
 * sign-out, days in order.
 */
export function previewWindows(rows: readonly BlockTimes[], s: AttendanceSettings): AttendanceWindow[] {
  const byDay = new Map<string, { first: number; last: number }>()
  let first = Infinity
  let last = -Infinity
  for (const row of rows) {
    const start = chinaInstant(row.date, row.start)
    const end = chinaInstant(row.date, row.end)
    if (start === null || end === null || end <= start) continue
    first = Math.min(first, start)
    last = Math.max(last, end)
    const day = byDay.get(row.date)
    if (!day) byDay.set(row.date, { first: start, last: end })
    else byDay.set(row.date, { first: Math.min(day.first, start), last: Math.max(day.last, end) })
  }
  if (!byDay.size) return []
  if (s.mode === 'whole') return windowsOf(first, last, s, null)
  return [...byDay.keys()].sort().flatMap((day) => {
    const d = byDay.get(day)!
    return windowsOf(d.first, d.last, s, day)
  })
}

/** A window that would never be open (its close is not after its open). */
export function isEmptyWindow(w: Pick<AttendanceWindow, 'opens' | 'closes'>): boolean {
  return Date.parse(w.closes) <= Date.parse(w.opens)
}

/**
 * The form's problems per field: each number an integer within its limits,
 * then the windows of the schedule not empty (reported on the setting that closes them).
 */
export function validateSettings(s: AttendanceSettings, windows: readonly AttendanceWindow[] = []): SettingErrors {
  const errors: SettingErrors = {
    mode: '',
    refresh_seconds: '',
    sign_in_opens_before: '',
    sign_in_closes_after: '',
    sign_out_opens_before: '',
    sign_out_closes_after: '',
  }
  if (s.mode !== 'whole' && s.mode !== 'daily') errors.mode = '请选择签到签退方式'
  for (const key of SETTING_KEYS) {
    const v = s[key] as unknown
    const { min, max } = SETTING_LIMITS[key]
    const unit = key === 'refresh_seconds' ? '秒' : '分钟'
    if (typeof v !== 'number' || !Number.isInteger(v)) errors[key] = '请填写整数'
    else if (v < min || v > max) errors[key] = `应在 ${min}–${max} ${unit}之间`
  }
  for (const w of windows) {
    const key = w.kind === 'in' ? 'sign_in_closes_after' : 'sign_out_closes_after'
    if (errors[key] || !isEmptyWindow(w)) continue
    const what = w.kind === 'in' ? '签到' : '签退'
    errors[key] = `${w.day ? `${w.day} ` : ''}${what}关闭时间须晚于开放时间`
  }
  return errors
}

export function hasSettingErrors(errors: SettingErrors): boolean {
  return Object.values(errors).some(Boolean)
}

/**
 * Where a server error about the settings belongs: "attendance.refresh_seconds"
 * → "refresh_seconds"; "attendance" or an unknown part → "attendance" (the
 * section as a whole); null for fields outside the settings.
 */
export function settingsField(field: string | null | undefined): SettingKey | 'mode' | 'attendance' | null {
  if (!field) return null
  if (field === 'attendance') return 'attendance'
  const m = /^attendance\.([a-z_]+)/.exec(field)
  if (!m) return null
  const key = m[1]
  if (key === 'mode' || (SETTING_KEYS as readonly string[]).includes(key)) return key as SettingKey | 'mode'
  return 'attendance'
}

// ---- how the settings read ----

function minutes(n: number): string {
  return `${n}分钟`
}

/** "首节课前60分钟开放，末节课结束时关闭" (with 当天 in daily mode). */
export function signInRule(s: AttendanceSettings): string {
  const day = s.mode === 'daily' ? '当天' : ''
  const opens = s.sign_in_opens_before > 0 ? `${day}首节课前${minutes(s.sign_in_opens_before)}开放` : `${day}首节课开始时开放`
  const after = s.sign_in_closes_after
  const closes =
    after === 0 ? `${day}末节课结束时关闭` : after > 0 ? `${day}末节课结束后${minutes(after)}关闭` : `${day}末节课结束前${minutes(-after)}关闭`
  return `${opens}，${closes}`
}

/** "末节课结束前30分钟开放，结束后120分钟关闭". */
export function signOutRule(s: AttendanceSettings): string {
  const day = s.mode === 'daily' ? '当天' : ''
  const opens =
    s.sign_out_opens_before > 0 ? `${day}末节课结束前${minutes(s.sign_out_opens_before)}开放` : `${day}末节课结束时开放`
  const closes = s.sign_out_closes_after > 0 ? `结束后${minutes(s.sign_out_closes_after)}关闭` : '结束时关闭'
  return `${opens}，${closes}`
}
