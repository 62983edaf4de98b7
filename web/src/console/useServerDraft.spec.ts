import { effectScope } from 'vue'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ElMessageBox } from 'element-plus'
import { ApiError } from '@/shared/api'
import { DRAFT_SAVE_DELAY_MS } from '@/shared/drafts'
import { useServerDraft } from './useServerDraft'
import type { ServerDraft } from './useServerDraft'

vi.mock('vue-router', () => ({ onBeforeRouteLeave: vi.fn() }))
// no component here: the page's lifecycle (the beforeunload listener) is the browser tests'
vi.mock('vue', async (actual) => ({ ...(await actual<typeof import('vue')>()), onMounted: vi.fn(), onBeforeUnmount: vi.fn() }))
vi.mock('element-plus', () => ({ ElMessage: { warning: vi.fn() }, ElMessageBox: { confirm: vi.fn() } }))

function saved(version: number, data: { venue: string } | null): ServerDraft<{ venue: string }> {
  return { data, version, updated_by: 'organizer-demo', updated_at: '2026-12-10T01:30:00Z' }
}

describe('useServerDraft', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  function setup(save: (version: number, data: { venue: string } | null) => Promise<ServerDraft<{ venue: string }>>) {
    const form = { venue: '' }
    const scope = effectScope()
    const read = vi.fn(async () => saved(5, { venue: '他人的' }))
    const draft = scope.run(() => useServerDraft({ what: '举办申请', snapshot: () => ({ ...form }), save, read }))!
    return { form, draft, scope }
  }

  it('saves once after the pause, under the version read, then follows the new version', async () => {
    const save = vi.fn(async (version: number, data: { venue: string } | null) => saved(version + 1, data))
    const { form, draft } = setup(save)
    draft.touch() // before start: loading is no change
    expect(draft.state.value).toBe('saved')
    draft.start({ version: 3 })
    form.venue = '南'
    draft.touch()
    form.venue = '南京'
    draft.touch()
    expect(draft.state.value).toBe('pending')
    expect(draft.dirty.value).toBe(true)
    await vi.advanceTimersByTimeAsync(DRAFT_SAVE_DELAY_MS)
    expect(save).toHaveBeenCalledTimes(1)
    expect(save).toHaveBeenCalledWith(3, { venue: '南京' })
    expect(draft.state.value).toBe('saved')
    expect(draft.version.value).toBe(4)
    expect(draft.dirty.value).toBe(false)
  })

  it('says 保存失败 on a stale draft and, asked, writes over the stored one on retry', async () => {
    const save = vi
      .fn()
      .mockRejectedValueOnce(new ApiError(409, 'DRAFT_STALE', '草稿已被他人更新', 'version'))
      .mockImplementation(async (version: number, data: { venue: string } | null) => saved(version + 1, data))
    const { form, draft } = setup(save)
    draft.start({ version: 0 })
    form.venue = '会场'
    draft.touch()
    await vi.advanceTimersByTimeAsync(DRAFT_SAVE_DELAY_MS)
    expect(draft.state.value).toBe('failed')
    expect(draft.dirty.value).toBe(true)
    vi.mocked(ElMessageBox.confirm).mockResolvedValueOnce('confirm' as never)
    await draft.retry()
    await vi.runAllTimersAsync()
    expect(save).toHaveBeenLastCalledWith(5, { venue: '会场' }) // the stored draft's version, read again
    expect(draft.state.value).toBe('saved')
  })

  it('sends nothing more once the form is being saved (settle), and stop ends following', async () => {
    const save = vi.fn(async (version: number, data: { venue: string } | null) => saved(version + 1, data))
    const { draft } = setup(save)
    draft.start({ version: 1 })
    draft.touch()
    await draft.settle()
    await vi.runAllTimersAsync()
    expect(save).not.toHaveBeenCalled()
    draft.stop()
    draft.touch()
    await vi.runAllTimersAsync()
    expect(save).not.toHaveBeenCalled()
    expect(draft.dirty.value).toBe(false)
  })

  it('holds a keystroke made during the form save, and saves it as a draft when the save failed', async () => {
    const save = vi.fn(async (version: number, data: { venue: string } | null) => saved(version + 1, data))
    const { form, draft } = setup(save)
    draft.start({ version: 1 })
    await draft.settle() // the form's save starts
    form.venue = '改'
    draft.touch() // typed while it runs: no draft write may race the save's delete of the draft
    await vi.runAllTimersAsync()
    expect(save).not.toHaveBeenCalled()
    expect(draft.dirty.value).toBe(true)
    draft.resume() // the save failed: the change is kept as a draft
    await vi.runAllTimersAsync()
    expect(save).toHaveBeenCalledWith(1, { venue: '改' })
    expect(draft.dirty.value).toBe(false)
  })
})
