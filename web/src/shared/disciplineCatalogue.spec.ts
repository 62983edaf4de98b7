import { describe, expect, it } from 'vitest'
import { ENTRY_STATE_LABELS, entryState, groupCatalogue, newEntryErrors } from './disciplineCatalogue'
import type { DisciplineEntry } from './types'

const entry = (code: string, name: string, retired = false): DisciplineEntry => ({
  code,
  name,
  retired_at: retired ? '2026-05-01T02:00:00Z' : null,
  changed_by: null,
  changed_at: null,
})
const ITEMS = [
  entry('14', '护理学'),
  entry('14-01', '内科护理学'),
  entry('14-02', '外科护理学', true),
  entry('20', '旧学科', true),
  entry('21', '中医学'),
]

describe('discipline catalogue', () => {
  it('groups the entries under their 二级 group', () => {
    const groups = groupCatalogue(ITEMS)
    expect(groups.map((g) => g.group.code)).toEqual(['14', '20', '21'])
    expect(groups[0].entries.map((e) => e.code)).toEqual(['14-01', '14-02'])
    expect(groups[2].entries).toEqual([])
  })

  it('checks a new entry as the server does', () => {
    expect(newEntryErrors('21-01', '中医内科学', ITEMS)).toEqual({ code: '', name: '' })
    expect(newEntryErrors('22', '中药学', ITEMS)).toEqual({ code: '', name: '' })
    expect(newEntryErrors('2101', 'x', ITEMS).code).toContain('两位')
    expect(newEntryErrors('14-02', 'x', ITEMS).code).toBe('学科代码14-02已存在（停用的代码不能再用）')
    expect(newEntryErrors('20-01', 'x', ITEMS).code).toBe('二级学科20已停用，请先恢复')
    expect(newEntryErrors('15-01', 'x', ITEMS).code).toBe('二级学科15不存在，请先添加')
    expect(newEntryErrors('14-03', '内科护理学', ITEMS).name).toBe('同级已有名为“内科护理学”的学科')
    expect(newEntryErrors('22', '护理学', ITEMS).name).toContain('同级已有')
    expect(newEntryErrors('', '', ITEMS)).toEqual({ code: '请填写学科代码', name: '请填写学科名称' })
  })

  it('reads an entry under a retired group as retired with it', () => {
    const [, old] = groupCatalogue([...ITEMS, entry('20-01', '旧三级'), entry('20-02', '旧三级二', true)])
    expect(old.entries.map((e) => entryState(e, old.group))).toEqual(['group_retired', 'group_retired'])
    expect(entryState(ITEMS[2], ITEMS[0])).toBe('retired')
    expect(entryState(ITEMS[1], ITEMS[0])).toBe('in_use')
    expect(entryState(ITEMS[3], null)).toBe('retired')
    expect(ENTRY_STATE_LABELS.group_retired).toBe('随二级停用')
  })
})
