/**
 * 学分规则 as the office keeps them (API /api/credit-rules): the versions'
 * labels (the eve lock included), the one formatter of a yearly requirement,
 * and the pure helpers of the dialog that adds or edits a version before it
 * takes effect (draft, checks mirroring the server's, body). No UI library;
 * the server checks everything again.
 */
import { request } from './api'
import { chinaToday } from './time'
import type { CreditRule, CreditRuleIn, CreditRules, LevelRule } from './types'

const enc = encodeURIComponent

export const creditRulesApi = {
  list: () => request<CreditRules>('/credit-rules'),
  create: (body: CreditRuleIn) => request<CreditRules>('/credit-rules', { method: 'POST', body }),
  update: (version: string, body: CreditRuleIn) =>
    request<CreditRules>(`/credit-rules/${enc(version)}`, { method: 'PUT', body }),
  withdraw: (version: string, revision: number) =>
    request<CreditRules>(`/credit-rules/${enc(version)}/withdraw`, { method: 'POST', body: { revision } }),
}

export type RuleState = CreditRule['state']

export const RULE_STATE_LABELS: Record<RuleState, string> = { in_force: '施行中', future: '待生效', past: '已被取代' }

/** A future version the office can no longer change (the eve lock): it takes effect at the next China midnight. */
export const LOCKED_LABEL = '即将生效（已锁定）'

/** The version's state as shown: a future one no longer `editable` is about to take effect, locked. */
export function ruleStateLabel(rule: Pick<CreditRule, 'state' | 'editable'>): string {
  return rule.state === 'future' && !rule.editable ? LOCKED_LABEL : RULE_STATE_LABELS[rule.state]
}

export function ruleStateType(state: RuleState): 'success' | 'warning' | 'info' {
  return state === 'in_force' ? 'success' : state === 'future' ? 'warning' : 'info'
}

// The server's lead (credit_rule_book._editable_after: 2 × office_books.FRESH_SECONDS): from 23:58 China
// time a version taking effect tomorrow is locked, so that no container's cached copy can miss a change.
const EDIT_LEAD_MS = 120_000

/**
 * The China date a version must take effect after to be added or changed:
 * today, or tomorrow from 23:58 on (the China date of now + 120 s, as the server reckons it).
 */
export function editableAfter(now: Date = new Date()): string {
  return chinaToday(new Date(now.getTime() + EDIT_LEAD_MS))
}

export const CREDIT_CLASSES = ['I类', 'II类'] as const
export type CreditClass = (typeof CREDIT_CLASSES)[number]

// ---- the dialog ----

/** One level's figures as the form holds them: the ratio in per cent (50 for 50 %). */
export interface LevelDraft {
  hours_per_credit: number | null
  lecturer_credits_per_hour: number | null
  cap_per_project: number | null
  required_hours_percent: number | null
  credit_class: CreditClass
}

export interface RuleDraft {
  version: string
  effective_from: string
  source_title: string
  source_number: string
  source_url: string
  note: string
  national: LevelDraft
  provincial: LevelDraft
  admin_deadline_days: number | null
  office_deadline_days: number | null
  /** Whether the version sets a yearly requirement for a person. */
  has_requirement: boolean
  total_credits: number | null
  class_i_min: number | null
  class_ii_min: number | null
  requirement_source: string
}

/** The keys of the dialog's error texts (el-form-item :error), as the server names its fields. */
export const RULE_FIELDS = [
  'version',
  'effective_from',
  'source_title',
  'source_number',
  'source_url',
  'note',
  'national.hours_per_credit',
  'national.lecturer_credits_per_hour',
  'national.cap_per_project',
  'national.required_hours_min_ratio',
  'national.credit_class',
  'provincial.hours_per_credit',
  'provincial.lecturer_credits_per_hour',
  'provincial.cap_per_project',
  'provincial.required_hours_min_ratio',
  'provincial.credit_class',
  'admin_deadline_days',
  'office_deadline_days',
  'yearly_requirement.total_credits',
  'yearly_requirement.class_minimums',
  'yearly_requirement.source',
  'yearly_requirement',
] as const
export type RuleField = (typeof RULE_FIELDS)[number]
export type RuleErrors = Record<RuleField, string>

export function emptyRuleErrors(): RuleErrors {
  return Object.fromEntries(RULE_FIELDS.map((f) => [f, ''])) as RuleErrors
}

/** The dialog's field for a server field ("yearly_requirement.class_minimums.0.credits" → its minimums), or null. */
export function ruleField(field: string | null | undefined): RuleField | null {
  if (!field) return null
  if (field.startsWith('yearly_requirement.class_minimums')) return 'yearly_requirement.class_minimums'
  return (RULE_FIELDS as readonly string[]).includes(field) ? (field as RuleField) : null
}

// Figures keep what the API allows to be set: two decimals for rates and caps, the ratio to 0.0001 (percent to 0.01).
export const FIGURE_DECIMALS = 2
export const PERCENT_DECIMALS = 2

function levelDraft(level: LevelRule): LevelDraft {
  return {
    hours_per_credit: level.hours_per_credit,
    lecturer_credits_per_hour: level.lecturer_credits_per_hour,
    cap_per_project: level.cap_per_project,
    required_hours_percent: Math.round(level.required_hours_min_ratio * 10000) / 100,
    credit_class: level.credit_class === 'II类' ? 'II类' : 'I类',
  }
}

/** An empty form (before the rules are read; the dialog opens only after). */
export function blankRuleDraft(): RuleDraft {
  const level = (): LevelDraft => ({
    hours_per_credit: null,
    lecturer_credits_per_hour: null,
    cap_per_project: null,
    required_hours_percent: null,
    credit_class: 'I类',
  })
  return {
    version: '',
    effective_from: '',
    source_title: '',
    source_number: '',
    source_url: '',
    note: '',
    national: level(),
    provincial: level(),
    admin_deadline_days: null,
    office_deadline_days: null,
    has_requirement: false,
    total_credits: null,
    class_i_min: null,
    class_ii_min: null,
    requirement_source: '',
  }
}

/**
 * The form for `rule`: to edit it as it is, or (`fresh`) to add a new
 * version starting from its figures, with no version id, date or source yet.
 */
export function ruleDraft(rule: CreditRule, fresh: boolean): RuleDraft {
  const need = rule.yearly_requirement
  const min = (c: CreditClass) => need?.class_minimums.find((m) => m.credit_class === c)?.credits ?? null
  return {
    version: fresh ? '' : rule.version,
    effective_from: fresh ? '' : rule.effective_from,
    source_title: fresh ? '' : rule.source_title,
    source_number: fresh ? '' : (rule.source_number ?? ''),
    source_url: fresh ? '' : (rule.source_url ?? ''),
    note: fresh ? '' : (rule.note ?? ''),
    national: levelDraft(rule.national),
    provincial: levelDraft(rule.provincial),
    admin_deadline_days: rule.admin_deadline_days,
    office_deadline_days: rule.office_deadline_days,
    has_requirement: !!need,
    total_credits: need?.total_credits ?? 25,
    class_i_min: need ? min('I类') : 5,
    class_ii_min: need ? min('II类') : null,
    requirement_source: need?.source ?? '',
  }
}

// A path segment of /credit-rules/{version}: ASCII only (schemas/credit_rules.py VERSION_ID).
const VERSION_ID = /^[0-9A-Za-z][0-9A-Za-z._-]{0,19}$/
const URL = /^https?:\/\/\S+$/
const DATE = /^\d{4}-\d{2}-\d{2}$/

function inRange(value: number | null, min: number, max: number, label: string, unit = ''): string {
  if (value === null || value === undefined || Number.isNaN(value)) return `请填写${label}`
  if (value < min || value > max) return `${label}应在${min}至${max}${unit}之间`
  return ''
}

/** What is wrong with the draft, by field, in the server's words; `after` is `editableAfter()`, the date it must follow. */
export function ruleDraftErrors(draft: RuleDraft, after: string): RuleErrors {
  const e = emptyRuleErrors()
  const version = draft.version.trim()
  if (!version) e.version = '请填写版本号'
  else if (!VERSION_ID.test(version)) e.version = '版本号为 1–20 个字母、数字、“.”或“-”，以字母或数字开头，如 2027 或 2027-js'
  if (!DATE.test(draft.effective_from)) e.effective_from = '请选择生效日期'
  else if (draft.effective_from <= after) e.effective_from = '生效日期须晚于今天（每日23:58起须晚于明天）'
  const title = draft.source_title.trim().length
  if (title < 2) e.source_title = '请填写依据文件名称（至少 2 个字）'
  else if (title > 200) e.source_title = '依据文件名称不能超过 200 个字'
  if (draft.source_number.trim().length > 60) e.source_number = '文号不能超过 60 个字'
  const url = draft.source_url.trim()
  if (url && !URL.test(url)) e.source_url = '文件链接应以 http:// 或 https:// 开头，且不含空格'
  else if (url.length > 500) e.source_url = '文件链接不能超过 500 个字符'
  if (draft.note.trim().length > 2000) e.note = '说明不能超过 2000 个字'
  for (const level of ['national', 'provincial'] as const) {
    const d = draft[level]
    e[`${level}.hours_per_credit`] = inRange(d.hours_per_credit, 0.5, 100, '每学分学时')
    e[`${level}.lecturer_credits_per_hour`] = inRange(d.lecturer_credits_per_hour, 0.1, 10, '授课人每学时学分')
    e[`${level}.cap_per_project`] = inRange(d.cap_per_project, 0.5, 100, '每个项目学分上限')
    e[`${level}.required_hours_min_ratio`] = inRange(d.required_hours_percent, 10, 100, '规定学时比例', '%')
  }
  e.admin_deadline_days = inRange(draft.admin_deadline_days, 1, 90, '遴选期限', '天')
  e.office_deadline_days = inRange(draft.office_deadline_days, 1, 90, '授予期限', '天')
  if (draft.has_requirement) {
    const total = draft.total_credits
    e['yearly_requirement.total_credits'] =
      total === null || Number.isNaN(total) ? '请填写每年应获学分' : total <= 0 || total > 200 ? '每年应获学分应大于0且不超过200' : ''
    const mins = [draft.class_i_min ?? 0, draft.class_ii_min ?? 0]
    if (mins.some((m) => m < 0 || m > 200)) e['yearly_requirement.class_minimums'] = '各类学分下限应在0至200之间'
    else if (total !== null && mins[0] + mins[1] > total) {
      e['yearly_requirement.class_minimums'] = '各类学分下限之和不能超过每年应获学分'
    }
    const source = draft.requirement_source.trim().length
    if (source < 2) e['yearly_requirement.source'] = '请填写年度要求的依据（至少 2 个字）'
    else if (source > 1000) e['yearly_requirement.source'] = '年度要求的依据不能超过 1000 个字'
  }
  return e
}

export function hasRuleErrors(errors: RuleErrors): boolean {
  return Object.values(errors).some(Boolean)
}

function levelBody(d: LevelDraft): CreditRuleIn['national'] {
  return {
    hours_per_credit: Number(d.hours_per_credit),
    lecturer_credits_per_hour: Number(d.lecturer_credits_per_hour),
    cap_per_project: Number(d.cap_per_project),
    required_hours_min_ratio: Math.round(Number(d.required_hours_percent) * 100) / 10000,
    credit_class: d.credit_class,
  }
}

/** Body of POST /credit-rules or PUT /credit-rules/{version}: trimmed, empty optional texts as null. */
export function ruleBody(draft: RuleDraft, revision: number): CreditRuleIn {
  const text = (s: string) => s.trim() || null
  const minimums: { credit_class: CreditClass; credits: number }[] = []
  if (draft.class_i_min) minimums.push({ credit_class: 'I类', credits: draft.class_i_min })
  if (draft.class_ii_min) minimums.push({ credit_class: 'II类', credits: draft.class_ii_min })
  return {
    revision,
    version: draft.version.trim(),
    effective_from: draft.effective_from,
    source_title: draft.source_title.trim(),
    source_number: text(draft.source_number),
    source_url: text(draft.source_url),
    note: text(draft.note),
    national: levelBody(draft.national),
    provincial: levelBody(draft.provincial),
    admin_deadline_days: Number(draft.admin_deadline_days),
    office_deadline_days: Number(draft.office_deadline_days),
    yearly_requirement: draft.has_requirement
      ? { total_credits: Number(draft.total_credits), class_minimums: minimums, source: draft.requirement_source.trim() }
      : null,
  }
}
