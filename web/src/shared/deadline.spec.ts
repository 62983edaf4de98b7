import { describe, expect, it } from 'vitest'
import { deadlineDue, deadlineText, deadlineTone } from './deadline'
import type { Deadline } from './types'

function due(days_left: number, overdue = days_left < 0, extra: Partial<Deadline> = {}): Deadline {
  return { kind: 'admin', due: '2026-12-24', days_left, overdue, extended: false, ...extra }
}

describe('deadlineText', () => {
  it('counts the days left, today, and the days overdue', () => {
    expect(deadlineText(due(14))).toBe('剩余14天')
    expect(deadlineText(due(1))).toBe('剩余1天')
    expect(deadlineText(due(0))).toBe('今天截止')
    expect(deadlineText(due(-1))).toBe('已逾期1天')
    expect(deadlineText(due(-12))).toBe('已逾期12天')
    expect(deadlineText(null)).toBe('—')
    expect(deadlineText(undefined)).toBe('—')
  })

  it('trusts the overdue flag of the server', () => {
    expect(deadlineText(due(0, true))).toBe('已逾期1天')
    expect(deadlineText(due(3, true))).toBe('已逾期3天')
  })
})

describe('deadlineTone', () => {
  it('highlights overdue red and three days or fewer orange', () => {
    expect(deadlineTone(due(-1))).toBe('overdue')
    expect(deadlineTone(due(0))).toBe('near')
    expect(deadlineTone(due(3))).toBe('near')
    expect(deadlineTone(due(4))).toBe('normal')
    expect(deadlineTone(null)).toBe('none')
  })
})

describe('deadlineDue', () => {
  it('names who must act, the date and an extension', () => {
    expect(deadlineDue(due(3))).toBe('单位遴选上报截止 2026-12-24')
    expect(deadlineDue(due(3, false, { kind: 'office', due: '2027-01-07' }))).toBe('省继教办审核截止 2027-01-07')
    expect(deadlineDue(due(3, false, { extended: true }))).toBe('单位遴选上报截止 2026-12-24（已延期）')
    expect(deadlineDue(null)).toBe('—')
  })
})
