import { describe, expect, it } from 'vitest'
import {
  hasSettingErrors,
  isPresetRefresh,
  noSettingErrors,
  previewBody,
  refreshLabel,
  settingsBody,
  settingsField,
  signInRule,
  signOutRule,
  validateSettings,
} from './attendanceSettings'
import type { BlockTimes } from './attendanceSettings'
import type { AttendanceSettings } from './types'

/** The manual's settings (the server's defaults), as a session answers them. */
const MANUAL: AttendanceSettings = {
  mode: 'whole',
  refresh_seconds: 86400,
  sign_in_opens_before: 60,
  sign_in_closes_after: 0,
  sign_out_opens_before: 30,
  sign_out_closes_after: 120,
}
const settings = (over: Partial<AttendanceSettings> = {}): AttendanceSettings => ({ ...MANUAL, ...over })

describe('previewBody', () => {
  it('sends the rows whose date and times are filled in, and the settings as numbers', () => {
    const rows: BlockTimes[] = [
      { date: '', start: '08:00', end: '09:00' },
      { date: '2026-12-10', start: '10:00', end: '' },
      { date: '2026-12-10', start: '24:00', end: '25:00' },
      { date: '2026-12-10', start: '12:00', end: '11:00' },
      { date: '2026-12-11', start: '08:30', end: '11:30' },
    ]
    const withTopic = rows.map((r) => ({ ...r, topic: '护理' }))
    expect(previewBody(withTopic, settings({ refresh_seconds: '300' as never }))).toEqual({
      schedule: [
        { date: '2026-12-10', start: '12:00', end: '11:00' },
        { date: '2026-12-11', start: '08:30', end: '11:30' },
      ],
      attendance: { ...MANUAL, refresh_seconds: 300 },
    })
    expect(previewBody([], settings({ mode: 'daily' })).schedule).toEqual([])
  })
})

describe('validateSettings', () => {
  it('accepts the defaults and every limit', () => {
    expect(hasSettingErrors(validateSettings(settings()))).toBe(false)
    expect(hasSettingErrors(noSettingErrors())).toBe(false)
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
})

describe('settings in and out', () => {
  it('sends numbers only, and a copy', () => {
    const s = settings({ refresh_seconds: '300' as never })
    const body = settingsBody(s)
    expect(body).toEqual({ ...MANUAL, refresh_seconds: 300 })
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
