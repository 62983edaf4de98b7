import { reactive, shallowRef, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import type { Page } from '@/shared/types'
import { usePagedList } from './usePagedList'

export interface RouteFilteredListOptions<F extends object, T> {
  /** Name of the route of the list: the route object is shared, so queries of other pages are ignored. */
  routeName: string
  /** Filters before the route is read. */
  initial: F
  /** Filters of 重置, and those left out of the URL. */
  defaults: () => F
  fromRoute: (query: LocationQuery, defaults: F) => F
  toRoute: (filters: F, defaults: F) => LocationQueryRaw
  /** Fetches one page of the list for the applied filters. */
  load: (applied: F, cursor: string | null) => Promise<Page<T>>
  /** Adjusts the filters read from the URL before they are shown and applied. */
  onRoute?: (filters: F) => void
}

/**
 * A cursor-paginated list whose filters live in the URL query: the form edits
 * `filters`; 搜索 writes them to the URL (or reloads when unchanged), and every
 * change of the URL applies them and reloads from the first page.
 */
export function useRouteFilteredList<F extends object, T>(opts: RouteFilteredListOptions<F, T>) {
  const route = useRoute()
  const router = useRouter()
  const filters = reactive({ ...opts.initial }) as F
  /** Filters of the list now shown. */
  const applied = shallowRef<F>({ ...opts.initial })
  const list = usePagedList<T>((cursor) => opts.load(applied.value, cursor))

  watch(
    () => route.query,
    (query) => {
      if (route.name !== opts.routeName) return
      const f = opts.fromRoute(query, opts.defaults())
      opts.onRoute?.(f)
      Object.assign(filters, f)
      applied.value = f
      void list.reload()
    },
    { immediate: true },
  )

  function search() {
    const defaults = opts.defaults()
    const query = opts.toRoute(filters, defaults)
    if (JSON.stringify(query) === JSON.stringify(opts.toRoute(applied.value, defaults))) {
      applied.value = { ...filters }
      void list.reload()
      return
    }
    void router.replace({ query })
  }

  function resetFilters() {
    Object.assign(filters, opts.defaults())
    search()
  }

  return { filters, applied, list, search, resetFilters }
}
