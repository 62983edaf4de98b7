import { computed, onBeforeUnmount, ref } from 'vue'
import { ElMessage, ElMessageBox } from 'element-plus'
import { ApiError } from '@/shared/api'
import { DRAFT_SAVE_DELAY_MS } from '@/shared/drafts'
import type { DraftState } from '@/shared/drafts'
import { showError } from './errors'
import { useLeaveGuard } from './useLeaveGuard'

/** A draft as the server answers it. */
export interface ServerDraft<T> {
  data: T | null
  version: number
  updated_by: string | null
  updated_at: string | null
}

/**
 * A form's draft on the server, saved as the user works (like 学员遴选's): `touch()`
 * after each change saves the form `snapshot()` gives after a short pause, one
 * request at a time under the draft's version; `state` feeds the indicator
 * (草稿已保存 / 保存中… / 保存失败 · 重试). Leaving the page (route or tab) while a
 * change is not saved asks first. Before the form's own save, `settle()` stops the
 * timer and waits for a save in flight (the server clears the draft with the save).
 */
export function useServerDraft<T>(options: {
  save: (version: number, data: T | null) => Promise<ServerDraft<T>>
  /** The draft as stored now (after DRAFT_STALE: someone else saved or the object was saved). */
  read: () => Promise<ServerDraft<T>>
  snapshot: () => T
  /** What the leave dialog names: 举办申请, 执行情况. */
  what: string
}) {
  const state = ref<DraftState>('saved')
  const version = ref(0)
  /** Off until the page has loaded (and restored) the form: loading is no change. */
  const active = ref(false)
  let changed = false
  let timer: ReturnType<typeof setTimeout> | null = null
  let inFlight: Promise<boolean> | null = null
  /** The last refusal was DRAFT_STALE: 重试 asks whether to write over the stored draft. */
  let stale = false
  /** Between `settle()` and `resume()`/`stop()`: the form's own save is running. */
  let holding = false

  const dirty = computed(() => active.value && state.value !== 'saved')

  /** Start following the form with the draft as read (version 0: none). */
  function start(draft: Pick<ServerDraft<T>, 'version'> | null) {
    stop()
    version.value = draft?.version ?? 0
    state.value = 'saved'
    active.value = true
  }

  /** Stop following the form (locked, saved, left). */
  function stop() {
    holding = false
    if (timer) clearTimeout(timer)
    timer = null
    changed = false
    active.value = false
    state.value = 'saved'
  }

  function touch() {
    if (!active.value) return
    changed = true
    state.value = 'pending'
    if (timer) clearTimeout(timer)
    // While the form's own save runs (settle), a keystroke waits: a draft write then would race the save's delete.
    if (!holding) timer = setTimeout(() => void flush(), DRAFT_SAVE_DELAY_MS)
  }

  /** Saves the form now if it changed; false when the server refused (the indicator says so). */
  async function flush(): Promise<boolean> {
    if (timer) clearTimeout(timer)
    timer = null
    while (inFlight) await inFlight
    if (!active.value || !changed) return state.value !== 'failed'
    inFlight = saveOnce()
    try {
      return await inFlight
    } finally {
      inFlight = null
    }
  }

  async function saveOnce(): Promise<boolean> {
    changed = false
    state.value = 'saving'
    try {
      const saved = await options.save(version.value, options.snapshot())
      version.value = saved.version
      state.value = changed ? 'pending' : 'saved'
      if (changed) timer = setTimeout(() => void flush(), DRAFT_SAVE_DELAY_MS)
      return true
    } catch (e) {
      changed = true // kept: 重试 sends the form again
      state.value = 'failed'
      stale = e instanceof ApiError && e.code === 'DRAFT_STALE'
      if (stale && e instanceof ApiError) {
        ElMessage.warning({ message: `${e.message}（点“重试”选择覆盖或刷新）`, grouping: true })
      } else if (!(e instanceof ApiError) || e.sessionGone || e.status >= 500 || e.status === 0) {
        // the indicator says 保存失败; a lost session is the app's to handle
        if (e instanceof ApiError && e.sessionGone) showError(e)
      } else {
        ElMessage.warning({ message: `草稿保存失败：${e.message}`, grouping: true })
      }
      return false
    }
  }

  /** 重试; after DRAFT_STALE, first asks: write this page's form over the stored draft, or reload to see it. */
  async function retry() {
    if (stale) {
      try {
        await ElMessageBox.confirm(
          `${options.what}的草稿已被他人更新，或已随保存、提交清除。用本页的内容覆盖草稿，还是刷新页面查看最新内容？`,
          '草稿已更新',
          { confirmButtonText: '用本页内容覆盖', cancelButtonText: '刷新页面', distinguishCancelAndClose: true, type: 'warning' },
        )
      } catch (action) {
        if (action === 'cancel') {
          stop() // what is typed here is given up on purpose: the reload asks nothing
          window.location.reload()
        }
        return
      }
      try {
        version.value = (await options.read()).version
      } catch (e) {
        showError(e)
        return
      }
      stale = false
    }
    changed = true
    await flush()
  }

  /** Before the form's own save or submission: nothing more is sent until `resume()` (the save failed) or
   *  `stop()` (it succeeded), and a draft save in flight has finished. */
  async function settle() {
    holding = true
    if (timer) clearTimeout(timer)
    timer = null
    while (inFlight) await inFlight
  }

  /** After the form's own save failed: changes made meanwhile are saved as a draft again. */
  function resume() {
    holding = false
    if (active.value && changed) touch()
  }

  /** Throw the draft away (the form goes back to what was saved); false when the server refused. */
  async function discard(): Promise<boolean> {
    await settle()
    try {
      await options.save(version.value, null)
      version.value = 0
      changed = false
      state.value = 'saved'
      return true
    } catch (e) {
      showError(e)
      return false
    } finally {
      holding = false
    }
  }

  useLeaveGuard(dirty, `${options.what}还有修改尚未保存为草稿，离开将丢失这些修改。确定离开吗？`, flush)
  onBeforeUnmount(() => {
    if (timer) clearTimeout(timer)
  })

  return { state, version, dirty, active, start, stop, touch, flush, retry, settle, resume, discard }
}
