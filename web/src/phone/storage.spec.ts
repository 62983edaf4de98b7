import { beforeEach, describe, expect, it } from 'vitest'
import { emptySignIn } from '@/shared/attendance'
import {
  ATTENDEE_KEY,
  CLIENT_ID_KEY,
  SIGN_INS_KEY,
  clearAttendee,
  clearSignIns,
  clientId,
  hasSavedAttendee,
  loadAttendee,
  saveAttendee,
  shownSignIn,
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

describe('shownSignIn', () => {
  const ID = '320102199003071239'
  const answer = (at: string, name = '张*') => ({ status: 'signed_in' as const, name, signed_in_at: at })

  beforeEach(() => clearSignIns())

  it('shows a repeat of this phone as 已签到 with the first time (the server answers every repeat alike)', () => {
    expect(shownSignIn('ses-1', ID, answer('2026-12-10T00:01:00Z'))).toMatchObject({ repeated: false })
    expect(shownSignIn('ses-1', ID.toLowerCase(), answer('2026-12-10T00:09:00Z', '张*'))).toEqual({
      ...answer('2026-12-10T00:01:00Z'),
      repeated: true,
    })
    expect(localStorage.getItem(SIGN_INS_KEY)).not.toContain(ID.slice(6, 14)) // the number itself is not kept
  })

  it('is per session, number and China day', () => {
    shownSignIn('ses-1', ID, answer('2026-12-10T00:01:00Z'))
    expect(shownSignIn('ses-2', ID, answer('2026-12-10T00:02:00Z')).repeated).toBe(false)
    expect(shownSignIn('ses-1', '11010519491231002X', answer('2026-12-10T00:03:00Z')).repeated).toBe(false)
    expect(shownSignIn('ses-1', ID, answer('2026-12-11T00:01:00Z')).repeated).toBe(false)
  })

  it('works for the page without storage, and is forgotten with the saved information', () => {
    expect(shownSignIn('ses-1', ID, answer('2026-12-10T00:01:00Z'), null).repeated).toBe(false)
    expect(shownSignIn('ses-1', ID, answer('2026-12-10T00:05:00Z'), null).signed_in_at).toBe('2026-12-10T00:01:00Z')
    clearSignIns()
    expect(shownSignIn('ses-1', ID, answer('2026-12-10T00:06:00Z')).repeated).toBe(false)
  })
})
