/**
 * 学科目录 as the office keeps it (API /api/discipline-catalogue): the
 * catalogue grouped for display and the checks of a new entry, mirroring the
 * server's (which checks again, under the catalogue's revision). No UI library.
 */
import { request } from './api'
import type { DisciplineCatalogue, DisciplineEntry } from './types'

export const disciplineCatalogueApi = {
  get: () => request<DisciplineCatalogue>('/discipline-catalogue'),
  add: (revision: number, code: string, name: string) =>
    request<DisciplineCatalogue>('/discipline-catalogue', { method: 'POST', body: { revision, code, name } }),
  setRetired: (revision: number, code: string, retired: boolean) =>
    request<DisciplineCatalogue>(`/discipline-catalogue/${encodeURIComponent(code)}`, {
      method: 'PUT',
      body: { revision, retired },
    }),
}

export const GROUP_CODE = /^\d{2}$/
export const ENTRY_CODE = /^\d{2}-\d{2}$/
export const CODE_HINT = '二级学科两位数字（如 21），三级学科“二级代码-两位数字”（如 21-01）；代码停用后也不能再用'
export const DISCIPLINE_NAME_MAX = 30

/** A 二级 group with its 三级 entries, in code order. */
export interface CatalogueGroup {
  group: DisciplineEntry
  entries: DisciplineEntry[]
}

/**
 * An entry's state as the server reads it: a 三级 entry under a retired 二级
 * group is retired with it (and cannot be restored before the group is),
 * whether or not it was retired itself.
 */
export type EntryState = 'in_use' | 'retired' | 'group_retired'
export const ENTRY_STATE_LABELS: Record<EntryState, string> = { in_use: '使用中', retired: '停用', group_retired: '随二级停用' }
export const RESTORE_GROUP_FIRST = '请先恢复二级学科'

/** The state of `entry`, given its 二级 group (null for a group itself). */
export function entryState(entry: Pick<DisciplineEntry, 'retired_at'>, group: Pick<DisciplineEntry, 'retired_at'> | null): EntryState {
  if (group?.retired_at) return 'group_retired'
  return entry.retired_at ? 'retired' : 'in_use'
}

/** The flat catalogue (code order) as groups with their entries; an entry whose group is missing is left out. */
export function groupCatalogue(items: readonly DisciplineEntry[]): CatalogueGroup[] {
  const groups = new Map<string, CatalogueGroup>()
  for (const item of items) if (GROUP_CODE.test(item.code)) groups.set(item.code, { group: item, entries: [] })
  for (const item of items) if (ENTRY_CODE.test(item.code)) groups.get(item.code.slice(0, 2))?.entries.push(item)
  return [...groups.values()]
}

/** What is wrong with a new entry, by field, in the server's words; empty strings when it may be sent. */
export function newEntryErrors(code: string, name: string, items: readonly DisciplineEntry[]): { code: string; name: string } {
  const errors = { code: '', name: '' }
  const c = code.trim()
  const n = name.trim()
  if (!c) errors.code = '请填写学科代码'
  else if (!GROUP_CODE.test(c) && !ENTRY_CODE.test(c)) errors.code = '学科代码应为两位（二级）或“两位-两位”（三级）数字'
  else if (items.some((e) => e.code === c)) errors.code = `学科代码${c}已存在（停用的代码不能再用）`
  else if (ENTRY_CODE.test(c)) {
    const group = items.find((e) => e.code === c.slice(0, 2))
    if (!group) errors.code = `二级学科${c.slice(0, 2)}不存在，请先添加`
    else if (group.retired_at) errors.code = `二级学科${c.slice(0, 2)}已停用，请先恢复`
  }
  if (!n) errors.name = '请填写学科名称'
  else if (n.length > DISCIPLINE_NAME_MAX) errors.name = `学科名称不能超过 ${DISCIPLINE_NAME_MAX} 个字`
  else if (!errors.code) {
    const siblings = items.filter((e) => e.code.length === c.length && (c.length === 2 || e.code.startsWith(`${c.slice(0, 2)}-`)))
    if (siblings.some((e) => e.name === n)) errors.name = `同级已有名为“${n}”的学科`
  }
  return errors
}
