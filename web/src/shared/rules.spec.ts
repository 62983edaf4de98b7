import { describe, expect, it } from 'vitest'
import {
  passwordClasses,
  validateEmail,
  validateMobile,
  validatePassword,
  validatePasswordConfirm,
  validateUsername,
} from './rules'

describe('validateUsername', () => {
  it.each(['abc', 'office-demo', 'a.b_c-d', '0zhang', 'x'.repeat(32)])('accepts %s', (name) => {
    expect(validateUsername(name)).toBeNull()
  })

  it.each([
    ['', '请输入用户名'],
    ['ab', '长度'],
    ['x'.repeat(33), '长度'],
    ['Admin', '小写'],
    ['-abc', '开头'],
    ['.abc', '开头'],
    ['张三abc', '小写'],
    ['ab c', '小写'],
    ['abc@x', '小写'],
  ])('rejects %j', (name, part) => {
    expect(validateUsername(name)).toContain(part)
  })
})

describe('validatePassword', () => {
  it('accepts 8+ chars with 3 of 4 classes', () => {
    expect(validatePassword('Demo@2026')).toBeNull()
    expect(validatePassword('abcdEF12')).toBeNull() // upper, lower, digit
    expect(validatePassword('abcdef1!')).toBeNull() // lower, digit, symbol
    expect(validatePassword('ABCDEF1!')).toBeNull() // upper, digit, symbol
    expect(validatePassword('Abcdefg!')).toBeNull() // upper, lower, symbol
  })

  it('rejects short passwords', () => {
    expect(validatePassword('Ab1!xyz')).toContain('8')
  })

  it('rejects passwords with fewer than 3 classes', () => {
    expect(validatePassword('abcdefgh')).toContain('3 类')
    expect(validatePassword('abcd1234')).toContain('3 类')
    expect(validatePassword('ABCD!@#$')).toContain('3 类')
  })

  it('rejects passwords containing the username, ignoring case', () => {
    expect(validatePassword('Zhang.san1!', 'zhang.san')).toContain('用户名')
    expect(validatePassword('xxOFFICE-demo1', 'office-demo')).toContain('用户名')
    expect(validatePassword('Demo@2026', 'office-demo')).toBeNull()
  })

  it('requires a value', () => {
    expect(validatePassword('')).toBe('请输入密码')
  })

  it('counts character classes', () => {
    expect(passwordClasses('aB3 ')).toEqual({ upper: true, lower: true, digit: true, symbol: true })
    expect(passwordClasses('abc')).toEqual({ upper: false, lower: true, digit: false, symbol: false })
  })
})

describe('other field rules', () => {
  it('confirms passwords', () => {
    expect(validatePasswordConfirm('Demo@2026', 'Demo@2026')).toBeNull()
    expect(validatePasswordConfirm('Demo@2026', 'Demo@2027')).toContain('不一致')
    expect(validatePasswordConfirm('Demo@2026', '')).toContain('再次')
  })

  it('checks optional e-mail and mobile', () => {
    expect(validateEmail('')).toBeNull()
    expect(validateEmail('a@b.cn')).toBeNull()
    expect(validateEmail('a@b')).not.toBeNull()
    expect(validateMobile('')).toBeNull()
    expect(validateMobile('13812345678')).toBeNull()
    expect(validateMobile('12812345678')).not.toBeNull()
    expect(validateMobile('1381234567')).not.toBeNull()
  })
})
