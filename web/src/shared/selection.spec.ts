import { describe, expect, it } from 'vitest'
import {
  attendedDays,
  belowHours,
  changeFieldAttendee,
  draftChange,
  initialChoices,
  needsReason,
  nextBatch,
  selectionErrors,
  selectionSummary,
  toggle,
  validateSelectionReason,
} from './selection'
import type { DraftChange, SelectionItem } from './types'

function item(id: string, hours: number | null, required = 6, extra: Partial<SelectionItem> = {}): SelectionItem {
  const preselected = hours !== null && hours >= required
  return {
    attendee_id: id,
    name: `学员${id}`,
    id_number: '3201**********1234',
    unit: '南京示范医院',
    department: '护理部',
    days: [null],
    signed_in_at: '2026-12-10T00:20:00Z',
    signed_out_at: hours === null ? null : '2026-12-10T09:00:00Z',
    hours: hours ?? 0, // the server counts no sign-out as no hours
    status: hours === null ? 'incomplete' : 'signed_out',
    flags: [],
    questionnaire_done: hours !== null,
    preselected,
    selected: preselected,
    reason: null,
    ...extra,
  }
}

// a: exactly the required hours (preselected), b: more, c: just below, d: never signed out.
const items = [item('a', 6), item('b', 7.5), item('c', 5.5), item('d', null)]

describe('preselection', () => {
  it('opens on the server choice, ticking those at or above the hours', () => {
    const choices = initialChoices(items)
    expect(Object.entries(choices).map(([id, c]) => [id, c.selected])).toEqual([
      ['a', true],
      ['b', true],
      ['c', false],
      ['d', false],
    ])
    expect(selectionSummary({ selected_count: 2, total: 4 })).toBe('已选2/共4人')
  })

  it('keeps a submitted choice with its reason', () => {
    const submitted = [item('a', 6, 6, { selected: false }), item('c', 5.5, 6, { selected: true, reason: '因急诊提前离开' })]
    const choices = initialChoices(submitted)
    expect(choices).toEqual({ a: { selected: false, reason: '' }, c: { selected: true, reason: '因急诊提前离开' } })
  })

  it('tells who is below the hours', () => {
    expect(belowHours(items[0], 6)).toBe(false)
    expect(belowHours(items[2], 6)).toBe(true)
    expect(belowHours(items[3], 6)).toBe(true)
    expect(needsReason(items[0])).toBe(false)
    expect(needsReason(items[2])).toBe(true)
  })

  it('lists the days attended in daily mode, none in whole mode', () => {
    expect(attendedDays(items[0])).toBe('')
    expect(attendedDays(item('e', 12, 6, { days: ['2026-12-10', '2026-12-11'] }))).toBe('2026-12-10、2026-12-11')
  })
})

describe('toggle', () => {
  it('unticks freely and ticks a preselected attendee back without a reason', () => {
    let choices = initialChoices(items)
    const off = toggle(choices, items[0], false)
    expect(off.needs_reason).toBe(false)
    choices = off.choices
    expect(draftChange(items[0], choices.a)).toEqual({ attendee_id: 'a', selected: false })
    choices = toggle(choices, items[0], true).choices
    expect(draftChange(items[0], choices.a)).toEqual({ attendee_id: 'a', selected: true })
  })

  it('asks for a reason before ticking someone below the hours', () => {
    const choices = initialChoices(items)
    const asked = toggle(choices, items[2], true)
    expect(asked.needs_reason).toBe(true)
    expect(asked.choices).toBe(choices)
    expect(toggle(choices, items[2], true, ' 好 ').needs_reason).toBe(true)
    const ticked = toggle(choices, items[2], true, ' 临床值班，经科室证明 ')
    expect(ticked.needs_reason).toBe(false)
    expect(ticked.choices.c).toEqual({ selected: true, reason: '临床值班，经科室证明' })
    expect(draftChange(items[2], ticked.choices.c)).toEqual({ attendee_id: 'c', selected: true, reason: '临床值班，经科室证明' })
  })

  it('keeps the reason given when someone is unticked and ticked again', () => {
    let choices = toggle(initialChoices(items), items[3], true, '签退系统故障').choices
    choices = toggle(choices, items[3], false).choices
    expect(draftChange(items[3], choices.d)).toEqual({ attendee_id: 'd', selected: false })
    const again = toggle(choices, items[3], true)
    expect(again.needs_reason).toBe(false)
    expect(again.choices.d).toEqual({ selected: true, reason: '签退系统故障' })
  })
})

describe('checks', () => {
  it('requires a reason of 2 to 200 characters for each one included below the hours', () => {
    expect(validateSelectionReason('')).toBe('请填写纳入理由')
    expect(validateSelectionReason(' 是 ')).toBe('纳入理由至少 2 个字')
    expect(validateSelectionReason('理由'.repeat(100))).toBeNull()
    expect(validateSelectionReason('理由'.repeat(100) + '。')).toBe('纳入理由不能超过 200 个字')
    const choices = { ...initialChoices(items), c: { selected: true, reason: '' }, d: { selected: false, reason: '' } }
    expect(selectionErrors(items, choices)).toEqual({ c: '请填写纳入理由' })
    expect(selectionErrors(items, initialChoices(items))).toEqual({})
  })

  it('finds the attendee a server field names', () => {
    const changes: DraftChange[] = [
      { attendee_id: 'c', selected: true, reason: '理由' },
      { attendee_id: 'd', selected: true, reason: '理由' },
    ]
    expect(changeFieldAttendee(changes, 'changes.1.reason')).toBe('d')
    expect(changeFieldAttendee(changes, 'changes.0.attendee_id')).toBe('c')
    expect(changeFieldAttendee(changes, 'changes.5.reason')).toBeNull()
    expect(changeFieldAttendee(changes, 'version')).toBeNull()
    expect(changeFieldAttendee(changes, null)).toBeNull()
  })
})

describe('saving', () => {
  it('sends the pending changes oldest first, at most the server bound a request', () => {
    const pending = new Map<string, DraftChange>()
    for (let n = 0; n < 25; n++) pending.set(`p${n}`, { attendee_id: `p${n}`, selected: false })
    expect(nextBatch(pending).map((c) => c.attendee_id)).toEqual([...Array(20).keys()].map((n) => `p${n}`))
    expect(nextBatch(pending, 2)).toHaveLength(2)
  })
})
