import { ref, shallowRef } from 'vue'
import { api } from '@/shared/api'
import type { Org } from '@/shared/types'
import { showError } from './errors'

/**
 * Options of a remote organisation picker (`el-select remote`): `searchOrgs(q)`
 * answers the typed text, ignoring stale answers and keeping the selected
 * organisation (`selected()`) among the options so its name stays shown;
 * `ensureOrgOption(id)` adds an organisation picked from the URL.
 */
export function useOrgOptions(selected: () => string | undefined, keep: (org: Org) => boolean = () => true) {
  const orgOptions = shallowRef<Org[]>([])
  const orgSearching = ref(false)
  let seq = 0

  async function searchOrgs(q: string) {
    const mine = ++seq
    orgSearching.value = true
    try {
      const page = await api.listOrganisations({ q: q.trim() || undefined, limit: 20 })
      if (mine !== seq) return
      const chosen = selected()
      const kept = orgOptions.value.find((o) => o.org_id === chosen)
      const items = (page.items ?? []).filter(keep)
      orgOptions.value = kept && !items.some((o) => o.org_id === kept.org_id) ? [kept, ...items] : items
    } catch (e) {
      showError(e)
    } finally {
      if (mine === seq) orgSearching.value = false
    }
  }

  /** Adds the organisation to the options unless there; false when it could not be loaded. */
  async function ensureOrgOption(orgId: string): Promise<boolean> {
    if (orgOptions.value.some((o) => o.org_id === orgId)) return true
    try {
      const org = await api.getOrganisation(orgId)
      orgOptions.value = [org, ...orgOptions.value]
      return true
    } catch (e) {
      showError(e)
      return false
    }
  }

  return { orgOptions, orgSearching, searchOrgs, ensureOrgOption }
}
