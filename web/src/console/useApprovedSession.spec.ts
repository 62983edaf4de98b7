import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { jsonResponse, mountForTest, settle } from '@/shared/testing'
import { useApprovedSession } from './useApprovedSession'

/** fetch answering GET /api/sessions/<id> with `answer(id)`. */
function serve(answer: (id: string) => Response) {
  const fn = vi.fn<typeof fetch>(async (input) => {
    const m = /\/api\/sessions\/([^/?]+)$/.exec(new URL(String(input), 'http://localhost').pathname)
    return m ? answer(decodeURIComponent(m[1])) : jsonResponse(404, { error: { code: 'NOT_FOUND', message: '没有', field: null } })
  })
  vi.stubGlobal('fetch', fn)
  return fn
}

/** Mounts a page using the composable at /sessions/<id>/attendance; returns its state and what it was asked to do. */
async function open(id: string) {
  const calls: string[] = []
  let state!: ReturnType<typeof useApprovedSession>
  const Page = defineComponent({
    setup() {
      state = useApprovedSession({
        routeName: 'session-attendance',
        notApproved: '举办申请审核通过后才有签到情况',
        pageStatuses: [404, 409],
        reset: () => calls.push('reset'),
        loadMore: async (sid) => {
          calls.push(`more ${sid}`)
        },
      })
      return () => h('div')
    },
  })
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/sessions/:sessionId/attendance', name: 'session-attendance', component: Page }],
  })
  await router.push(`/sessions/${id}/attendance`)
  await mountForTest(Page, {}, {}, [router])
  await settle()
  return { state, calls, router }
}

describe('useApprovedSession', () => {
  it('loads the session of the address, then the rest of the page once approved', async () => {
    serve((id) => jsonResponse(200, { session_id: id, project_id: 'p1', status: 'approved' }))
    const { state, calls } = await open('ses-1')
    expect(state.session.value?.session_id).toBe('ses-1')
    expect(calls).toEqual(['reset', 'more ses-1'])
    expect(state.loadError.value).toBe('')
    expect(state.loading.value).toBe(false)
    expect(state.backPath.value).toBe('/sessions')
  })

  it('says why instead of the page when the session is not approved', async () => {
    serve((id) => jsonResponse(200, { session_id: id, project_id: 'p1', status: 'submitted' }))
    const { state, calls } = await open('ses-2')
    expect(calls).toEqual(['reset'])
    expect(state.loadError.value).toBe('举办申请审核通过后才有签到情况')
  })

  it('shows a refusal of its page statuses in place of the page', async () => {
    serve(() => jsonResponse(404, { error: { code: 'NOT_FOUND', message: '举办申请不存在', field: null } }))
    const { state, calls } = await open('ses-3')
    expect(calls).toEqual(['reset'])
    expect(state.session.value).toBeNull()
    expect(state.loadError.value).toBe('举办申请不存在')
    expect(state.loading.value).toBe(false)
  })
})
