import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError, request, retryAfterMs } from './api'
import { attendanceApi } from './attendance'
import { isRetryable, MAX_RETRY_AFTER_MS, progressText, retryDelay, withRetry, withTimeout } from './retry'

const busy = () => new ApiError(429, 'THROTTLED', '请求过于频繁，请稍后再试')
const offline = () => new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络后重试')

function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } })
}

describe('withRetry', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it('sends again after 0.5, 1, 2 and 4 s, then gives up after 5 tries', async () => {
    const send = vi.fn(() => Promise.reject(busy()))
    const waits: number[] = []
    const result = withRetry(send, { random: () => 0.5, onRetry: (_, ms) => waits.push(ms) })
    const failed = expect(result).rejects.toMatchObject({ code: 'THROTTLED' })
    await vi.advanceTimersByTimeAsync(499)
    expect(send).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(send).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(1000 + 2000 + 4000)
    await failed
    expect(send).toHaveBeenCalledTimes(5)
    expect(waits).toEqual([500, 1000, 2000, 4000])
  })

  it('jitters each wait by ±25 %', () => {
    expect(retryDelay(2, busy(), () => 0)).toBe(375)
    expect(retryDelay(2, busy(), () => 0.999999)).toBe(625)
    expect(retryDelay(5, busy(), () => 0)).toBe(3000)
    expect(retryDelay(5, busy(), () => 0.999999)).toBe(5000)
  })

  it('answers as soon as a retry gets through, and tells the page it is retrying', async () => {
    const send = vi.fn().mockRejectedValueOnce(offline()).mockRejectedValueOnce(busy()).mockResolvedValue('ok')
    const onRetry = vi.fn()
    const result = withRetry(send, { random: () => 0.5, onRetry })
    await vi.advanceTimersByTimeAsync(1500)
    await expect(result).resolves.toBe('ok')
    expect(onRetry.mock.calls).toEqual([
      [2, 500],
      [3, 1000],
    ])
  })

  it('never retries a lock, a refusal or a bad form', async () => {
    for (const error of [
      new ApiError(429, 'SIGN_IN_LOCKED', '该身份证号码今日签到次数过多，请联系现场工作人员'),
      new ApiError(429, 'LOOKUP_LOCKED', '查询次数过多'),
      new ApiError(400, 'VALIDATION_FAILED', '请填写姓名', 'name'),
      new ApiError(409, 'WINDOW_CLOSED', '签到时间已过'),
    ]) {
      const send = vi.fn(() => Promise.reject(error))
      await expect(withRetry(send)).rejects.toBe(error)
      expect(send).toHaveBeenCalledTimes(1)
    }
    expect([busy(), offline(), new ApiError(503, 'UPSTREAM_UNAVAILABLE', '服务暂时不可用')].every(isRetryable)).toBe(true)
    // Any 5xx: the phone's requests are idempotent (issue #15).
    expect(isRetryable(new ApiError(500, 'INTERNAL', '服务器内部错误'))).toBe(true)
    expect(isRetryable(new ApiError(429, 'SIGN_IN_BUSY', '请稍后'))).toBe(true)
  })

  it('honours Retry-After, and shows the error when it is too long to wait', async () => {
    const send = vi
      .fn()
      .mockRejectedValueOnce(new ApiError(429, 'LOOKUP_BUSY', '请稍后', null, false, [], 3000))
      .mockResolvedValue('ok')
    const result = withRetry(send, { random: () => 0 })
    await vi.advanceTimersByTimeAsync(2999)
    expect(send).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1)
    await expect(result).resolves.toBe('ok')

    const long = new ApiError(429, 'TOO_MANY_REQUESTS', '请求过于频繁', null, false, [], MAX_RETRY_AFTER_MS + 1000)
    const once = vi.fn(() => Promise.reject(long))
    await expect(withRetry(once)).rejects.toBe(long)
    expect(once).toHaveBeenCalledTimes(1)
  })

  it('reads Retry-After from the answer, in seconds or as a date', async () => {
    expect(retryAfterMs('3')).toBe(3000)
    expect(retryAfterMs('Wed, 21 Oct 2026 07:28:05 GMT', Date.parse('Wed, 21 Oct 2026 07:28:00 GMT'))).toBe(5000)
    expect(retryAfterMs(null)).toBeNull()
    expect(retryAfterMs('soon')).toBeNull()
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(jsonResponse(429, { error: { code: 'THROTTLED', message: '忙', field: null } }, { 'Retry-After': '2' }))),
    )
    await expect(request('/public/projects', { auth: false })).rejects.toMatchObject({ status: 429, retryAfterMs: 2000 })
  })

  it('resends the very same sign-in: same body, same client id', async () => {
    const bodies: string[] = []
    const fetchMock = vi.fn((_url: string, init: RequestInit) => {
      bodies.push(String(init.body))
      return bodies.length < 3
        ? Promise.reject(new TypeError('Failed to fetch'))
        : Promise.resolve(jsonResponse(200, { status: 'already', signed_in_at: '2026-12-10T00:00:00.000Z' }))
    })
    vi.stubGlobal('fetch', fetchMock)
    const body = {
      t: 'tok',
      id_number: '320102199003071234',
      name: '张三',
      gender: 'male',
      age: 36,
      mobile: '13912345678',
      unit: '南京市第一医院',
      department: '内科',
      region: '南京',
      grassroots: false,
      title: '主治医师',
      client_id: 'phone-1',
    } as unknown as Parameters<typeof attendanceApi.signIn>[1]
    const onRetry = vi.fn()
    const answer = attendanceApi.signIn('s1', body, { onRetry, random: () => 0.5 })
    await vi.advanceTimersByTimeAsync(1500)
    await expect(answer).resolves.toMatchObject({ status: 'already' })
    expect(fetchMock).toHaveBeenCalledTimes(3)
    expect(new Set(bodies).size).toBe(1)
    expect(JSON.parse(bodies[0]).client_id).toBe('phone-1')
    expect(onRetry).toHaveBeenCalledTimes(2)
  })

  it('waits for the network when offline, without counting the tries, then sends the same request', async () => {
    let online = false
    let back: () => void = () => {}
    const send = vi.fn().mockRejectedValueOnce(offline()).mockResolvedValue('ok')
    const onOffline = vi.fn()
    const result = withRetry(send, {
      onOffline,
      isOnline: () => online,
      whenOnline: () => new Promise<void>((resolve) => (back = resolve)),
    })
    await vi.advanceTimersByTimeAsync(60_000)
    expect(send).toHaveBeenCalledTimes(1)
    expect(onOffline).toHaveBeenCalledTimes(1)
    online = true
    back()
    await expect(result).resolves.toBe('ok')
    expect(send).toHaveBeenCalledTimes(2)
  })

  it('gives up a try that takes too long, as a network failure the retry sends again', async () => {
    const signals: AbortSignal[] = []
    const hang = (signal: AbortSignal) =>
      new Promise<string>((_, reject) => {
        signals.push(signal)
        signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))
      })
    const timedOut = expect(withTimeout(hang, 1000)).rejects.toMatchObject({ status: 0, code: 'NETWORK_TIMEOUT' })
    await vi.advanceTimersByTimeAsync(1000)
    await timedOut
    expect(signals[0].aborted).toBe(true)
    await expect(withTimeout(() => Promise.resolve('fast'), 1000)).resolves.toBe('fast')
  })

  it('says what is happening in words', () => {
    expect(progressText('sending', '提交')).toBe('正在提交…')
    expect(progressText('retrying', '提交', 2)).toBe('网络不稳定，正在第 2 次重试…')
    expect(progressText('offline', '提交')).toBe('已离线，恢复网络后自动提交')
  })
})
