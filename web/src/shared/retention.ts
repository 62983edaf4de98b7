/**
 * The retention policy (数据保留期限, API under /api/retention-policy): read
 * and saved by the office under its version; the form's checks mirror the
 * server's bounds, which the policy itself carries. No UI library.
 */
import { request } from './api'
import type { RetentionPolicy, RetentionPolicyChange } from './types'

export const retentionApi = {
  get: () => request<RetentionPolicy>('/retention-policy'),
  save: (body: RetentionPolicyChange) => request<RetentionPolicy>('/retention-policy', { method: 'PUT', body }),
}

/** The editable figures of a policy. */
export interface RetentionDraft {
  details_years: number
  rejection_days: number
}

export function draftOf(policy: RetentionPolicy): RetentionDraft {
  return { details_years: policy.details_years, rejection_days: policy.rejection_days }
}

/** What is wrong with a draft, by field, in the server's words; empty when it may be saved. */
export function draftErrors(draft: RetentionDraft, policy: RetentionPolicy): Partial<Record<keyof RetentionDraft, string>> {
  const b = policy.bounds
  const errors: Partial<Record<keyof RetentionDraft, string>> = {}
  const years = draft.details_years
  if (!Number.isInteger(years)) errors.details_years = '签到明细保留年数必须是整数'
  else if (years < b.details_years_min) errors.details_years = `签到明细保留年数不能小于${b.details_years_min}`
  else if (years > b.details_years_max) errors.details_years = `签到明细保留年数不能大于${b.details_years_max}`
  const days = draft.rejection_days
  if (!Number.isInteger(days)) errors.rejection_days = '异常扫码记录保留天数必须是整数'
  else if (days < b.rejection_days_min) errors.rejection_days = `异常扫码记录保留天数不能小于${b.rejection_days_min}`
  else if (days > b.rejection_days_max) errors.rejection_days = `异常扫码记录保留天数不能大于${b.rejection_days_max}`
  return errors
}

/** Whether the draft shortens a period: removal then reaches more data at the next nightly run (not undoable). */
export function shortens(draft: RetentionDraft, policy: RetentionPolicy): boolean {
  return draft.details_years < policy.details_years || draft.rejection_days < policy.rejection_days
}

/** The body of PUT /retention-policy for a draft, under the version read. */
export function saveBody(draft: RetentionDraft, policy: RetentionPolicy): RetentionPolicyChange {
  return { version: policy.version, ...draft }
}
