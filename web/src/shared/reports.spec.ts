import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { clearSession, saveLogin } from './session'
import {
  asOfText,
  chinaYear,
  creditsText,
  monthBars,
  percentText,
  reportsApi,
  ringDash,
  sessionFigures,
  shareOfTotal,
  yearFigures,
  yearFrom,
  yearOptions,
} from './reports'
import type { MonthFigures, OrganisationRow } from './types'

describe('figures as text', () => {
  it('tells when the figures were counted, in China time', () => {
    expect(asOfText('2026-03-01T02:05:00Z')).toBe('数据截至 2026-03-01 10:05')
    expect(asOfText(null)).toBe('暂无统计数据')
    expect(asOfText(undefined)).toBe('暂无统计数据')
  })

  it('shows shares as percentages with one decimal, clamped to 0..100', () => {
    expect(percentText(0.6667)).toBe('66.7%')
    expect(percentText(0)).toBe('0.0%')
    expect(percentText(1)).toBe('100.0%')
    expect(percentText(0.0004)).toBe('0.0%')
    expect(percentText(0.0005)).toBe('0.1%')
    expect(percentText(1.2)).toBe('100.0%')
    expect(percentText(Number.NaN)).toBe('0.0%')
  })

  it('shows credits with at most one decimal', () => {
    expect(creditsText(6)).toBe('6')
    expect(creditsText(2.5)).toBe('2.5')
    expect(creditsText(0.1 + 0.2)).toBe('0.3')
    expect(creditsText(Number.NaN)).toBe('0')
  })
})

describe('years', () => {
  it('offers next year down to the first year', () => {
    expect(yearOptions(2026, 2023)).toEqual([2027, 2026, 2025, 2024, 2023])
    expect(yearOptions(2019, 2020)).toEqual([2020])
  })

  it('takes the year in China time', () => {
    expect(chinaYear(new Date('2026-12-31T15:59:59Z'))).toBe(2026)
    expect(chinaYear(new Date('2026-12-31T16:00:00Z'))).toBe(2027)
  })

  it('reads a year from the address, else the fallback', () => {
    expect(yearFrom('2025', 2026)).toBe(2025)
    expect(yearFrom(['2024'], 2026)).toBe(2024)
    expect(yearFrom('25', 2026)).toBe(2026)
    expect(yearFrom('1999', 2026)).toBe(2026)
    expect(yearFrom('2025x', 2026)).toBe(2026)
    expect(yearFrom(undefined, 2026)).toBe(2026)
  })
})

describe('charts', () => {
  const months: MonthFigures[] = [
    { month: 3, sessions: 1, attendees: 40, credits: 80 },
    { month: 10, sessions: 4, attendees: 200, credits: 2.5 },
  ]

  it('makes twelve month bars scaled to the tallest, small values still visible', () => {
    const bars = monthBars(months, 'attendees')
    expect(bars).toHaveLength(12)
    expect(bars.map((b) => b.label).slice(0, 3)).toEqual(['1月', '2月', '3月'])
    expect([bars[2].value, bars[2].percent]).toEqual([40, 20])
    expect([bars[9].value, bars[9].percent]).toEqual([200, 100])
    expect(bars[0]).toEqual({ label: '1月', value: 0, percent: 0 })
    const credits = monthBars(months, 'credits')
    expect(credits[9].percent).toBe(3.1)
    expect(monthBars([{ month: 1, sessions: 1, attendees: 1000, credits: 0 }, { month: 2, sessions: 1, attendees: 1, credits: 0 }], 'attendees')[1].percent).toBe(2)
  })

  it('makes empty bars for an empty year', () => {
    expect(monthBars([], 'sessions').every((b) => b.value === 0 && b.percent === 0)).toBe(true)
  })

  it('draws a ring dash for a share', () => {
    const { dash, circumference } = ringDash(0.25, 10)
    expect(circumference).toBeCloseTo(62.83, 2)
    expect(dash).toBe('15.71 47.12')
    expect(ringDash(-1, 10).dash).toBe('0.00 62.83')
    expect(ringDash(2, 10).dash).toBe('62.83 0.00')
  })

  it('scales each organisation against the largest', () => {
    const rows: OrganisationRow[] = [
      { org_id: 'a', org_name: '甲', sessions_held: 4, attendees: 100, credited_attendees: 90, credits_granted: 180, overdue: 0 },
      { org_id: 'b', org_name: '乙', sessions_held: 1, attendees: 30, credited_attendees: 0, credits_granted: 0, overdue: 0 },
    ]
    expect(shareOfTotal(rows, 'attendees')).toEqual(
      new Map([
        ['a', 100],
        ['b', 30],
      ]),
    )
    expect(shareOfTotal(rows, 'overdue').get('a')).toBe(0)
  })
})

describe('reportsApi', () => {
  beforeEach(() => {
    localStorage.clear()
    saveLogin({
      token: 'tok',
      expires_at: '2099-01-01T00:00:00.000Z',
      user: {
        username: 'office-demo',
        display_name: '演示',
        role: 'office',
        org_id: 'office',
        org_name: '江苏省继续医学教育委员会办公室',
        department: null,
        email: null,
        must_change_password: false,
      },
    })
  })
  afterEach(() => {
    clearSession()
    vi.unstubAllGlobals()
  })

  it('calls the contract paths with the year and, when given, the organisation', async () => {
    const fetchMock = vi.fn<typeof fetch>().mockImplementation(async () => new Response('{}', { status: 200 }))
    vi.stubGlobal('fetch', fetchMock)
    await reportsApi.session('s/1')
    await reportsApi.sessionExport('s1')
    await reportsApi.organisation(2026)
    await reportsApi.organisation(2026, 'org-1')
    await reportsApi.organisationExport(2025, 'org-1')
    await reportsApi.province(2026)
    await reportsApi.provinceExport(2026)
    expect(fetchMock.mock.calls.map((c) => String(c[0]))).toEqual([
      '/api/reports/sessions/s%2F1',
      '/api/reports/sessions/s1/export',
      '/api/reports/organisations?year=2026',
      '/api/reports/organisations?year=2026&org_id=org-1',
      '/api/reports/organisations/export?year=2025&org_id=org-1',
      '/api/reports/province?year=2026',
      '/api/reports/province/export?year=2026',
    ])
  })
})

describe('headline figures', () => {
  it('marks overdue sessions of a year and formats credits', () => {
    const year = {
      year: 2026,
      sessions_held: 3,
      attendees: 120,
      credited_attendees: 100,
      credits_granted: 250.5,
      lecturer_credits: 12,
      overdue: 1,
      by_month: [],
    }
    const figures = yearFigures(year)
    expect(figures.map((f) => [f.label, f.value])).toEqual([
      ['举办期数', 3],
      ['学员人数', 120],
      ['获得学分人数', 100],
      ['授予学员学分', '250.5'],
      ['授课人学分', '12'],
      ['逾期未办', 1],
    ])
    expect(figures.find((f) => f.key === 'overdue')?.tone).toBe('danger')
    expect(yearFigures({ ...year, overdue: 0 }).find((f) => f.key === 'overdue')?.tone).toBeUndefined()
  })

  it('lists a session’s attendance and credits, warning about missing sign-outs', () => {
    const report = {
      signed_in: 3,
      signed_out: 2,
      incomplete: 1,
      attendees: 3,
      grassroots_share: 0.5,
      out_of_region_share: 0.1,
      questionnaire: { version: '1', responses: 2, questions: [] },
      credited_attendees: 2,
      credits_granted: 4,
      lecturer_credits: 6,
    }
    const figures = sessionFigures(report)
    expect(figures.map((f) => f.value)).toEqual([3, 2, 1, 3, 2, '4', '6'])
    expect(figures.find((f) => f.key === 'incomplete')?.tone).toBe('warning')
    expect(sessionFigures({ ...report, incomplete: 0 }).find((f) => f.key === 'incomplete')?.tone).toBeUndefined()
  })
})
