/**
 * Sending a file straight to storage with a presigned POST (not through the
 * API): XMLHttpRequest, because fetch cannot report upload progress.
 */

export class UploadError extends Error {
  readonly status: number
  constructor(status: number, message: string) {
    super(message)
    this.name = 'UploadError'
    this.status = status
  }
}

/** The `<Message>` of an S3 XML error body, if there is one. */
export function storageErrorMessage(body: string): string | null {
  const code = /<Code>([^<]*)<\/Code>/.exec(body)?.[1]
  if (code === 'EntityTooLarge') return '附件最大50M'
  if (code === 'AccessDenied' && /expired/i.test(body)) return '上传凭证已过期，请重新上传'
  if (code === 'AccessDenied') return '存储服务拒绝了该文件（类型或大小与声明不符），请重新选择文件'
  return null
}

export interface PostFormOptions {
  /** Called with 0–100 as the bytes go out. */
  onProgress?: (percent: number) => void
  signal?: AbortSignal
  /** For tests; the browser's XMLHttpRequest by default. */
  xhr?: () => XMLHttpRequest
}

/** POSTs a multipart form; resolves on a 2xx answer, rejects with UploadError otherwise. */
export function postForm(url: string, form: FormData, options: PostFormOptions = {}): Promise<void> {
  const { onProgress, signal } = options
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DOMException('上传已取消', 'AbortError'))
      return
    }
    const xhr = options.xhr ? options.xhr() : new XMLHttpRequest()
    xhr.open('POST', url)
    xhr.upload.onprogress = (event: ProgressEvent) => {
      if (event.lengthComputable && event.total > 0) {
        onProgress?.(Math.min(100, Math.floor((event.loaded / event.total) * 100)))
      }
    }
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress?.(100)
        resolve()
        return
      }
      const body = typeof xhr.responseText === 'string' ? xhr.responseText : ''
      reject(new UploadError(xhr.status, storageErrorMessage(body) ?? `文件上传失败（HTTP ${xhr.status}），请重试`))
    }
    xhr.onerror = () => reject(new UploadError(0, '无法连接文件存储服务，请检查网络后重试'))
    xhr.ontimeout = () => reject(new UploadError(0, '文件上传超时，请重试'))
    xhr.onabort = () => reject(new DOMException('上传已取消', 'AbortError'))
    signal?.addEventListener('abort', () => xhr.abort(), { once: true })
    xhr.send(form)
  })
}
