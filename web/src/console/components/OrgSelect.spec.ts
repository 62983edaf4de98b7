import { describe, expect, it, vi } from 'vitest'
import { jsonResponse, mountForTest, settle } from '@/shared/testing'
import type { Org } from '@/shared/types'
import OrgSelect from './OrgSelect.vue'

function org(id: string, type: Org['type'] = 'hospital'): Org {
  return { org_id: id, name: `机构${id}`, type, city: '南京', status: 'active', created_at: '2026-01-01T00:00:00Z' }
}

/** fetch answering GET /api/organisations/<id> and GET /api/organisations?… from the given organisations. */
function serve(orgs: Org[]) {
  const fn = vi.fn<typeof fetch>(async (input) => {
    const url = new URL(String(input), 'http://localhost')
    const one = /^\/api\/organisations\/([^/]+)$/.exec(url.pathname)
    const body = one ? orgs.find((o) => o.org_id === decodeURIComponent(one[1])) : { items: orgs, next_cursor: null }
    return jsonResponse(200, body)
  })
  vi.stubGlobal('fetch', fn)
  return fn
}

describe('OrgSelect', () => {
  it('loads the organisation chosen in the address so its name is shown', async () => {
    const fetchMock = serve([org('o1'), org('o2')])
    const { root } = await mountForTest(OrgSelect, { modelValue: 'o1', placeholder: '全部单位', 'data-test': 'org-filter' })
    await settle()
    const urls = fetchMock.mock.calls.map(([u]) => new URL(String(u), 'http://localhost').pathname)
    expect(urls).toEqual(['/api/organisations/o1'])
    const select = root.querySelector('[data-test=org-filter]')!
    expect(select.textContent).toContain('机构o1')
  })

  it('lists the organisations when opened, without the office when told', async () => {
    serve([org('o1'), org('office', 'office')])
    const { root } = await mountForTest(OrgSelect, { modelValue: undefined, excludeOffice: true })
    root.querySelector<HTMLElement>('.el-select__wrapper')!.click()
    await settle()
    const options = [...document.querySelectorAll('.el-select-dropdown__item')].map((li) => li.textContent?.trim())
    expect(options).toEqual(['机构o1'])
  })

  it('asks nothing while no organisation is chosen', async () => {
    const fetchMock = serve([org('o1')])
    const { root } = await mountForTest(OrgSelect, { modelValue: undefined, placeholder: '全部单位' })
    await settle()
    expect(fetchMock).not.toHaveBeenCalled()
    expect(root.textContent).toContain('全部单位')
  })
})
