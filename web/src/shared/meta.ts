/**
 * The stage's public configuration from GET /api/meta: the console's and the phone pages' titles, the province
 * and the certificate issuer (another province is configured, not coded). Read once per page load and shared;
 * until it answers, or if it fails, the pages show neutral titles without a province (a failure is asked again
 * by the next page that needs it).
 */
import { computed, ref, watchEffect } from 'vue'
import type { ComputedRef, Ref } from 'vue'
import { api } from './api'
import type { SiteMeta } from './types'

export const NEUTRAL_CONSOLE_TITLE = '继续医学教育学分管理系统'
export const NEUTRAL_PHONE_TITLE = '继续医学教育项目 管理系统'

const loaded = ref<SiteMeta | null>(null)
let pending: Promise<SiteMeta | null> | null = null

/** The configuration, fetched on the first call of this page load only. */
export function loadSiteMeta(): Promise<SiteMeta | null> {
  pending ??= api.meta().then(
    (meta) => (loaded.value = meta),
    () => {
      pending = null
      return null
    },
  )
  return pending
}

export interface SiteTexts {
  consoleTitle: ComputedRef<string>
  phoneTitle: ComputedRef<string>
  /** The certificate issuer (empty until known). */
  issuer: ComputedRef<string>
  provinceName: ComputedRef<string>
}

/** The titles and issuer as reactive texts; starts loading them (components: on mount, never at import). */
export function useSiteMeta(): SiteTexts {
  void loadSiteMeta()
  return siteTexts()
}

/** The same texts without loading them (a module's top level: the router loads on its first navigation). */
export function siteTexts(): SiteTexts {
  return {
    consoleTitle: computed(() => loaded.value?.console_title ?? NEUTRAL_CONSOLE_TITLE),
    phoneTitle: computed(() => loaded.value?.phone_title ?? NEUTRAL_PHONE_TITLE),
    issuer: computed(() => loaded.value?.certificate_issuer ?? ''),
    provinceName: computed(() => loaded.value?.province_name ?? ''),
  }
}

/** document.title = "<page> - <product>" (the product alone without a page), following both as they change. */
export function followDocumentTitle(page: Ref<string | undefined>, product: Ref<string>): void {
  watchEffect(() => {
    document.title = page.value ? `${page.value} - ${product.value}` : product.value
  })
}

/** Specs only: forget what was loaded. */
export function resetSiteMeta(): void {
  loaded.value = null
  pending = null
}
