import { getCurrentScope, onScopeDispose, ref } from 'vue'

function hidden(): boolean {
  return typeof document !== 'undefined' && document.visibilityState === 'hidden'
}

/**
 * Runs `task` every `intervalMs` while the page is visible, once started: a
 * hidden tab makes no requests; when it is shown again the task runs at once
 * and the rhythm resumes. The next run is timed from the end of the previous
 * one, so slow answers never overlap. Stops with the component (or scope).
 */
export function useVisiblePolling(task: () => unknown, intervalMs: number) {
  const active = ref(false)
  let timer: ReturnType<typeof setTimeout> | null = null
  let running = false

  function clear() {
    if (timer !== null) clearTimeout(timer)
    timer = null
  }

  function schedule() {
    clear()
    if (active.value && !hidden()) timer = setTimeout(() => void run(), intervalMs)
  }

  async function run() {
    timer = null
    if (!active.value || hidden() || running) return
    running = true
    try {
      await task()
    } catch {
      // The task reports its own failures; polling goes on.
    } finally {
      running = false
      schedule()
    }
  }

  function onVisibility() {
    if (!active.value) return
    if (hidden()) clear()
    else if (!running) void run()
  }

  /** Starts polling; the first run is one interval away (the page has just loaded). */
  function start() {
    if (active.value) return
    active.value = true
    document.addEventListener('visibilitychange', onVisibility)
    schedule()
  }

  function stop() {
    active.value = false
    clear()
    document.removeEventListener('visibilitychange', onVisibility)
  }

  if (getCurrentScope()) onScopeDispose(stop)

  return { active, start, stop }
}
