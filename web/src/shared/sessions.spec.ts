import { describe, expect, it } from 'vitest'
import {
  MAX_MATERIAL_BYTES,
  allYearsAllowed,
  buildUploadForm,
  checkMaterialFile,
  formatFileSize,
  hasRowErrors,
  materialAccept,
  materialContentType,
  materialOf,
  missingMaterials,
  nextRow,
  orderedSessionActions,
  reviewActions,
  rowLength,
  rowsFromSchedule,
  scheduleField,
  sessionBody,
  sessionDefaults,
  sessionFiltersFromRoute,
  sessionFiltersToRoute,
  sessionListPath,
  sessionQuery,
  statusForReportStatus,
  sessionStatusLabel,
  suggestedHours,
  totalHours,
  validateDates,
  validateRow,
  validateSchedule,
  validateVenue,
} from './sessions'
import type { ScheduleRow } from './sessions'
import type { AttendanceSettings, Material } from './types'

/** The settings a session form holds (the manual's). */
const SETTINGS: AttendanceSettings = {
  mode: 'whole',
  refresh_seconds: 86400,
  sign_in_opens_before: 60,
  sign_in_closes_after: 0,
  sign_out_opens_before: 30,
  sign_out_closes_after: 120,
}

function row(overrides: Partial<ScheduleRow> = {}): ScheduleRow {
  return {
    date: '2026-12-10',
    start: '08:30',
    end: '11:30',
    topic: '围手术期护理',
    lecturer: '王护',
    hours: 3,
    ...overrides,
  }
}

describe('labels and actions', () => {
  it('orders the buttons and keeps the review steps apart', () => {
    expect(orderedSessionActions(['delete', 'submit', 'edit', 'upload', 'fly'])).toEqual([
      'upload',
      'edit',
      'submit',
      'delete',
    ])
    expect(reviewActions(['approve', 'return'])).toEqual(['return', 'approve'])
    expect(reviewActions(['edit', 'upload'])).toEqual([])
    expect(reviewActions(undefined)).toEqual([])
    expect(sessionStatusLabel('forwarded')).toBe('待省继教办审核')
    expect(sessionStatusLabel('approved')).toBe('审核通过')
    expect(sessionStatusLabel('odd')).toBe('odd')
  })

  it('leads back to the list the role came from', () => {
    expect(sessionListPath('organizer', { project_id: 'p1' })).toBe('/projects/p1/sessions')
    expect(sessionListPath('organizer', null)).toBe('/projects')
    expect(sessionListPath('admin', { project_id: 'p1' })).toBe('/sessions')
    expect(sessionListPath('office', null)).toBe('/sessions')
    expect(sessionListPath(null, null)).toBe('/sessions')
  })
})

describe('materials', () => {
  it('declares the type from the extension, else from the browser', () => {
    expect(materialContentType({ name: '通知.PDF', type: '' })).toBe('application/pdf')
    expect(materialContentType({ name: 'scan.jpeg', type: 'image/jpeg' })).toBe('image/jpeg')
    expect(materialContentType({ name: '日程.docx', type: '' })).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    )
    expect(materialContentType({ name: 'noext', type: 'image/png' })).toBe('image/png')
    expect(materialContentType({ name: 'noext', type: '' })).toBe('')
  })

  it('accepts scans and PDFs as notices, office files too as schedules', () => {
    expect(checkMaterialFile('notice', { name: 'a.pdf', size: 10 })).toBeNull()
    expect(checkMaterialFile('notice', { name: 'a.png', size: 10 })).toBeNull()
    expect(checkMaterialFile('notice', { name: 'a.docx', size: 10 })).toBe('会议通知请上传 JPG、PNG 或 PDF 文件')
    expect(checkMaterialFile('schedule', { name: 'a.xlsx', size: 10 })).toBeNull()
    expect(checkMaterialFile('schedule', { name: 'a.zip', size: 10, type: 'application/zip' })).toContain('会议日程请上传')
    expect(checkMaterialFile('notice', { name: 'a.pdf', size: 0 })).toBe('文件是空的')
    expect(checkMaterialFile('notice', { name: 'a.pdf', size: MAX_MATERIAL_BYTES })).toBeNull()
    expect(checkMaterialFile('notice', { name: 'a.pdf', size: MAX_MATERIAL_BYTES + 1 })).toBe('附件最大50M')
  })

  it('builds the file input accept list for each kind', () => {
    const notice = materialAccept('notice').split(',')
    expect(notice).toEqual(expect.arrayContaining(['.pdf', '.jpg', '.jpeg', '.png', 'application/pdf', 'image/png']))
    expect(notice).not.toContain('.docx')
    expect(materialAccept('schedule').split(',')).toEqual(expect.arrayContaining(['.doc', '.docx', '.xls', '.xlsx']))
  })

  it('sends every policy field first, in order, and the file last as "file"', async () => {
    const fields = { key: 'sessions/s1/notice/abc', 'Content-Type': 'application/pdf', policy: 'cG9s', 'x-amz-signature': 'sig' }
    const file = new File(['%PDF-1.7'], '通知.pdf', { type: 'application/pdf' })
    const form = buildUploadForm(fields, file, '通知.pdf')
    const entries = [...form.entries()]
    expect(entries.map(([name]) => name)).toEqual(['key', 'Content-Type', 'policy', 'x-amz-signature', 'file'])
    expect(entries.slice(0, 4).map(([, v]) => v)).toEqual(Object.values(fields))
    const sent = entries[4][1] as File
    expect(sent.name).toBe('通知.pdf')
    expect(await sent.text()).toBe('%PDF-1.7')
  })

  it('formats sizes and finds materials', () => {
    expect(formatFileSize(12)).toBe('12 B')
    expect(formatFileSize(2048)).toBe('2 KB')
    expect(formatFileSize(1536 * 1024)).toBe('1.5 MB')
    expect(formatFileSize(null)).toBe('—')
    const notice: Material = {
      kind: 'notice',
      filename: 'a.pdf',
      content_type: 'application/pdf',
      size: 1,
      uploaded_at: '2026-11-25T01:00:00.000Z',
    }
    expect(materialOf({ materials: [notice] }, 'notice')).toBe(notice)
    expect(materialOf({ materials: [notice] }, 'schedule')).toBeNull()
    expect(missingMaterials({ materials: [notice] })).toEqual(['会议日程'])
    expect(missingMaterials({ materials: [] })).toEqual(['会议通知', '会议日程'])
  })
})

describe('session form checks', () => {
  it('checks venue and dates', () => {
    expect(validateVenue(' ')).toBe('请输入会场地址')
    expect(validateVenue('苏')).toBe('会场地址至少 2 个字')
    expect(validateVenue('苏州')).toBeNull()
    expect(validateDates('', '')).toEqual({ start_date: '请选择开始日期', end_date: '请选择结束日期' })
    expect(validateDates('2026-12-10', '2026-12-09').end_date).toBe('结束日期不能早于开始日期')
    expect(validateDates('2026-12-01', '2026-12-31')).toEqual({ start_date: null, end_date: null })
    expect(validateDates('2026-12-01', '2027-01-01').end_date).toBe('一期最长31天')
  })

  it('checks each schedule row on its own', () => {
    expect(validateRow(row(), '2026-12-10', '2026-12-11')).toEqual({})
    expect(validateRow(row({ date: '2026-12-12' }), '2026-12-10', '2026-12-11')).toEqual({ date: '不在举办日期内' })
    expect(validateRow(row({ end: '08:00' }))).toEqual({ end: '须晚于开始时间' })
    expect(validateRow(row({ hours: 4 }))).toEqual({ hours: '不能超过时长（3小时）' })
    expect(validateRow(row({ hours: 13, end: '23:00', start: '06:00' }))).toEqual({ hours: '不能超过 12' })
    expect(validateRow({ date: '', start: '', end: '', topic: ' ', lecturer: '', hours: null })).toEqual({
      date: '请选择日期',
      start: '请选择开始时间',
      end: '请选择结束时间',
      topic: '请填写授课内容',
      lecturer: '请填写授课人',
      hours: '请填写学时',
    })
  })

  it('marks the later of two overlapping rows on its start, like the server', () => {
    const rows = [row(), row({ start: '13:30', end: '16:30' }), row({ start: '11:00', end: '12:00', hours: 1 })]
    const errors = validateSchedule(rows, '2026-12-10', '2026-12-10')
    expect(errors).toEqual([{}, {}, { start: '与其他日程时间重叠' }])
    expect(hasRowErrors(errors)).toBe(true)
    // Back to back is fine, and the same times on another day too.
    const fine = [row(), row({ start: '11:30', end: '12:00', hours: 0.5 }), row({ date: '2026-12-11' })]
    expect(hasRowErrors(validateSchedule(fine, '2026-12-10', '2026-12-11'))).toBe(false)
  })

  it('suggests hours and the next row, and sums the hours', () => {
    expect(rowLength({ start: '08:30', end: '11:30' })).toBe(3)
    expect(rowLength({ start: '11:30', end: '08:30' })).toBeNull()
    expect(rowLength({ start: '8:30', end: '11:30' })).toBeNull()
    expect(suggestedHours({ start: '08:30', end: '10:15' })).toBe(1.5)
    expect(suggestedHours({ start: '08:00', end: '08:20' })).toBeNull()
    expect(suggestedHours({ start: '06:00', end: '22:00' })).toBe(12)
    expect(nextRow([], '2026-12-10')).toEqual({ date: '2026-12-10', start: '', end: '', topic: '', lecturer: '', hours: null })
    expect(nextRow([row()], '2026-12-01')).toMatchObject({ date: '2026-12-10', start: '11:30', end: '' })
    expect(totalHours([row(), row({ hours: 2.5 }), row({ hours: null })])).toBe(5.5)
  })

  it('names the schedule cell of a server field', () => {
    expect(scheduleField('schedule.1.start')).toEqual({ index: 1, key: 'start' })
    expect(scheduleField('schedule.0.hours')).toEqual({ index: 0, key: 'hours' })
    expect(scheduleField('schedule.0.starts_at')).toBeNull()
    expect(scheduleField('schedule')).toBeNull()
    expect(scheduleField('venue')).toBeNull()
    expect(scheduleField(null)).toBeNull()
  })

  it('builds the request body from the form, and the rows from a session', () => {
    const body = sessionBody({
      venue: ' 苏州会场 ',
      start_date: '2026-12-10',
      end_date: '2026-12-10',
      rows: [row({ topic: ' 护理 ', lecturer: ' 王 ' })],
      planned_attendees: 100,
      remark: '  ',
      attendance: { ...SETTINGS, mode: 'daily', refresh_seconds: 30 },
    })
    expect(body).toEqual({
      venue: '苏州会场',
      start_date: '2026-12-10',
      end_date: '2026-12-10',
      schedule: [{ date: '2026-12-10', start: '08:30', end: '11:30', topic: '护理', lecturer: '王', hours: 3 }],
      planned_attendees: 100,
      remark: null,
      attendance: {
        mode: 'daily',
        refresh_seconds: 30,
        sign_in_opens_before: 60,
        sign_in_closes_after: 0,
        sign_out_opens_before: 30,
        sign_out_closes_after: 120,
      },
    })
    const rows = rowsFromSchedule([
      { ...body.schedule[0], starts_at: '2026-12-10T00:30:00.000Z', ends_at: '2026-12-10T03:30:00.000Z' },
    ])
    expect(rows).toEqual([{ date: '2026-12-10', start: '08:30', end: '11:30', topic: '护理', lecturer: '王', hours: 3 }])
  })

  it('sends 规定学时 only when one is given', () => {
    const form = {
      venue: '苏州会场',
      start_date: '2026-12-10',
      end_date: '2026-12-10',
      rows: [row()],
      planned_attendees: 100,
      remark: '',
      attendance: SETTINGS,
    }
    expect(sessionBody({ ...form, required_hours: 2.5 }).required_hours).toBe(2.5)
    expect('required_hours' in sessionBody({ ...form, required_hours: null })).toBe(false)
    expect('required_hours' in sessionBody(form)).toBe(false)
  })
})

describe('review list filters', () => {
  const now = new Date('2026-11-25T18:00:00Z') // 2026-11-26 in China

  it('opens each role on its own queue', () => {
    expect(sessionDefaults('office', now)).toEqual({ year: 2026, status: 'forwarded', name: '', org_id: '', report_status: '' })
    expect(sessionDefaults('admin', now)).toEqual({ year: '', status: 'submitted', name: '', org_id: '', report_status: '' })
    expect(sessionDefaults('organizer', now)).toEqual({ year: '', status: '', name: '', org_id: '', report_status: '' })
    expect(sessionDefaults('office', new Date('2026-12-31T16:30:00Z')).year).toBe(2027)
  })

  it('offers 全部 years except on the office list of every organisation', () => {
    expect(allYearsAllowed('admin', '')).toBe(true)
    expect(allYearsAllowed('office', '')).toBe(false)
    expect(allYearsAllowed('office', 'org-1')).toBe(true)
  })

  it('round-trips filters through the URL, relative to the defaults', () => {
    const defaults = sessionDefaults('office', now)
    expect(sessionFiltersToRoute(defaults, defaults)).toEqual({})
    const chosen = { year: 2025 as const, status: '' as const, name: ' 护理 ', org_id: 'org-1', report_status: 'reported' as const }
    const query = sessionFiltersToRoute(chosen, defaults)
    expect(query).toEqual({ year: '2025', status: 'all', name: '护理', org_id: 'org-1', report_status: 'reported' })
    expect(sessionFiltersFromRoute(query, defaults)).toEqual({ ...chosen, name: '护理' })
    expect(sessionFiltersFromRoute({ status: 'bogus', year: '20x6', report_status: 'done' }, defaults)).toEqual(defaults)
    expect(sessionFiltersFromRoute({ status: ['returned'] }, defaults).status).toBe('returned')
    expect(sessionFiltersFromRoute({ report_status: 'all' }, { ...defaults, report_status: 'granted' }).report_status).toBe('')
  })

  it('looks at approved sessions when a 执行情况 is chosen', () => {
    expect(statusForReportStatus('forwarded', 'reported')).toBe('approved')
    expect(statusForReportStatus('submitted', 'granted')).toBe('approved')
    expect(statusForReportStatus('', 'reported')).toBe('')
    expect(statusForReportStatus('approved', 'reported')).toBe('approved')
    expect(statusForReportStatus('forwarded', '')).toBe('forwarded')
  })

  it('sends only the filters chosen', () => {
    expect(sessionQuery({ year: '', status: '', name: '  ', org_id: '', report_status: '' })).toEqual({})
    expect(sessionQuery({ year: 2026, status: 'approved', name: ' 护理 ', org_id: 'o1', report_status: 'submitted' })).toEqual({
      year: 2026,
      status: 'approved',
      name: '护理',
      org_id: 'o1',
      report_status: 'submitted',
    })
  })
})
