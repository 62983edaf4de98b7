import { describe, expect, it } from 'vitest'
import { h } from 'vue'
import { mountForTest } from '@/shared/testing'
import SubmitActions from './SubmitActions.vue'

describe('SubmitActions', () => {
  it('is a submit button with its attributes, then the note', async () => {
    const { root } = await mountForTest(
      SubmitActions,
      { busy: false, loadingText: '正在提交…', note: '签到时间：2026-12-10 07:30 至 16:30', 'data-test': 'submit' },
      { default: () => '提交签到' },
    )
    const button = root.querySelector<HTMLButtonElement>('[data-test=submit]')!
    expect(button.tagName).toBe('BUTTON')
    expect(button.type).toBe('submit')
    expect(button.disabled).toBe(false)
    expect(button.textContent?.trim()).toBe('提交签到')
    expect(root.querySelector('.note')?.textContent).toBe('签到时间：2026-12-10 07:30 至 16:30')
  })

  it('is off and says what it does while busy; no note without one, a second button after', async () => {
    const { root } = await mountForTest(
      SubmitActions,
      { busy: true, loadingText: '正在提交…', note: '', 'data-test': 'sign-out' },
      { default: () => '确认离开', after: () => h('button', { type: 'button', 'data-test': 'back' }, '上一步') },
    )
    const button = root.querySelector<HTMLButtonElement>('[data-test=sign-out]')!
    expect(button.disabled).toBe(true)
    expect(button.textContent?.trim()).toBe('正在提交…')
    expect(root.querySelector('.note')).toBeNull()
    expect(root.querySelector('.actions > [data-test=back]')?.textContent).toBe('上一步')
  })
})
