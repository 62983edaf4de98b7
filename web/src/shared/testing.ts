/**
 * Helpers of the specs (never imported by the app).
 *
 * `mountForTest(Comp, props, slots, plugins)` mounts a component (happy-dom) with
 * plugins such as a router, and returns the element it rendered into and
 * `unmount`; whatever a test mounted is unmounted after it. Components used in
 * the templates come from the same auto-import as the build.
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

/** Lets pending answers and the renders they cause finish. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0))
    await nextTick()
  }
}

/** An API answer with a JSON body. */
export function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}
