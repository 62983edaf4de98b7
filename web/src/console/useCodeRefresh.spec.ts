import { effectScope } from 'vue'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/shared/api'
import type { AttendanceCode, AttendanceCodes, CodeState } from '@/shared/types'
import { isBehind, isExpired, isPermanent, nextRefreshDelay, retryDelay, useCodeRefresh } from './useCodeRefresh'

const T0 = Date.parse('2026-12-10T00:00:00.000Z') // 08:00 in China
const at = (ms: number) => new Date(ms).toISOString()
const S = 1000
const MIN = 60 * S

function code(kind: 'in' | 'out', opens: number, closes: number, state: CodeState, token = 't'): AttendanceCode {
  return {
    kind,
    label: kind === 'in' ? '签到' : '签退',
    url: `https://cme.example/m/${kind}/s1?t=${token}`,
    svg: `<svg xmlns="http://www.w3.org/2000/svg" data-token="${token}"></svg>`,
    window: { kind, day: null, opens: at(opens), closes: at(closes) },
    state,
  }
}

/** Sign-in open from an hour ago for 8 hours, sign-out in 7.5 hours: no window edge soon. */
function codes(over: Partial<AttendanceCodes> = {}, token = 't'): AttendanceCodes {
  const signIn = code('in', T0 - 60 * MIN, T0 + 8 * 60 * MIN, 'open', token)
  const signOut = code('out', T0 + 450 * MIN, T0 + 600 * MIN, 'not_yet', token)
  return {
    refresh_seconds: 30,
    valid_until: at(T0 + 30 * S),
    sign_in_url: signIn.url,
    sign_out_url: signOut.url,
    codes: [signIn, signOut],
    windows: [signIn.window, signOut.window],
    ...over,
  }
}

describe('nextRefreshDelay', () => {
  it('fetches just after the current slot ends', () => {
    expect(nextRefreshDelay(codes({ valid_until: at(T0 + 10 * S) }), T0)).toBe(11 * S)
  })

  it('fetches at least every refresh_seconds, and never more often than every 30 s', () => {
    const day = codes({ refresh_seconds: 86400, valid_until: at(T0 + 16 * 3600 * S) })
    // The sign-out window opens in 7.5 hours: that edge comes first.
    expect(nextRefreshDelay(day, T0)).toBe(450 * MIN + S)
    const hour = codes({ refresh_seconds: 3600, valid_until: at(T0 + 16 * 3600 * S) })
    expect(nextRefreshDelay(hour, T0)).toBe(3600 * S + S)
    const tiny = codes({ refresh_seconds: 5, valid_until: at(T0 + 3600 * S) })
    expect(nextRefreshDelay(tiny, T0)).toBe(30 * S + S)
  })

  it('fetches just after a window opens or closes, so the state on screen follows', () => {
    const opening = codes({ refresh_seconds: 86400, valid_until: at(T0 + 16 * 3600 * S) })
    opening.codes[0] = code('in', T0 + 5 * MIN, T0 + 9 * 60 * MIN, 'not_yet')
    expect(nextRefreshDelay(opening, T0)).toBe(5 * MIN + S)
    const closing = codes({ refresh_seconds: 86400, valid_until: at(T0 + 16 * 3600 * S) })
    closing.codes[0] = code('in', T0 - 60 * MIN, T0 + 2 * MIN, 'open')
    expect(nextRefreshDelay(closing, T0)).toBe(2 * MIN + S)
  })

  it('ignores edges already passed', () => {
    const past = codes({ refresh_seconds: 3600, valid_until: at(T0 + 20 * MIN) })
    past.codes = [code('in', T0 - 120 * MIN, T0 - 60 * MIN, 'closed'), code('out', T0 - 90 * MIN, T0 - S, 'closed')]
    expect(nextRefreshDelay(past, T0)).toBe(20 * MIN + S)
  })

  it('backs off, up to the period, when the answer is behind this clock', () => {
    const old = codes({ valid_until: at(T0 - S) })
    expect(isBehind(old, T0)).toBe(true)
    expect(nextRefreshDelay(old, T0, 1)).toBe(2 * S)
    expect(nextRefreshDelay(old, T0, 2)).toBe(4 * S)
    expect(nextRefreshDelay(old, T0, 10)).toBe(30 * S)
  })

  it('takes a state its window contradicts as behind', () => {
    const c = codes({ valid_until: at(T0 + 10 * S) })
    expect(isBehind(c, T0)).toBe(false)
    c.codes[0] = code('in', T0 - S, T0 + MIN, 'not_yet')
    expect(isBehind(c, T0)).toBe(true)
    c.codes[0] = code('in', T0 - MIN, T0, 'open')
    expect(isBehind(c, T0)).toBe(true)
  })
})

describe('isExpired', () => {
  it('keeps codes working through the slot after theirs', () => {
    const c = codes({ refresh_seconds: 60, valid_until: at(T0) })
    expect(isExpired(c, T0 - S)).toBe(false)
    expect(isExpired(c, T0 + 59 * S)).toBe(false)
    expect(isExpired(c, T0 + 60 * S)).toBe(true)
  })
})

describe('retries', () => {
  it('waits 2, 4, 8, 16 then 30 seconds', () => {
    expect([1, 2, 3, 4, 5, 9].map(retryDelay)).toEqual([2 * S, 4 * S, 8 * S, 16 * S, 30 * S, 30 * S])
  })

  it('gives up only on failures retrying cannot mend', () => {
    expect(isPermanent(new ApiError(0, 'NETWORK_ERROR', '无法连接服务器'))).toBe(false)
    expect(isPermanent(new ApiError(503, 'HTTP_503', '服务器暂时无法处理请求'))).toBe(false)
    expect(isPermanent(new ApiError(429, 'TOO_MANY_REQUESTS', '操作过于频繁'))).toBe(false)
    expect(isPermanent(new ApiError(409, 'SESSION_NOT_APPROVED', '举办申请审核通过后才能获取二维码'))).toBe(true)
    expect(isPermanent(new ApiError(404, 'NOT_FOUND', '不存在'))).toBe(true)
    expect(isPermanent(new ApiError(401, 'UNAUTHENTICATED', '登录已失效', null, true))).toBe(true)
    expect(isPermanent(new TypeError('x'))).toBe(false)
  })
})

describe('useCodeRefresh', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.setSystemTime(T0)
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  /** A load answering from `answers` in turn (a function answer is called with the current time). */
  function start(answers: (AttendanceCodes | Error | ((now: number) => AttendanceCodes))[]) {
    const load = vi.fn(async () => {
      const next = answers.shift()
      if (!next) throw new Error('no more answers')
      if (next instanceof Error) throw next
      return typeof next === 'function' ? next(Date.now()) : next
    })
    const scope = effectScope()
    const r = scope.run(() => useCodeRefresh(load))!
    return { ...r, load, scope }
  }

  /** Codes whose slot is the 30-second slot containing `now`. */
  const slotOf = (token: string) => (now: number) => codes({ valid_until: at(now - (now % (30 * S)) + 30 * S) }, token)

  it('fetches at once, then just after each slot ends, counting down to it', async () => {
    const r = start([slotOf('a'), slotOf('b'), slotOf('c')])
    await vi.advanceTimersByTimeAsync(0)
    expect(r.load).toHaveBeenCalledTimes(1)
    expect(r.codes.value?.codes[0].url).toContain('t=a')
    expect(r.secondsLeft.value).toBe(31)
    await vi.advanceTimersByTimeAsync(10 * S)
    expect(r.secondsLeft.value).toBe(21)
    await vi.advanceTimersByTimeAsync(21 * S - 1)
    expect(r.load).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(r.load).toHaveBeenCalledTimes(2)
    expect(r.codes.value?.codes[0].url).toContain('t=b')
    await vi.advanceTimersByTimeAsync(30 * S)
    expect(r.load).toHaveBeenCalledTimes(3)
    expect(r.codes.value?.codes[0].url).toContain('t=c')
    r.scope.stop()
  })

  it('keeps the last good codes through network failures, retrying with growing waits', async () => {
    const offline = () => new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络后重试')
    const r = start([slotOf('a'), offline(), offline(), slotOf('b')])
    await vi.advanceTimersByTimeAsync(31 * S)
    expect(r.load).toHaveBeenCalledTimes(2)
    expect(r.codes.value?.codes[0].url).toContain('t=a')
    expect((r.error.value as ApiError).code).toBe('NETWORK_ERROR')
    expect(r.failures.value).toBe(1)
    expect(r.secondsLeft.value).toBe(2)
    await vi.advanceTimersByTimeAsync(2 * S)
    expect(r.load).toHaveBeenCalledTimes(3)
    expect(r.failures.value).toBe(2)
    expect(r.codes.value?.codes[0].url).toContain('t=a')
    await vi.advanceTimersByTimeAsync(4 * S - 1)
    expect(r.load).toHaveBeenCalledTimes(3)
    await vi.advanceTimersByTimeAsync(1)
    expect(r.load).toHaveBeenCalledTimes(4)
    expect(r.codes.value?.codes[0].url).toContain('t=b')
    expect(r.error.value).toBeNull()
    expect(r.failures.value).toBe(0)
    r.scope.stop()
  })

  it('stops on a failure retrying cannot mend, until asked again', async () => {
    const r = start([new ApiError(409, 'SESSION_NOT_APPROVED', '举办申请审核通过后才能获取二维码'), slotOf('a')])
    await vi.advanceTimersByTimeAsync(0)
    expect(r.stopped.value).toBe(true)
    expect(r.secondsLeft.value).toBeNull()
    await vi.advanceTimersByTimeAsync(3600 * S)
    expect(r.load).toHaveBeenCalledTimes(1)
    await r.refresh()
    expect(r.load).toHaveBeenCalledTimes(2)
    expect(r.stopped.value).toBe(false)
    expect(r.codes.value).not.toBeNull()
    r.scope.stop()
  })

  it('does not ask again and again when this clock runs ahead of the server', async () => {
    // The server answers with a slot that already ended by this clock, five times.
    const behind = () => codes({ valid_until: at(Date.now() - 5 * S) })
    const r = start([behind, behind, behind, behind, behind, slotOf('a')])
    await vi.advanceTimersByTimeAsync(0)
    await vi.advanceTimersByTimeAsync(2 * S + 4 * S + 8 * S + 16 * S - 1)
    expect(r.load).toHaveBeenCalledTimes(4)
    await vi.advanceTimersByTimeAsync(1)
    expect(r.load).toHaveBeenCalledTimes(5)
    await vi.advanceTimersByTimeAsync(30 * S)
    expect(r.load).toHaveBeenCalledTimes(6)
    expect(r.codes.value?.codes[0].url).toContain('t=a')
    r.scope.stop()
  })

  it('fetches once for overlapping calls and never after its page is gone', async () => {
    const r = start([slotOf('a'), slotOf('b'), slotOf('c')])
    await Promise.all([r.refresh(), r.refresh()])
    expect(r.load).toHaveBeenCalledTimes(1)
    r.scope.stop()
    expect(r.secondsLeft.value).toBeNull()
    await vi.advanceTimersByTimeAsync(3600 * S)
    await r.refresh()
    expect(r.load).toHaveBeenCalledTimes(1)
  })
})
