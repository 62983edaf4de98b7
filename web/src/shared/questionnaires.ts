/**
 * The sign-out questionnaire template (签退问卷) the office edits: versions
 * (API under /api/questionnaires), the editor's draft, its checks (the
 * server's rules), the request body and server field → question. No UI library.
 */
import { request } from './api'
import type {
  NewQuestion,
  NewQuestionnaire,
  Question,
  QuestionType,
  QuestionnaireList,
  QuestionnaireTemplate,
} from './types'

export const questionnaireApi = {
  current: () => request<QuestionnaireTemplate>('/questionnaires/current'),
  list: () => request<QuestionnaireList>('/questionnaires'),
  create: (body: NewQuestionnaire) =>
    request<QuestionnaireTemplate>('/questionnaires', { method: 'POST', body }),
}

/** The server's limits (POST /questionnaires). */
export const QUESTIONNAIRE_LIMITS = {
  minQuestions: 1,
  maxQuestions: 30,
  textMax: 200,
  minOptions: 2,
  maxOptions: 10,
  optionMax: 50,
} as const

export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = { single: '单选', multiple: '多选' }

/** A question being edited; `key` only tells questions apart on screen. */
export interface DraftQuestion {
  key: number
  text: string
  type: QuestionType
  /** How many options a multiple-choice question asks for (ignored for single choice). */
  choose: number
  options: string[]
}

let nextKey = 1

export function emptyQuestion(): DraftQuestion {
  return { key: nextKey++, text: '', type: 'single', choose: 1, options: ['', ''] }
}

/** The editor's start: a copy of a version, or one empty question. */
export function draftFrom(template: Pick<QuestionnaireTemplate, 'questions'> | null | undefined): DraftQuestion[] {
  const questions = template?.questions ?? []
  if (!questions.length) return [emptyQuestion()]
  return questions.map((q) => ({
    key: nextKey++,
    text: q.text,
    type: q.type,
    choose: q.type === 'multiple' && q.choose && q.choose > 0 ? q.choose : 1,
    options: [...q.options],
  }))
}

/** The list with the question at `index` moved by `delta` (−1 up, +1 down); unchanged at the ends. */
export function moveQuestion<T>(list: readonly T[], index: number, delta: number): T[] {
  const to = index + delta
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list]
  const out = [...list]
  const [item] = out.splice(index, 1)
  out.splice(to, 0, item)
  return out
}

export interface QuestionErrors {
  /** About the question as a whole (a server rule naming no part of it). */
  question?: string
  text?: string
  type?: string
  choose?: string
  /** About the options as a whole (how many). */
  options?: string
  /** About single options, by option index. */
  option?: Record<number, string>
}

export interface DraftErrors {
  /** About the questionnaire as a whole (how many questions). */
  form: string
  questions: QuestionErrors[]
}

/** Length in characters as the server counts them (𠮷 counts once). */
function chars(s: string): number {
  return Array.from(s).length
}

function checkQuestion(q: DraftQuestion): QuestionErrors {
  const L = QUESTIONNAIRE_LIMITS
  const e: QuestionErrors = {}
  const text = q.text.trim()
  if (!text) e.text = '请填写题目'
  else if (chars(text) > L.textMax) e.text = `题目不能超过${L.textMax}个字`
  if (q.type !== 'single' && q.type !== 'multiple') e.type = '请选择单选或多选'
  const n = q.options.length
  if (n < L.minOptions) e.options = `至少需要${L.minOptions}个选项`
  else if (n > L.maxOptions) e.options = `最多${L.maxOptions}个选项`
  const option: Record<number, string> = {}
  const seen = new Set<string>()
  q.options.forEach((raw, i) => {
    const o = raw.trim()
    if (!o) option[i] = '请填写选项'
    else if (chars(o) > L.optionMax) option[i] = `选项不能超过${L.optionMax}个字`
    else if (seen.has(o)) option[i] = '选项不能重复'
    seen.add(o)
  })
  if (Object.keys(option).length) e.option = option
  if (q.type === 'multiple' && !e.options) {
    const max = n - 1
    if (!Number.isInteger(q.choose) || q.choose < 1 || q.choose > max) e.choose = `应选项数应在1到${max}之间`
  }
  return e
}

/** Checks the draft like the server does; see hasDraftErrors. */
export function checkDraft(questions: readonly DraftQuestion[]): DraftErrors {
  const L = QUESTIONNAIRE_LIMITS
  let form = ''
  if (questions.length < L.minQuestions) form = `至少需要${L.minQuestions}道题`
  else if (questions.length > L.maxQuestions) form = `最多${L.maxQuestions}道题`
  return { form, questions: questions.map(checkQuestion) }
}

export function questionHasErrors(e: QuestionErrors | undefined): boolean {
  return !!e && !!(e.question || e.text || e.type || e.choose || e.options || (e.option && Object.keys(e.option).length))
}

export function hasDraftErrors(e: DraftErrors): boolean {
  return !!e.form || e.questions.some(questionHasErrors)
}

/** Index of the first question with an error, or −1. */
export function firstErrorIndex(e: DraftErrors): number {
  return e.questions.findIndex(questionHasErrors)
}

/** The body of POST /questionnaires: text trimmed, `choose` only for multiple choice. */
export function questionnaireBody(questions: readonly DraftQuestion[]): NewQuestionnaire {
  return {
    questions: questions.map((q) => {
      const out: NewQuestion = { text: q.text.trim(), type: q.type, options: q.options.map((o) => o.trim()) }
      if (q.type === 'multiple') out.choose = q.choose
      return out
    }),
  }
}

/** The draft as the phone will show it (ids q1…qN as the server assigns them). */
export function previewQuestions(questions: readonly DraftQuestion[]): Question[] {
  return questions.map((q, i) => ({
    id: `q${i + 1}`,
    text: q.text.trim(),
    type: q.type,
    choose: q.type === 'multiple' ? q.choose : null,
    options: q.options.map((o) => o.trim()),
  }))
}

export type QuestionPart = 'text' | 'type' | 'choose' | 'options'

export type FieldTarget =
  | { kind: 'form' }
  | { kind: 'question'; index: number; part: QuestionPart | null; option: number | null }

/**
 * Where a server field points: `questions` (the list), `questions.2` (the
 * third question), `questions.2.options` or `questions.2.options.1`; null for others.
 */
export function questionnaireField(field: string | null | undefined): FieldTarget | null {
  const m = /^questions(?:\.(\d+)(?:\.(text|type|choose|options)(?:\.(\d+))?)?)?$/.exec(field ?? '')
  if (!m) return null
  if (m[1] === undefined) return { kind: 'form' }
  return {
    kind: 'question',
    index: Number(m[1]),
    part: (m[2] as QuestionPart | undefined) ?? null,
    option: m[3] === undefined ? null : Number(m[3]),
  }
}

/**
 * Puts a server error under the question (and option) its field names.
 * Returns the question index it went to (−1 for the whole form), or null
 * when the field names nothing of the draft (show the message on its own).
 */
export function applyServerError(
  errors: DraftErrors,
  count: number,
  field: string | null | undefined,
  message: string,
): number | null {
  const target = questionnaireField(field)
  if (!target) return null
  if (target.kind === 'form') {
    errors.form = message
    return -1
  }
  if (target.index >= count) return null
  const e = (errors.questions[target.index] ??= {})
  if (target.part === 'options' && target.option !== null) e.option = { ...e.option, [target.option]: message }
  else if (target.part) e[target.part] = message
  else e.question = message
  return target.index
}

/** `1. …` lines of a version, for the history. */
export function questionSummary(q: Question): string {
  const kind = q.type === 'multiple' ? `多选，选${q.choose && q.choose > 0 ? q.choose : 1}项` : '单选'
  return `${q.text}（${kind}）：${q.options.join(' / ')}`
}
