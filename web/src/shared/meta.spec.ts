import { afterEach, describe, expect, it, vi } from 'vitest'
import { nextTick, ref } from 'vue'
import { followDocumentTitle, loadSiteMeta, NEUTRAL_CONSOLE_TITLE, resetSiteMeta, useSiteMeta } from './meta'
import { jsonResponse, settle } from './testing'

const ZHEJIANG = {
  province_name: '浙江省',
  console_title: '浙江省继续医学教育学分管理系统',
  phone_title: '浙江省继续医学教育 手机服务',
  certificate_issuer: '浙江省继续医学教育委员会办公室',
  certificate_prefix: 'ZJ',
  version: 'dev',
}

function mockFetch(...answers: Response[]) {
  const fn = vi.fn<typeof fetch>()
  for (const answer of answers) fn.mockResolvedValueOnce(answer)
  vi.stubGlobal('fetch', fn)
  return fn
}

afterEach(() => {
  resetSiteMeta()
  vi.unstubAllGlobals()
})

describe('site meta', () => {
  it('reads /api/meta once per page load, without a token, and shares it', async () => {
    const fetchMock = mockFetch(jsonResponse(200, ZHEJIANG))
    const first = useSiteMeta()
    const second = useSiteMeta()
    expect(first.consoleTitle.value).toBe(NEUTRAL_CONSOLE_TITLE)
    await settle()
    expect(first.consoleTitle.value).toBe('浙江省继续医学教育学分管理系统')
    expect(second.phoneTitle.value).toBe('浙江省继续医学教育 手机服务')
    expect(second.issuer.value).toBe('浙江省继续医学教育委员会办公室')
    await loadSiteMeta()
    expect(fetchMock).toHaveBeenCalledTimes(1)
    expect(fetchMock.mock.calls[0][0]).toBe('/api/meta')
  })

  it('keeps neutral titles when the server fails, and asks again next time', async () => {
    const fetchMock = mockFetch(jsonResponse(503, { error: { code: 'UPSTREAM_UNAVAILABLE', message: '忙' } }), jsonResponse(200, ZHEJIANG))
    const texts = useSiteMeta()
    await settle()
    expect(texts.consoleTitle.value).toBe(NEUTRAL_CONSOLE_TITLE)
    expect(texts.issuer.value).toBe('')
    await loadSiteMeta()
    expect(texts.provinceName.value).toBe('浙江省')
    expect(fetchMock).toHaveBeenCalledTimes(2)
  })

  it('makes document.title follow the page and the product', async () => {
    const page = ref<string | undefined>('项目查询')
    const product = ref('继续医学教育学分管理系统')
    followDocumentTitle(page, product)
    await nextTick()
    expect(document.title).toBe('项目查询 - 继续医学教育学分管理系统')
    product.value = '浙江省继续医学教育学分管理系统'
    page.value = undefined
    await nextTick()
    expect(document.title).toBe('浙江省继续医学教育学分管理系统')
  })
})
