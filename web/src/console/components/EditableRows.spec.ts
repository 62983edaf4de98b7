import { describe, expect, it } from 'vitest'
import { h, nextTick, reactive } from 'vue'
import { mountForTest } from '@/shared/testing'
import EditableRows from './EditableRows.vue'

interface Row {
  name: string
  hours: number | null
}

const COLUMNS = [
  { key: 'name', label: '姓名' },
  { key: 'hours', label: '授课学时', width: '120px' },
] as const

async function mountRows(rows: Row[], errors: Partial<Record<keyof Row, string>>[], removed: number[] = []) {
  const { root } = await mountForTest(
    EditableRows,
    {
      rows,
      errors,
      columns: COLUMNS,
      noun: '位授课人',
      rowTest: 'lecturer',
      removeTest: 'lecturer',
      'data-test': 'lecturer-editor',
      onRemove: (i: number) => removed.push(i),
    },
    {
      name: ({ row, index }: { row: Row; index: number }) => h('span', { 'data-test': `name-${index}` }, row.name),
      hours: ({ row }: { row: Row }) => h('span', String(row.hours)),
      foot: () => h('button', { 'data-test': 'add' }, '添加授课人'),
    },
  )
  return root
}

describe('EditableRows', () => {
  it('numbers the rows, fills each cell from the slot of its column and puts the attributes on the table', async () => {
    const root = await mountRows([{ name: '赵医生', hours: 2 }, { name: '钱医生', hours: 1.5 }], [{}, {}])
    const table = root.querySelector('table')!
    expect(table.getAttribute('data-test')).toBe('lecturer-editor')
    expect([...table.querySelectorAll('th')].map((th) => th.textContent)).toEqual(['序号', '姓名', '授课学时', '操作'])
    expect(table.querySelectorAll('th')[2].getAttribute('style')).toContain('width: 120px')
    const second = root.querySelector('[data-test=lecturer-1]')!
    expect(second.querySelector('td')!.textContent).toBe('2')
    expect(second.querySelector('[data-test=name-1]')!.textContent).toBe('钱医生')
    expect(second.textContent).toContain('1.5')
    expect(root.querySelector('.rows-foot [data-test=add]')!.textContent).toBe('添加授课人')
    expect(root.querySelector('[role=alert]')).toBeNull()
  })

  it('shows a cell error under its cell and marks the cell', async () => {
    const errors = reactive<Partial<Record<keyof Row, string>>[]>([{}, {}])
    const root = await mountRows([{ name: '', hours: 2 }, { name: '钱医生', hours: 30 }], errors)
    errors[1] = { hours: '授课学时不能超过总学时' }
    await nextTick()
    const cells = root.querySelectorAll('[data-test=lecturer-1] td')
    expect(cells[1].classList.contains('bad')).toBe(false)
    expect(cells[2].classList.contains('bad')).toBe(true)
    expect(cells[2].querySelector('[role=alert]')!.textContent).toBe('授课学时不能超过总学时')
    expect(root.querySelectorAll('[role=alert]')).toHaveLength(1)
  })

  it('deletes a row by its button, which is off while only one row is left', async () => {
    const removed: number[] = []
    let root = await mountRows([{ name: '赵医生', hours: 2 }, { name: '钱医生', hours: 1 }], [{}, {}], removed)
    const button = root.querySelector<HTMLButtonElement>('[data-test=lecturer-1-remove]')!
    expect(button.getAttribute('aria-label')).toBe('删除第2位授课人')
    expect(button.disabled).toBe(false)
    button.click()
    expect(removed).toEqual([1])

    root = await mountRows([{ name: '赵医生', hours: 2 }], [{}], removed)
    expect(root.querySelector<HTMLButtonElement>('[data-test=lecturer-0-remove]')!.disabled).toBe(true)
  })
})
