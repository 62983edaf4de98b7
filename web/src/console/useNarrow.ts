import { onBeforeUnmount, ref } from 'vue'
import type { Ref } from 'vue'

/** Below this width (a phone, 390 px) the console folds its menu into a drawer and its dialogs to 90 %. */
export const NARROW_QUERY = '(max-width: 768px)'

/** Whether the window is phone-narrow now, following resizes and rotations while the component lives. */
export function useNarrow(query: string = NARROW_QUERY): Ref<boolean> {
  const list = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(query) : null
  const narrow = ref(list?.matches ?? false)
  if (list) {
    const follow = (e: MediaQueryListEvent) => {
      narrow.value = e.matches
    }
    list.addEventListener('change', follow)
    onBeforeUnmount(() => list.removeEventListener('change', follow))
  }
  return narrow
}
