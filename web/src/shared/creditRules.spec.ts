import { describe, expect, it } from 'vitest'
import {
  RULE_STATE_LABELS,
  blankRuleDraft,
  editableAfter,
  hasRuleErrors,
  ruleBody,
  ruleDraft,
  ruleDraftErrors,
  ruleField,
  ruleStateLabel,
  ruleStateType,
} from './creditRules'
import { yearlyRule } from './personCredits'
import type { CreditRule } from './types'

const LEVEL = { cap_per_project: 25, required_hours_min_ratio: 0.5, credit_class: 'I类' }
const RULE: CreditRule = {
  version: '2006',
  effective_from: '2000-01-01',
  source_title: '继续医学教育学分授予与管理办法',
  source_number: '卫科教发〔2006〕397号',
  source_url: 'https://example.cn/2006.html',
  note: null,
  national: { ...LEVEL, hours_per_credit: 3, lecturer_credits_per_hour: 2 },
  provincial: { ...LEVEL, hours_per_credit: 6, lecturer_credits_per_hour: 1 },
  admin_deadline_days: 14,
  office_deadline_days: 14,
  yearly_requirement: { total_credits: 25, class_minimums: [{ credit_class: 'I类', credits: 5 }], source: '暂行规定' },
  updated_by: null,
  updated_at: null,
  state: 'in_force',
  editable: false,
}

describe('credit rule versions', () => {
  it('labels states and yearly requirements', () => {
    expect(RULE_STATE_LABELS.in_force).toBe('施行中')
    expect(RULE_STATE_LABELS.future).toBe('待生效')
    expect(RULE_STATE_LABELS.past).toBe('已被取代')
    expect(ruleStateType('future')).toBe('warning')
    expect(ruleStateLabel(RULE)).toBe('施行中')
    expect(ruleStateLabel({ state: 'future', editable: true })).toBe('待生效')
    // the eve lock: a future version the office can no longer change
    expect(ruleStateLabel({ state: 'future', editable: false })).toBe('即将生效（已锁定）')
    const need = RULE.yearly_requirement!
    expect(yearlyRule(need.total_credits, need.class_minimums)).toBe('每年不少于25学分，其中I类学分不少于5学分')
    expect(yearlyRule(25, [{ credit_class: 'I类', credits: 0 }])).toBe('每年不少于25学分')
  })

  it('locks tomorrow from 23:58 China time on, as the server does (now + 120 s)', () => {
    // 15:57:59Z is 23:57:59 in China: 120 s later is still the same China day
    expect(editableAfter(new Date('2026-05-01T15:57:59Z'))).toBe('2026-05-01')
    expect(editableAfter(new Date('2026-05-01T15:58:00Z'))).toBe('2026-05-02')
    const draft = { ...ruleDraft(RULE, true), version: '2027', effective_from: '2026-05-02', source_title: '新办法' }
    expect(ruleDraftErrors(draft, editableAfter(new Date('2026-05-01T15:57:00Z'))).effective_from).toBe('')
    expect(ruleDraftErrors(draft, editableAfter(new Date('2026-05-01T15:59:00Z'))).effective_from).toBe(
      '生效日期须晚于今天（每日23:58起须晚于明天）',
    )
  })

  it('starts a new version from the one in force, without its id, date or source', () => {
    const draft = ruleDraft(RULE, true)
    expect(draft.version).toBe('')
    expect(draft.effective_from).toBe('')
    expect(draft.source_title).toBe('')
    expect(draft.national).toEqual({
      hours_per_credit: 3,
      lecturer_credits_per_hour: 2,
      cap_per_project: 25,
      required_hours_percent: 50,
      credit_class: 'I类',
    })
    expect(draft.class_i_min).toBe(5)
    expect(draft.requirement_source).toBe('暂行规定')
    expect(ruleDraft(RULE, false).source_number).toBe('卫科教发〔2006〕397号')
    expect(blankRuleDraft().national.hours_per_credit).toBeNull()
  })

  it('keeps figures set through the API when a version is edited (0.25 h, ratio 0.6667)', () => {
    const odd = { ...RULE, national: { ...RULE.national, hours_per_credit: 0.25, required_hours_min_ratio: 0.6667 } }
    const draft = { ...ruleDraft(odd, false), effective_from: '2027-01-01' }
    expect(draft.national.required_hours_percent).toBe(66.67)
    const body = ruleBody(draft, 1)
    expect(body.national.hours_per_credit).toBe(0.25)
    expect(body.national.required_hours_min_ratio).toBe(0.6667)
  })

  it('checks the draft as the server does', () => {
    const draft = { ...ruleDraft(RULE, true), version: '2027', effective_from: '2027-01-01', source_title: '新办法' }
    expect(hasRuleErrors(ruleDraftErrors(draft, '2026-05-01'))).toBe(false)
    const today = ruleDraftErrors({ ...draft, effective_from: '2026-05-01' }, '2026-05-01')
    expect(today.effective_from).toContain('须晚于今天')
    const bad = ruleDraftErrors(
      {
        ...draft,
        version: '2027 新',
        source_url: 'ftp://x',
        national: { ...draft.national, required_hours_percent: 5 },
        class_i_min: 20,
        class_ii_min: 10,
      },
      '2026-05-01',
    )
    expect(bad.version).toContain('版本号')
    expect(ruleDraftErrors({ ...draft, version: '2027苏' }, '2026-05-01').version).toContain('字母')
    expect(ruleDraftErrors({ ...draft, version: '2027-js.1' }, '2026-05-01').version).toBeFalsy()
    expect(bad.source_url).toContain('http')
    expect(bad['national.required_hours_min_ratio']).toBe('规定学时比例应在10至100%之间')
    expect(bad['yearly_requirement.class_minimums']).toBe('各类学分下限之和不能超过每年应获学分')
    expect(ruleDraftErrors({ ...draft, has_requirement: false, requirement_source: '' }, '2026-05-01')['yearly_requirement.source']).toBe('')
  })

  it('sends the figures with the ratio as a fraction and empty texts as null', () => {
    const draft = {
      ...ruleDraft(RULE, true),
      version: ' 2027 ',
      effective_from: '2027-01-01',
      source_title: '新办法 ',
      class_ii_min: 10,
    }
    draft.provincial.required_hours_percent = 66.67
    const body = ruleBody(draft, 4)
    expect(body.revision).toBe(4)
    expect(body.version).toBe('2027')
    expect(body.source_title).toBe('新办法')
    expect(body.source_number).toBeNull()
    expect(body.provincial.required_hours_min_ratio).toBe(0.6667)
    expect(body.yearly_requirement).toEqual({
      total_credits: 25,
      class_minimums: [
        { credit_class: 'I类', credits: 5 },
        { credit_class: 'II类', credits: 10 },
      ],
      source: '暂行规定',
    })
    expect(ruleBody({ ...draft, has_requirement: false }, 4).yearly_requirement).toBeNull()
  })

  it('puts the server\'s field errors on the dialog\'s fields', () => {
    expect(ruleField('effective_from')).toBe('effective_from')
    expect(ruleField('national.cap_per_project')).toBe('national.cap_per_project')
    expect(ruleField('yearly_requirement.class_minimums.1.credits')).toBe('yearly_requirement.class_minimums')
    expect(ruleField('revision')).toBeNull()
    expect(ruleField(null)).toBeNull()
  })
})
