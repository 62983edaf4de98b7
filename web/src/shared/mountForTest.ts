/**
 * Mounts a component for a spec (happy-dom): `mountForTest(Comp, props, slots, plugins)`
 * (plugins such as a router) returns the element it rendered into and `unmount`; whatever a test mounted
 * is unmounted after it. Components used in the templates come from the same
 * auto-import as the build.
 */
import { afterEach } from 'vitest'
import { createApp, h, nextTick } from 'vue'
import type { Component, Plugin, Slots } from 'vue'

/** A slot's render function (its props are the component's business). */
type SlotFn = (props: never) => unknown

export interface Mounted {
  root: HTMLElement
  unmount: () => void
}

const mounted = new Set<Mounted>()

afterEach(() => {
  for (const m of [...mounted]) m.unmount()
})

export async function mountForTest(
  component: object,
  props: Record<string, unknown> = {},
  slots: Record<string, SlotFn> = {},
  plugins: Plugin[] = [],
): Promise<Mounted> {
  const root = document.createElement('div')
  document.body.appendChild(root)
  const app = createApp({ render: () => h(component as Component, props, slots as Slots) })
  for (const plugin of plugins) app.use(plugin)
  app.mount(root)
  await nextTick()
  const m: Mounted = {
    root,
    unmount: () => {
      if (!mounted.delete(m)) return
      app.unmount()
      root.remove()
    },
  }
  mounted.add(m)
  return m
}
