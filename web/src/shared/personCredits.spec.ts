import { describe, expect, it } from 'vitest'
import {
  checkPersonCreditsQuery,
  creditNumber,
  levelRows,
  requirementPercent,
  requirementRule,
  requirementText,
  yearOptions,
} from './personCredits'
import type { YearRequirement } from './types'

const NEED: YearRequirement = {
  total_credits: 25,
  classes: [{ credit_class: 'I类', min_credits: 5, shortfall: 3 }],
  source: '依据',
  met: false,
  shortfall: 23,
}

describe('person credits form', () => {
  it('sends the normalised number, the trimmed name and the year', () => {
    const checked = checkPersonCreditsQuery({ id_number: ' 11010519491231002x ', name: ' 张三 ', year: 2026 })
    expect(checked).toEqual({ ok: true, body: { id_number: '11010519491231002X', name: '张三', year: 2026 } })
  })

  it('names each wrong field', () => {
    const checked = checkPersonCreditsQuery({ id_number: '1234', name: '', year: null })
    expect(checked.ok).toBe(false)
    if (!checked.ok) {
      expect(checked.errors.id_number).toContain('18位')
      expect(checked.errors.name).toBe('请输入姓名')
      expect(checked.errors.year).toBe('请选择年度')
    }
  })

  it('offers this year and the nine before it', () => {
    expect(yearOptions('2026-03-01')).toEqual([2026, 2025, 2024, 2023, 2022, 2021, 2020, 2019, 2018, 2017])
  })
})

describe('person credits display', () => {
  it('tells what is missing against the requirement', () => {
    expect(requirementText(NEED)).toBe('尚未达到年度要求：还差 23 学分，其中I类学分还差 3 分')
    const met = { ...NEED, met: true, shortfall: 0, classes: [{ credit_class: 'I类', min_credits: 5, shortfall: 0 }] }
    expect(requirementText(met)).toBe('已达到年度学分要求')
    expect(requirementText(null)).toBe('本年度暂无学分要求数据')
    expect(requirementRule(NEED)).toBe('每年不少于25学分，其中I类学分不少于5学分')
  })

  it('names every class the rules set a minimum for', () => {
    const both: YearRequirement = {
      ...NEED,
      shortfall: 0,
      classes: [
        { credit_class: 'I类', min_credits: 10, shortfall: 2.5 },
        { credit_class: 'II类', min_credits: 15, shortfall: 0 },
      ],
    }
    expect(requirementRule(both)).toBe('每年不少于25学分，其中I类学分不少于10学分，II类学分不少于15学分')
    expect(requirementText(both)).toBe('尚未达到年度要求：I类学分还差 2.5 分')
    const shortOfBoth: YearRequirement = {
      ...both,
      shortfall: 12,
      classes: [
        { credit_class: 'I类', min_credits: 10, shortfall: 2.5 },
        { credit_class: 'II类', min_credits: 15, shortfall: 4 },
      ],
    }
    // "其中" once, before the first class
    expect(requirementText(shortOfBoth)).toBe('尚未达到年度要求：还差 12 学分，其中I类学分还差 2.5 分，II类学分还差 4 分')
    expect(requirementRule({ total_credits: 25, classes: [] })).toBe('每年不少于25学分')
  })

  it('bounds the progress and rounds credits to a tenth', () => {
    expect(requirementPercent({ total_credits: 2 }, NEED)).toBe(8)
    expect(requirementPercent({ total_credits: 40 }, NEED)).toBe(100)
    expect(creditNumber(2.0)).toBe('2')
    expect(creditNumber(12.25)).toBe('12.3')
  })

  it('puts level and class in a table, national first', () => {
    const rows = levelRows({
      by_level: [
        { level: 'national', level_label: '国家级', credit_class: 'I类', credits: 2 },
        { level: 'national', level_label: '国家级', credit_class: 'II类', credits: 0 },
        { level: 'provincial', level_label: '省级', credit_class: 'I类', credits: 1.5 },
        { level: 'provincial', level_label: '省级', credit_class: 'II类', credits: 0 },
      ],
    })
    expect(rows).toEqual([
      { label: '国家级', classI: 2, classII: 0 },
      { label: '省级', classI: 1.5, classII: 0 },
    ])
  })
})
