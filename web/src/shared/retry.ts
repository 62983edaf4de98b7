/**
 * Retries of the phone pages' idempotent requests (the code page, sign-in,
 * sign-out look-up, sign-out): a network failure, a try that timed out, a 429
 * that is not a lock, or any 5xx is sent again, the same request, after 0.5 s,
 * 1 s, 2 s and 4 s (±25 % jitter, so that a hall's phones do not come back
 * together), at most 5 tries; a Retry-After of the answer is honoured. A phone
 * that is offline waits for its network to come back (not counted as a try).
 * The server recognises a resent sign-in by the phone's client id and a
 * sign-out by the person, and answers `already` with the first time, so a
 * resend never signs twice. The page's words for each state are here too.
 */
import { ApiError } from './api'

/** Delays before the 2nd, 3rd, 4th and 5th try, in ms (before jitter). */
export const RETRY_DELAYS_MS = [500, 1000, 2000, 4000] as const
/** A Retry-After longer than this is not waited for: the error is shown instead. */
export const MAX_RETRY_AFTER_MS = 15_000
export const RETRYING_TEXT = '网络繁忙，正在重试…'
/** How long one try may take before it is given up and sent again (slow 3G answers a sign-in in a few seconds). */
export const TRY_TIMEOUT_MS = 20_000

/** What a page says while a request is on its way: `verb` is 提交, 加载, 查找…. */
export function progressText(state: 'sending' | 'retrying' | 'offline', verb: string, retry = 0): string {
  if (state === 'offline') return `已离线，恢复网络后自动${verb}`
  if (state === 'retrying') return `网络不稳定，正在第 ${retry} 次重试…`
  return `正在${verb}…`
}

export interface RetryOptions {
  /** Called before each wait: the try about to come (2…5) and the wait in ms. */
  onRetry?: (attempt: number, delayMs: number) => void
  /** [0, 1): the jitter's source (tests fix it). */
  random?: () => number
  sleep?: (ms: number) => Promise<void>
  /** Called when a try failed because the phone is offline, before waiting for the network. */
  onOffline?: () => void
  /** Whether the browser has a network (navigator.onLine unless told). */
  isOnline?: () => boolean
  /** Resolves when the network is back (the window's `online` event unless told). */
  whenOnline?: () => Promise<void>
}

/** Whether a failure is worth the same request again: not a lock, a refusal or a bad form. */
export function isRetryable(e: unknown): e is ApiError {
  if (!(e instanceof ApiError)) return false
  if (e.status === 0) return true
  if (e.status === 429) return !e.code.endsWith('_LOCKED')
  // Any 5xx: the requests retried here are idempotent, so a resend after a server's failure is safe.
  return e.status >= 500 && e.status <= 599
}

/** The wait before try `attempt` (2…5): Retry-After when the answer gave one, else the backoff with jitter. */
export function retryDelay(attempt: number, error: ApiError, random: () => number = Math.random): number {
  if (error.retryAfterMs !== null) return error.retryAfterMs
  const base = RETRY_DELAYS_MS[Math.min(attempt - 2, RETRY_DELAYS_MS.length - 1)]
  return Math.round(base * (0.75 + 0.5 * random()))
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

function browserOnline(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine !== false
}

/** The `online` event, or a look every 5 s (an event that came before the listener is not missed). */
function nextOnline(): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = (): void => {
      window.removeEventListener('online', done)
      clearInterval(poll)
      resolve()
    }
    window.addEventListener('online', done)
    const poll = setInterval(() => {
      if (browserOnline()) done()
    }, 5000)
    if (browserOnline()) done()
  })
}

/**
 * `send(signal)` with a time limit: the try is aborted after `ms` and fails as a network failure (NETWORK_TIMEOUT),
 * which withRetry sends again. AbortController, not AbortSignal.timeout (iOS 16).
 */
export async function withTimeout<T>(send: (signal: AbortSignal) => Promise<T>, ms: number = TRY_TIMEOUT_MS): Promise<T> {
  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, ms)
  try {
    return await send(controller.signal)
  } catch (e) {
    if (timedOut) throw new ApiError(0, 'NETWORK_TIMEOUT', '网络超时，请稍后重试')
    throw e
  } finally {
    clearTimeout(timer)
  }
}

/** `send()` until it succeeds, fails for good, or has been tried RETRY_DELAYS_MS.length + 1 times while online. */
export async function withRetry<T>(send: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const { onRetry, onOffline, random = Math.random, sleep = wait } = options
  const { isOnline = browserOnline, whenOnline = nextOnline } = options
  for (let attempt = 1; ; attempt++) {
    try {
      return await send()
    } catch (e) {
      if (isRetryable(e) && e.status === 0 && !isOnline()) {
        onOffline?.()
        await whenOnline()
        attempt-- // the try that met no network does not count
        continue
      }
      if (!isRetryable(e) || attempt > RETRY_DELAYS_MS.length) throw e
      const delay = retryDelay(attempt + 1, e, random)
      if (delay > MAX_RETRY_AFTER_MS) throw e
      onRetry?.(attempt + 1, delay)
      await sleep(delay)
    }
  }
}
