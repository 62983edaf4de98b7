import { afterEach, describe, expect, it, vi } from 'vitest'
import { copyText } from './clipboard'

afterEach(() => vi.restoreAllMocks())

function secure(clipboard: { writeText: (text: string) => Promise<void> }): void {
  Object.defineProperty(navigator, 'clipboard', { value: clipboard, configurable: true })
  Object.defineProperty(window, 'isSecureContext', { value: true, configurable: true })
}

describe('copyText', () => {
  it('uses the Clipboard API in a secure context', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined)
    secure({ writeText })
    expect(await copyText('https://x/verify/A')).toBe(true)
    expect(writeText).toHaveBeenCalledWith('https://x/verify/A')
  })

  it('falls back to the selection copy and says when that fails too', async () => {
    const writeText = vi.fn().mockRejectedValue(new Error('denied'))
    secure({ writeText })
    const exec = vi.fn().mockReturnValue(false)
    Object.defineProperty(document, 'execCommand', { value: exec, configurable: true })
    expect(await copyText('abc')).toBe(false)
    expect(exec).toHaveBeenCalledWith('copy')
    exec.mockReturnValue(true)
    expect(await copyText('abc')).toBe(true)
    expect(document.querySelector('textarea')).toBeNull()
  })
})
