/**
 * Account rules shared by every form that sets a username or a password.
 * The server is authoritative; these checks only give early feedback.
 * Each validator returns null when the value is fine, else a Chinese message.
 */

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,31}$/

export const PASSWORD_MIN_LENGTH = 8

export const USERNAME_HINT = '3–32 位，小写字母或数字开头，可含小写字母、数字、“.”、“_”、“-”'

export const PASSWORD_HINT = '至少 8 位，包含大写字母、小写字母、数字、符号中的至少 3 类，且不能包含用户名'

export function validateUsername(username: string): string | null {
  if (!username) return '请输入用户名'
  if (username.length < 3 || username.length > 32) return '用户名长度须为 3–32 位'
  if (!USERNAME_PATTERN.test(username)) {
    return '用户名只能由小写字母、数字、“.”、“_”、“-”组成，且以小写字母或数字开头'
  }
  return null
}

/** Which of the four character classes a password uses. */
export function passwordClasses(password: string): {
  upper: boolean
  lower: boolean
  digit: boolean
  symbol: boolean
} {
  return {
    upper: /[A-Z]/.test(password),
    lower: /[a-z]/.test(password),
    digit: /[0-9]/.test(password),
    symbol: /[^A-Za-z0-9]/.test(password),
  }
}

export function validatePassword(password: string, username = ''): string | null {
  if (!password) return '请输入密码'
  if (password.length < PASSWORD_MIN_LENGTH) return `密码至少 ${PASSWORD_MIN_LENGTH} 位`
  const classes = Object.values(passwordClasses(password)).filter(Boolean).length
  if (classes < 3) return '密码须包含大写字母、小写字母、数字、符号中的至少 3 类'
  const name = username.trim().toLowerCase()
  if (name && password.toLowerCase().includes(name)) return '密码不能包含用户名'
  return null
}

export function validatePasswordConfirm(password: string, confirm: string): string | null {
  if (!confirm) return '请再次输入密码'
  if (password !== confirm) return '两次输入的密码不一致'
  return null
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const MOBILE_PATTERN = /^1[3-9]\d{9}$/

/** Optional e-mail: empty is fine. */
export function validateEmail(email: string): string | null {
  if (!email) return null
  return EMAIL_PATTERN.test(email) ? null : '邮箱格式不正确'
}

/** Optional mainland mobile number: empty is fine. */
export function validateMobile(phone: string): string | null {
  if (!phone) return null
  return MOBILE_PATTERN.test(phone) ? null : '请输入 11 位手机号码'
}
