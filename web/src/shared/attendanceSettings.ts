/**
 * 签到签退设置 of a session: limits, the refresh choices, the form checks,
 * server field names, a plain-language summary, and what the form sends for
 * its preview of the windows. The defaults and the windows themselves are the
 * server's (POST /attendance/windows, SessionOut.windows). No UI library.
 */
import type { AttendanceMode, AttendanceSettings, WindowsPreviewRequest } from './types'

export type SettingKey = Exclude<keyof AttendanceSettings, 'mode'>
export type SettingErrors = Record<SettingKey | 'mode', string>

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

/** The `attendance` object of a create/update body. */
export function settingsBody(s: AttendanceSettings): AttendanceSettings {
  const body = { mode: s.mode } as AttendanceSettings
  for (const key of SETTING_KEYS) body[key] = Number(s[key])
  return body
}

// ---- the windows preview ----

/** What the preview needs of a schedule row: China date and wall-clock times. */
export interface BlockTimes {
  date: string
  start: string
  end: string
}

const DATE = /^\d{4}-\d{2}-\d{2}$/
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/

/**
 * The body of POST /attendance/windows for the schedule being edited: the rows
 * whose date and times are filled in (the server leaves out those ending before
 * they start), and the settings.
 */
export function previewBody(rows: readonly BlockTimes[], s: AttendanceSettings): WindowsPreviewRequest {
  const schedule = rows
    .filter((r) => DATE.test(r.date) && TIME.test(r.start) && TIME.test(r.end))
    .map(({ date, start, end }) => ({ date, start, end }))
  return { schedule, attendance: settingsBody(s) }
}

/** Every field without a problem. */
export function noSettingErrors(): SettingErrors {
  return {
    mode: '',
    refresh_seconds: '',
    sign_in_opens_before: '',
    sign_in_closes_after: '',
    sign_out_opens_before: '',
    sign_out_closes_after: '',
  }
}

/**
 * The form's problems per field: each number an integer within its limits (the
 * server checks the windows they give: WINDOW_EMPTY, WINDOW_OVERLAP).
 */
export function validateSettings(s: AttendanceSettings): SettingErrors {
  const errors = noSettingErrors()
  if (s.mode !== 'whole' && s.mode !== 'daily') errors.mode = '请选择签到签退方式'
  for (const key of SETTING_KEYS) {
    const v = s[key] as unknown
    const { min, max } = SETTING_LIMITS[key]
    const unit = key === 'refresh_seconds' ? '秒' : '分钟'
    if (typeof v !== 'number' || !Number.isInteger(v)) errors[key] = '请填写整数'
    else if (v < min || v > max) errors[key] = `应在 ${min}–${max} ${unit}之间`
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
