/**
 * What the phone keeps in localStorage: the attendee's own form data (when
 * 记住我的信息 is on, so the next sign-in is prefilled; 清除已保存信息 removes
 * it) and one random client id per phone (sent with each sign-in so retries
 * and one phone signing in many people can be recognised; without storage, one
 * per page).
 */
import { emptySignIn, type SignInFields, type SignInResult } from '@/shared/attendance'
import { formatChinaTime } from '@/shared/time'

export const ATTENDEE_KEY = 'cme.attendee'
export const CLIENT_ID_KEY = 'cme.client_id'
export const SIGN_INS_KEY = 'cme.sign_ins'
const KEPT_SIGN_INS = 20

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

interface KeptSignIn {
  key: string // a hash of the session, the China day and the ID number: the number itself is not kept
  name: string
  signed_in_at: string
}

// Kept for the page too, for a browser that keeps no storage.
let pageSignIns: KeptSignIn[] = []

/** cyrb53: a small, stable string hash (not a secret: it only tells this phone's own sign-ins apart). */
function hash(text: string): string {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 2654435761)
    h2 = Math.imul(h2 ^ c, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)
}

function readSignIns(st: Storage | null): KeptSignIn[] {
  try {
    const data: unknown = JSON.parse(st?.getItem(SIGN_INS_KEY) ?? 'null')
    if (!Array.isArray(data)) return pageSignIns
    return data.filter(
      (k): k is KeptSignIn =>
        !!k && typeof k.key === 'string' && typeof k.name === 'string' && typeof k.signed_in_at === 'string',
    )
  } catch {
    return pageSignIns
  }
}

/**
 * What the phone shows for a sign-in answer. The server answers every accepted sign-in alike, a repeat too (so it
 * tells no phone whether a number was signed in before, issue #12); the phone remembers its own first sign-in of
 * a number in a session on a China day and shows that one (已签到 with the first time) when it signs in again.
 */
export function shownSignIn(
  sessionId: string,
  idNumber: string,
  res: SignInResult,
  s?: Storage | null,
): SignInResult & { repeated: boolean } {
  const st = store(s)
  const day = formatChinaTime(res.signed_in_at, '').slice(0, 10)
  const key = hash(`${sessionId}|${day}|${idNumber.trim().toUpperCase()}`)
  const kept = readSignIns(st)
  const first = kept.find((k) => k.key === key)
  if (first) return { ...res, name: first.name, signed_in_at: first.signed_in_at, repeated: true }
  pageSignIns = [...kept, { key, name: res.name, signed_in_at: res.signed_in_at }].slice(-KEPT_SIGN_INS)
  try {
    st?.setItem(SIGN_INS_KEY, JSON.stringify(pageSignIns))
  } catch {
    /* kept for this page only */
  }
  return { ...res, repeated: false }
}

/** Forgets this phone's own sign-ins (with 清除已保存信息). */
export function clearSignIns(s?: Storage | null): void {
  pageSignIns = []
  try {
    store(s)?.removeItem(SIGN_INS_KEY)
  } catch {
    /* nothing saved */
  }
}
