import { reactive, ref, shallowRef } from 'vue'
import type { Page } from '@/shared/types'
import { CursorStack } from '@/shared/cursor'
import { showError } from './errors'

/**
 * A cursor-paginated list: `load(cursor)` fetches one page; the composable
 * keeps the cursor stack for 上一页 / 下一页 and ignores stale answers.
 */
export function usePagedList<T>(load: (cursor: string | null) => Promise<Page<T>>) {
  const items = shallowRef<T[]>([])
  const loading = ref(false)
  const stack = new CursorStack()
  const state = reactive({ page: 1, hasPrev: false, hasNext: false })
  let seq = 0

  function sync() {
    state.page = stack.pageNumber
    state.hasPrev = stack.hasPrev
    state.hasNext = stack.hasNext
  }

  async function fetchCurrent(): Promise<boolean> {
    const mine = ++seq
    loading.value = true
    try {
      const page = await load(stack.current)
      if (mine !== seq) return false
      items.value = page.items ?? []
      stack.loaded(page.next_cursor)
      sync()
      return true
    } catch (e) {
      if (mine === seq) showError(e)
      return false
    } finally {
      if (mine === seq) loading.value = false
    }
  }

  /** Reload from the first page (new filter, or after creating an item). */
  function reload() {
    stack.reset()
    sync()
    return fetchCurrent()
  }

  /** Reload the page now shown. */
  function refresh() {
    return fetchCurrent()
  }

  async function next() {
    const cursor = stack.forward()
    if (cursor === null) return
    sync()
    if (!(await fetchCurrent())) {
      // Stay on the page we had, still able to try 下一页 again.
      stack.back()
      stack.loaded(cursor)
      sync()
    }
  }

  async function prev() {
    if (!stack.back()) return
    sync()
    await fetchCurrent()
  }

  /** Replace one item in place (after an edit), matched by `same`. */
  function replace(updated: T, same: (a: T, b: T) => boolean) {
    items.value = items.value.map((it) => (same(it, updated) ? updated : it))
  }

  function clear() {
    seq++
    stack.reset()
    items.value = []
    loading.value = false
    sync()
  }

  return { items, loading, pager: state, reload, refresh, next, prev, replace, clear }
}

export type PagedList<T> = ReturnType<typeof usePagedList<T>>
