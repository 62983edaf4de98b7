import { effectScope } from 'vue'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/shared/api'
import { jsonResponse } from '@/shared/testing'
import type { JobStarted } from '@/shared/types'
import { useJobDownload } from './useJobDownload'

let visibility: DocumentVisibilityState = 'visible'
const followed: string[] = []

function follow(e: Event) {
  const a = e.target as HTMLAnchorElement
  followed.push(`${a.download} ${a.href}`)
  e.preventDefault()
}

beforeEach(() => {
  visibility = 'visible'
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility })
  followed.length = 0
  document.addEventListener('click', follow)
  vi.useFakeTimers()
})

afterEach(() => {
  document.removeEventListener('click', follow)
  vi.useRealTimers()
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

const ID = 'f'.repeat(32)
const started = () => Promise.resolve({ job_id: ID, state: 'queued' } as JobStarted)

function answers(...jobs: object[]) {
  const fetch = vi.fn()
  for (const body of jobs) fetch.mockResolvedValueOnce(jsonResponse(200, { job_id: ID, kind: 'attendance-export', ...body }))
  vi.stubGlobal('fetch', fetch)
  return fetch
}

describe('useJobDownload', () => {
  it('hands every start a fresh Idempotency-Key (one per click)', async () => {
    answers({ state: 'succeeded', done: 1, total: 1 }, { state: 'succeeded', done: 1, total: 1 })
    const scope = effectScope()
    const { download } = scope.run(() => useJobDownload())!
    const keys: string[] = []
    const start = (key: string) => {
      keys.push(key)
      return started()
    }
    const first = download('excel', start)
    await vi.advanceTimersByTimeAsync(500)
    await first
    const second = download('excel', start)
    await vi.advanceTimersByTimeAsync(500)
    await second
    expect(keys).toHaveLength(2)
    expect(keys[0]).toMatch(/^[\x21-\x7e]{8,128}$/)
    expect(keys[0]).not.toBe(keys[1])
    scope.stop()
  })

  it('polls the job with backoff, shows its progress and starts the download when it is ready', async () => {
    const fetch = answers(
      { state: 'running', done: 1, total: 3 },
      { state: 'running', done: 2, total: 3 },
      { state: 'succeeded', done: 3, total: 3, url: 'https://files.example/x.xlsx', filename: '签到名单.xlsx' },
    )
    const scope = effectScope()
    const { downloading, job, download } = scope.run(() => useJobDownload())!
    const done = download('excel', started)
    await vi.advanceTimersByTimeAsync(0)
    expect(downloading.value).toBe('excel')
    expect(job.value?.state).toBe('queued')
    await vi.advanceTimersByTimeAsync(500)
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(job.value?.done).toBe(1)
    await vi.advanceTimersByTimeAsync(749)
    expect(fetch).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(fetch).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(1125)
    expect((await done)?.state).toBe('succeeded')
    expect(String(fetch.mock.calls[0][0])).toContain(`/api/jobs/${ID}`)
    expect(downloading.value).toBe('')
    expect(job.value?.url).toBe('https://files.example/x.xlsx')
    expect(followed).toEqual(['签到名单.xlsx https://files.example/x.xlsx'])
    scope.stop()
  })

  it('makes no request while the tab is hidden', async () => {
    const fetch = answers({ state: 'succeeded', done: 1, total: 1, url: 'https://files.example/y', filename: 'y.xlsx' })
    const scope = effectScope()
    const { download } = scope.run(() => useJobDownload())!
    visibility = 'hidden'
    const done = download('excel', started)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(fetch).not.toHaveBeenCalled()
    visibility = 'visible'
    document.dispatchEvent(new Event('visibilitychange'))
    expect((await done)?.state).toBe('succeeded')
    expect(fetch).toHaveBeenCalledTimes(1)
    scope.stop()
  })

  it('says why a job failed and starts no download', async () => {
    answers({ state: 'failed', done: 0, total: null, error: { code: 'NOT_FOUND', message: '本期没有有效的证书' } })
    const scope = effectScope()
    const { job, download } = scope.run(() => useJobDownload())!
    const done = download('*', started)
    await vi.advanceTimersByTimeAsync(500)
    expect((await done)?.state).toBe('failed')
    expect(job.value?.error?.message).toBe('本期没有有效的证书')
    expect(followed).toEqual([])
    scope.stop()
  })

  it('shows the error of a refused start', async () => {
    const scope = effectScope()
    const { downloading, job, download } = scope.run(() => useJobDownload())!
    await download('excel', () => Promise.reject(new ApiError(404, 'NOT_FOUND', '举办申请不存在', null)))
    expect(downloading.value).toBe('')
    expect(job.value).toBeNull()
    await vi.advanceTimersByTimeAsync(0)
    expect(document.body.querySelector('.el-message')?.textContent).toContain('举办申请不存在')
    scope.stop()
  })

  it('stops polling when its page is left', async () => {
    const fetch = answers({ state: 'running', done: 0, total: 2 })
    const scope = effectScope()
    const { download } = scope.run(() => useJobDownload())!
    const done = download('excel', started)
    await vi.advanceTimersByTimeAsync(0)
    scope.stop()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(await done).toBeNull()
    expect(fetch).not.toHaveBeenCalled()
  })
})
