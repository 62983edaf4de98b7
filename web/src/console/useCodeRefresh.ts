import { computed, getCurrentScope, onScopeDispose, ref, shallowRef } from 'vue'
import { ApiError } from '@/shared/api'
import type { AttendanceCodes } from '@/shared/types'

/** The shortest period between two fetches of the codes, whatever the session's refresh time. */
export const MIN_REFRESH_SECONDS = 30
/** How long after a slot end or a window edge the codes are fetched again (lets the server's clock pass it too). */
export const SETTLE_MS = 1000
/** First wait after a failed fetch, or after an answer that is behind this machine's clock; doubles each time. */
export const RETRY_MS = 2000
/** Longest wait between two retries after failures. */
export const MAX_RETRY_MS = 30_000

const parse = (iso: string) => Date.parse(iso)

/**
 * Whether an answer is behind this machine's clock: its slot has already ended,
 * or a code's state disagrees with its window (this clock runs ahead of the server's).
 */
export function isBehind(codes: AttendanceCodes, now: number): boolean {
  if (parse(codes.valid_until) <= now) return true
  return codes.codes.some(
    (c) => (c.state === 'not_yet' && parse(c.window.opens) <= now) || (c.state === 'open' && parse(c.window.closes) <= now),
  )
}

/**
 * How long (ms) to show these codes before fetching them again: until just
 * after the current slot ends (`valid_until`; the server still accepts the
 * previous slot's code, so the code on screen keeps working while the next one
 * loads), or just after a code's window opens or closes (its state changes, and
 * in daily mode its window), and at most `refresh_seconds` (30 s at least)
 * and the settling second after.
 * When the answer is behind this clock (`behind` consecutive times), waits
 * 2 s, 4 s, … up to that period instead of asking again and again.
 */
export function nextRefreshDelay(codes: AttendanceCodes, now: number, behind = 0): number {
  const period = Math.max(codes.refresh_seconds || 0, MIN_REFRESH_SECONDS) * 1000
  if (behind > 0) return Math.min(period, RETRY_MS * 2 ** (behind - 1))
  let at = now + period + SETTLE_MS
  const edges = [codes.valid_until, ...codes.codes.flatMap((c) => [c.window.opens, c.window.closes])]
  for (const edge of edges) {
    const ms = parse(edge)
    if (ms > now) at = Math.min(at, ms + SETTLE_MS)
  }
  return at - now
}

/**
 * Whether codes shown since a failed refresh no longer work: the server accepts a
 * code during its slot and the next one, so they die one refresh period after `valid_until`.
 */
export function isExpired(codes: Pick<AttendanceCodes, 'valid_until' | 'refresh_seconds'>, now: number): boolean {
  return now >= parse(codes.valid_until) + codes.refresh_seconds * 1000
}

/** Wait before the `failures`th retry: 2 s, 4 s, 8 s, … at most 30 s. */
export function retryDelay(failures: number): number {
  return Math.min(MAX_RETRY_MS, RETRY_MS * 2 ** Math.max(0, failures - 1))
}

/** A failure that retrying will not mend: the session is gone, not approved, not ours (4xx but timeouts and throttling). */
export function isPermanent(e: unknown): boolean {
  if (!(e instanceof ApiError)) return false
  if (e.sessionGone) return true
  return e.status >= 400 && e.status < 500 && e.status !== 408 && e.status !== 429
}

/**
 * Keeps the QR codes of a session current by itself: fetches them at once,
 * again when `nextRefreshDelay` says, and after a failure retries with growing
 * waits while keeping the last good codes. `secondsLeft` counts down to the
 * next fetch (updated every second). Stops when its effect scope ends (the page closes).
 */
export function useCodeRefresh(load: () => Promise<AttendanceCodes>) {
  const codes = shallowRef<AttendanceCodes | null>(null)
  const loading = ref(false)
  /** The last failure, until the next success. */
  const error = shallowRef<unknown>(null)
  const failures = ref(0)
  /** True after a permanent failure: no more fetches until `refresh()` is called. */
  const stopped = ref(false)
  /** When the next fetch happens (ms since the epoch), or null when none is planned. */
  const nextAt = ref<number | null>(null)
  const now = ref(Date.now())

  let timer: ReturnType<typeof setTimeout> | undefined
  let behind = 0
  let running: Promise<void> | null = null
  let disposed = false

  const ticker = setInterval(() => {
    now.value = Date.now()
  }, 1000)

  const secondsLeft = computed(() =>
    nextAt.value === null ? null : Math.max(0, Math.ceil((nextAt.value - now.value) / 1000)),
  )

  function plan(delay: number) {
    clearTimeout(timer)
    nextAt.value = Date.now() + delay
    timer = setTimeout(() => void refresh(), delay)
  }

  async function fetchOnce() {
    loading.value = true
    try {
      const fresh = await load()
      if (disposed) return
      const t = Date.now()
      behind = isBehind(fresh, t) ? behind + 1 : 0
      codes.value = fresh
      error.value = null
      failures.value = 0
      stopped.value = false
      plan(nextRefreshDelay(fresh, t, behind))
    } catch (e) {
      if (disposed) return
      error.value = e
      failures.value += 1
      if (isPermanent(e)) {
        stopped.value = true
        clearTimeout(timer)
        nextAt.value = null
      } else {
        plan(retryDelay(failures.value))
      }
    } finally {
      loading.value = false
      now.value = Date.now()
    }
  }

  /** Fetches now (once, even when called again meanwhile) and plans the next fetch. */
  function refresh(): Promise<void> {
    if (disposed) return Promise.resolve()
    if (!running) {
      clearTimeout(timer)
      running = fetchOnce().finally(() => {
        running = null
      })
    }
    return running
  }

  function stop() {
    disposed = true
    clearTimeout(timer)
    clearInterval(ticker)
    nextAt.value = null
  }

  if (getCurrentScope()) onScopeDispose(stop)
  void refresh()

  return { codes, loading, error, failures, stopped, nextAt, secondsLeft, now, refresh, stop }
}
