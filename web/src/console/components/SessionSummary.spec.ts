import { describe, expect, it } from 'vitest'
import { mountForTest } from '@/shared/testing'
import type { Session } from '@/shared/types'
import SessionSummary from './SessionSummary.vue'

function session(overrides: Partial<Session> = {}): Session {
  return {
    session_id: 'ses-1',
    project_id: 'p1',
    seq: 2,
    project_number: '2026-14-02-049(国)',
    project_name: '围手术期护理进展',
    org_name: '南京示范医院',
    department: '护理部',
    venue: '南京市鼓楼区示范医院学术报告厅',
    start_date: '2026-12-10',
    end_date: '2026-12-11',
    ...overrides,
  } as Session
}

/** label → value of each item, as shown. */
function items(root: HTMLElement): Record<string, string> {
  const cells = [...root.querySelectorAll('.el-descriptions__cell')].map((c) => c.textContent?.trim() ?? '')
  const out: Record<string, string> = {}
  for (let i = 0; i < cells.length; i += 2) out[cells[i]] = cells[i + 1]
  return out
}

describe('SessionSummary', () => {
  it('shows the project with its 期, the venue, the dates and the unit', async () => {
    const { root } = await mountForTest(SessionSummary, { session: session(), 'data-test': 'attendance-session' })
    expect(root.querySelector('[data-test=attendance-session]')).not.toBeNull()
    expect(items(root)).toEqual({
      项目编号: '2026-14-02-049(国)',
      项目名称: '围手术期护理进展第2期',
      会场地址: '南京市鼓楼区示范医院学术报告厅',
      举办日期: '2026-12-10 至 2026-12-11',
      举办单位: '南京示范医院/护理部',
    })
  })

  it('shows a dash without a project number and the organisation alone without a department', async () => {
    const { root } = await mountForTest(SessionSummary, { session: session({ project_number: '', department: '', end_date: '2026-12-10' }) })
    const shown = items(root)
    expect(shown['项目编号']).toBe('—')
    expect(shown['举办单位']).toBe('南京示范医院')
  })
})
