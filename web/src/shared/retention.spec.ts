import { describe, expect, it } from 'vitest'
import { draftErrors, draftOf, saveBody, shortens } from './retention'
import type { RetentionPolicy } from './types'

const policy: RetentionPolicy = {
  details_years: 3,
  rejection_days: 180,
  version: 2,
  updated_by: 'office-demo',
  updated_at: '2026-12-01T01:00:00.000Z',
  defaults: { details_years: 3, rejection_days: 180 },
  bounds: { details_years_min: 1, details_years_max: 10, rejection_days_min: 7, rejection_days_max: 180 },
  removed: ['工作单位'],
  kept: ['学分记录'],
}

describe('retention policy form', () => {
  it('checks the bounds the server sends, in its words', () => {
    expect(draftErrors(draftOf(policy), policy)).toEqual({})
    expect(draftErrors({ details_years: 0, rejection_days: 181 }, policy)).toEqual({
      details_years: '签到明细保留年数不能小于1',
      rejection_days: '异常扫码记录保留天数不能大于180',
    })
    expect(draftErrors({ details_years: 2.5, rejection_days: 6 }, policy)).toEqual({
      details_years: '签到明细保留年数必须是整数',
      rejection_days: '异常扫码记录保留天数不能小于7',
    })
  })

  it('tells a shortened period and saves under the version read', () => {
    expect(shortens({ details_years: 2, rejection_days: 180 }, policy)).toBe(true)
    expect(shortens({ details_years: 5, rejection_days: 180 }, policy)).toBe(false)
    expect(saveBody({ details_years: 5, rejection_days: 90 }, policy)).toEqual({
      version: 2,
      details_years: 5,
      rejection_days: 90,
    })
  })
})
