import { ElMessage } from 'element-plus'
import { ApiError } from '@/shared/api'
import { UploadError } from '@/shared/upload'

/** Per-form error texts keyed by form field (bound to el-form-item :error). */
export type FieldErrors = Record<string, string>

export function clearFieldErrors(errors: FieldErrors): void {
  for (const k of Object.keys(errors)) errors[k] = ''
}

/**
 * Shows a failed request to the user: under the form field named by the
 * server when the form has it, otherwise as a message. A lost session is
 * already handled (redirect to login), so nothing more is shown for it.
 */
export function showError(e: unknown, fieldErrors?: FieldErrors, fieldAliases: Record<string, string> = {}): void {
  if (e instanceof ApiError) {
    if (e.sessionGone) return
    const field = e.field ? (fieldAliases[e.field] ?? e.field) : null
    if (field && fieldErrors && field in fieldErrors) {
      fieldErrors[field] = e.message
      return
    }
    ElMessage.error({ message: e.message, grouping: true })
    return
  }
  if (e instanceof UploadError) {
    ElMessage.error({ message: e.message, grouping: true })
    return
  }
  if (e instanceof DOMException && e.name === 'AbortError') return
  console.error(e)
  ElMessage.error({ message: '操作失败，请稍后重试', grouping: true })
}
