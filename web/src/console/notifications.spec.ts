import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { clearSession, saveLogin } from '@/shared/session'
import type { Notification, User } from '@/shared/types'
import {
  clearNotifications,
  markAllRead,
  markRead,
  notificationTarget,
  notifications,
  refreshNotifications,
  startPolling,
  unread,
} from './notifications'

const user: User = {
  username: 'admin-demo',
  display_name: '王科教',
  role: 'admin',
  org_id: 'o1',
  org_name: '南京示范医院',
  department: null,
  email: null,
  must_change_password: false,
}

function note(id: string, read = false): Notification {
  return {
    notification_id: id,
    title: '待审核的举办申请',
    body: '外科护理新进展（第1期）已提交，请确认后上报。',
    link: `/sessions/ses-${id}`,
    read,
    created_at: '2026-11-25T10:00:00.000Z',
  }
}

function json(body: unknown): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
}

beforeEach(() => {
  localStorage.clear()
  saveLogin({ token: 'tok', expires_at: '2999-01-01T00:00:00Z', user })
  clearNotifications()
})

afterEach(() => {
  vi.useRealTimers()
  clearSession()
})

describe('notifications', () => {
  it('loads the newest notifications with the unread count', async () => {
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(json({ items: [note('a'), note('b', true)], unread: 1, next_cursor: null }))
    vi.stubGlobal('fetch', fetchMock)
    await refreshNotifications()
    expect(unread.value).toBe(1)
    expect(notifications.value.map((n) => n.notification_id)).toEqual(['a', 'b'])
    expect(String(fetchMock.mock.calls[0][0])).toBe('/api/notifications?limit=20')
  })

  it('marks one read at once and on the server', async () => {
    const fetchMock = vi
      .fn<typeof fetch>()
      .mockResolvedValueOnce(json({ items: [note('a')], unread: 1, next_cursor: null }))
      .mockResolvedValueOnce(json({ ...note('a'), read: true }))
      .mockResolvedValueOnce(json({ items: [{ ...note('a'), read: true }], unread: 0, next_cursor: null }))
    vi.stubGlobal('fetch', fetchMock)
    await refreshNotifications()
    const pending = markRead(notifications.value[0])
    expect(unread.value).toBe(0)
    expect(notifications.value[0].read).toBe(true)
    await pending
    const [url, init] = fetchMock.mock.calls[1]
    expect(url).toBe('/api/notifications/a/read')
    expect(init?.method).toBe('POST')
  })

  it('marks all read at once and on the server', async () => {
    const fetchMock = vi
      .fn<typeof fetch>()
      .mockResolvedValueOnce(json({ items: [note('a'), note('b'), note('c', true)], unread: 2, next_cursor: null }))
      .mockResolvedValueOnce(json({ unread: 0 }))
      .mockResolvedValueOnce(json({ items: [note('a', true), note('b', true), note('c', true)], unread: 0, next_cursor: null }))
    vi.stubGlobal('fetch', fetchMock)
    await refreshNotifications()
    expect(unread.value).toBe(2)
    const pending = markAllRead()
    expect(unread.value).toBe(0)
    expect(notifications.value.every((n) => n.read)).toBe(true)
    await pending
    const [url, init] = fetchMock.mock.calls[1]
    expect(url).toBe('/api/notifications/read-all')
    expect(init?.method).toBe('POST')
  })

  it('does nothing without a session, and polls every minute while visible', async () => {
    clearSession()
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(json({ items: [], unread: 0, next_cursor: null }))
    vi.stubGlobal('fetch', fetchMock)
    await refreshNotifications()
    expect(fetchMock).not.toHaveBeenCalled()

    saveLogin({ token: 'tok', expires_at: '2999-01-01T00:00:00Z', user })
    vi.useFakeTimers()
    const stop = startPolling(60_000)
    expect(fetchMock).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(fetchMock).toHaveBeenCalledTimes(2)
    stop()
    await vi.advanceTimersByTimeAsync(120_000)
    expect(fetchMock).toHaveBeenCalledTimes(2)
  })

  it('follows only app paths', () => {
    expect(notificationTarget('/sessions/ses-1')).toBe('/sessions/ses-1')
    expect(notificationTarget('https://evil.example')).toBeNull()
    expect(notificationTarget('//evil.example')).toBeNull()
    expect(notificationTarget(null)).toBeNull()
  })
})
