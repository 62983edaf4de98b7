import { describe, expect, it } from 'vitest'
import { reportDraftData, reportFormFromDraft, restoredLabel, sessionDraftData, sessionFormFromDraft } from './drafts'
import type { SessionFormState } from './drafts'

const EMPTY: SessionFormState = {
  seq: 1,
  venue: '',
  start_date: '',
  end_date: '',
  planned_attendees: undefined,
  remark: '',
  rows: [{ date: '', start: '', end: '', topic: '', lecturer: '', hours: null }],
  required_hours: null,
  attendance: { mode: 'whole', refresh_seconds: 60 },
}

describe('drafts', () => {
  it('keeps a half-typed session form and restores it', () => {
    const typed: SessionFormState = {
      ...EMPTY,
      venue: '南京会场',
      start_date: '2026-12-10',
      rows: [{ date: '2026-12-10', start: '08:30', end: '', topic: '开场', lecturer: '', hours: 0.5 }],
      attendance: { mode: 'daily', refresh_seconds: 60 },
    }
    const data = sessionDraftData(typed)
    expect(data.end_date).toBeNull()
    expect(data.schedule?.[0]).toEqual({ date: '2026-12-10', start: '08:30', end: null, topic: '开场', lecturer: '', hours: 0.5 })
    const back = sessionFormFromDraft(JSON.parse(JSON.stringify(data)), EMPTY)
    expect(back).toEqual({ ...typed, planned_attendees: undefined })
  })

  it('keeps the base rows and settings where the draft has none', () => {
    const back = sessionFormFromDraft({ venue: 'x', schedule: [], attendance: null }, EMPTY)
    expect(back.rows).toEqual(EMPTY.rows)
    expect(back.attendance).toEqual(EMPTY.attendance)
    expect(back.seq).toBe(1)
  })

  it('keeps the report form and restores it', () => {
    const form = {
      actual_start_date: '2026-12-10',
      actual_end_date: '',
      venue: '会场',
      summary: '进行中',
      lecturers: [
        { name: '王教授', title: '', unit: '', hours: null, id_number: '', id_masked: '320102********1239' },
        { name: '李教授', title: '', unit: '', hours: 2, id_number: '320102199003071239', id_masked: null },
      ],
    }
    const data = reportDraftData(form)
    expect(data.actual_end_date).toBeNull()
    expect(JSON.stringify(data)).not.toContain('199003071239') // a typed ID number never goes into a draft
    const base = { ...form, actual_end_date: '2026-12-11' }
    const back = reportFormFromDraft(data, base)
    expect(back.lecturers[0]).toEqual(form.lecturers[0]) // the registered number's mask comes back: a save keeps it
    expect(back.lecturers[1]).toEqual({ ...form.lecturers[1], id_number: '' })
    expect({ ...back, lecturers: base.lecturers }).toEqual(base)
  })

  it('says whose draft was restored and when, in China time', () => {
    const draft = { updated_by: 'colleague', updated_at: '2026-12-10T01:30:00Z' }
    expect(restoredLabel(draft, 'organizer-demo')).toBe('已恢复 colleague 于 2026-12-10 09:30 保存的草稿，尚未正式保存')
    expect(restoredLabel(draft, 'colleague')).toBe('已恢复于 2026-12-10 09:30 保存的草稿，尚未正式保存')
  })
})
