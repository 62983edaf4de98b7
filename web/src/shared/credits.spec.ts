import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { clearSession, saveLogin } from './session'
import {
  attendeeCredits,
  creditsApi,
  hasReportErrors,
  hasSelection,
  lecturerField,
  lecturersFromSchedule,
  ratioLabel,
  reportBody,
  reportFormFrom,
  requiredHoursBounds,
  ruleBasisLabel,
  ruleForSession,
  ruleOn,
  scheduleCredits,
  shortfallWarning,
  validateReport,
  validateExtension,
  validateRequiredHours,
} from './credits'
import type { CreditRule, CreditRules, ExecutionReport } from './types'

const LEVEL = { cap_per_project: 25, required_hours_min_ratio: 0.5, credit_class: 'I类' }
const RULE_2006: CreditRule = {
  version: '2006',
  effective_from: '2000-01-01',
  source_title: '继续医学教育学分授予与管理办法',
  source_number: null,
  source_url: null,
  note: null,
  national: { ...LEVEL, hours_per_credit: 3, lecturer_credits_per_hour: 2 },
  provincial: { ...LEVEL, hours_per_credit: 6, lecturer_credits_per_hour: 1 },
  admin_deadline_days: 14,
  office_deadline_days: 14,
  yearly_requirement: null,
  updated_by: null,
  updated_at: null,
  state: 'in_force',
  editable: false,
}
const RULE_2027: CreditRule = {
  ...RULE_2006,
  version: '2027',
  effective_from: '2027-01-01',
  national: { ...RULE_2006.national, required_hours_min_ratio: 0.8 },
  provincial: { ...RULE_2006.provincial, required_hours_min_ratio: 0.6, cap_per_project: 10 },
  state: 'future',
  editable: true,
}
const RULES: CreditRules = { current: '2006', revision: 3, items: [RULE_2027, RULE_2006] }

describe('credit rules', () => {
  it('finds the version in force today', () => {
    expect(ruleOn(RULES)?.version).toBe('2006')
    expect(ruleOn({ ...RULES, current: '2027' })?.version).toBe('2027')
    expect(ruleOn(null)).toBeNull()
  })

  it('judges a session by its pinned version, else by the one in force today (not on its start date)', () => {
    const basis = { version: '2027', effective_from: '2027-01-01', source_title: 't', reason: 'r' }
    expect(ruleForSession(RULES, { credit_rule: basis })?.version).toBe('2027')
    expect(ruleForSession(RULES, null)?.version).toBe('2006')
    // a pinned version the rules no longer list: no estimate rather than another version's figures
    expect(ruleForSession(RULES, { credit_rule: { version: '1990' } })).toBeNull()
    expect(ruleForSession(null, { credit_rule: basis })).toBeNull()
    expect(ruleBasisLabel(basis)).toBe('学分规则：2027版（2027-01-01起施行）')
  })

  it('bounds 规定学时 between the level\'s ratio of the teaching hours (rounded up to 0.1) and the teaching hours', () => {
    expect(requiredHoursBounds(RULE_2006, 'national', 12)).toEqual({ min: 6, max: 12 })
    expect(requiredHoursBounds(RULE_2006, 'provincial', 7)).toEqual({ min: 3.5, max: 7 })
    expect(requiredHoursBounds(RULE_2027, 'national', 7.5)).toEqual({ min: 6, max: 7.5 })
    expect(requiredHoursBounds(RULE_2027, 'provincial', 7.5)).toEqual({ min: 4.5, max: 7.5 })
    const third = { ...RULE_2006, national: { ...RULE_2006.national, required_hours_min_ratio: 0.34 } }
    expect(requiredHoursBounds(third, 'national', 5)).toEqual({ min: 1.7, max: 5 })
    // 6 × 0.8 × 10 is 48.000000000000004 in floating point: rounded first, as the server does, it stays 4.8
    expect(requiredHoursBounds(RULE_2027, 'national', 6)).toEqual({ min: 4.8, max: 6 })
    const bounds = requiredHoursBounds(RULE_2006, 'national', 12)
    expect(validateRequiredHours(6, bounds)).toBeNull()
    expect(validateRequiredHours(12, bounds)).toBeNull()
    expect(validateRequiredHours(5.5, bounds)).toBe('规定学时应在6至12学时之间')
    expect(validateRequiredHours(12.5, bounds)).toBe('规定学时应在6至12学时之间')
    expect(validateRequiredHours(null, bounds)).toBe('请填写规定学时')
    expect(validateRequiredHours(100, null)).toBeNull()
  })

  it('gives the project credits, bounded by the cap and by what the hours earn', () => {
    expect(attendeeCredits(RULE_2006, 'national', 10, 12)).toBe(4)
    expect(attendeeCredits(RULE_2006, 'national', 3, 12)).toBe(3)
    expect(attendeeCredits(RULE_2006, 'provincial', 10, 12)).toBe(2)
    expect(attendeeCredits(RULE_2006, 'provincial', 10, 10)).toBe(1.6)
    expect(attendeeCredits(RULE_2006, 'national', 30, 200)).toBe(25)
    expect(attendeeCredits(RULE_2027, 'provincial', 30, 200)).toBe(10)
    expect(attendeeCredits(RULE_2027, 'national', 30, 200)).toBe(25)
    expect(ratioLabel(0.5)).toBe('50%')
    expect(ratioLabel(0.333)).toBe('33.3%')
    expect(ratioLabel(0.6667)).toBe('66.67%')
  })

  it('gives the credits the schedule supports and their shortfall, as the server does', () => {
    // the case: 6 credits declared, a 0.5-hour schedule
    expect(scheduleCredits(RULE_2006, 'national', 6, 0.5)).toEqual({ credits: 0.1, shortfall: 5.9 })
    expect(scheduleCredits(RULE_2006, 'national', 6, 18)).toEqual({ credits: 6, shortfall: 0 })
    expect(scheduleCredits(RULE_2006, 'national', 10, 20)).toEqual({ credits: 6.6, shortfall: 3.4 })
    expect(scheduleCredits(RULE_2006, 'provincial', 5, 0)).toEqual({ credits: 0, shortfall: 5 })
    expect(shortfallWarning(0.5, 0.1, 5.9, 6)).toBe('按日程学时 0.5 小时，学员最多可得 0.1 学分，低于项目学分 6 分')
    expect(shortfallWarning(18, 6, 0, 6)).toBeNull()
  })
})

describe('the report form', () => {
  const session = {
    start_date: '2026-12-10',
    end_date: '2026-12-11',
    venue: '南京示范医院学术报告厅',
    schedule: [
      { lecturer: '王教授', hours: 3 },
      { lecturer: ' 李主任 ', hours: 2.5 },
      { lecturer: '王教授', hours: 1.5 },
      { lecturer: '', hours: 1 },
    ],
  }
  const blank: Pick<ExecutionReport, 'actual_start_date' | 'actual_end_date' | 'venue' | 'summary' | 'lecturers'> = {
    actual_start_date: null,
    actual_end_date: null,
    venue: null,
    summary: null,
    lecturers: [],
  }

  it('starts from the session: its dates, venue and the lecturers of its schedule', () => {
    expect(lecturersFromSchedule(session.schedule)).toEqual([
      { name: '王教授', title: '', unit: '', hours: 4.5, id_number: '', id_masked: null },
      { name: '李主任', title: '', unit: '', hours: 2.5, id_number: '', id_masked: null },
    ])
    const form = reportFormFrom(blank, session)
    expect(form.actual_start_date).toBe('2026-12-10')
    expect(form.actual_end_date).toBe('2026-12-11')
    expect(form.venue).toBe('南京示范医院学术报告厅')
    expect(form.summary).toBe('')
    expect(form.lecturers).toHaveLength(2)
    expect(reportFormFrom(blank, { ...session, schedule: [] }).lecturers).toEqual([
      { name: '', title: '', unit: '', hours: null, id_number: '', id_masked: null },
    ])
  })

  it('keeps what was saved', () => {
    const form = reportFormFrom(
      {
        actual_start_date: '2026-12-10',
        actual_end_date: '2026-12-10',
        venue: '苏州会场',
        summary: '按计划举办',
        lecturers: [
          { name: '赵老师', title: null, unit: '苏大附一院', hours: 2, credits: 4, id_masked: '110105********0021' },
        ],
      },
      session,
    )
    expect(form).toEqual({
      actual_start_date: '2026-12-10',
      actual_end_date: '2026-12-10',
      venue: '苏州会场',
      summary: '按计划举办',
      lecturers: [{ name: '赵老师', title: '', unit: '苏大附一院', hours: 2, id_number: '', id_masked: '110105********0021' }],
    })
  })

  it('checks the fields and each lecturer as the server does', () => {
    const good = reportFormFrom({ ...blank, summary: '按计划举办，到会120人' }, session)
    expect(hasReportErrors(validateReport(good, 8))).toBe(false)
    const bad = validateReport(
      {
        actual_start_date: '2026-12-11',
        actual_end_date: '2026-12-10',
        venue: '苏',
        summary: '  ',
        lecturers: [
          { name: '', title: '职'.repeat(31), unit: '', hours: 0, id_number: '', id_masked: null },
          { name: '王', title: '', unit: '院'.repeat(61), hours: 8.5, id_number: '110105194912310020', id_masked: null },
          { name: '张', title: '', unit: '', hours: 1, id_number: ' 11010519491231002x ', id_masked: null },
        ],
      },
      8,
    )
    expect(bad.fields).toEqual({
      actual_start_date: '',
      actual_end_date: '结束日期不能早于开始日期',
      venue: '会场地址至少 2 个字',
      summary: '请填写举办情况小结',
      lecturers: '',
    })
    expect(bad.rows).toEqual([
      { name: '请填写姓名', title: '不能超过 30 个字', hours: '请填写授课学时' },
      { unit: '不能超过 60 个字', hours: '不能超过总学时（8）', id_number: '身份证号码校验位不正确，请核对' },
      {},
    ])
    expect(validateReport({ ...good, lecturers: [] }, 8).fields.lecturers).toBe('请至少填写一位授课人')
    expect(hasReportErrors(bad)).toBe(true)
  })

  it('sends the form trimmed, leaving out empty 职称 and 单位; a typed ID number, else the registered mask', () => {
    expect(
      reportBody({
        actual_start_date: '2026-12-10',
        actual_end_date: '2026-12-11',
        venue: ' 苏州会场 ',
        summary: ' 按计划举办 ',
        lecturers: [
          { name: ' 王教授 ', title: ' 主任医师 ', unit: ' ', hours: 4.5, id_number: ' 11010519491231002x', id_masked: null },
          { name: '李主任', title: '', unit: '苏大附一院', hours: 2, id_number: '', id_masked: '110105********0021' },
          { name: '赵老师', title: '', unit: '', hours: 1, id_number: '', id_masked: null },
        ],
      }),
    ).toEqual({
      actual_start_date: '2026-12-10',
      actual_end_date: '2026-12-11',
      venue: '苏州会场',
      summary: '按计划举办',
      lecturers: [
        { name: '王教授', title: '主任医师', hours: 4.5, id_number: '11010519491231002X' },
        { name: '李主任', unit: '苏大附一院', hours: 2, id_masked: '110105********0021' },
        { name: '赵老师', hours: 1 },
      ],
    })
  })

  it('maps a server field to its lecturer cell', () => {
    expect(lecturerField('lecturers.1.hours')).toEqual({ index: 1, key: 'hours' })
    expect(lecturerField('lecturers.0.name')).toEqual({ index: 0, key: 'name' })
    expect(lecturerField('lecturers.0.credits')).toBeNull()
    expect(lecturerField('lecturers')).toBeNull()
    expect(lecturerField('venue')).toBeNull()
  })

  it('knows when the selection exists', () => {
    expect(hasSelection('pending')).toBe(false)
    expect(hasSelection('returned')).toBe(false)
    expect(hasSelection('reported')).toBe(true)
    expect(hasSelection('granted')).toBe(true)
    expect(hasSelection(null)).toBe(false)
  })
})

describe('validateExtension', () => {
  it('takes today or later in China and a reason of 2 to 200 characters', () => {
    expect(validateExtension('2026-12-01', '系统故障', '2026-12-01')).toEqual({ until: '', reason: '' })
    expect(validateExtension('2026-11-30', '系统故障', '2026-12-01').until).toBe('延长至的日期不能早于今天')
    expect(validateExtension('', '系统故障', '2026-12-01').until).toBe('请选择延长至的日期')
    expect(validateExtension('2026-12-05', ' ', '2026-12-01').reason).toBe('请填写延期理由')
    expect(validateExtension('2026-12-05', '是', '2026-12-01').reason).toBe('延期理由至少 2 个字')
    expect(validateExtension('2026-12-05', '因'.repeat(201), '2026-12-01').reason).toBe('延期理由不能超过 200 个字')
  })
})

describe('creditsApi', () => {
  beforeEach(() => {
    localStorage.clear()
    saveLogin({
      token: 'tok',
      expires_at: '2999-01-01T00:00:00Z',
      user: {
        username: 'admin-demo',
        display_name: '王科教',
        role: 'admin',
        org_id: 'o1',
        org_name: '南京示范医院',
        department: null,
        email: null,
        must_change_password: false,
      },
    })
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    clearSession()
  })

  function stub(status: number, body: unknown) {
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(
      new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }),
    )
    vi.stubGlobal('fetch', fetchMock)
    return fetchMock
  }

  it('submits the saved draft at the version last read', async () => {
    const fetchMock = stub(200, { status: 'submitted' })
    await creditsApi.submitSelection('ses 1', { version: 7 })
    const [url, init] = fetchMock.mock.calls[0]
    expect(url).toBe('/api/sessions/ses%201/selection/submit')
    expect(init?.method).toBe('POST')
    expect(JSON.parse(String(init?.body))).toEqual({ version: 7 })
  })

  it('saves changes to the draft and pages the selection with the cursor', async () => {
    const fetchMock = stub(200, { total: 3 })
    fetchMock.mockImplementation(async () => new Response(JSON.stringify({ total: 3 }), { status: 200 }))
    const changes = [{ attendee_id: 'c', selected: true, reason: '理由' }]
    await creditsApi.saveSelectionDraft('s1', { version: 2, changes })
    await creditsApi.selection('s1', 'abc=')
    await creditsApi.selection('s1')
    await creditsApi.selection('s1', null, 'below')
    const [url, init] = fetchMock.mock.calls[0]
    expect(url).toBe('/api/sessions/s1/selection/draft')
    expect(init?.method).toBe('PUT')
    expect(JSON.parse(String(init?.body))).toEqual({ version: 2, changes })
    expect(fetchMock.mock.calls.slice(1).map(([u]) => u)).toEqual([
      '/api/sessions/s1/selection?cursor=abc%3D',
      '/api/sessions/s1/selection',
      '/api/sessions/s1/selection?view=below',
    ])
  })

  it('throws the deadline refusal with its code and message', async () => {
    stub(409, { error: { code: 'DEADLINE_PASSED', message: '已超过上报期限（2026-12-24），请联系省继教办延长期限', field: null } })
    await expect(creditsApi.submitSelection('s1', {})).rejects.toMatchObject({
      status: 409,
      code: 'DEADLINE_PASSED',
      message: '已超过上报期限（2026-12-24），请联系省继教办延长期限',
    })
  })

  it('sends an extension with its date and reason', async () => {
    const fetchMock = stub(200, { status: 'reported' })
    await creditsApi.extendDeadline('s1', '2027-01-10', '单位信息系统故障')
    const [url, init] = fetchMock.mock.calls[0]
    expect(url).toBe('/api/sessions/s1/deadline-extension')
    expect(JSON.parse(String(init?.body))).toEqual({ until: '2027-01-10', reason: '单位信息系统故障' })
  })
})
