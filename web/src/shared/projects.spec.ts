import { describe, expect, it } from 'vitest'
import {
  ALL,
  bytesToBase64,
  checkImportFile,
  chinaYear,
  disciplineLabel,
  disciplineOptions,
  emptyFilters,
  filtersFromRoute,
  filtersToRoute,
  levelLabel,
  nationalNumberPrefix,
  orderedActions,
  projectQuery,
  publicProjectQuery,
  readFileAsBase64,
  rowNumber,
  statusLabel,
  unitLabel,
  validateCredits,
  validateNationalNumber,
  validatePlan,
  validateReason,
  yearOptions,
} from './projects'
import { buildUrl } from './api'
import type { Discipline } from './types'

const catalogue: Discipline[] = [
  {
    code: '14',
    name: '护理学',
    children: [
      { code: '14-01', name: '内科护理学' },
      { code: '14-02', name: '外科护理学' },
    ],
  },
  { code: '03', name: '临床内科学', children: [{ code: '03-01', name: '心血管病学' }] },
]

describe('labels and actions', () => {
  it('names levels and statuses, keeping unknown codes', () => {
    expect(levelLabel('national')).toBe('国家级')
    expect(levelLabel('provincial')).toBe('省级')
    expect(levelLabel('city')).toBe('city')
    expect(statusLabel('forwarded')).toBe('待省继教办审核')
    expect(statusLabel(null)).toBe('—')
  })

  it('orders the server actions as buttons and drops unknown ones', () => {
    expect(orderedActions(['delete', 'declare', 'edit'])).toEqual(['edit', 'declare', 'delete'])
    expect(orderedActions(['reject', 'approve', 'fly'])).toEqual(['approve', 'reject'])
    expect(orderedActions(undefined)).toEqual([])
  })

  it('names the unit with its department when there is one', () => {
    expect(unitLabel({ org_name: '省人民医院', department: '心内科' })).toBe('省人民医院/心内科')
    expect(unitLabel({ org_name: '省人民医院', department: null })).toBe('省人民医院')
    expect(unitLabel({ org_name: '省人民医院', department: '' })).toBe('省人民医院')
  })

  it('numbers rows across cursor pages', () => {
    expect(rowNumber(1, 20, 0)).toBe(1)
    expect(rowNumber(3, 20, 4)).toBe(45)
  })
})

describe('years', () => {
  it('uses the China calendar year', () => {
    expect(chinaYear(new Date('2026-12-31T15:59:00Z'))).toBe(2026)
    expect(chinaYear(new Date('2026-12-31T16:00:00Z'))).toBe(2027)
  })

  it('offers next year first, then the past years', () => {
    expect(yearOptions(new Date('2026-06-01T00:00:00Z'), 2)).toEqual([2027, 2026, 2025, 2024])
  })
})

describe('form checks', () => {
  it('prefills the national number from year and discipline', () => {
    expect(nationalNumberPrefix(2026, '14-02')).toBe('2026-14-02-')
    expect(nationalNumberPrefix('', '14-02')).toBe('')
    expect(nationalNumberPrefix(2026, '14')).toBe('')
  })

  it('checks the national number against its format, year and discipline', () => {
    expect(validateNationalNumber('2026-14-02-049', 2026, '14-02')).toBeNull()
    expect(validateNationalNumber(' 2026-14-02-049 ', '', '')).toBeNull()
    expect(validateNationalNumber('', 2026, '14-02')).toContain('请输入')
    expect(validateNationalNumber('2026-14-02-49', 2026, '14-02')).toContain('格式')
    expect(validateNationalNumber('2026140249', 2026, '14-02')).toContain('格式')
    expect(validateNationalNumber('2025-14-02-049', 2026, '14-02')).toContain('年份')
    expect(validateNationalNumber('2026-14-01-049', 2026, '14-02')).toContain('学科')
  })

  it('checks credits in half points up to 25', () => {
    expect(validateCredits(10)).toBeNull()
    expect(validateCredits(0.5)).toBeNull()
    expect(validateCredits(25)).toBeNull()
    expect(validateCredits(null)).toContain('请输入')
    expect(validateCredits(0)).toContain('大于 0')
    expect(validateCredits(25.5)).toContain('25')
    expect(validateCredits(1.3)).toContain('0.5')
  })

  it('checks plan and reason lengths', () => {
    expect(validatePlan('')).toContain('请填写')
    expect(validatePlan('太短')).toContain('至少')
    expect(validatePlan('第一天理论授课，第二天操作培训')).toBeNull()
    expect(validatePlan('字'.repeat(2001))).toContain('不能超过')
    expect(validateReason('  ')).toContain('请填写')
    expect(validateReason('缺')).toContain('至少')
    expect(validateReason('缺少计划')).toBeNull()
  })
})

describe('disciplines', () => {
  it('turns the catalogue into cascader options labelled with their codes', () => {
    expect(disciplineOptions(catalogue)[0]).toEqual({
      value: '14',
      label: '14 护理学',
      children: [
        { value: '14-01', label: '14-01 内科护理学' },
        { value: '14-02', label: '14-02 外科护理学' },
      ],
    })
    expect(disciplineOptions([{ code: '99', name: '其他', children: [] }])).toEqual([])
    expect(disciplineLabel({ code: '14-02', name: '外科护理学' })).toBe('14-02 外科护理学')
  })

  const withRetired: Discipline[] = [
    {
      code: '14',
      name: '护理学',
      children: [
        { code: '14-01', name: '内科护理学', retired: true },
        { code: '14-02', name: '外科护理学' },
      ],
    },
    {
      code: '21',
      name: '中医学',
      retired: true,
      children: [{ code: '21-01', name: '中医内科学', retired: true }],
    },
  ]

  it('offers no retired entry for a new choice', () => {
    expect(disciplineOptions(withRetired)).toEqual([
      { value: '14', label: '14 护理学', children: [{ value: '14-02', label: '14-02 外科护理学' }] },
    ])
  })

  it("keeps a project's retired code, disabled and marked", () => {
    expect(disciplineOptions(withRetired, { keep: '14-01' })[0].children).toEqual([
      { value: '14-01', label: '14-01 内科护理学（已停用）', disabled: true },
      { value: '14-02', label: '14-02 外科护理学' },
    ])
    expect(disciplineOptions(withRetired, { keep: '21-01' })[1]).toEqual({
      value: '21',
      label: '21 中医学（已停用）',
      disabled: true,
      children: [{ value: '21-01', label: '21-01 中医内科学（已停用）', disabled: true }],
    })
  })

  it('offers retired entries, marked, to the list filters', () => {
    const options = disciplineOptions(withRetired, { retired: 'marked' })
    expect(options.map((o) => o.label)).toEqual(['14 护理学', '21 中医学（已停用）'])
    expect(options[0].children?.[0]).toEqual({ value: '14-01', label: '14-01 内科护理学（已停用）' })
  })

  it('offers no group without a usable entry as a choice of its own (only 三级 codes are accepted)', () => {
    const empty: Discipline[] = [
      { code: '14', name: '护理学', children: [{ code: '14-01', name: '内科护理学' }] },
      { code: '22', name: '中药学', children: [] },
      { code: '23', name: '民族医学' },
    ]
    expect(disciplineOptions(empty).map((o) => o.value)).toEqual(['14'])
    // a project that has the group's code keeps it, shown and not choosable again
    expect(disciplineOptions(empty, { keep: '22' })[1]).toEqual({ value: '22', label: '22 中药学', disabled: true })
    // the list filters pick a group too (checkStrictly): every group stays
    expect(disciplineOptions(empty, { retired: 'marked' }).map((o) => o.value)).toEqual(['14', '22', '23'])
  })
})

describe('filters', () => {
  it('builds the list query without 全部 and empty values, trimming text', () => {
    const f = emptyFilters({ year: 2026, name: '  护理 ', leader: ' ', status: 'forwarded', organisation: 'x' })
    expect(projectQuery(f)).toEqual({ year: 2026, name: '护理', status: 'forwarded' })
    expect(buildUrl('/projects', { ...projectQuery(f), limit: 20 })).toBe(
      '/api/projects?year=2026&name=%E6%8A%A4%E7%90%86&status=forwarded&limit=20',
    )
    expect(projectQuery(emptyFilters())).toEqual({})
    expect(projectQuery(emptyFilters({ level: 'national', org_id: 'o1' }))).toEqual({ level: 'national', org_id: 'o1' })
  })

  it('builds the public query', () => {
    const f = emptyFilters({ level: 'provincial', organisation: ' 南京 ', discipline: '14-02', status: 'draft', org_id: 'o1' })
    expect(publicProjectQuery(f)).toEqual({ level: 'provincial', organisation: '南京', discipline: '14-02' })
  })

  it('keeps filters in the URL, only where they differ from the defaults', () => {
    const defaults = emptyFilters({ year: 2026, status: 'forwarded' })
    expect(filtersToRoute(defaults, defaults)).toEqual({})
    const changed = { ...defaults, year: '' as const, status: '' as const, level: 'national' as const, name: ' 护理 ' }
    const q = filtersToRoute(changed, defaults)
    expect(q).toEqual({ year: ALL, status: ALL, level: 'national', name: '护理' })
    expect(filtersFromRoute(q, defaults)).toEqual({ ...changed, name: '护理' })
    expect(filtersToRoute(emptyFilters({ year: 2024 }), emptyFilters())).toEqual({ year: '2024' })
  })

  it('treats a cleared (null) field as empty', () => {
    const cleared = { ...emptyFilters(), discipline: null, org_id: null } as unknown as ReturnType<typeof emptyFilters>
    expect(publicProjectQuery(cleared)).toEqual({})
    expect(projectQuery(cleared)).toEqual({})
    expect(filtersToRoute(cleared, emptyFilters())).toEqual({})
  })

  it('reads the URL leniently', () => {
    const defaults = emptyFilters({ year: 2026 })
    expect(filtersFromRoute({}, defaults)).toEqual(defaults)
    expect(filtersFromRoute({ year: 'abc', level: 'city', status: 'lost' }, defaults)).toEqual(defaults)
    expect(filtersFromRoute({ year: ['2024', '2025'], leader: '王' }, defaults)).toEqual({ ...defaults, year: 2024, leader: '王' })
  })
})

describe('files', () => {
  it('accepts only non-empty .xlsx files up to 4 MB', () => {
    expect(checkImportFile({ name: '项目.xlsx', size: 1000 })).toBeNull()
    expect(checkImportFile({ name: 'A.XLSX', size: 1000 })).toBeNull()
    expect(checkImportFile({ name: '项目.xls', size: 1000 })).toContain('.xlsx')
    expect(checkImportFile({ name: '项目.xlsx', size: 0 })).toContain('空')
    expect(checkImportFile({ name: '项目.xlsx', size: 5 * 1024 * 1024 })).toContain('4 MB')
  })

  it('encodes bytes as base64', () => {
    expect(bytesToBase64(new Uint8Array([]))).toBe('')
    expect(bytesToBase64(new TextEncoder().encode('Man'))).toBe('TWFu')
    expect(bytesToBase64(new Uint8Array([0, 255, 128, 1]))).toBe('AP+AAQ==')
  })

  it('encodes large files the same as a one-shot encoding', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7) % 256)
    let binary = ''
    for (const b of bytes) binary += String.fromCharCode(b)
    expect(bytesToBase64(bytes)).toBe(btoa(binary))
  })

  it('reads a file as base64 without a data: prefix', async () => {
    const file = new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04])], 'a.xlsx')
    expect(await readFileAsBase64(file)).toBe('UEsDBA==')
  })
})
