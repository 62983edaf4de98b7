/**
 * A certificate's PDF from the phone pages: a short-lived link followed in place (Chromium and Safari save it),
 * except in WeChat's in-app browser, which cannot save PDFs on Android: there the page shows the certificate
 * itself and the 在浏览器打开 guide instead of asking for the link.
 */
import { ref } from 'vue'
import { ApiError } from '@/shared/api'
import { certificatesApi } from '@/shared/certificates'
import { isWeChat } from '@/shared/device'

export function useCertificatePdf() {
  const inWeChat = isWeChat(typeof navigator === 'undefined' ? '' : navigator.userAgent)
  const downloading = ref('')
  const failure = ref('')
  const guide = ref(false)

  async function download(code: string): Promise<void> {
    if (inWeChat) {
      guide.value = true
      return
    }
    if (downloading.value) return
    downloading.value = code
    failure.value = ''
    try {
      window.location.assign((await certificatesApi.pdf(code)).url)
    } catch (e) {
      failure.value = e instanceof ApiError ? e.message : '网络异常，请稍后重试'
    } finally {
      downloading.value = ''
    }
  }

  return { inWeChat, downloading, failure, guide, download }
}
