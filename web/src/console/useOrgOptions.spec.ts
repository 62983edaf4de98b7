import { describe, expect, it, vi } from 'vitest'
import { api } from '@/shared/api'
import type { Org } from '@/shared/types'
import { useOrgOptions } from './useOrgOptions'

function org(id: string, type: Org['type'] = 'hospital'): Org {
  return { org_id: id, name: `机构${id}`, type, city: '南京' } as Org
}

describe('useOrgOptions', () => {
  it('keeps the selected organisation and applies the filter', async () => {
    const o = useOrgOptions(() => 'o1', (x) => x.type !== 'office')
    vi.spyOn(api, 'getOrganisation').mockResolvedValue(org('o1'))
    expect(await o.ensureOrgOption('o1')).toBe(true)
    vi.spyOn(api, 'listOrganisations').mockResolvedValue({ items: [org('o2'), org('o3', 'office')], next_cursor: null })
    await o.searchOrgs(' 医院 ')
    expect(api.listOrganisations).toHaveBeenCalledWith({ q: '医院', limit: 20 })
    expect(o.orgOptions.value.map((x) => x.org_id)).toEqual(['o1', 'o2'])
    expect(o.orgSearching.value).toBe(false)
  })

  it('ignores a stale answer', async () => {
    const o = useOrgOptions(() => '')
    let first!: (p: { items: Org[]; next_cursor: null }) => void
    vi.spyOn(api, 'listOrganisations')
      .mockReturnValueOnce(new Promise((res) => (first = res)))
      .mockResolvedValueOnce({ items: [org('new')], next_cursor: null })
    const a = o.searchOrgs('a')
    await o.searchOrgs('ab')
    first({ items: [org('old')], next_cursor: null })
    await a
    expect(o.orgOptions.value.map((x) => x.org_id)).toEqual(['new'])
  })
})
