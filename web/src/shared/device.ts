/**
 * Which device opens a page: phones (by user agent or a narrow screen) get the console's public pages as the /m/
 * phone pages, unless the person chose 电脑版; WeChat's in-app browser (MicroMessenger) cannot save PDFs on
 * Android, so the certificate pages show the certificate as a page there. Pure, no UI library.
 */

/** The console's `?desktop=1` (the phone pages' 电脑版 link) is remembered for the tab under this key. */
export const DESKTOP_KEY = 'cme.desktop'
export const DESKTOP_QUERY = 'desktop'

/** Screens this narrow (CSS px) get the phone pages whatever the user agent says. */
export const PHONE_MAX_WIDTH = 640

const PHONE_UA = /Android.+Mobile|iPhone|iPod|Windows Phone|HarmonyOS.+Mobile|MicroMessenger|Mobile Safari|Mobi\b/i

/** WeChat's in-app browser on a phone (and WeChat Work's, which shares its limits); not its desktop apps. */
export function isWeChat(userAgent: string): boolean {
  return /MicroMessenger/i.test(userAgent) && !/WindowsWechat|MacWechat/i.test(userAgent)
}

/** WeChat's desktop apps (Windows, macOS) also say MicroMessenger, but are no phones and can save PDFs. */
const DESKTOP_WECHAT = /WindowsWechat|MacWechat|Windows NT|Macintosh/i

/** A phone: its user agent says so, or the screen is no wider than PHONE_MAX_WIDTH. */
export function isPhone(userAgent: string, screenWidth: number): boolean {
  const phoneAgent = PHONE_UA.test(userAgent) && !DESKTOP_WECHAT.test(userAgent)
  return phoneAgent || (screenWidth > 0 && screenWidth <= PHONE_MAX_WIDTH)
}

/**
 * The phone page of a console public page ('/query/certificates' → '/m/certificates', '/verify/X' → '/m/verify/X'),
 * or null when it has none. The query string (other than `desktop`) is kept.
 */
export function phonePathFor(path: string, query: Record<string, unknown> = {}): string | null {
  let target: string | null = null
  if (path === '/query/certificates') target = '/m/certificates'
  else {
    const verify = /^\/verify\/([^/]+)$/.exec(path)
    if (verify) target = `/m/verify/${verify[1]}`
  }
  if (!target) return null
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (key !== DESKTOP_QUERY && typeof value === 'string') params.append(key, value)
  }
  const search = params.toString()
  return search ? `${target}?${search}` : target
}

/** The console page of a phone page (the 电脑版 link), asking it not to send the phone back. */
export function desktopPathFor(consolePath: string): string {
  return `${consolePath}${consolePath.includes('?') ? '&' : '?'}${DESKTOP_QUERY}=1`
}

/**
 * Where the console should send this visit, or null to stay: phones go to the phone page unless 电脑版 was chosen
 * in this tab (`?desktop=1` now or before, remembered in `storage`).
 */
export function phoneRedirect(
  path: string,
  query: Record<string, unknown>,
  device: { userAgent: string; screenWidth: number },
  storage: Pick<Storage, 'getItem' | 'setItem'> | null,
): string | null {
  if (query[DESKTOP_QUERY] === '1') {
    try {
      storage?.setItem(DESKTOP_KEY, '1')
    } catch {
      // Private mode without storage: this visit stays anyway.
    }
    return null
  }
  let desktop = false
  try {
    desktop = storage?.getItem(DESKTOP_KEY) === '1'
  } catch {
    desktop = false
  }
  if (desktop || !isPhone(device.userAgent, device.screenWidth)) return null
  return phonePathFor(path, query)
}
