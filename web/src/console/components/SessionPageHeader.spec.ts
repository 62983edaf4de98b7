import { describe, expect, it } from 'vitest'
import { h } from 'vue'
import { mountForTest } from '@/shared/testing'
import SessionPageHeader from './SessionPageHeader.vue'

describe('SessionPageHeader', () => {
  it('names the page, then the project and its 期 once the session is loaded, with the buttons on the right', async () => {
    const session = { project_name: '围手术期护理进展', seq: 2 }
    const { root } = await mountForTest(
      SessionPageHeader,
      { title: '执行情况', session },
      { default: () => h('button', { 'data-test': 'back' }, '返回') },
    )
    expect(root.querySelector('.card-title')?.textContent?.trim()).toBe('执行情况 · 围手术期护理进展 · 第2期')
    expect(root.querySelector('.card-head.wrap .card-actions [data-test=back]')?.textContent).toBe('返回')
  })

  it('shows the page name alone while the session loads', async () => {
    const { root } = await mountForTest(SessionPageHeader, { title: '电子证书', session: null })
    expect(root.querySelector('.card-title')?.textContent?.trim()).toBe('电子证书')
  })
})
