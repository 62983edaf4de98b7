import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError, api, buildUrl, isSessionGone, onSessionGone, request } from './api'
import { TOKEN_KEY, USER_KEY, clearSession, currentUser, saveLogin, token } from './session'
import type { User } from './types'

const user: User = {
  username: 'admin-demo',
  display_name: '王行政',
  role: 'admin',
  org_id: 'org-1',
  org_name: '演示医院',
  department: null,
  email: null,
  must_change_password: false,
}

function jsonResponse(status: number, body: unknown): Response {
  return new Response(body === undefined ? '' : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  })
}

function mockFetch(...responses: Response[]) {
  const fn = vi.fn<typeof fetch>()
  for (const r of responses) fn.mockResolvedValueOnce(r)
  vi.stubGlobal('fetch', fn)
  return fn
}

async function caught(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p
  } catch (e) {
    return e as ApiError
  }
  throw new Error('expected the request to fail')
}

beforeEach(() => {
  localStorage.clear()
  clearSession()
  saveLogin({ token: 'tok-1', expires_at: '2999-01-01T00:00:00Z', user })
})

afterEach(() => {
  onSessionGone(null)
})

describe('isSessionGone', () => {
  it('follows the 401 / 403 rule', () => {
    expect(isSessionGone(401, { error: { code: 'TOKEN_EXPIRED', message: 'x', field: null } })).toBe(true)
    expect(isSessionGone(401, null)).toBe(true)
    expect(isSessionGone(403, null)).toBe(true)
    expect(isSessionGone(403, { message: 'Forbidden' })).toBe(true)
    expect(isSessionGone(403, { error: { code: 'UNAUTHENTICATED', message: '请登录', field: null } })).toBe(true)
    expect(isSessionGone(403, { error: { code: 'FORBIDDEN', message: '无权操作', field: null } })).toBe(false)
    expect(isSessionGone(400, null)).toBe(false)
    expect(isSessionGone(500, null)).toBe(false)
  })
})

describe('request', () => {
  it('sends the bearer token and JSON body, and returns the JSON result', async () => {
    const fetchMock = mockFetch(jsonResponse(201, { org_id: 'o2', name: '新医院' }))
    const org = await api.createOrganisation({ name: '新医院', type: 'hospital', city: '南京' })
    expect(org).toEqual({ org_id: 'o2', name: '新医院' })
    const [url, init] = fetchMock.mock.calls[0]
    expect(url).toBe('/api/organisations')
    expect(init?.method).toBe('POST')
    const headers = init?.headers as Record<string, string>
    expect(headers.Authorization).toBe('Bearer tok-1')
    expect(headers['Content-Type']).toBe('application/json')
    expect(JSON.parse(String(init?.body))).toEqual({ name: '新医院', type: 'hospital', city: '南京' })
  })

  it('builds query strings without empty values', async () => {
    const fetchMock = mockFetch(jsonResponse(200, { items: [], next_cursor: null }))
    await api.listOrganisations({ q: '南京 医院', cursor: null })
    expect(fetchMock.mock.calls[0][0]).toBe('/api/organisations?limit=20&q=%E5%8D%97%E4%BA%AC+%E5%8C%BB%E9%99%A2')
    expect(buildUrl('/audit', { date: '2026-01-02', cursor: 'a b', limit: 50 })).toBe('/api/audit?date=2026-01-02&cursor=a+b&limit=50')
  })

  it('turns an error body into ApiError with code, message and field', async () => {
    mockFetch(jsonResponse(409, { error: { code: 'USERNAME_TAKEN', message: '用户名已存在', field: 'username' } }))
    const err = await caught(api.getAccount('x'))
    expect(err).toBeInstanceOf(ApiError)
    expect(err.status).toBe(409)
    expect(err.code).toBe('USERNAME_TAKEN')
    expect(err.message).toBe('用户名已存在')
    expect(err.field).toBe('username')
    expect(err.sessionGone).toBe(false)
    expect(token.value).toBe('tok-1')
  })

  it('on 401 clears the stored session and calls the handler', async () => {
    const handler = vi.fn()
    onSessionGone(handler)
    mockFetch(jsonResponse(401, { error: { code: 'TOKEN_EXPIRED', message: '登录已过期', field: null } }))
    const err = await caught(api.me())
    expect(err.sessionGone).toBe(true)
    expect(err.message).toBe('登录已过期')
    expect(handler).toHaveBeenCalledTimes(1)
    expect(token.value).toBeNull()
    expect(currentUser.value).toBeNull()
    expect(localStorage.getItem(TOKEN_KEY)).toBeNull()
    expect(localStorage.getItem(USER_KEY)).toBeNull()
  })

  it('on a 403 without an error object ends the session', async () => {
    const handler = vi.fn()
    onSessionGone(handler)
    mockFetch(jsonResponse(403, { message: 'Missing Authentication Token' }))
    const err = await caught(api.listAccounts())
    expect(err.sessionGone).toBe(true)
    expect(handler).toHaveBeenCalledOnce()
    expect(token.value).toBeNull()
  })

  it('on a 403 UNAUTHENTICATED ends the session', async () => {
    const handler = vi.fn()
    onSessionGone(handler)
    mockFetch(jsonResponse(403, { error: { code: 'UNAUTHENTICATED', message: '请先登录', field: null } }))
    await caught(api.me())
    expect(handler).toHaveBeenCalledOnce()
    expect(token.value).toBeNull()
  })

  it('keeps the session on a 403 with another error code', async () => {
    const handler = vi.fn()
    onSessionGone(handler)
    mockFetch(jsonResponse(403, { error: { code: 'FORBIDDEN', message: '无权访问该机构', field: null } }))
    const err = await caught(api.getOrganisation('o9'))
    expect(err.code).toBe('FORBIDDEN')
    expect(err.message).toBe('无权访问该机构')
    expect(err.sessionGone).toBe(false)
    expect(handler).not.toHaveBeenCalled()
    expect(token.value).toBe('tok-1')
  })

  it('treats a 401 from login as wrong credentials, not a lost session', async () => {
    const handler = vi.fn()
    onSessionGone(handler)
    const fetchMock = mockFetch(
      jsonResponse(401, { error: { code: 'INVALID_CREDENTIALS', message: '用户名或密码错误', field: null } }),
    )
    const err = await caught(api.login('office-demo', 'bad'))
    expect(err.code).toBe('INVALID_CREDENTIALS')
    expect(err.message).toBe('用户名或密码错误')
    expect(err.sessionGone).toBe(false)
    expect(handler).not.toHaveBeenCalled()
    const headers = fetchMock.mock.calls[0][1]?.headers as Record<string, string>
    expect(headers.Authorization).toBeUndefined()
  })

  it('passes lockout and throttling messages through as-is', async () => {
    mockFetch(
      jsonResponse(423, { error: { code: 'ACCOUNT_LOCKED', message: '账号已锁定，请 15 分钟后再试', field: null } }),
      jsonResponse(429, { error: { code: 'LOGIN_THROTTLED', message: '尝试次数过多', field: null } }),
    )
    expect((await caught(api.login('a', 'b'))).message).toBe('账号已锁定，请 15 分钟后再试')
    expect((await caught(api.login('a', 'b'))).code).toBe('LOGIN_THROTTLED')
  })

  it('gives a Chinese message for non-JSON server errors and network failures', async () => {
    vi.stubGlobal('fetch', vi.fn<typeof fetch>().mockResolvedValueOnce(new Response('<html>bad gateway</html>', { status: 502 })))
    const err = await caught(request('/health'))
    expect(err.status).toBe(502)
    expect(err.message).toContain('502')

    vi.stubGlobal('fetch', vi.fn<typeof fetch>().mockRejectedValueOnce(new TypeError('Failed to fetch')))
    const net = await caught(request('/health'))
    expect(net.code).toBe('NETWORK_ERROR')
    expect(net.message).toContain('无法连接')
  })

  it('does not send Authorization when nobody is signed in', async () => {
    clearSession()
    const fetchMock = mockFetch(jsonResponse(200, { status: 'ok', version: '1' }))
    await api.health()
    const headers = fetchMock.mock.calls[0][1]?.headers as Record<string, string>
    expect(headers.Authorization).toBeUndefined()
  })
})

describe('project requests', () => {
  it('carries the bad rows of a rejected import', async () => {
    mockFetch(
      jsonResponse(400, {
        error: {
          code: 'IMPORT_INVALID',
          message: '文件中有 2 行有误，未导入任何项目',
          field: null,
          rows: [
            { row: 3, column: '项目编号', message: '格式不正确' },
            { row: '5', column: null, message: '学科不存在' },
            'junk',
          ],
        },
      }),
    )
    const err = await caught(api.importProjects('p.xlsx', 'UEsDBA=='))
    expect(err.code).toBe('IMPORT_INVALID')
    expect(err.rows).toEqual([
      { row: 3, column: '项目编号', message: '格式不正确' },
      { row: 5, column: '', message: '学科不存在' },
    ])
  })

  it('has no rows on other errors', async () => {
    mockFetch(jsonResponse(409, { error: { code: 'PROJECT_NUMBER_TAKEN', message: '该项目编号已存在', field: 'number' } }))
    const err = await caught(api.createNationalProject({} as never))
    expect(err.field).toBe('number')
    expect(err.rows).toEqual([])
  })

  it('posts review steps with or without a reason, and deletes with 204', async () => {
    const fetchMock = mockFetch(
      jsonResponse(200, { project_id: 'p1' }),
      jsonResponse(200, { project_id: 'p1' }),
      new Response(null, { status: 204 }),
    )
    await api.projectStep('p1', 'declare')
    await api.projectStep('p1', 'return', '缺少计划')
    expect(await api.deleteProject('p/1')).toBeNull()
    expect(fetchMock.mock.calls[0][0]).toBe('/api/projects/p1/declare')
    expect(JSON.parse(String(fetchMock.mock.calls[0][1]?.body))).toEqual({})
    expect(fetchMock.mock.calls[1][0]).toBe('/api/projects/p1/return')
    expect(JSON.parse(String(fetchMock.mock.calls[1][1]?.body))).toEqual({ reason: '缺少计划' })
    expect(fetchMock.mock.calls[2][0]).toBe('/api/projects/p%2F1')
    expect(fetchMock.mock.calls[2][1]?.method).toBe('DELETE')
  })

  it('lists projects with the filters, and queries public projects without the token', async () => {
    const fetchMock = mockFetch(
      jsonResponse(200, { items: [], next_cursor: null }),
      jsonResponse(200, { items: [], next_cursor: 'c2' }),
    )
    await api.listProjects({ year: 2026, level: 'provincial', status: 'forwarded' }, { cursor: 'c1' })
    expect(fetchMock.mock.calls[0][0]).toBe('/api/projects?year=2026&level=provincial&status=forwarded&limit=20&cursor=c1')
    await api.listPublicProjects({ discipline: '14-02' })
    expect(fetchMock.mock.calls[1][0]).toBe('/api/public/projects?discipline=14-02&limit=20')
    const headers = fetchMock.mock.calls[1][1]?.headers as Record<string, string>
    expect(headers.Authorization).toBeUndefined()
  })
})

describe('holding application requests', () => {
  it('lists sessions with filters and runs review steps', async () => {
    const fetchMock = mockFetch(
      jsonResponse(200, { items: [], next_cursor: null }),
      jsonResponse(200, { session_id: 's1' }),
      jsonResponse(200, { session_id: 's1' }),
    )
    await api.listSessions({ year: 2026, status: 'forwarded', project_id: 'p1' }, { cursor: 'c1' })
    expect(fetchMock.mock.calls[0][0]).toBe('/api/sessions?year=2026&status=forwarded&project_id=p1&limit=20&cursor=c1')
    await api.sessionStep('s1', 'submit')
    expect(fetchMock.mock.calls[1][0]).toBe('/api/sessions/s1/submit')
    expect(JSON.parse(String(fetchMock.mock.calls[1][1]?.body))).toEqual({})
    await api.sessionStep('s1', 'return', '日程缺少讲者职称')
    expect(fetchMock.mock.calls[2][0]).toBe('/api/sessions/s1/return')
    expect(JSON.parse(String(fetchMock.mock.calls[2][1]?.body))).toEqual({ reason: '日程缺少讲者职称' })
  })

  it('asks for an upload ticket, confirms, and keeps the field of a rejected file', async () => {
    const fetchMock = mockFetch(
      jsonResponse(200, { url: 'http://s3/b', fields: { key: 'k' }, key: 'k', max_bytes: 1, expires_in: 900 }),
      jsonResponse(400, {
        error: { code: 'FILE_REJECTED', message: '会议通知：文件内容与声明的类型不符', field: 'file' },
      }),
    )
    const ticket = await api.materialUploadTicket('s1', 'notice', { filename: 'a.pdf', content_type: 'application/pdf', size: 9 })
    expect(ticket.key).toBe('k')
    expect(fetchMock.mock.calls[0][0]).toBe('/api/sessions/s1/materials/notice/upload')
    expect(JSON.parse(String(fetchMock.mock.calls[0][1]?.body))).toEqual({
      filename: 'a.pdf',
      content_type: 'application/pdf',
      size: 9,
    })
    const err = await caught(api.confirmMaterial('s1', 'notice', 'k', 'a.pdf'))
    expect(fetchMock.mock.calls[1][0]).toBe('/api/sessions/s1/materials/notice/confirm')
    expect(err.code).toBe('FILE_REJECTED')
    expect(err.sessionGone).toBe(false)
  })

  it('updates with PUT and reads notifications', async () => {
    const fetchMock = mockFetch(
      jsonResponse(200, { session_id: 's1' }),
      jsonResponse(200, { items: [], unread: 0, next_cursor: null }),
    )
    await api.updateSession('s1', {
      venue: '苏州',
      start_date: '2026-12-10',
      end_date: '2026-12-10',
      schedule: [],
      planned_attendees: 10,
      remark: null,
    })
    expect(fetchMock.mock.calls[0][1]?.method).toBe('PUT')
    await api.listNotifications({ cursor: 'n1', limit: 5 })
    expect(fetchMock.mock.calls[1][0]).toBe('/api/notifications?limit=5&cursor=n1')
  })
})
