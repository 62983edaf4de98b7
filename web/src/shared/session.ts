/**
 * The signed-in session (bearer token + user), kept in localStorage so a
 * reload keeps the user signed in. Reactive, so the UI follows changes.
 */
import { shallowRef } from 'vue'
import type { LoginResult, User } from './types'

export const TOKEN_KEY = 'cme.token'
export const USER_KEY = 'cme.user'
export const EXPIRES_KEY = 'cme.expires_at'

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null
  }
}

function readUser(raw: string | null): User | null {
  if (!raw) return null
  try {
    const u = JSON.parse(raw) as User
    return u && typeof u.username === 'string' && typeof u.role === 'string' ? u : null
  } catch {
    return null
  }
}

function load(): { token: string | null; user: User | null } {
  const s = storage()
  if (!s) return { token: null, user: null }
  const token = s.getItem(TOKEN_KEY)
  const user = readUser(s.getItem(USER_KEY))
  const expires = s.getItem(EXPIRES_KEY)
  const expired = expires ? Date.parse(expires) <= Date.now() : false
  if (!token || !user || expired) return { token: null, user: null }
  return { token, user }
}

const initial = load()
export const token = shallowRef<string | null>(initial.token)
export const currentUser = shallowRef<User | null>(initial.user)

/** Re-read localStorage (used by tests and after another tab changes it). */
export function reloadSession(): void {
  const s = load()
  token.value = s.token
  currentUser.value = s.user
}

export function isSignedIn(): boolean {
  return !!token.value && !!currentUser.value
}

export function saveLogin(result: LoginResult): void {
  const s = storage()
  s?.setItem(TOKEN_KEY, result.token)
  s?.setItem(USER_KEY, JSON.stringify(result.user))
  if (result.expires_at) s?.setItem(EXPIRES_KEY, result.expires_at)
  else s?.removeItem(EXPIRES_KEY)
  token.value = result.token
  currentUser.value = result.user
}

export function saveUser(user: User): void {
  storage()?.setItem(USER_KEY, JSON.stringify(user))
  currentUser.value = user
}

export function clearSession(): void {
  const s = storage()
  s?.removeItem(TOKEN_KEY)
  s?.removeItem(USER_KEY)
  s?.removeItem(EXPIRES_KEY)
  token.value = null
  currentUser.value = null
}
