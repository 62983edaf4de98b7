import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick, reactive } from 'vue'
import { noSettingErrors } from '@/shared/attendanceSettings'
import { jsonResponse, mountForTest } from '@/shared/testing'
import type { AttendanceSettings, AttendanceWindow } from '@/shared/types'
import AttendanceSettingsFields from './AttendanceSettingsFields.vue'

const SETTINGS: AttendanceSettings = {
  mode: 'whole',
  refresh_seconds: 86400,
  sign_in_opens_before: 60,
  sign_in_closes_after: 0,
  sign_out_opens_before: 30,
  sign_out_closes_after: 120,
}
const ROWS = [{ date: '2026-12-10', start: '08:00', end: '12:00', topic: '护理', lecturer: '王', hours: 4 }]
const WINDOWS: AttendanceWindow[] = [
  { kind: 'in', day: null, opens: '2026-12-09T23:00:00Z', closes: '2026-12-10T04:00:00Z' },
  { kind: 'out', day: null, opens: '2026-12-10T03:30:00Z', closes: '2026-12-10T06:00:00Z' },
]

/** fetch answering POST /api/attendance/windows with `answer(body)`; the bodies it was sent. */
function serve(answer: (body: Record<string, unknown>) => Response) {
  const bodies: Record<string, unknown>[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn<typeof fetch>(async (input, init) => {
      expect(new URL(String(input), 'http://localhost').pathname).toBe('/api/attendance/windows')
      const body = JSON.parse(String(init?.body))
      bodies.push(body)
      return answer(body)
    }),
  )
  return bodies
}

async function mount(settings = reactive({ ...SETTINGS })) {
  const errors = reactive({ ...noSettingErrors(), attendance: '' })
  const { root } = await mountForTest(AttendanceSettingsFields, {
    settings,
    errors,
    rows: ROWS,
    startDate: '2026-12-10',
    endDate: '2026-12-10',
  })
  return { root, settings, errors }
}

async function pause() {
  await vi.advanceTimersByTimeAsync(300)
  await nextTick()
}

beforeEach(() => vi.useFakeTimers())
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('AttendanceSettingsFields preview', () => {
  it('shows the windows the server computes for the schedule and settings being edited', async () => {
    const bodies = serve(() => jsonResponse(200, { attendance: SETTINGS, windows: WINDOWS }))
    const { root } = await mount()
    await pause()
    expect(bodies).toEqual([{ schedule: [{ date: '2026-12-10', start: '08:00', end: '12:00' }], attendance: SETTINGS }])
    const preview = root.querySelector('[data-test=attendance-preview]')!
    expect(preview.querySelectorAll('tbody tr')).toHaveLength(2)
    expect(preview.querySelector('[data-test=attendance-window-in]')!.textContent).toContain('2026-12-10 07:00')
  })

  it('asks again after an edit, once the edits pause', async () => {
    const bodies = serve(() => jsonResponse(200, { attendance: SETTINGS, windows: WINDOWS }))
    const { settings } = await mount()
    await pause()
    settings.sign_in_opens_before = 90
    await nextTick()
    settings.sign_in_opens_before = 95
    await pause()
    expect(bodies.map((b) => (b.attendance as AttendanceSettings).sign_in_opens_before)).toEqual([60, 95])
  })

  it('shows a setting the server refuses at its field, and no windows', async () => {
    const refused = { error: { code: 'WINDOW_EMPTY', message: '签到时间段为空：请调整签到开放或关闭时间', field: 'attendance.sign_in_closes_after' } }
    const bodies = serve(() => jsonResponse(400, refused))
    const { root, errors } = await mount(reactive({ ...SETTINGS, sign_in_closes_after: -300 }))
    await pause()
    expect(errors.sign_in_closes_after).toBe('签到时间段为空：请调整签到开放或关闭时间')
    expect(root.querySelectorAll('[data-test=attendance-preview] tbody tr')).toHaveLength(0)
    expect(bodies).toHaveLength(1)
  })
})
