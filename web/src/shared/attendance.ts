/**
 * Attendance (现场签到 / 签退) seen by attendees on their phones: the public API
 * under /api/public/attendance, the sign-in form check, the questionnaire
 * rules and the window label. No UI library.
 */
import { request } from './api'
import { type RetryOptions, withRetry, withTimeout } from './retry'
import { checkIdNumber, isValidMobile, normalizeIdNumber, type Gender } from './identity'
import { windowRange } from './time'
import type {
  AttendanceKind,
  AttendancePage,
  AttendanceWindow,
  Identify,
  Question,
  SignInBody,
  SignInResult,
  SignOutBody,
  SignOutLookup,
  SignOutResult,
} from './types'

export interface SignInFields {
  id_number: string
  name: string
  gender: Gender | ''
  age: string
  mobile: string
  unit: string
  department: string
  region: string
  grassroots: '' | 'yes' | 'no'
  title: string
  position: string
  education: string
}

export type Answers = Record<string, string | string[]>

/** Who signs out: by mobile or by ID number. */
export type Who = { mobile: string } | { id_number: string }

/**
 * The unit to show when confirming a sign-out: the server answers it masked;
 * the phone shows it in full only when it already holds it, i.e. its saved
 * sign-in form is of the person found (same mobile or ID number).
 */
export function confirmUnit(
  found: Pick<SignOutLookup, 'unit'>,
  who: Who,
  saved: Pick<SignInFields, 'mobile' | 'id_number' | 'unit'> | null,
): string {
  if (!saved?.unit.trim()) return found.unit
  const same =
    'mobile' in who
      ? saved.mobile.trim() === who.mobile
      : normalizeIdNumber(saved.id_number) === normalizeIdNumber(who.id_number)
  return same ? saved.unit.trim() : found.unit
}

const enc = encodeURIComponent

/** One public attendance request: each try limited in time, the same request sent again as retry.ts says. */
function publicRequest<T>(path: string, options: { query?: { t: string }; body?: unknown }, retry?: RetryOptions): Promise<T> {
  const method = options.body === undefined ? 'GET' : 'POST'
  return withRetry(() => withTimeout((signal) => request<T>(path, { ...options, method, auth: false, signal })), retry)
}

/**
 * The phone's requests: each is idempotent and sent again on a network failure, a timeout
 * or a busy server (retry.ts); `retry.onRetry` / `onOffline` let the page say so meanwhile.
 */
export const attendanceApi = {
  page: (sessionId: string, kind: AttendanceKind, t: string, retry?: RetryOptions) =>
    publicRequest<AttendancePage>(`/public/attendance/${enc(sessionId)}/${kind}`, { query: { t } }, retry),
  /** The same body (the same client id) on every try: a resend that arrives after the first answers `already`. */
  signIn: (sessionId: string, body: SignInBody, retry?: RetryOptions) =>
    publicRequest<SignInResult>(`/public/attendance/${enc(sessionId)}/sign-in`, { body }, retry),
  lookup: (sessionId: string, t: string, who: Who, retry?: RetryOptions) =>
    publicRequest<SignOutLookup>(
      `/public/attendance/${enc(sessionId)}/sign-out/lookup`,
      { body: { t, ...who } satisfies Identify },
      retry,
    ),
  /** The same body on every try: a resend that arrives after the first answers `already` with the first times. */
  signOut: (sessionId: string, t: string, who: Who, answers: Answers, retry?: RetryOptions) =>
    publicRequest<SignOutResult>(
      `/public/attendance/${enc(sessionId)}/sign-out`,
      { body: { t, ...who, answers } satisfies SignOutBody },
      retry,
    ),
}

export const KIND_LABELS: Record<AttendanceKind, string> = { in: '签到', out: '签退' }

/** `签到时间：2026-12-10 07:30 至 16:30` (the end's date only when it differs). */
export function windowLabel(kind: AttendanceKind, window: Pick<AttendanceWindow, 'opens' | 'closes'> | null): string {
  return window ? `${KIND_LABELS[kind]}时间：${windowRange(window)}` : ''
}

/**
 * The explanation of a closed / not-yet / invalid page without the window
 * sentence (the page shows the window on its own line), or a default one.
 */
export function stateMessage(kind: AttendanceKind, page: Pick<AttendancePage, 'state' | 'message'>): string {
  const k = KIND_LABELS[kind]
  const text = (page.message ?? '').replace(/签[到退]时间[：:][^。]*。?/g, '').trim()
  // A message that only repeats the page's title (签到尚未开始。) says nothing more.
  const bare = text.replace(/[。.！!]+$/, '')
  if (text && bare !== `${k}尚未开始` && bare !== `${k}已结束`) return text
  if (page.state === 'not_yet') return `请在${k}时间内扫描会场的二维码。`
  if (page.state === 'closed') return `本期${k}时间已过，如有疑问请联系主办单位。`
  if (page.state === 'invalid') return '二维码无效或已过期，请扫描现场最新的二维码。'
  return ''
}

/** `2026-12-10` or `2026-12-10 至 2026-12-11`. */
export function dateRange(start: string, end: string): string {
  return !end || start === end ? start : `${start} 至 ${end}`
}

export const SIGN_IN_LABELS: Record<keyof SignInFields, string> = {
  id_number: '身份证号码',
  name: '姓名',
  gender: '性别',
  age: '年龄',
  mobile: '手机号',
  unit: '单位',
  department: '科室',
  region: '单位所在地',
  grassroots: '是否来自基层',
  title: '职称',
  position: '职务',
  education: '学历',
}

/** Field order on the form (the first error is scrolled to). */
export const SIGN_IN_ORDER = Object.keys(SIGN_IN_LABELS) as (keyof SignInFields)[]

export function emptySignIn(): SignInFields {
  return {
    id_number: '',
    name: '',
    gender: '',
    age: '',
    mobile: '',
    unit: '',
    department: '',
    region: '',
    grassroots: '',
    title: '',
    position: '',
    education: '',
  }
}

export type FieldErrors = Partial<Record<keyof SignInFields, string>>

/** Longest accepted text per field (as the server's schema). */
export const MAX_LENGTHS = {
  name: 30,
  unit: 60,
  department: 40,
  region: 40,
  title: 30,
  position: 30,
  education: 20,
} as const

export const AGE_MIN = 14
export const AGE_MAX = 100

/** Length in characters (a rare character outside the BMP such as 𠮷 counts once). */
function chars(s: string): number {
  return Array.from(s).length
}

/**
 * Checks the sign-in form like the server does; `today` is China's date.
 * Gender and age must agree with the ID number when it is valid.
 */
export function checkSignIn(f: SignInFields, today?: string): FieldErrors {
  const errors: FieldErrors = {}
  const id = checkIdNumber(f.id_number, today)
  if (!id.ok) errors.id_number = id.message
  if (!f.gender) errors.gender = '请选择性别'
  else if (id.ok && f.gender !== id.gender) errors.gender = '性别与身份证号码不符'
  const age = f.age.trim()
  if (!age) errors.age = '请填写年龄'
  else if (!/^\d{1,3}$/.test(age)) errors.age = '年龄应为整数'
  else if (id.ok && Number(age) !== id.age) errors.age = '年龄与身份证号码不符'
  else if (Number(age) < AGE_MIN || Number(age) > AGE_MAX) errors.age = `年龄应在${AGE_MIN}到${AGE_MAX}岁之间`
  if (!f.mobile.trim()) errors.mobile = '请填写手机号'
  else if (!isValidMobile(f.mobile)) errors.mobile = '手机号码应为11位，以1开头'
  for (const key of ['name', 'unit', 'department', 'region', 'title'] as const) {
    if (!f[key].trim()) errors[key] = `请填写${SIGN_IN_LABELS[key]}`
  }
  if (!f.grassroots) errors.grassroots = '请选择是否来自基层'
  for (const [key, max] of Object.entries(MAX_LENGTHS) as [keyof typeof MAX_LENGTHS, number][]) {
    if (!errors[key] && chars(f[key].trim()) > max) errors[key] = `${SIGN_IN_LABELS[key]}不能超过${max}个字`
  }
  return errors
}

/** The request body of a checked form. */
export function signInBody(f: SignInFields, t: string, clientId: string): SignInBody {
  const body: SignInBody = {
    t,
    id_number: normalizeIdNumber(f.id_number),
    name: f.name.trim(),
    gender: f.gender as Gender,
    age: Number(f.age.trim()),
    mobile: f.mobile.trim(),
    unit: f.unit.trim(),
    department: f.department.trim(),
    region: f.region.trim(),
    grassroots: f.grassroots === 'yes',
    title: f.title.trim(),
    client_id: clientId,
  }
  if (f.position.trim()) body.position = f.position.trim()
  if (f.education.trim()) body.education = f.education.trim()
  return body
}

/** A field name the server reported, if the form has it. */
export function formField(field: string | null): keyof SignInFields | null {
  return field && field in SIGN_IN_LABELS ? (field as keyof SignInFields) : null
}

const CN_NUMBERS = ['零', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十']

/** 两 for 2, … (as in 选两项). */
export function chineseCount(n: number): string {
  return CN_NUMBERS[n] ?? String(n)
}

/** How many options a multiple-choice question asks for (the server's default is 1). */
export function chooseCount(q: Question): number {
  return q.type === 'multiple' ? (q.choose && q.choose > 0 ? q.choose : 1) : 1
}

/** `（选两项）` for a multiple-choice question, unless its text already says so. */
export function chooseHint(q: Question): string {
  if (q.type !== 'multiple') return ''
  const n = chooseCount(q)
  const said = [`选${chineseCount(n)}项`, `选${n}项`, `选择${chineseCount(n)}项`, `选择${n}项`]
  return said.some((w) => q.text.includes(w)) ? '' : `（选${chineseCount(n)}项）`
}

/** Why one answer is not acceptable yet, or '' when it is. */
export function answerError(q: Question, answer: string | string[] | undefined): string {
  if (q.type === 'single') {
    return typeof answer === 'string' && q.options.includes(answer) ? '' : '请选择一项'
  }
  const n = chooseCount(q)
  const picked = Array.isArray(answer) ? [...new Set(answer.filter((a) => q.options.includes(a)))] : []
  return picked.length === n ? '' : `请选择${chineseCount(n)}项（已选${picked.length}项）`
}

/** Errors by question id; empty when every question is answered as asked. */
export function answerErrors(questions: Question[], answers: Answers): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const q of questions) {
    const e = answerError(q, answers[q.id])
    if (e) errors[q.id] = e
  }
  return errors
}

/** Fresh answers: '' for single choice, [] for multiple choice. */
export function emptyAnswers(questions: Question[]): Answers {
  const answers: Answers = {}
  for (const q of questions) answers[q.id] = q.type === 'multiple' ? [] : ''
  return answers
}

/** Hours as shown: up to two decimals, no trailing zeros. */
export function formatHours(hours: number | null | undefined): string {
  if (hours == null || Number.isNaN(Number(hours))) return '—'
  return String(Math.round(Number(hours) * 100) / 100)
}
