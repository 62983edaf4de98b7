import { describe, expect, it } from 'vitest'
import { h } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { mountForTest } from '@/shared/testing'
import PublicPage from './PublicPage.vue'

async function atPath(path: string) {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { render: () => null } }] })
  await router.push(path)
  return router
}

describe('PublicPage', () => {
  it('puts the public header with the page name above the content, centred at most the given width', async () => {
    const router = await atPath('/query/certificates')
    const { root } = await mountForTest(
      PublicPage,
      { section: '学员证书查询', width: '960px' },
      { default: () => h('p', { 'data-test': 'content' }, '查询') },
      [router],
    )
    expect(root.querySelector('.public-header .section')?.textContent).toBe('学员证书查询')
    const main = root.querySelector<HTMLElement>('main')!
    expect(main.style.maxWidth).toBe('960px')
    expect(main.querySelector('[data-test=content]')?.textContent).toBe('查询')
    // The header links to the other public page, not to this one.
    expect(root.querySelector('[data-test=public-link-projects]')).not.toBeNull()
    expect(root.querySelector('[data-test=public-link-certificates]')).toBeNull()
  })
})
