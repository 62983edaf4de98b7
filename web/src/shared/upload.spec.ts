import { describe, expect, it } from 'vitest'
import { UploadError, postForm, storageErrorMessage } from './upload'

/** A stand-in XMLHttpRequest that records what is sent and answers when told. */
class FakeXhr {
  method = ''
  url = ''
  body: unknown = null
  status = 0
  responseText = ''
  aborted = false
  upload: { onprogress: ((e: ProgressEvent) => void) | null } = { onprogress: null }
  onload: (() => void) | null = null
  onerror: (() => void) | null = null
  ontimeout: (() => void) | null = null
  onabort: (() => void) | null = null

  open(method: string, url: string) {
    this.method = method
    this.url = url
  }
  send(body: unknown) {
    this.body = body
  }
  abort() {
    this.aborted = true
    this.onabort?.()
  }
  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ lengthComputable: true, loaded, total } as ProgressEvent)
  }
  answer(status: number, text = '') {
    this.status = status
    this.responseText = text
    this.onload?.()
  }
}

function start(options: { signal?: AbortSignal } = {}) {
  const xhr = new FakeXhr()
  const seen: number[] = []
  const form = new FormData()
  form.append('key', 'k')
  const done = postForm('http://127.0.0.1:4599/bucket', form, {
    ...options,
    onProgress: (p) => seen.push(p),
    xhr: () => xhr as unknown as XMLHttpRequest,
  })
  return { xhr, seen, form, done }
}

describe('postForm', () => {
  it('POSTs the form to the presigned URL and reports progress until stored', async () => {
    const { xhr, seen, form, done } = start()
    expect(xhr.method).toBe('POST')
    expect(xhr.url).toBe('http://127.0.0.1:4599/bucket')
    expect(xhr.body).toBe(form)
    xhr.progress(25, 100)
    xhr.progress(999, 1000)
    xhr.answer(204)
    await expect(done).resolves.toBeUndefined()
    expect(seen).toEqual([25, 99, 100])
  })

  it('turns a storage refusal into a Chinese message', async () => {
    const { xhr, done } = start()
    xhr.answer(400, '<Error><Code>EntityTooLarge</Code></Error>')
    const error = await done.catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UploadError)
    expect((error as UploadError).message).toBe('附件最大50M')
    expect((error as UploadError).status).toBe(400)
  })

  it('reports network failures and cancels on abort', async () => {
    const failing = start()
    failing.xhr.onerror?.()
    await expect(failing.done).rejects.toThrow('无法连接文件存储服务')

    const controller = new AbortController()
    const cancelled = start({ signal: controller.signal })
    controller.abort()
    expect(cancelled.xhr.aborted).toBe(true)
    await expect(cancelled.done).rejects.toMatchObject({ name: 'AbortError' })
  })
})

describe('storageErrorMessage', () => {
  it('reads the S3 error code', () => {
    expect(storageErrorMessage('<Error><Code>AccessDenied</Code><Message>Policy expired</Message></Error>')).toBe(
      '上传凭证已过期，请重新上传',
    )
    expect(storageErrorMessage('<Error><Code>AccessDenied</Code></Error>')).toContain('存储服务拒绝')
    expect(storageErrorMessage('<Error><Code>SlowDown</Code></Error>')).toBeNull()
    expect(storageErrorMessage('')).toBeNull()
  })
})
