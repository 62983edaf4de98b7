import { ref } from 'vue'
import { openDownload, openView } from '@/shared/projects'
import type { DownloadLink } from '@/shared/types'
import { showError } from './errors'

/**
 * Download buttons (导出Excel, 下载证书, 模板 …): `download(key, link)` asks the
 * server for a short-lived link and follows it, or shows why not; meanwhile
 * `downloading` holds the key of the button whose download is under way
 * ('' when none), so that button spins. `show(key, link)` opens the link's
 * `view_url` in a new tab instead (打印: the browser's PDF viewer prints it).
 */
export function useDownload() {
  const downloading = ref('')

  async function download(key: string, link: () => Promise<DownloadLink>): Promise<void> {
    downloading.value = key
    try {
      openDownload(await link())
    } catch (e) {
      showError(e)
    } finally {
      downloading.value = ''
    }
  }

  async function show(key: string, link: () => Promise<{ view_url: string }>): Promise<void> {
    downloading.value = key
    try {
      openView((await link()).view_url)
    } catch (e) {
      showError(e)
    } finally {
      downloading.value = ''
    }
  }

  return { downloading, download, show }
}
