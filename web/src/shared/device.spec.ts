import { describe, expect, it } from 'vitest'
import { DESKTOP_KEY, desktopPathFor, isPhone, isWeChat, phonePathFor, phoneRedirect } from './device'

const ANDROID_WECHAT =
  'Mozilla/5.0 (Linux; Android 12; V2049A Build/SP1A.210812.003; wv) AppleWebKit/537.36 (KHTML, like Gecko) ' +
  'Version/4.0 Chrome/107.0.5304.141 Mobile Safari/537.36 XWEB/5049 MMWEBSDK/20230303 MMWEBID/1234 ' +
  'MicroMessenger/8.0.34.2340(0x2800223F) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64'
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 15_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148'
const DESKTOP = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36'
const WINDOWS_WECHAT =
  'Mozilla/5.0 (Windows NT 10.0; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/81.0.4044.138 Safari/537.36 ' +
  'NetType/WIFI MicroMessenger/7.0.20.1781(0x6700143B) WindowsWechat(0x63090a13) XWEB/9129'
const IPAD = 'Mozilla/5.0 (iPad; CPU OS 16_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.0 Safari/604.1'

function memory(initial: Record<string, string> = {}) {
  const data = { ...initial }
  return {
    data,
    getItem: (k: string) => data[k] ?? null,
    setItem: (k: string, v: string) => void (data[k] = v),
  }
}

describe('device', () => {
  it('knows WeChat by MicroMessenger', () => {
    expect(isWeChat(ANDROID_WECHAT)).toBe(true)
    expect(isWeChat(IPHONE)).toBe(false)
    expect(isWeChat(DESKTOP)).toBe(false)
    expect(isWeChat(WINDOWS_WECHAT)).toBe(false) // WeChat's desktop app saves PDFs
  })

  it('takes phones by user agent or by a narrow screen, tablets and desktops by neither', () => {
    expect(isPhone(ANDROID_WECHAT, 1200)).toBe(true)
    expect(isPhone(IPHONE, 1200)).toBe(true)
    expect(isPhone(DESKTOP, 390)).toBe(true)
    expect(isPhone(DESKTOP, 1366)).toBe(false)
    expect(isPhone(IPAD, 820)).toBe(false)
    expect(isPhone(DESKTOP, 0)).toBe(false)
    expect(isPhone(WINDOWS_WECHAT, 1366)).toBe(false)
  })

  it('maps the console public pages to their phone pages, keeping the query but desktop', () => {
    expect(phonePathFor('/query/certificates')).toBe('/m/certificates')
    expect(phonePathFor('/verify/ABCD-EFGH', { desktop: '0', from: 'qr' })).toBe('/m/verify/ABCD-EFGH?from=qr')
    expect(phonePathFor('/query/projects')).toBeNull()
    expect(phonePathFor('/verify/A/B')).toBeNull()
    expect(phonePathFor('/sessions')).toBeNull()
  })

  it('builds the 电脑版 link', () => {
    expect(desktopPathFor('/verify/ABCD')).toBe('/verify/ABCD?desktop=1')
    expect(desktopPathFor('/query/certificates?x=1')).toBe('/query/certificates?x=1&desktop=1')
  })

  it('sends phones to the phone page unless 电脑版 was chosen in this tab', () => {
    const phone = { userAgent: IPHONE, screenWidth: 390 }
    const storage = memory()
    expect(phoneRedirect('/verify/ABCD', {}, phone, storage)).toBe('/m/verify/ABCD')
    expect(phoneRedirect('/verify/ABCD', {}, { userAgent: DESKTOP, screenWidth: 1366 }, storage)).toBeNull()
    expect(phoneRedirect('/verify/ABCD', { desktop: '1' }, phone, storage)).toBeNull()
    expect(storage.data[DESKTOP_KEY]).toBe('1')
    expect(phoneRedirect('/query/certificates', {}, phone, storage)).toBeNull()
    expect(phoneRedirect('/query/certificates', {}, phone, null)).toBe('/m/certificates')
  })

  it('stays when storage throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied')
      },
      setItem: () => {
        throw new Error('denied')
      },
    }
    expect(phoneRedirect('/verify/A', { desktop: '1' }, { userAgent: IPHONE, screenWidth: 390 }, broken)).toBeNull()
    expect(phoneRedirect('/verify/A', {}, { userAgent: IPHONE, screenWidth: 390 }, broken)).toBe('/m/verify/A')
  })
})
