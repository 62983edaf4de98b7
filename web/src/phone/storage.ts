/**
 * What the phone keeps in localStorage: the attendee's own form data (when
 * 记住我的信息 is on, so the next sign-in is prefilled; 清除已保存信息 removes
 * it) and one random client id per phone (sent with each sign-in so retries
 * and one phone signing in many people can be recognised; without storage, one
 * per page).
 */
import { emptySignIn, type SignInFields } from '@/shared/attendance'

export const ATTENDEE_KEY = 'cme.attendee'
export const CLIENT_ID_KEY = 'cme.client_id'
export const OLD_SIGN_INS_KEY = 'cme.sign_ins'

function store(s?: Storage | null): Storage | null {
  if (s !== undefined) return s
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null
  }
}

/** The saved form data, or null (nothing saved or unreadable). Only known string fields are taken. */
export function loadAttendee(s?: Storage | null): SignInFields | null {
  const st = store(s)
  let raw: string | null = null
  try {
    raw = st?.getItem(ATTENDEE_KEY) ?? null
  } catch {
    return null
  }
  if (!raw) return null
  let data: unknown
  try {
    data = JSON.parse(raw)
  } catch {
    return null
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return null
  const fields = emptySignIn()
  const src = data as Record<string, unknown>
  for (const key of Object.keys(fields) as (keyof SignInFields)[]) {
    const v = src[key]
    if (typeof v === 'string') (fields as unknown as Record<string, string>)[key] = v
  }
  if (fields.gender !== 'male' && fields.gender !== 'female') fields.gender = ''
  if (fields.grassroots !== 'yes' && fields.grassroots !== 'no') fields.grassroots = ''
  return fields
}

/** Saves the form data (trimmed); false when the browser refuses (private mode, full). */
export function saveAttendee(fields: SignInFields, s?: Storage | null): boolean {
  const st = store(s)
  if (!st) return false
  const clean = {} as Record<string, string>
  for (const [k, v] of Object.entries(fields)) clean[k] = String(v ?? '').trim()
  try {
    st.setItem(ATTENDEE_KEY, JSON.stringify(clean))
    return true
  } catch {
    return false
  }
}

export function clearAttendee(s?: Storage | null): void {
  try {
    store(s)?.removeItem(ATTENDEE_KEY)
  } catch {
    /* nothing saved */
  }
}

export function hasSavedAttendee(s?: Storage | null): boolean {
  return loadAttendee(s) !== null
}

function randomId(): string {
  const c = globalThis.crypto
  if (c?.randomUUID) return c.randomUUID()
  const bytes = new Uint8Array(16)
  if (c?.getRandomValues) c.getRandomValues(bytes)
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256)
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

// The id of this page when the browser keeps no storage (private mode, storage refused): a retry from the same
// page must look like the same phone, not another one.
let pageClientId: string | null = null

/** This phone's client id, made once and kept in localStorage; where storage is unavailable, kept for the page's
 * lifetime. */
export function clientId(s?: Storage | null): string {
  const st = store(s)
  try {
    const existing = st?.getItem(CLIENT_ID_KEY)
    if (existing && /^[\w-]{16,64}$/.test(existing)) return existing
  } catch {
    /* unreadable: the page's own id */
  }
  pageClientId ??= randomId()
  try {
    st?.setItem(CLIENT_ID_KEY, pageClientId)
  } catch {
    /* not kept beyond this page */
  }
  return pageClientId
}

/**
 * Removes what earlier versions kept of this phone's sign-ins (`cme.sign_ins`): an unkeyed hash of session, day and
 * ID number, which can be brute-forced back to the number. The server answers repeats itself now (issue #12).
 */
export function dropOldSignIns(s?: Storage | null): void {
  try {
    store(s)?.removeItem(OLD_SIGN_INS_KEY)
  } catch {
    /* nothing saved */
  }
}
