/**
 * What a shared /m/ link shows (WeChat and other apps read the page's title, description and Open Graph tags):
 * the page's title and description, set on every navigation over the neutral ones of m/index.html.
 */

export const DEFAULT_DESCRIPTION = '继续医学教育项目现场签到签退、学分证书查询与验证、个人年度学分查询，无需登录。'

function setMeta(attribute: 'name' | 'property', key: string, content: string): void {
  let tag = document.head.querySelector<HTMLMetaElement>(`meta[${attribute}="${key}"]`)
  if (!tag) {
    tag = document.createElement('meta')
    tag.setAttribute(attribute, key)
    document.head.appendChild(tag)
  }
  tag.content = content
}

/** The description and Open Graph tags of the page now shown (the title follows document.title). */
export function setShareMeta(title: string, description: string | undefined): void {
  const text = description || DEFAULT_DESCRIPTION
  setMeta('name', 'description', text)
  setMeta('property', 'og:title', title)
  setMeta('property', 'og:description', text)
}
