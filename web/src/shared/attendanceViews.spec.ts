import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { clearSession, saveLogin } from './session'
import {
  attendanceViewsApi,
  attendeeStatusLabel,
  attendeeStatusType,
  emptyRosterFilter,
  filterAttendees,
  hasDays,
  lastPage,
  optionShares,
  pageOf,
  percentOf,
  questionTypeLabel,
} from './attendanceViews'
import type { AttendeeRow } from './types'

function attendee(name: string, extra: Partial<AttendeeRow> = {}): AttendeeRow {
  return {
    name,
    id_number: '320102********1234',
    gender: 'male',
    age: 40,
    mobile: '138****5678',
    unit: '南京示范医院',
    department: '心血管内科',
    region: '南京市',
    grassroots: false,
    title: '主治医师',
    position: null,
    education: null,
    day: null,
    signed_in_at: '2026-12-10T00:10:00.000Z',
    signed_out_at: null,
    hours: null,
    status: 'present',
    questionnaire_done: false,
    flags: [],
    ...extra,
  }
}

const rows = [
  attendee('张喆'),
  attendee('李四', { status: 'signed_out', signed_out_at: '2026-12-10T08:00:00.000Z', hours: 6.5 }),
  attendee('阿依古丽·买买提', { status: 'incomplete', flags: [{ code: 'SHARED_DEVICE', label: '同一设备提交了多个身份证号' }] }),
  attendee('𠮷田', { status: 'signed_out', flags: [{ code: 'SHARED_MOBILE', label: '多人使用同一手机号' }] }),
]

describe('roster filter', () => {
  it('keeps everybody with the empty filter', () => {
    expect(filterAttendees(rows, emptyRosterFilter())).toHaveLength(4)
  })

  it('filters by status, flags and a part of the name (rare characters and the middle dot included)', () => {
    const names = (f: Partial<ReturnType<typeof emptyRosterFilter>>) =>
      filterAttendees(rows, { ...emptyRosterFilter(), ...f }).map((a) => a.name)
    expect(names({ status: 'signed_out' })).toEqual(['李四', '𠮷田'])
    expect(names({ status: 'incomplete' })).toEqual(['阿依古丽·买买提'])
    expect(names({ flagged: true })).toEqual(['阿依古丽·买买提', '𠮷田'])
    expect(names({ flagged: true, status: 'signed_out' })).toEqual(['𠮷田'])
    expect(names({ name: ' 𠮷 ' })).toEqual(['𠮷田'])
    expect(names({ name: '·买买' })).toEqual(['阿依古丽·买买提'])
    expect(names({ name: '喆', status: 'signed_out' })).toEqual([])
  })

  it('shows the 日期 column only in daily mode', () => {
    expect(hasDays(rows)).toBe(false)
    expect(hasDays([...rows, attendee('王五', { day: '2026-12-11' })])).toBe(true)
  })

  it('pages in the browser', () => {
    const list = Array.from({ length: 7 }, (_, i) => i)
    expect(pageOf(list, 1, 3)).toEqual([0, 1, 2])
    expect(pageOf(list, 3, 3)).toEqual([6])
    expect(pageOf(list, 4, 3)).toEqual([])
    expect(pageOf(list, 0, 3)).toEqual([0, 1, 2])
    expect(lastPage(7, 3)).toBe(3)
    expect(lastPage(6, 3)).toBe(2)
    expect(lastPage(0, 3)).toBe(1)
  })

  it('labels statuses', () => {
    expect(attendeeStatusLabel('present')).toBe('在场')
    expect(attendeeStatusLabel('signed_out')).toBe('已签退')
    expect(attendeeStatusLabel('incomplete')).toBe('未签退')
    expect(attendeeStatusLabel('other')).toBe('other')
    expect(attendeeStatusType('incomplete')).toBe('danger')
    expect(attendeeStatusType('signed_out')).toBe('success')
  })
})

describe('questionnaire results', () => {
  it('gives percentages with one decimal, 0 without responses, never above 100', () => {
    expect(percentOf(1, 3)).toBe(33.3)
    expect(percentOf(2, 3)).toBe(66.7)
    expect(percentOf(3, 3)).toBe(100)
    expect(percentOf(0, 3)).toBe(0)
    expect(percentOf(0, 0)).toBe(0)
    expect(percentOf(5, 0)).toBe(0)
    expect(percentOf(4, 3)).toBe(100)
  })

  it('shares each option of the responses; a choose-two question adds up past 100 %', () => {
    const q = {
      id: 'q7',
      text: '通过本项目学习，感到收获最大的是（选两项）',
      type: 'multiple' as const,
      choose: 2,
      options: [
        { option: '开阔思路', count: 3 },
        { option: '提高临床诊治能力', count: 4 },
        { option: '提高理论水平', count: 1 },
      ],
    }
    const shares = optionShares(q, 4)
    expect(shares).toEqual([
      { option: '开阔思路', count: 3, percent: 75 },
      { option: '提高临床诊治能力', count: 4, percent: 100 },
      { option: '提高理论水平', count: 1, percent: 25 },
    ])
    expect(shares.reduce((s, o) => s + o.percent, 0)).toBe(200)
    expect(questionTypeLabel(q)).toBe('多选（选两项）')
    expect(questionTypeLabel({ type: 'multiple', choose: null })).toBe('多选（选一项）')
    expect(questionTypeLabel({ type: 'single', choose: null })).toBe('单选')
  })
})

describe('attendanceViewsApi', () => {
  beforeEach(() => {
    localStorage.clear()
    saveLogin({
      token: 'tok',
      expires_at: '2999-01-01T00:00:00Z',
      user: {
        username: 'organizer-demo',
        display_name: '演示',
        role: 'organizer',
        org_id: 'o1',
        org_name: '南京示范医院',
        department: '心血管内科',
        email: null,
        must_change_password: false,
      },
    })
  })
  afterEach(() => {
    clearSession()
    vi.unstubAllGlobals()
  })

  it('calls the contract paths, the rejections with the cursor only', async () => {
    const fetchMock = vi
      .fn<typeof fetch>()
      .mockImplementation(async () => new Response(JSON.stringify({ items: [], next_cursor: null }), { status: 200 }))
    vi.stubGlobal('fetch', fetchMock)
    await attendanceViewsApi.summary('s/1')
    await attendanceViewsApi.exportLink('s1')
    await attendanceViewsApi.questionnaire('s1')
    await attendanceViewsApi.rejections('s1', null)
    await attendanceViewsApi.rejections('s1', 'abc=')
    expect(fetchMock.mock.calls.map((c) => String(c[0]))).toEqual([
      '/api/sessions/s%2F1/attendance',
      '/api/sessions/s1/attendance/export',
      '/api/sessions/s1/attendance/questionnaire',
      '/api/sessions/s1/attendance/rejections',
      '/api/sessions/s1/attendance/rejections?cursor=abc%3D',
    ])
    const init = fetchMock.mock.calls[0][1]
    expect((init?.headers as Record<string, string>).Authorization).toBe('Bearer tok')
  })
})
