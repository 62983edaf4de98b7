/**
 * Retries of the phone pages' idempotent requests (the code page, sign-in,
 * sign-out look-up, sign-out): a network failure, a 429 that is not a lock,
 * or a gateway's 502/503/504 is sent again, the same request, after 0.5 s,
 * 1 s, 2 s and 4 s (±25 % jitter, so that a hall's phones do not come back
 * together), at most 5 tries; a Retry-After of the answer is honoured. The
 * server recognises a resent sign-in by the phone's client id and answers
 * `already` with the first time, so a resend never signs in twice.
 */
import { ApiError } from './api'

/** Delays before the 2nd, 3rd, 4th and 5th try, in ms (before jitter). */
export const RETRY_DELAYS_MS = [500, 1000, 2000, 4000] as const
/** A Retry-After longer than this is not waited for: the error is shown instead. */
export const MAX_RETRY_AFTER_MS = 15_000
export const RETRYING_TEXT = '网络繁忙，正在重试…'

export interface RetryOptions {
  /** Called before each wait: the try about to come (2…5) and the wait in ms. */
  onRetry?: (attempt: number, delayMs: number) => void
  /** [0, 1): the jitter's source (tests fix it). */
  random?: () => number
  sleep?: (ms: number) => Promise<void>
}

/** Whether a failure is worth the same request again: not a lock, a refusal or a bad form. */
export function isRetryable(e: unknown): e is ApiError {
  if (!(e instanceof ApiError)) return false
  if (e.status === 0) return true
  if (e.status === 429) return !e.code.endsWith('_LOCKED')
  return e.status === 502 || e.status === 503 || e.status === 504
}

/** The wait before try `attempt` (2…5): Retry-After when the answer gave one, else the backoff with jitter. */
export function retryDelay(attempt: number, error: ApiError, random: () => number = Math.random): number {
  if (error.retryAfterMs !== null) return error.retryAfterMs
  const base = RETRY_DELAYS_MS[Math.min(attempt - 2, RETRY_DELAYS_MS.length - 1)]
  return Math.round(base * (0.75 + 0.5 * random()))
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** `send()` until it succeeds, fails for good, or has been tried RETRY_DELAYS_MS.length + 1 times. */
export async function withRetry<T>(send: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const { onRetry, random = Math.random, sleep = wait } = options
  for (let attempt = 1; ; attempt++) {
    try {
      return await send()
    } catch (e) {
      if (!isRetryable(e) || attempt > RETRY_DELAYS_MS.length) throw e
      const delay = retryDelay(attempt + 1, e, random)
      if (delay > MAX_RETRY_AFTER_MS) throw e
      onRetry?.(attempt + 1, delay)
      await sleep(delay)
    }
  }
}
