import { effectScope, nextTick, reactive } from 'vue'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Page } from '@/shared/types'

const route = reactive<{ name: string; query: Record<string, string> }>({ name: 'things', query: {} })
const replace = vi.fn((to: { query: Record<string, string> }) => {
  route.query = to.query
  return Promise.resolve()
})
vi.mock('vue-router', () => ({ useRoute: () => route, useRouter: () => ({ replace }) }))

const { useRouteFilteredList } = await import('./useRouteFilteredList')

interface F {
  q: string
  year: number | ''
}

function fromRoute(query: Record<string, unknown>, d: F): F {
  return { q: typeof query.q === 'string' ? query.q : d.q, year: query.year ? Number(query.year) : d.year }
}

function toRoute(f: F, d: F): Record<string, string> {
  const out: Record<string, string> = {}
  if (f.q !== d.q) out.q = f.q
  if (f.year !== d.year) out.year = String(f.year)
  return out
}

const flush = async () => {
  for (let i = 0; i < 5; i++) await nextTick()
}

function setup(onRoute?: (f: F) => void) {
  const load = vi.fn((_f: F, _cursor: string | null): Promise<Page<string>> => Promise.resolve({ items: ['a'], next_cursor: null }))
  const scope = effectScope()
  const r = scope.run(() =>
    useRouteFilteredList<F, string>({
      routeName: 'things',
      initial: { q: '', year: '' },
      defaults: () => ({ q: '', year: 2026 }),
      fromRoute,
      toRoute,
      load,
      onRoute,
    }),
  )!
  return { ...r, load, scope }
}

afterEach(() => {
  route.name = 'things'
  route.query = {}
  replace.mockClear()
})

describe('useRouteFilteredList', () => {
  it('applies the URL filters at once and loads the first page', async () => {
    route.query = { q: 'x' }
    const { filters, applied, load, list, scope } = setup()
    await flush()
    expect(filters).toEqual({ q: 'x', year: 2026 })
    expect(applied.value).toEqual({ q: 'x', year: 2026 })
    expect(load).toHaveBeenCalledWith({ q: 'x', year: 2026 }, null)
    expect(list.items.value).toEqual(['a'])
    scope.stop()
  })

  it('lets onRoute adjust the filters read from the URL', async () => {
    const { filters, scope } = setup((f) => {
      f.q = 'fixed'
    })
    expect(filters.q).toBe('fixed')
    scope.stop()
  })

  it('search writes changed filters to the URL, which reloads', async () => {
    const { filters, search, load, scope } = setup()
    await flush()
    load.mockClear()
    filters.q = 'new'
    search()
    expect(replace).toHaveBeenCalledWith({ query: { q: 'new' } })
    await flush()
    expect(load).toHaveBeenCalledWith({ q: 'new', year: 2026 }, null)
    scope.stop()
  })

  it('search with unchanged filters reloads without touching the URL', async () => {
    const { search, load, scope } = setup()
    await flush()
    load.mockClear()
    search()
    expect(replace).not.toHaveBeenCalled()
    expect(load).toHaveBeenCalledTimes(1)
    scope.stop()
  })

  it('resetFilters goes back to the defaults', async () => {
    route.query = { q: 'x', year: '2025' }
    const { filters, resetFilters, scope } = setup()
    await flush()
    resetFilters()
    expect(filters).toEqual({ q: '', year: 2026 })
    expect(replace).toHaveBeenCalledWith({ query: {} })
    scope.stop()
  })

  it('ignores the query of another page', async () => {
    const { load, scope } = setup()
    await flush()
    load.mockClear()
    route.name = 'other'
    route.query = { q: 'elsewhere' }
    await flush()
    expect(load).not.toHaveBeenCalled()
    scope.stop()
  })
})
