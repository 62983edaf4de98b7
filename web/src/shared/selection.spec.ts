import { describe, expect, it } from 'vitest'
import {
  attendedDays,
  belowHours,
  includedFieldAttendee,
  initialChoices,
  needsReason,
  selectedCount,
  selectionBody,
  selectionErrors,
  selectionSummary,
  selectionView,
  toggle,
  validateSelectionReason,
} from './selection'
import type { SelectionItem } from './types'

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
    expect(selectionSummary(items, choices)).toBe('已选2/共4人')
    expect(selectionBody(items, choices)).toEqual({ deselected: [], included: [] })
  })

  it('keeps a submitted choice with its reason', () => {
    const submitted = [item('a', 6, 6, { selected: false }), item('c', 5.5, 6, { selected: true, reason: '因急诊提前离开' })]
    const choices = initialChoices(submitted)
    expect(choices).toEqual({ a: { selected: false, reason: '' }, c: { selected: true, reason: '因急诊提前离开' } })
    expect(selectionBody(submitted, choices)).toEqual({
      deselected: ['a'],
      included: [{ attendee_id: 'c', reason: '因急诊提前离开' }],
    })
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
    expect(selectionBody(items, choices)).toEqual({ deselected: ['a'], included: [] })
    expect(selectedCount(items, choices)).toBe(1)
    choices = toggle(choices, items[0], true).choices
    expect(selectionBody(items, choices)).toEqual({ deselected: [], included: [] })
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
    expect(selectionSummary(items, ticked.choices)).toBe('已选3/共4人')
    expect(selectionBody(items, ticked.choices)).toEqual({
      deselected: [],
      included: [{ attendee_id: 'c', reason: '临床值班，经科室证明' }],
    })
  })

  it('keeps the reason given when someone is unticked and ticked again', () => {
    let choices = toggle(initialChoices(items), items[3], true, '签退系统故障').choices
    choices = toggle(choices, items[3], false).choices
    expect(selectionBody(items, choices)).toEqual({ deselected: [], included: [] })
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
    const body = { deselected: ['a'], included: [{ attendee_id: 'c', reason: '理由' }, { attendee_id: 'd', reason: '理由' }] }
    expect(includedFieldAttendee(body, 'included.1.reason')).toBe('d')
    expect(includedFieldAttendee(body, 'included.0.reason')).toBe('c')
    expect(includedFieldAttendee(body, 'included.5.reason')).toBeNull()
    expect(includedFieldAttendee(body, 'deselected')).toBeNull()
    expect(includedFieldAttendee(body, null)).toBeNull()
  })
})

describe('selectionView', () => {
  it('shows all, the ticked, the unticked or those below the hours', () => {
    const choices = toggle(initialChoices(items), items[0], false).choices
    const ids = (view: Parameters<typeof selectionView>[2]) => selectionView(items, choices, view, 6).map((i) => i.attendee_id)
    expect(ids('all')).toEqual(['a', 'b', 'c', 'd'])
    expect(ids('selected')).toEqual(['b'])
    expect(ids('unselected')).toEqual(['a', 'c', 'd'])
    expect(ids('below')).toEqual(['c', 'd'])
  })
})
