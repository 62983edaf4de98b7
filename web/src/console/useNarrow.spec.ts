import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick } from 'vue'
import { mountForTest } from '@/shared/testing'
import { NARROW_QUERY, useNarrow } from './useNarrow'

type Listener = (e: { matches: boolean }) => void

function fakeMedia(matches: boolean) {
  const listeners = new Set<Listener>()
  const list = {
    matches,
    addEventListener: (_: string, l: Listener) => listeners.add(l),
    removeEventListener: (_: string, l: Listener) => listeners.delete(l),
  }
  vi.stubGlobal('matchMedia', vi.fn(() => list))
  return { listeners, change: (m: boolean) => listeners.forEach((l) => l({ matches: m })) }
}

describe('useNarrow', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('follows the media query and stops listening when unmounted', async () => {
    const media = fakeMedia(true)
    let seen: boolean[] = []
    const Probe = defineComponent({
      setup() {
        const narrow = useNarrow()
        return () => {
          seen = [...seen, narrow.value]
          return h('div', narrow.value ? 'narrow' : 'wide')
        }
      },
    })
    const { root, unmount } = await mountForTest(Probe)
    expect(window.matchMedia).toHaveBeenCalledWith(NARROW_QUERY)
    expect(root.textContent).toBe('narrow')
    media.change(false)
    await nextTick()
    expect(root.textContent).toBe('wide')
    unmount()
    expect(media.listeners.size).toBe(0)
    expect(seen).toEqual([true, false])
  })
})
