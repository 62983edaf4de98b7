import { beforeEach, describe, expect, it } from 'vitest'
import { emptySignIn } from '@/shared/attendance'
import {
  ATTENDEE_KEY,
  CLIENT_ID_KEY,
  DRAFT_TTL_MS,
  OLD_SIGN_INS_KEY,
  asSignInFields,
  clearAttendee,
  clearDraft,
  draftKey,
  loadDraft,
  saveDraft,
  clientId,
  dropOldSignIns,
  hasSavedAttendee,
  loadAttendee,
  saveAttendee,
} from './storage'

beforeEach(() => localStorage.clear())

describe('remember / clear the attendee', () => {
  it('saves, loads and clears', () => {
    expect(loadAttendee()).toBeNull()
    const data = { ...emptySignIn(), id_number: '320102199003071239', name: ' 张喆 ', gender: 'male' as const, grassroots: 'yes' as const }
    expect(saveAttendee(data)).toBe(true)
    expect(hasSavedAttendee()).toBe(true)
    expect(loadAttendee()).toEqual({ ...data, name: '张喆' })
    clearAttendee()
    expect(localStorage.getItem(ATTENDEE_KEY)).toBeNull()
    expect(loadAttendee()).toBeNull()
  })

  it('ignores broken or foreign data', () => {
    localStorage.setItem(ATTENDEE_KEY, '{not json')
    expect(loadAttendee()).toBeNull()
    localStorage.setItem(ATTENDEE_KEY, '[1,2]')
    expect(loadAttendee()).toBeNull()
    localStorage.setItem(ATTENDEE_KEY, JSON.stringify({ name: '李四', age: 30, gender: 'x', grassroots: true, extra: 'y' }))
    expect(loadAttendee()).toEqual({ ...emptySignIn(), name: '李四' })
  })

  it('survives a storage that throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied')
      },
      setItem: () => {
        throw new Error('denied')
      },
      removeItem: () => {
        throw new Error('denied')
      },
    } as unknown as Storage
    expect(saveAttendee(emptySignIn(), broken)).toBe(false)
    expect(loadAttendee(broken)).toBeNull()
    expect(() => clearAttendee(broken)).not.toThrow()
    expect(clientId(broken)).toMatch(/^[\w-]{16,64}$/)
    expect(saveAttendee(emptySignIn(), null)).toBe(false)
  })
})

describe('clientId', () => {
  it('is made once and kept', () => {
    const a = clientId()
    expect(a).toMatch(/^[\w-]{16,64}$/)
    expect(localStorage.getItem(CLIENT_ID_KEY)).toBe(a)
    expect(clientId()).toBe(a)
  })

  it('stays the same for the page when storage is unavailable, so a retry is the same phone', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied')
      },
      setItem: () => {
        throw new Error('denied')
      },
    } as unknown as Storage
    const first = clientId(null)
    expect(first).toMatch(/^[\w-]{16,64}$/)
    expect(clientId(null)).toBe(first)
    expect(clientId(broken)).toBe(first)
    expect(clientId(broken)).toBe(first)
  })
})

describe('dropOldSignIns', () => {
  it('removes what earlier versions kept of sign-ins (a hash that brute-forces back to the ID number)', () => {
    localStorage.setItem(OLD_SIGN_INS_KEY, JSON.stringify([{ key: 'abc', name: '张*', signed_in_at: 'x' }]))
    saveAttendee({ ...emptySignIn(), name: '张三' })
    dropOldSignIns()
    expect(localStorage.getItem(OLD_SIGN_INS_KEY)).toBeNull()
    expect(loadAttendee()?.name).toBe('张三') // the saved form data stays
    expect(() => dropOldSignIns(null)).not.toThrow()
  })
})

describe('the draft of a form being filled (sessionStorage)', () => {
  beforeEach(() => sessionStorage.clear())

  it('keeps a draft per scan and session in this tab, and drops it when cleared or stale', () => {
    const key = draftKey('in', 'ses-1')
    expect(key).toBe('cme.draft.in.ses-1')
    expect(draftKey('out', 'ses-1')).not.toBe(key)
    const form = { ...emptySignIn(), name: '张喆', id_number: '320102199003071239' }
    saveDraft(key, form, undefined, 1000)
    expect(localStorage.length).toBe(0)
    expect(asSignInFields(loadDraft(key, undefined, 2000))).toEqual(form)
    expect(loadDraft(key, undefined, 1000 + DRAFT_TTL_MS + 1)).toBeNull()
    expect(sessionStorage.getItem(key)).toBeNull()
    saveDraft(key, form)
    clearDraft(key)
    expect(loadDraft(key)).toBeNull()
  })

  it('ignores broken drafts and a storage that throws', () => {
    sessionStorage.setItem('cme.draft.in.x', '{not json')
    expect(loadDraft('cme.draft.in.x')).toBeNull()
    sessionStorage.setItem('cme.draft.in.x', JSON.stringify({ at: Date.now(), form: 'text' }))
    expect(loadDraft('cme.draft.in.x')).toBeNull()
    const broken = {
      getItem: () => {
        throw new Error('denied')
      },
      setItem: () => {
        throw new Error('denied')
      },
      removeItem: () => {
        throw new Error('denied')
      },
    } as unknown as Storage
    expect(() => saveDraft('k', {}, broken)).not.toThrow()
    expect(loadDraft('k', broken)).toBeNull()
    expect(() => clearDraft('k', broken)).not.toThrow()
  })
})
