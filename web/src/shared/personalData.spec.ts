import { describe, expect, it } from 'vitest'
import { correctionBody, referenceError, unitError } from './personalData'
import type { Correctable } from './types'

const current = { name: '张三', unit: '南京市第一医院', version: 3 } as Correctable

describe('correctionBody', () => {
  it('sends only what changed, with the version the form read', () => {
    expect(correctionBody(current, '张叁', '南京市第一医院', ' GZ-1 ')).toEqual({ name: '张叁', reference: 'GZ-1', version: 3 })
    expect(correctionBody(current, '张三', '南京市第二医院', 'GZ-1')).toEqual({
      unit: '南京市第二医院',
      reference: 'GZ-1',
      version: 3,
    })
  })

  it('is null when nothing changed, and never sends a unit for a record without one', () => {
    expect(correctionBody(current, ' 张三 ', '南京市第一医院', 'GZ-1')).toBeNull()
    expect(correctionBody({ ...current, unit: null }, '张三', '某医院', 'GZ-1')).toBeNull()
  })
})

describe('checks', () => {
  it('require a reference and a unit within their limits', () => {
    expect(referenceError(' ')).toBe('请输入申请编号')
    expect(referenceError('x'.repeat(61))).toContain('60')
    expect(unitError('')).toBe('请输入单位')
    expect(unitError('南京')).toBe('')
  })
})
