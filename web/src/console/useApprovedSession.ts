import { computed, ref, shallowRef, watch } from 'vue'
import { useRoute } from 'vue-router'
import { ApiError, api } from '@/shared/api'
import { currentUser } from '@/shared/session'
import { sessionListPath } from '@/shared/sessions'
import type { Session } from '@/shared/types'
import { showError } from './errors'

/**
 * The session of a page that only an approved session has (签到情况, 举办统计),
 * from `:sessionId`: loaded whenever the id changes while `routeName` is shown,
 * then `loadMore(id)` once it is approved. Otherwise `notApproved` is shown in
 * place of the page (`loadError`), as are the refusals whose status is in
 * `pageStatuses` (`pageError`, e.g. 404 not visible to the caller); other
 * errors are shown as a message. Answers for a session no longer shown are dropped.
 */
export function useApprovedSession(options: {
  routeName: string
  notApproved: string
  pageStatuses: readonly number[]
  /** Clears what the page showed of the previous session (runs before each load). */
  reset: () => void
  /** Loads the rest of the page for the approved session `id`. */
  loadMore: (id: string) => Promise<void>
}) {
  const route = useRoute()
  const sessionId = computed(() => String(route.params.sessionId ?? ''))
  const session = shallowRef<Session | null>(null)
  const loading = ref(false)
  const loadError = ref('')
  /** 返回列表: where the organizer (项目举办管理) or a reviewer (举办审核) came from. */
  const backPath = computed(() => sessionListPath(currentUser.value?.role, session.value))

  /** True when the refusal is shown in place of the page. */
  function pageError(e: unknown): boolean {
    if (e instanceof ApiError && !e.sessionGone && options.pageStatuses.includes(e.status)) {
      loadError.value = e.message
      return true
    }
    return false
  }

  async function load() {
    const id = sessionId.value
    options.reset()
    session.value = null
    loadError.value = ''
    if (!id) return
    loading.value = true
    try {
      const s = await api.getSession(id)
      if (id !== sessionId.value) return
      session.value = s
      if (s.status !== 'approved') {
        loadError.value = options.notApproved
        return
      }
      await options.loadMore(id)
    } catch (e) {
      if (!pageError(e)) showError(e)
    } finally {
      if (id === sessionId.value) loading.value = false
    }
  }

  watch(
    sessionId,
    () => {
      if (route.name === options.routeName) void load()
    },
    { immediate: true },
  )

  return { sessionId, session, loading, loadError, backPath, pageError }
}
