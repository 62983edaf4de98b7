import { describe, expect, it } from 'vitest'
import { ageOn, checkIdNumber, idCheckChar, isValidMobile, maskIdNumber, normalizeIdNumber } from './identity'

const TODAY = '2026-12-10'

describe('checkIdNumber', () => {
  it('accepts a valid number and derives birth date, gender and age', () => {
    expect(checkIdNumber('320102199003071239', TODAY)).toEqual({
      ok: true,
      number: '320102199003071239',
      birthDate: '1990-03-07',
      gender: 'male',
      age: 36,
    })
  })

  it('reads an even 17th digit as female and accepts X as check character', () => {
    const r = checkIdNumber('11010519491231002X', TODAY)
    expect(r).toMatchObject({ ok: true, gender: 'female', birthDate: '1949-12-31', age: 76 })
  })

  it('accepts a lowercase x and surrounding spaces, normalising to X', () => {
    const r = checkIdNumber(' 11010519491231002x ', TODAY)
    expect(r).toMatchObject({ ok: true, number: '11010519491231002X' })
    expect(normalizeIdNumber('1101 0519 4912 31002x')).toBe('11010519491231002X')
  })

  it('rejects a wrong check character', () => {
    expect(checkIdNumber('320102199003071238', TODAY)).toMatchObject({ ok: false, code: 'ID_CHECKSUM' })
    expect(checkIdNumber('110105194912310021', TODAY)).toMatchObject({ ok: false, code: 'ID_CHECKSUM' })
  })

  it('rejects a birth date that does not exist, even with a right check character', () => {
    // 1990-02-30 with its correct check character 1
    expect(idCheckChar('32010219900230123')).toBe('1')
    expect(checkIdNumber('320102199002301231', TODAY)).toMatchObject({
      ok: false,
      code: 'ID_BIRTH_DATE',
      message: '身份证号码中的出生日期无效',
    })
  })

  it('rejects a birth date in the future or more than 120 years ago', () => {
    // born 2026-12-11, the day after TODAY
    expect(checkIdNumber('320102202612110015', TODAY)).toMatchObject({ ok: false, code: 'ID_BIRTH_DATE' })
    expect(checkIdNumber('320102202612110015', '2026-12-11')).toMatchObject({ ok: true, age: 0 })
    const old = '32010218990101001'
    expect(checkIdNumber(old + idCheckChar(old), TODAY)).toMatchObject({ ok: false, code: 'ID_BIRTH_DATE' })
  })

  it('rejects wrong shapes', () => {
    expect(checkIdNumber('', TODAY)).toMatchObject({ ok: false, code: 'ID_REQUIRED' })
    expect(checkIdNumber('32010219900307123', TODAY)).toMatchObject({ ok: false, code: 'ID_FORMAT' })
    expect(checkIdNumber('3201021990030712399', TODAY)).toMatchObject({ ok: false, code: 'ID_FORMAT' })
    expect(checkIdNumber('X20102199003071239', TODAY)).toMatchObject({ ok: false, code: 'ID_FORMAT' })
    expect(checkIdNumber('32010219900307123Y', TODAY)).toMatchObject({ ok: false, code: 'ID_FORMAT' })
  })

  it('accepts the foreign permanent-residence card (starts with 9, same check)', () => {
    expect(checkIdNumber('910000199001010012', TODAY)).toMatchObject({ ok: true, gender: 'male' })
  })

  it('uses China today by default', () => {
    expect(checkIdNumber('320102199003071239').ok).toBe(true)
  })
})

describe('ageOn', () => {
  it('counts a year only on or after the birthday', () => {
    expect(ageOn('1990-03-07', '2026-03-06')).toBe(35)
    expect(ageOn('1990-03-07', '2026-03-07')).toBe(36)
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25)
    expect(ageOn('2000-02-29', '2026-03-01')).toBe(26)
  })
})

describe('isValidMobile', () => {
  it('accepts 11 digits starting 1 then 3–9', () => {
    for (const m of ['13800138000', '19912345678', '16612345678', ' 15012345678 ']) expect(isValidMobile(m)).toBe(true)
  })
  it('rejects other shapes', () => {
    for (const m of ['', '12812345678', '10012345678', '1381234567', '138123456789', '2381234567a', '+8613800138000'])
      expect(isValidMobile(m)).toBe(false)
  })
})

describe('maskIdNumber', () => {
  it('keeps the first six and the last four', () => {
    expect(maskIdNumber('320102199003071239')).toBe('320102********1239')
    expect(maskIdNumber('short')).toBe('******')
  })
})
