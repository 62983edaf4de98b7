import { describe, expect, it } from 'vitest'
import { jobEnded, jobPercent, jobStatusText, pollDelay } from './jobs'
import type { Job } from './types'

function job(changes: Partial<Job>): Job {
  return { job_id: 'a'.repeat(32), kind: 'attendance-export', state: 'running', done: 0, total: null, ...changes } as Job
}

describe('jobs', () => {
  it('shows progress as done of total chunks, 100 only once the file is there', () => {
    expect(jobPercent(job({ state: 'queued' }))).toBe(0)
    expect(jobPercent(job({ done: 1, total: null }))).toBeNull()
    expect(jobPercent(job({ done: 1, total: 4 }))).toBe(25)
    expect(jobPercent(job({ done: 4, total: 4 }))).toBe(99)
    expect(jobPercent(job({ state: 'succeeded', done: 4, total: 4 }))).toBe(100)
  })

  it('says where the job is, or why it failed', () => {
    expect(jobStatusText(job({ state: 'queued' }))).toBe('排队中…')
    expect(jobStatusText(job({ done: 2, total: 5 }))).toBe('正在生成：已完成 2/5 批')
    expect(jobStatusText(job({ done: 2 }))).toBe('正在生成：已完成 2 批')
    expect(jobStatusText(job({ state: 'succeeded' }))).toBe('已完成')
    const failed = job({ state: 'failed', error: { code: 'NOT_FOUND', message: '本期没有有效的证书' } })
    expect(jobStatusText(failed)).toBe('本期没有有效的证书')
    expect(jobEnded(failed) && jobEnded(job({ state: 'succeeded' })) && !jobEnded(job({}))).toBe(true)
  })

  it('polls soon, then less and less often, never rarer than every 5 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map(pollDelay)).toEqual([500, 750, 1125, 1688, 2531, 3797, 5000, 5000])
  })
})
