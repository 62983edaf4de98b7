/**
 * Loads what a sign-in / sign-out QR link points at: the session's header and
 * whether its window is open now. The QR token comes from `?t=`. `progress`
 * says in words what a request is doing (正在提交… / 网络不稳定，正在第 N 次重试… /
 * 已离线，恢复网络后自动提交), '' when none is on its way.
 */
import { computed, ref, shallowRef } from 'vue'
import { useRoute } from 'vue-router'
import { showDialog } from 'vant'
import 'vant/es/dialog/style'
import { ApiError } from '@/shared/api'
import { attendanceApi } from '@/shared/attendance'
import { progressText, type RetryOptions } from '@/shared/retry'
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
  const progress = ref('')
  /** Whether the last request was sent more than once (its `already` may be the answer to our own first try). */
  const resent = ref(false)

  /** One request with retries (the same request each time); `progress` says what it is doing, `verb` (提交…) how. */
  async function retried<T>(verb: string, send: (retry: RetryOptions) => Promise<T>): Promise<T> {
    progress.value = progressText('sending', verb)
    resent.value = false
    try {
      return await send({
        onRetry: (attempt) => {
          resent.value = true
          progress.value = progressText('retrying', verb, attempt - 1)
        },
        onOffline: () => {
          resent.value = true
          progress.value = progressText('offline', verb)
        },
      })
    } finally {
      progress.value = ''
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
      info.value = await retried('加载', (retry) => attendanceApi.page(sessionId.value, kind, token.value, retry))
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

  return { sessionId, token, info, loading, failure, progress, resent, retried, load, showFailure }
}
