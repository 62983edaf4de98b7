/**
 * What the phone keeps in localStorage: the attendee's own form data (when
 * 记住我的信息 is on, so the next sign-in is prefilled; 清除已保存信息 removes
 * it) and one random client id per phone (sent with each sign-in so retries
 * and one phone signing in many people can be recognised; without storage, one
 * per page). In sessionStorage: the draft of a form being filled (sign-in or
 * sign-out, per session), so that a reload on a bad network loses nothing;
 * cleared on success.
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
  return asSignInFields(data)
}

/** The known string fields of stored form data (anything else dropped), or null when it is not an object. */
export function asSignInFields(data: unknown): SignInFields | null {
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

export const DRAFT_PREFIX = 'cme.draft.'
/** A draft older than this is dropped (a tab left open since another day's session). */
export const DRAFT_TTL_MS = 12 * 3600 * 1000

/**
 * A form's draft key: the scan (in / out) and the session. Not the code's token: a token that has expired by the
 * time the network is back is scanned again, and the form must still be there.
 */
export function draftKey(kind: 'in' | 'out', sessionId: string): string {
  return `${DRAFT_PREFIX}${kind}.${sessionId}`
}

function tabStore(s?: Storage | null): Storage | null {
  if (s !== undefined) return s
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage
  } catch {
    return null
  }
}

/**
 * The draft kept under `key` in this tab, or null (none, unreadable or stale). sessionStorage, not localStorage:
 * it lives only as long as the tab (the ID number typed is not left on the phone once the tab is closed), and it
 * is removed as soon as the server has the form.
 */
export function loadDraft<T extends object>(key: string, s?: Storage | null, now: number = Date.now()): Partial<T> | null {
  const st = tabStore(s)
  try {
    const raw = st?.getItem(key)
    if (!raw) return null
    const data = JSON.parse(raw) as { at?: unknown; form?: unknown }
    if (typeof data.at !== 'number' || now - data.at > DRAFT_TTL_MS || !data.form || typeof data.form !== 'object') {
      st?.removeItem(key)
      return null
    }
    return data.form as Partial<T>
  } catch {
    return null
  }
}

/** Keeps the form being filled (each change); the browser refusing (private mode, full) loses only the draft. */
export function saveDraft(key: string, form: object, s?: Storage | null, now: number = Date.now()): void {
  try {
    tabStore(s)?.setItem(key, JSON.stringify({ at: now, form }))
  } catch {
    /* not kept */
  }
}

export function clearDraft(key: string, s?: Storage | null): void {
  try {
    tabStore(s)?.removeItem(key)
  } catch {
    /* nothing kept */
  }
}
