/**
 * Loads what a sign-in / sign-out QR link points at: the session's header and
 * whether its window is open now. The QR token comes from `?t=`. `retrying`
 * is true while a request waits to be sent again (网络繁忙，正在重试…).
 */
import { computed, ref, shallowRef } from 'vue'
import { useRoute } from 'vue-router'
import { showDialog } from 'vant'
import 'vant/es/dialog/style'
import { ApiError } from '@/shared/api'
import { attendanceApi } from '@/shared/attendance'
import type { RetryOptions } from '@/shared/retry'
import type { AttendanceKind, AttendancePage } from '@/shared/types'

export function useAttendancePage(kind: AttendanceKind) {
  const route = useRoute()
  const sessionId = computed(() => String(route.params.sessionId ?? ''))
  const token = computed(() => {
    const t = Array.isArray(route.query.t) ? route.query.t[0] : route.query.t
    return typeof t === 'string' ? t.trim() : ''
  })
  const info = shallowRef<AttendancePage | null>(null)
  const loading = ref(true)
  /** A failure to load at all (bad link, network), shown as a full page. */
  const failure = ref('')
  const retrying = ref(false)

  /** One request with retries (the same request each time); `retrying` says so while it waits. */
  async function retried<T>(send: (retry: RetryOptions) => Promise<T>): Promise<T> {
    try {
      return await send({ onRetry: () => (retrying.value = true) })
    } finally {
      retrying.value = false
    }
  }

  async function load(): Promise<void> {
    loading.value = true
    failure.value = ''
    if (!token.value) {
      info.value = null
      failure.value = '二维码链接不完整，请重新扫描会场的二维码。'
      loading.value = false
      return
    }
    try {
      info.value = await retried((retry) => attendanceApi.page(sessionId.value, kind, token.value, retry))
    } catch (e) {
      info.value = null
      failure.value =
        e instanceof ApiError
          ? e.status === 404
            ? e.message || '二维码无效或项目不存在，请重新扫描会场的二维码。'
            : e.message
          : '页面加载失败，请稍后重试。'
    } finally {
      loading.value = false
    }
  }

  /** Re-reads the state quietly (after a refused submit), keeping the form on screen. */
  async function refresh(): Promise<void> {
    try {
      info.value = await attendanceApi.page(sessionId.value, kind, token.value)
    } catch {
      /* keep what is shown */
    }
  }

  /** A submit that failed for no field's sake: says why (知道了), then re-reads the state (the window may have closed). */
  async function showFailure(title: string, e: unknown): Promise<void> {
    await showDialog({ title, message: e instanceof Error ? e.message : '请稍后重试', confirmButtonText: '知道了' })
    await refresh()
  }

  return { sessionId, token, info, loading, failure, retrying, retried, load, showFailure }
}
