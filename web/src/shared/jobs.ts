/**
 * Background jobs (every export, the session's certificate PDF): the request
 * that starts one answers 202 with its id; GET /jobs/{id} gives its state,
 * progress and, once done, a short-lived link. Pure helpers of the progress
 * bar and of the polling rhythm; no UI library.
 */
import { request } from './api'
import type { Job } from './types'

const enc = encodeURIComponent

export const jobsApi = {
  get: (jobId: string) => request<Job>(`/jobs/${enc(jobId)}`),
}

/** Whether the job has ended (its link or its error is there). */
export function jobEnded(job: Pick<Job, 'state'>): boolean {
  return job.state === 'succeeded' || job.state === 'failed'
}

/**
 * The progress bar's percentage: done of total chunks, never 100 before the
 * job succeeded; null while the total is unknown (an indeterminate bar).
 */
export function jobPercent(job: Pick<Job, 'state' | 'done' | 'total'>): number | null {
  if (job.state === 'succeeded') return 100
  if (job.total === null || job.total === undefined || job.total <= 0) return job.state === 'queued' ? 0 : null
  return Math.min(99, Math.floor((100 * job.done) / job.total))
}

/** What the bar says: 排队中, 已完成 N/M 批, 已完成, or the job's error. */
export function jobStatusText(job: Pick<Job, 'state' | 'done' | 'total' | 'error'>): string {
  if (job.state === 'queued') return '排队中…'
  if (job.state === 'failed') return job.error?.message || '任务执行失败，请重新导出'
  if (job.state === 'succeeded') return '已完成'
  return job.total ? `正在生成：已完成 ${job.done}/${job.total} 批` : `正在生成：已完成 ${job.done} 批`
}

/** Milliseconds before the n-th poll (0-based): 0.5 s, then ×1.5 up to 5 s. */
export function pollDelay(attempt: number): number {
  return Math.min(5000, Math.round(500 * 1.5 ** Math.max(0, attempt)))
}
