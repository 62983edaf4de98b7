import { effectScope } from 'vue'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useVisiblePolling } from './useVisiblePolling'

let visibility: DocumentVisibilityState = 'visible'

function setVisibility(v: DocumentVisibilityState) {
  visibility = v
  document.dispatchEvent(new Event('visibilitychange'))
}

beforeEach(() => {
  visibility = 'visible'
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility })
  vi.useFakeTimers()
})

afterEach(() => {
  vi.useRealTimers()
})

function setup(task: () => unknown, ms = 10_000) {
  const scope = effectScope()
  const polling = scope.run(() => useVisiblePolling(task, ms))!
  return { ...polling, scope }
}

describe('useVisiblePolling', () => {
  it('does nothing before start, then runs every interval', async () => {
    const task = vi.fn()
    const { start, active, scope } = setup(task)
    await vi.advanceTimersByTimeAsync(30_000)
    expect(task).not.toHaveBeenCalled()
    start()
    expect(active.value).toBe(true)
    expect(task).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(9_999)
    expect(task).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(task).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(20_000)
    expect(task).toHaveBeenCalledTimes(3)
    scope.stop()
  })

  it('pauses while the page is hidden and runs at once when it is shown again', async () => {
    const task = vi.fn()
    const { start, scope } = setup(task)
    start()
    await vi.advanceTimersByTimeAsync(10_000)
    expect(task).toHaveBeenCalledTimes(1)
    setVisibility('hidden')
    await vi.advanceTimersByTimeAsync(120_000)
    expect(task).toHaveBeenCalledTimes(1)
    setVisibility('visible')
    await vi.advanceTimersByTimeAsync(0)
    expect(task).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(10_000)
    expect(task).toHaveBeenCalledTimes(3)
    scope.stop()
  })

  it('times the next run from the end of a slow one, so runs never overlap', async () => {
    let inFlight = 0
    let most = 0
    const task = vi.fn(async () => {
      inFlight++
      most = Math.max(most, inFlight)
      await new Promise((r) => setTimeout(r, 25_000))
      inFlight--
    })
    const { start, scope } = setup(task)
    start()
    await vi.advanceTimersByTimeAsync(10_000)
    expect(task).toHaveBeenCalledTimes(1)
    // Shown again while the slow run is still going: no second run.
    setVisibility('hidden')
    setVisibility('visible')
    await vi.advanceTimersByTimeAsync(24_000)
    expect(task).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1_000 + 10_000)
    expect(task).toHaveBeenCalledTimes(2)
    expect(most).toBe(1)
    scope.stop()
  })

  it('keeps polling after a failed run', async () => {
    const task = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(undefined)
    const { start, scope } = setup(task)
    start()
    await vi.advanceTimersByTimeAsync(20_000)
    expect(task).toHaveBeenCalledTimes(2)
    scope.stop()
  })

  it('stops with its scope, and on stop()', async () => {
    const task = vi.fn()
    const a = setup(task)
    a.start()
    a.scope.stop()
    expect(a.active.value).toBe(false)
    setVisibility('hidden')
    setVisibility('visible')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(task).not.toHaveBeenCalled()

    const b = setup(task)
    b.start()
    b.start()
    await vi.advanceTimersByTimeAsync(10_000)
    expect(task).toHaveBeenCalledTimes(1)
    b.stop()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(task).toHaveBeenCalledTimes(1)
    b.scope.stop()
  })
})
