import { afterEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { ApiError } from '@/shared/api'
import type { DownloadLink } from '@/shared/types'
import { useDownload } from './useDownload'

afterEach(() => {
  document.body.innerHTML = ''
})

describe('useDownload', () => {
  it('marks the button of the download under way and follows the link it gets', async () => {
    const { downloading, download } = useDownload()
    const followed: string[] = []
    const follow = (e: Event) => {
      const a = e.target as HTMLAnchorElement
      followed.push(`${a.download} ${a.href}`)
      e.preventDefault()
    }
    document.addEventListener('click', follow)
    let answer!: (link: DownloadLink) => void
    const done = download('cert-1', () => new Promise<DownloadLink>((res) => (answer = res)))
    expect(downloading.value).toBe('cert-1')
    answer({ url: 'https://files.example/c1.pdf', filename: '证书.pdf' } as DownloadLink)
    await done
    expect(downloading.value).toBe('')
    expect(followed).toEqual(['证书.pdf https://files.example/c1.pdf'])
    document.removeEventListener('click', follow)
  })

  it('says why when there is no link', async () => {
    const { downloading, download } = useDownload()
    await download('excel', () => Promise.reject(new ApiError(404, 'NOT_FOUND', '举办申请不存在', null)))
    expect(downloading.value).toBe('')
    await nextTick()
    expect(document.body.querySelector('.el-message')?.textContent).toContain('举办申请不存在')
  })
})
