import { h, ref, shallowRef } from 'vue'
import type { VNode } from 'vue'
import { useRouter } from 'vue-router'
import { ElMessage, ElMessageBox } from 'element-plus'
import { api } from '@/shared/api'
import { sessionShortfallWarning } from '@/shared/credits'
import { missingMaterials, seqLabel } from '@/shared/sessions'
import type { Session, SessionAction, SessionStep } from '@/shared/types'
import { showError } from './errors'
import { refreshNotifications } from './notifications'

async function confirmBox(message: string | VNode, heading: string, confirmText: string, type: 'info' | 'warning' = 'info') {
  try {
    await ElMessageBox.confirm(message, heading, { confirmButtonText: confirmText, cancelButtonText: '取消', type })
    return true
  } catch {
    return false
  }
}

export function sessionSubject(s: Pick<Session, 'project_name' | 'seq'>): string {
  return `“${s.project_name}”${seqLabel(s.seq)}`
}

/**
 * The buttons of a holding application, wherever it is shown: 资料上传 / 编辑
 * open its pages, the review steps ask first (退回修改 through the reason
 * dialog bound to `reasonOpen` / `submitReason`), then `updated` or `deleted` runs.
 */
export function useSessionActions(hooks: { updated: (s: Session) => void; deleted?: (s: Session) => void }) {
  const router = useRouter()
  const busy = ref<string | null>(null)
  const reasonOpen = ref(false)
  const reasonFor = shallowRef<Session | null>(null)

  async function step(session: Session, action: Exclude<SessionStep, 'return'>) {
    const subject = sessionSubject(session)
    // One entry per step of the API's literal: a new step does not compile without its question.
    const questions: Record<typeof action, [string, string, string]> = {
      submit: [`确定提交${subject}的举办申请吗？提交后由本单位科教部门确认上报，审核期间不能修改。`, '提交申请', '已提交申请'],
      forward: [`确定将${subject}的举办申请确认并上报省继教办吗？`, '确认并上报', '已确认并上报省继教办'],
      approve: [`确定审核通过${subject}的举办申请吗？通过后即可举办。`, '审核通过', '已审核通过'],
    }
    const ask = questions[action]
    if (action === 'submit') {
      const missing = missingMaterials(session)
      if (missing.length) {
        ElMessage.warning({ message: `请先上传${missing.join('和')}`, grouping: true })
        return
      }
    }
    // Reviewers are told, before they pass it on, when the schedule cannot earn the project's credits.
    const warning = action === 'submit' ? null : sessionShortfallWarning(session)
    const message = warning
      ? h('div', [h('p', ask[0]), h('p', { class: 'credits-warning', 'data-test': 'confirm-credits-warning' }, `注意：${warning}。`)])
      : ask[0]
    if (!(await confirmBox(message, ask[1], ask[1], warning ? 'warning' : 'info'))) return
    busy.value = session.session_id
    try {
      const updated = await api.sessionStep(session.session_id, action)
      ElMessage.success(ask[2])
      hooks.updated(updated)
      void refreshNotifications()
    } catch (e) {
      showError(e)
    } finally {
      busy.value = null
    }
  }

  async function remove(session: Session) {
    const ok = await confirmBox(
      `确定删除${sessionSubject(session)}的举办申请吗？已上传的资料一并删除，不能恢复。`,
      '删除举办申请',
      '删除',
      'warning',
    )
    if (!ok) return
    busy.value = session.session_id
    try {
      await api.deleteSession(session.session_id)
      ElMessage.success(`已删除${sessionSubject(session)}的举办申请`)
      hooks.deleted?.(session)
    } catch (e) {
      showError(e)
    } finally {
      busy.value = null
    }
  }

  async function submitReason(reason: string) {
    const session = reasonFor.value
    if (!session) return
    const updated = await api.sessionStep(session.session_id, 'return', reason)
    ElMessage.success('已退回立项用户修改')
    hooks.updated(updated)
    void refreshNotifications()
  }

  function act(session: Session, action: SessionAction) {
    switch (action) {
      case 'upload':
        return router.push(`/sessions/${session.session_id}`)
      case 'edit':
        return router.push(`/sessions/${session.session_id}/edit`)
      case 'delete':
        return remove(session)
      case 'return':
        reasonFor.value = session
        reasonOpen.value = true
        return
      default:
        return step(session, action)
    }
  }

  return { busy, reasonOpen, reasonFor, act, submitReason }
}

export function sessionActionType(action: SessionAction): 'primary' | 'danger' | 'success' | 'warning' {
  if (action === 'delete') return 'danger'
  if (action === 'return') return 'warning'
  if (action === 'approve' || action === 'forward' || action === 'submit') return 'success'
  return 'primary'
}

export function sessionStatusType(status: string): 'success' | 'warning' | 'info' | 'primary' {
  if (status === 'approved') return 'success'
  if (status === 'returned') return 'warning'
  if (status === 'draft') return 'info'
  return 'primary'
}
