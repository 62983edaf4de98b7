/**
 * 个人年度学分: one person's credits of one year from the person-year ledger
 * (API POST /api/public/person-credits without login, POST /api/person-credits
 * for the office), with the pure helpers of the form and of the display shared
 * by the phone page and the console. The server checks and masks everything
 * again; nothing of the form goes into a URL.
 */
import { request } from './api'
import { NAME_MAX_LENGTH, idPartError, nameError } from './certificates'
import { normalizeIdNumber } from './identity'
import { chinaToday } from './time'
import type { PersonCredits, PersonCreditsQuery, YearRequirement } from './types'

export const personCreditsApi = {
  /**
   * No login. 404 PERSON_CREDITS_NOT_FOUND alike for an unknown number, a wrong
   * name and a year without credits; 429 PERSON_CREDITS_LOCKED after five of
   * those within a day for the number or the name (with the birth date).
   */
  lookup: (body: PersonCreditsQuery) =>
    request<PersonCredits>('/public/person-credits', { method: 'POST', body, auth: false }),
  /** The office's view of any person (longer mask, full name); audited. */
  forOffice: (body: PersonCreditsQuery) => request<PersonCredits>('/person-credits', { method: 'POST', body }),
}

export { NAME_MAX_LENGTH }

/** "12.5" / "2": credits without a trailing ".0". */
export function creditNumber(value: number): string {
  return String(Math.round(value * 10) / 10)
}

/**
 * A yearly requirement in words, the one formatter of the rules' table and of a
 * person's year: "每年不少于25学分，其中I类学分不少于5学分" (classes without a minimum left out).
 */
export function yearlyRule(total: number, minimums: readonly { credit_class: string; credits: number }[]): string {
  const classes = minimums.filter((c) => c.credits > 0).map((c) => `${c.credit_class}学分不少于${creditNumber(c.credits)}学分`)
  const head = `每年不少于${creditNumber(total)}学分`
  return classes.length ? `${head}，其中${classes.join('，')}` : head
}

/** The years offered: this year (China) and the nine before it, newest first. */
export function yearOptions(today: string = chinaToday(), count = 10): number[] {
  const year = Number(today.slice(0, 4))
  return Array.from({ length: count }, (_, i) => year - i)
}

export type PersonCreditsForm = { id_number: string; name: string; year: number | null }
export type PersonCreditsErrors = { id_number: string; name: string; year: string }

/** The body to send, or the error of each field ('' when fine). */
export function checkPersonCreditsQuery(
  form: PersonCreditsForm,
): { ok: true; body: PersonCreditsQuery } | { ok: false; errors: PersonCreditsErrors } {
  const errors: PersonCreditsErrors = {
    id_number: idPartError(form.id_number),
    name: nameError(form.name),
    year: form.year ? '' : '请选择年度',
  }
  if (errors.id_number || errors.name || errors.year) return { ok: false, errors }
  return {
    ok: true,
    body: { id_number: normalizeIdNumber(form.id_number), name: form.name.trim(), year: form.year as number },
  }
}

/** How far the year is along the requirement, 0–100 (for a progress bar). */
export function requirementPercent(year: Pick<PersonCredits, 'total_credits'>, need: YearRequirement | null): number {
  if (!need || need.total_credits <= 0) return 0
  return Math.min(100, Math.round((year.total_credits / need.total_credits) * 100))
}

/** The one-line verdict: "已达到年度要求" or what is still missing, in total and per class. */
export function requirementText(need: YearRequirement | null): string {
  if (!need) return '本年度暂无学分要求数据'
  if (need.met) return '已达到年度学分要求'
  const total = need.shortfall > 0 ? [`还差 ${creditNumber(need.shortfall)} 学分`] : []
  const classes = need.classes
    .filter((c) => c.shortfall > 0)
    .map((c) => `${c.credit_class}学分还差 ${creditNumber(c.shortfall)} 分`)
  // "其中" once, before the first class, and only under a total shortfall
  if (total.length && classes.length) classes[0] = `其中${classes[0]}`
  return `尚未达到年度要求：${[...total, ...classes].join('，')}`
}

/** "每年不少于25学分，其中I类学分不少于5学分": the person's requirement through the rules' one formatter. */
export function requirementRule(need: Pick<YearRequirement, 'total_credits' | 'classes'>): string {
  return yearlyRule(
    need.total_credits,
    need.classes.map((c) => ({ credit_class: c.credit_class, credits: c.min_credits })),
  )
}

/** The rows of the level × class table, national first, with their Chinese labels. */
export function levelRows(year: Pick<PersonCredits, 'by_level'>): { label: string; classI: number; classII: number }[] {
  const rows = new Map<string, { label: string; classI: number; classII: number }>()
  for (const item of year.by_level) {
    const row = rows.get(item.level) ?? { label: item.level_label, classI: 0, classII: 0 }
    if (item.credit_class === 'I类') row.classI = item.credits
    else row.classII = item.credits
    rows.set(item.level, row)
  }
  return [...rows.values()]
}
