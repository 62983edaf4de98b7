import { describe, expect, it } from 'vitest'
import { CursorStack } from './cursor'

describe('CursorStack', () => {
  it('walks forward and back through cursors', () => {
    const s = new CursorStack()
    expect(s.current).toBeNull()
    expect(s.hasPrev).toBe(false)
    expect(s.hasNext).toBe(false)

    s.loaded('c2')
    expect(s.hasNext).toBe(true)
    expect(s.forward()).toBe('c2')
    expect(s.pageNumber).toBe(2)
    expect(s.hasPrev).toBe(true)

    s.loaded('c3')
    expect(s.forward()).toBe('c3')
    s.loaded(null)
    expect(s.hasNext).toBe(false)
    expect(s.forward()).toBeNull()
    expect(s.pageNumber).toBe(3)

    expect(s.back()).toBe(true)
    expect(s.current).toBe('c2')
    expect(s.back()).toBe(true)
    expect(s.current).toBeNull()
    expect(s.back()).toBe(false)
  })

  it('treats an empty next cursor as the last page and resets', () => {
    const s = new CursorStack()
    s.loaded('')
    expect(s.hasNext).toBe(false)
    s.loaded('x')
    s.forward()
    s.reset()
    expect(s.current).toBeNull()
    expect(s.pageNumber).toBe(1)
    expect(s.hasNext).toBe(false)
  })
})
