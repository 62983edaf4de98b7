/**
 * Attendee identity rules (pure functions, no UI library): resident ID numbers
 * (GB 11643, also the 2023 foreign permanent-residence card, which has the same
 * layout and check), what they tell about birth date, gender and age, and the
 * mainland mobile rule. The server checks the same rules again
 * (chalicelib/services/identity.py) with the same messages.
 */
import { chinaToday } from './time'

export type Gender = 'male' | 'female'

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK = '10X98765432'
const SHAPE = /^\d{17}[\dX]$/
export const MOBILE_RE = /^1[3-9]\d{9}$/

export const GENDER_LABELS: Record<Gender, string> = { male: '男', female: '女' }

export type IdCheck =
  | { ok: true; number: string; birthDate: string; gender: Gender; age: number }
  | { ok: false; code: 'ID_REQUIRED' | 'ID_FORMAT' | 'ID_CHECKSUM' | 'ID_BIRTH_DATE'; message: string }

/** Trimmed, inner spaces removed, a lowercase x made uppercase. */
export function normalizeIdNumber(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase()
}

/** The check character the first 17 digits call for. */
export function idCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]
  return CHECK[sum % 11]
}

/** Whole years from `birthDate` to `today` (both `YYYY-MM-DD`). */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number)
  const [ty, tm, td] = today.split('-').map(Number)
  const beforeBirthday = tm < bm || (tm === bm && td < bd)
  return ty - by - (beforeBirthday ? 1 : 0)
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return d <= days
}

/**
 * Checks an ID number and derives birth date, gender (17th digit odd = male)
 * and age on `today` (China date `YYYY-MM-DD`, default today in China).
 */
export function checkIdNumber(raw: string, today: string = chinaToday()): IdCheck {
  const number = normalizeIdNumber(raw)
  if (!number) return { ok: false, code: 'ID_REQUIRED', message: '请填写身份证号码' }
  if (!SHAPE.test(number)) {
    return { ok: false, code: 'ID_FORMAT', message: '身份证号码应为18位，最后一位可以是数字或X' }
  }
  if (idCheckChar(number) !== number[17]) {
    return { ok: false, code: 'ID_CHECKSUM', message: '身份证号码校验位不正确，请核对' }
  }
  const y = Number(number.slice(6, 10))
  const m = Number(number.slice(10, 12))
  const d = Number(number.slice(12, 14))
  if (!isRealDate(y, m, d)) {
    return { ok: false, code: 'ID_BIRTH_DATE', message: '身份证号码中的出生日期无效' }
  }
  const birthDate = `${number.slice(6, 10)}-${number.slice(10, 12)}-${number.slice(12, 14)}`
  const ty = Number(today.slice(0, 4))
  if (birthDate > today || ty - y > 120) {
    return { ok: false, code: 'ID_BIRTH_DATE', message: '身份证号码中的出生日期不合理' }
  }
  const gender: Gender = Number(number[16]) % 2 === 1 ? 'male' : 'female'
  return { ok: true, number, birthDate, gender, age: ageOn(birthDate, today) }
}

/** Mainland mobile: 11 digits, `1` then 3–9 (no prefix whitelist). */
export function isValidMobile(raw: string): boolean {
  return MOBILE_RE.test(raw.trim())
}

/** `320102********1234`, as the server shows it. */
export function maskIdNumber(number: string): string {
  const n = normalizeIdNumber(number)
  return n.length === 18 ? `${n.slice(0, 6)}********${n.slice(-4)}` : '******'
}
