import { describe, expect, it } from 'vitest'
import { h } from 'vue'
import { mountForTest } from '@/shared/testing'
import AttendanceResult from './AttendanceResult.vue'

const text = (root: HTMLElement, sel: string) => root.querySelector(sel)?.textContent?.trim()

describe('AttendanceResult', () => {
  it('shows the fresh result with its cells and the tip', async () => {
    const { root } = await mountForTest(
      AttendanceResult,
      { kind: 'out', fresh: true, message: '感谢您的参与，祝您一路平安。', tip: '学分以审核结果为准。' },
      { default: () => h('span', { 'data-test': 'cell' }, '签退时间') },
    )
    expect(text(root, '[data-test=status-title]')).toBe('签退成功')
    expect(text(root, '[data-test=status-message]')).toBe('感谢您的参与，祝您一路平安。')
    expect(text(root, '[data-test=sign-out-result] [data-test=cell]')).toBe('签退时间')
    expect(text(root, '.tip')).toBe('学分以审核结果为准。')
  })

  it('says an earlier sign-in was kept', async () => {
    const { root } = await mountForTest(AttendanceResult, { kind: 'in', fresh: false, message: '您的信息已登记。', tip: '请签退。' })
    expect(text(root, '[data-test=status-title]')).toBe('已签到')
    expect(text(root, '[data-test=status-message]')).toBe('您此前已经签到，无需重复签到。')
    expect(root.querySelector('[data-test=sign-in-result]')).not.toBeNull()
  })
})
