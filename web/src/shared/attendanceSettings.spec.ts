import { describe, expect, it } from 'vitest'
import {
  ATTENDANCE_DEFAULTS,
  hasSettingErrors,
  isEmptyWindow,
  isPresetRefresh,
  previewWindows,
  refreshLabel,
  settingsBody,
  settingsField,
  settingsFrom,
  signInRule,
  signOutRule,
  validateSettings,
} from './attendanceSettings'
import type { BlockTimes } from './attendanceSettings'
import { formatChinaTime } from './time'
import type { AttendanceSettings, AttendanceWindow } from './types'

const settings = (over: Partial<AttendanceSettings> = {}): AttendanceSettings => ({ ...ATTENDANCE_DEFAULTS, ...over })

/** Windows in China time, as people read them. */
function china(windows: AttendanceWindow[]) {
  return windows.map((w) => [w.kind, w.day, formatChinaTime(w.opens), formatChinaTime(w.closes)])
}

const twoDays: BlockTimes[] = [
  { date: '2026-12-11', start: '08:30', end: '11:30' },
  { date: '2026-12-10', start: '13:30', end: '16:30' },
  { date: '2026-12-10', start: '08:00', end: '11:30' },
  { date: '2026-12-11', start: '13:00', end: '17:00' },
]

describe('previewWindows', () => {
  it('gives the manual defaults in whole mode: sign-in 60 min before the first block to the last end, sign-out 30 min before to 2 h after', () => {
    expect(china(previewWindows(twoDays, settings()))).toEqual([
      ['in', null, '2026-12-10 07:00', '2026-12-11 17:00'],
      ['out', null, '2026-12-11 16:30', '2026-12-11 19:00'],
    ])
  })

  it('sends UTC instants (China time minus 8 hours)', () => {
    const [signIn] = previewWindows([{ date: '2026-12-10', start: '08:00', end: '09:00' }], settings())
    expect(signIn.opens).toBe('2026-12-09T23:00:00.000Z')
    expect(signIn.closes).toBe('2026-12-10T01:00:00.000Z')
  })

  it('gives one pair per day in daily mode, around that day’s blocks, days in order', () => {
    expect(china(previewWindows(twoDays, settings({ mode: 'daily' })))).toEqual([
      ['in', '2026-12-10', '2026-12-10 07:00', '2026-12-10 16:30'],
      ['out', '2026-12-10', '2026-12-10 16:00', '2026-12-10 18:30'],
      ['in', '2026-12-11', '2026-12-11 07:30', '2026-12-11 17:00'],
      ['out', '2026-12-11', '2026-12-11 16:30', '2026-12-11 19:00'],
    ])
  })

  it('is the whole-mode pair, with its day, for a one-day session in daily mode', () => {
    const oneDay = twoDays.filter((b) => b.date === '2026-12-10')
    const whole = previewWindows(oneDay, settings())
    const daily = previewWindows(oneDay, settings({ mode: 'daily' }))
    expect(daily.map((w) => [w.opens, w.closes])).toEqual(whole.map((w) => [w.opens, w.closes]))
    expect(daily.map((w) => w.day)).toEqual(['2026-12-10', '2026-12-10'])
  })

  it('applies every offset, negative sign-in close included', () => {
    const s = settings({ sign_in_opens_before: 15, sign_in_closes_after: -90, sign_out_opens_before: 0, sign_out_closes_after: 5 })
    expect(china(previewWindows(twoDays, s))).toEqual([
      ['in', null, '2026-12-10 07:45', '2026-12-11 15:30'],
      ['out', null, '2026-12-11 17:00', '2026-12-11 17:05'],
    ])
  })

  it('crosses midnight and month ends in China time', () => {
    const s = settings({ sign_in_opens_before: 1440, sign_out_closes_after: 1440 })
    expect(china(previewWindows([{ date: '2027-01-01', start: '00:30', end: '23:30' }], s))).toEqual([
      ['in', null, '2026-12-31 00:30', '2027-01-01 23:30'],
      ['out', null, '2027-01-01 23:00', '2027-01-02 23:30'],
    ])
  })

  it('leaves out rows not filled in yet and gives nothing without a usable row', () => {
    const rows: BlockTimes[] = [
      { date: '', start: '08:00', end: '09:00' },
      { date: '2026-12-10', start: '10:00', end: '' },
      { date: '2026-12-10', start: '12:00', end: '11:00' },
      { date: '2026-12-10', start: '24:00', end: '25:00' },
    ]
    expect(previewWindows(rows, settings())).toEqual([])
    expect(previewWindows([], settings({ mode: 'daily' }))).toEqual([])
    const withOne = [...rows, { date: '2026-12-10', start: '14:00', end: '15:00' }]
    expect(china(previewWindows(withOne, settings()))[0]).toEqual(['in', null, '2026-12-10 13:00', '2026-12-10 15:00'])
  })
})

describe('validateSettings', () => {
  it('accepts the defaults and every limit', () => {
    expect(hasSettingErrors(validateSettings(settings(), previewWindows(twoDays, settings())))).toBe(false)
    const low = settings({ refresh_seconds: 30, sign_in_opens_before: 0, sign_in_closes_after: -1440, sign_out_opens_before: 0, sign_out_closes_after: 1 })
    const high = settings({ refresh_seconds: 86400, sign_in_opens_before: 1440, sign_in_closes_after: 1440, sign_out_opens_before: 1440, sign_out_closes_after: 1440 })
    expect(hasSettingErrors(validateSettings(low))).toBe(false)
    expect(hasSettingErrors(validateSettings(high))).toBe(false)
  })

  it('rejects numbers outside the limits or not whole', () => {
    const e = validateSettings(
      settings({ refresh_seconds: 29, sign_in_opens_before: -1, sign_in_closes_after: 1441, sign_out_opens_before: 1.5, sign_out_closes_after: 86401 }),
    )
    expect(e.refresh_seconds).toBe('应在 30–86400 秒之间')
    expect(e.sign_in_opens_before).toBe('应在 0–1440 分钟之间')
    expect(e.sign_in_closes_after).toBe('应在 -1440–1440 分钟之间')
    expect(e.sign_out_opens_before).toBe('请填写整数')
    expect(e.sign_out_closes_after).toBe('应在 0–1440 分钟之间')
    expect(validateSettings(settings({ refresh_seconds: null as unknown as number })).refresh_seconds).toBe('请填写整数')
    expect(validateSettings(settings({ refresh_seconds: 86401 })).refresh_seconds).toBe('应在 30–86400 秒之间')
    expect(validateSettings(settings({ mode: 'hourly' as never })).mode).toBe('请选择签到签退方式')
  })

  it('reports a sign-in window that would close before it opens, with its day in daily mode', () => {
    const oneBlock = [{ date: '2026-12-10', start: '08:00', end: '10:00' }]
    // Opens 07:00; closing 180 minutes before the 10:00 end is 07:00: empty.
    const s = settings({ sign_in_closes_after: -180 })
    expect(validateSettings(s, previewWindows(oneBlock, s)).sign_in_closes_after).toBe('签到关闭时间须晚于开放时间')
    const justOpen = settings({ sign_in_closes_after: -179 })
    expect(validateSettings(justOpen, previewWindows(oneBlock, justOpen)).sign_in_closes_after).toBe('')
    // Both days span 570 minutes from opening to the last end; the first empty day is named.
    const daily = settings({ mode: 'daily', sign_in_closes_after: -570 })
    expect(validateSettings(daily, previewWindows(twoDays, daily)).sign_in_closes_after).toBe('2026-12-10 签到关闭时间须晚于开放时间')
  })

  it('reports a sign-out window opening and closing at the last end', () => {
    const s = settings({ sign_out_opens_before: 0, sign_out_closes_after: 0 })
    expect(validateSettings(s, previewWindows(twoDays, s)).sign_out_closes_after).toBe('签退关闭时间须晚于开放时间')
    expect(isEmptyWindow({ opens: '2026-12-10T08:00:00Z', closes: '2026-12-10T08:00:00Z' })).toBe(true)
    expect(isEmptyWindow({ opens: '2026-12-10T08:00:00Z', closes: '2026-12-10T08:01:00Z' })).toBe(false)
  })
})

describe('settings in and out', () => {
  it('fills what the server did not give with the defaults', () => {
    expect(settingsFrom(null)).toEqual(ATTENDANCE_DEFAULTS)
    expect(settingsFrom({ mode: 'daily', refresh_seconds: 30 })).toEqual({ ...ATTENDANCE_DEFAULTS, mode: 'daily', refresh_seconds: 30 })
    expect(settingsFrom({ mode: 'weekly' as never, sign_in_opens_before: 'x' as never })).toEqual(ATTENDANCE_DEFAULTS)
  })

  it('sends numbers only, and a copy', () => {
    const s = settings({ refresh_seconds: '300' as never })
    const body = settingsBody(s)
    expect(body).toEqual({ ...ATTENDANCE_DEFAULTS, refresh_seconds: 300 })
    expect(body).not.toBe(s)
  })

  it('maps server fields onto the section', () => {
    expect(settingsField('attendance.refresh_seconds')).toBe('refresh_seconds')
    expect(settingsField('attendance.sign_out_closes_after')).toBe('sign_out_closes_after')
    expect(settingsField('attendance.mode')).toBe('mode')
    expect(settingsField('attendance')).toBe('attendance')
    expect(settingsField('attendance.windows.0')).toBe('attendance')
    expect(settingsField('venue')).toBeNull()
    expect(settingsField('attendances.mode')).toBeNull()
    expect(settingsField(null)).toBeNull()
  })
})

describe('labels', () => {
  it('names refresh intervals', () => {
    expect(refreshLabel(30)).toBe('30秒')
    expect(refreshLabel(90)).toBe('90秒')
    expect(refreshLabel(60)).toBe('1分钟')
    expect(refreshLabel(300)).toBe('5分钟')
    expect(refreshLabel(3600)).toBe('1小时')
    expect(refreshLabel(5400)).toBe('1小时30分钟')
    expect(refreshLabel(86400)).toBe('1天')
    expect(refreshLabel(null)).toBe('—')
    expect(isPresetRefresh(86400)).toBe(true)
    expect(isPresetRefresh(90)).toBe(false)
  })

  it('says the default rules as the manual does', () => {
    expect(signInRule(settings())).toBe('首节课前60分钟开放，末节课结束时关闭')
    expect(signOutRule(settings())).toBe('末节课结束前30分钟开放，结束后120分钟关闭')
  })

  it('says other rules, per day in daily mode', () => {
    const s = settings({ mode: 'daily', sign_in_opens_before: 0, sign_in_closes_after: -30, sign_out_opens_before: 0, sign_out_closes_after: 0 })
    expect(signInRule(s)).toBe('当天首节课开始时开放，当天末节课结束前30分钟关闭')
    expect(signOutRule(s)).toBe('当天末节课结束时开放，结束时关闭')
    expect(signInRule(settings({ sign_in_closes_after: 15 }))).toBe('首节课前60分钟开放，末节课结束后15分钟关闭')
  })
})
