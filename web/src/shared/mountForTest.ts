/**
 * Mounts a component for a spec (happy-dom): `mountForTest(Comp, props, slots)`
 * returns the element it rendered into and `unmount`. Components used in the
 * templates come from the same auto-import as the build.
 */
import { createApp, h, nextTick } from 'vue'
import type { Component, Slots } from 'vue'

/** A slot's render function (its props are the component's business). */
type SlotFn = (props: never) => unknown

export interface Mounted {
  root: HTMLElement
  unmount: () => void
}

export async function mountForTest(
  component: object,
  props: Record<string, unknown> = {},
  slots: Record<string, SlotFn> = {},
): Promise<Mounted> {
  const root = document.createElement('div')
  document.body.appendChild(root)
  const app = createApp({ render: () => h(component as Component, props, slots as Slots) })
  app.mount(root)
  await nextTick()
  return {
    root,
    unmount: () => {
      app.unmount()
      root.remove()
    },
  }
}
