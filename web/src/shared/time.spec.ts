import { describe, expect, it } from 'vitest'
import { chinaToday, formatChinaTime, formatChinaTimeSeconds, windowRange } from './time'

describe('formatChinaTime', () => {
  it('shifts UTC to China time (UTC+8)', () => {
    expect(formatChinaTime('2026-03-01T02:05:00Z')).toBe('2026-03-01 10:05')
  })

  it('rolls over to the next day, month and year', () => {
    expect(formatChinaTime('2025-12-31T16:00:00Z')).toBe('2026-01-01 00:00')
    expect(formatChinaTime('2026-02-28T23:59:59Z')).toBe('2026-03-01 07:59')
  })

  it('honours an explicit offset and fractional seconds', () => {
    expect(formatChinaTime('2026-05-04T09:30:00+08:00')).toBe('2026-05-04 09:30')
    expect(formatChinaTime('2026-05-04T01:30:59.999+00:00')).toBe('2026-05-04 09:30')
    expect(formatChinaTime('2026-05-04T01:30:00.123456Z')).toBe('2026-05-04 09:30')
  })

  it('pads single digits', () => {
    expect(formatChinaTime('2026-01-02T00:03:00Z')).toBe('2026-01-02 08:03')
  })

  it('returns the fallback for missing or bad input', () => {
    expect(formatChinaTime(null)).toBe('—')
    expect(formatChinaTime(undefined)).toBe('—')
    expect(formatChinaTime('')).toBe('—')
    expect(formatChinaTime('not a date', '')).toBe('')
  })
})

describe('formatChinaTimeSeconds', () => {
  it('adds the seconds, in China time', () => {
    expect(formatChinaTimeSeconds('2025-12-31T16:00:07.900Z')).toBe('2026-01-01 00:00:07')
    expect(formatChinaTimeSeconds('2026-05-04T09:30:59+08:00')).toBe('2026-05-04 09:30:59')
    expect(formatChinaTimeSeconds(null)).toBe('—')
    expect(formatChinaTimeSeconds('bad', '')).toBe('')
  })
})

describe('chinaToday', () => {
  it('is the China calendar day, not the UTC one', () => {
    expect(chinaToday(new Date('2026-06-30T15:59:00Z'))).toBe('2026-06-30')
    expect(chinaToday(new Date('2026-06-30T16:00:00Z'))).toBe('2026-07-01')
  })
})

describe('windowRange', () => {
  it('shows a window in China time, the end’s date only when it differs', () => {
    expect(windowRange({ opens: '2026-12-09T23:30:00Z', closes: '2026-12-10T08:30:00Z' })).toBe('2026-12-10 07:30 至 16:30')
    expect(windowRange({ opens: '2026-12-10T08:30:00Z', closes: '2026-12-10T16:30:00Z' })).toBe('2026-12-10 16:30 至 2026-12-11 00:30')
  })
})
