import { ref, shallowRef } from 'vue'
import { api } from '@/shared/api'
import { token } from '@/shared/session'
import type { Notification } from '@/shared/types'

/**
 * The signed-in user's notifications (通知) for the header bell: the newest
 * ones and the unread count, polled every minute and refreshed after actions.
 */
export const POLL_MS = 60_000
export const NOTIFICATION_PAGE = 20

export const unread = ref(0)
export const notifications = shallowRef<Notification[]>([])
export const notificationsLoading = ref(false)

let seq = 0

/** Fetch the newest notifications and the unread count; failures keep what is shown. */
export async function refreshNotifications(): Promise<void> {
  if (!token.value) return
  const mine = ++seq
  notificationsLoading.value = true
  try {
    const page = await api.listNotifications({ limit: NOTIFICATION_PAGE })
    if (mine !== seq) return
    notifications.value = page.items ?? []
    unread.value = Math.max(0, Number(page.unread) || 0)
  } catch {
    // A lost session is handled by the API client; the bell just keeps its last state.
  } finally {
    if (mine === seq) notificationsLoading.value = false
  }
}

/** Mark one notification read (locally at once, then on the server). */
export async function markRead(n: Notification): Promise<void> {
  if (n.read) return
  notifications.value = notifications.value.map((x) =>
    x.notification_id === n.notification_id ? { ...x, read: true } : x,
  )
  unread.value = Math.max(0, unread.value - 1)
  try {
    await api.markNotificationRead(n.notification_id)
  } finally {
    void refreshNotifications()
  }
}

/** Mark every notification read (locally at once, then on the server). */
export async function markAllRead(): Promise<void> {
  notifications.value = notifications.value.map((x) => (x.read ? x : { ...x, read: true }))
  unread.value = 0
  try {
    await api.markAllNotificationsRead()
  } finally {
    void refreshNotifications()
  }
}

/** Only app paths are followed from a notification. */
export function notificationTarget(link: string | null | undefined): string | null {
  if (!link || !link.startsWith('/') || link.startsWith('//') || link.startsWith('/\\')) return null
  return link
}

/**
 * Poll while the page is visible; refresh at once when it becomes visible
 * again. Returns the function that stops polling.
 */
export function startPolling(intervalMs = POLL_MS): () => void {
  void refreshNotifications()
  const timer = setInterval(() => {
    if (typeof document === 'undefined' || document.visibilityState !== 'hidden') void refreshNotifications()
  }, intervalMs)
  const onVisible = () => {
    if (document.visibilityState === 'visible') void refreshNotifications()
  }
  document.addEventListener('visibilitychange', onVisible)
  return () => {
    clearInterval(timer)
    document.removeEventListener('visibilitychange', onVisible)
  }
}

/** Forget everything (after logout). */
export function clearNotifications(): void {
  seq++
  unread.value = 0
  notifications.value = []
  notificationsLoading.value = false
}
