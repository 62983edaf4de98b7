import { onBeforeUnmount, onMounted } from 'vue'
import type { Ref } from 'vue'
import { onBeforeRouteLeave } from 'vue-router'
import { ElMessageBox } from 'element-plus'

/**
 * Asks before leaving a page whose changes are not saved yet (`dirty`): inside the app a confirmation (留下 saves
 * what it can now, `flush`), when the tab closes or reloads the browser's own question.
 */
export function useLeaveGuard(dirty: Ref<boolean>, message: string, flush: () => Promise<unknown>): void {
  onBeforeRouteLeave(async () => {
    if (!dirty.value) return true
    try {
      await ElMessageBox.confirm(message, '修改尚未保存', {
        confirmButtonText: '离开',
        cancelButtonText: '留下',
        type: 'warning',
      })
      return true
    } catch {
      void flush()
      return false
    }
  })

  function beforeUnload(event: BeforeUnloadEvent) {
    if (!dirty.value) return
    event.preventDefault()
    event.returnValue = ''
  }

  onMounted(() => window.addEventListener('beforeunload', beforeUnload))
  onBeforeUnmount(() => window.removeEventListener('beforeunload', beforeUnload))
}
