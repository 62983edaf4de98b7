/**
 * 电子学分证书: the public 学员证书查询 and 证书验证, a session's certificates
 * and the office's 作废 / 重新签发 (API under /api/public/certificates,
 * /api/sessions/{id}/certificates and /api/certificates/{no}), with the pure
 * helpers of the query form and of the status display. No UI library here;
 * the server checks everything again and masks every name and ID number.
 */
import { request } from './api'
import { checkIdNumber, normalizeIdNumber } from './identity'
import { formatChinaTime } from './time'
import type {
  Certificate,
  CertificateLink,
  CertificateList,
  CertificatePage,
  CertificateQuery,
  CertificateReason,
  CertificateStatus,
  JobStarted,
  VerifiedCertificate,
} from './types'

// ---- API ----

const enc = encodeURIComponent

export const certificatesApi = {
  /**
   * 学员证书查询 (no login). 429 TOO_MANY_REQUESTS says when to retry (per address);
   * 429 QUERY_LOCKED: five look-ups of this project number and name found nothing
   * within a day, so it is paused for a day whatever ID number is sent.
   */
  query: (body: CertificateQuery) =>
    request<CertificateList>('/public/certificates/query', { method: 'POST', body, auth: false }),
  /** 证书验证 (no login; counts the verification); 404 for an unknown code. */
  verify: (code: string) => request<VerifiedCertificate>(`/public/certificates/${enc(code)}`, { auth: false }),
  /** Short-lived links to one certificate's PDF (download; `view_url` opens it to print); 410 CERTIFICATE_REVOKED
   * for a revoked one. */
  pdf: (code: string) => request<CertificateLink>(`/public/certificates/${enc(code)}/pdf`, { auth: false }),
  /** The certificates of a session (organizer, admin, office). */
  /** One page of the session's certificates (number order); `next_cursor` continues. */
  forSession: (sessionId: string, cursor: string | null = null) =>
    request<CertificatePage>(`/sessions/${enc(sessionId)}/certificates`, { query: { cursor } }),
  /** One printable PDF of all valid certificates of a session. */
  sessionPdf: (sessionId: string, idempotencyKey?: string) =>
    request<JobStarted>(`/sessions/${enc(sessionId)}/certificates/pdf`, { method: 'POST', idempotencyKey }),
  /** 作废 (office). */
  revoke: (certificateNo: string, reason: string) =>
    request<Certificate>(`/certificates/${enc(certificateNo)}/revoke`, { method: 'POST', body: { reason } satisfies CertificateReason }),
  /** 重新签发 (office): the new certificate; the old one is revoked and points to it. */
  reissue: (certificateNo: string, reason: string) =>
    request<Certificate>(`/certificates/${enc(certificateNo)}/reissue`, { method: 'POST', body: { reason } satisfies CertificateReason }),
}

// ---- query form ----

export const PROJECT_NUMBER_MAX_LENGTH = 40
export const NAME_MAX_LENGTH = 30

/** The text under a field of the query form, '' when it is fine. */
export function projectNumberError(raw: string): string {
  const v = raw.trim()
  if (!v) return '请输入项目编号'
  if (v.length > PROJECT_NUMBER_MAX_LENGTH) return `项目编号不超过${PROJECT_NUMBER_MAX_LENGTH}个字符`
  return ''
}

export function nameError(raw: string): string {
  const v = raw.trim()
  if (!v) return '请输入姓名'
  if (v.length > NAME_MAX_LENGTH) return `姓名不超过${NAME_MAX_LENGTH}个字`
  return ''
}

/** The full 18 characters only: shape, GB 11643 check character, birth date. */
export function idPartError(raw: string): string {
  const v = normalizeIdNumber(raw)
  if (!v) return '请输入完整的18位身份证号码'
  const check = checkIdNumber(v)
  return check.ok ? '' : check.message
}

export type QueryFieldErrors = Record<keyof CertificateQuery, string>

/** The trimmed body to send, or the error of each field. */
export function checkCertificateQuery(
  form: CertificateQuery,
): { ok: true; body: CertificateQuery } | { ok: false; errors: QueryFieldErrors } {
  const errors: QueryFieldErrors = {
    project_number: projectNumberError(form.project_number),
    name: nameError(form.name),
    id_number: idPartError(form.id_number),
  }
  if (errors.project_number || errors.name || errors.id_number) return { ok: false, errors }
  return {
    ok: true,
    body: {
      project_number: form.project_number.trim(),
      name: form.name.trim(),
      id_number: normalizeIdNumber(form.id_number),
    },
  }
}

// ---- display ----

const STATUS_LABELS: Record<CertificateStatus, string> = { valid: '有效', revoked: '已作废' }

export function certificateStatusLabel(c: Pick<Certificate, 'status' | 'status_label'>): string {
  return c.status_label || STATUS_LABELS[c.status] || c.status
}

/** Element Plus tag type: valid green, revoked red. */
export function certificateStatusType(status: string): 'success' | 'danger' | 'info' {
  if (status === 'valid') return 'success'
  if (status === 'revoked') return 'danger'
  return 'info'
}

/** "作废原因：…；作废时间：2026-12-20 10:00；已重新签发为 JS2026-000124" ('' for a valid certificate). */
export function revocationText(c: Pick<Certificate, 'status' | 'revoked_reason' | 'revoked_at' | 'replaced_by'>): string {
  if (c.status !== 'revoked') return ''
  const parts = [`作废原因：${c.revoked_reason || '—'}`]
  if (c.revoked_at) parts.push(`作废时间：${formatChinaTime(c.revoked_at)}`)
  if (c.replaced_by) parts.push(`已重新签发为 ${c.replaced_by}`)
  return parts.join('；')
}

/** "I类 6 学分". */
export function creditsText(c: Pick<Certificate, 'credit_class' | 'credits'>): string {
  return `${c.credit_class} ${c.credits} 学分`
}

/** "2026-12-10 至 2026-12-12", one date when the session lasts a day. */
export function dateRange(c: Pick<Certificate, 'start_date' | 'end_date'>): string {
  return !c.end_date || c.start_date === c.end_date ? c.start_date : `${c.start_date} 至 ${c.end_date}`
}

export function verificationCountText(n: number): string {
  return `本证书已被验证${n}次`
}

/** The path of the verification page (the QR on the PDF points at it; the phone pages have it under /m/). */
export function verifyPath(code: string): string {
  return `/verify/${enc(code)}`
}

/** The verification link as the certificate's QR carries it, to send to its holder (复制链接). */
export function verifyUrl(code: string, origin: string): string {
  return `${origin.replace(/\/+$/, '')}${verifyPath(code)}`
}

/** `2026-12-04` → `2026年12月4日` (as the PDF prints dates). */
export function chineseDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : value
}

type CertificateText = Pick<
  VerifiedCertificate,
  'kind' | 'name' | 'id_number' | 'start_date' | 'end_date' | 'level_label' | 'project_name' | 'project_number' | 'credit_class' | 'credits'
>

/** The certificate's sentence as the PDF prints it (chalicelib/services/certificate_pdf.py body_text), for the page view. */
export function certificateSentence(c: CertificateText): string {
  const who = c.id_number ? `${c.name}（身份证号：${c.id_number}）` : c.name
  const dates = `于${chineseDate(c.start_date)}至${chineseDate(c.end_date || c.start_date)}`
  const project = `${c.level_label}继续医学教育项目《${c.project_name}》（项目编号：${c.project_number}）`
  const credits = `特授予 ${c.credit_class.replace(/类$/, '')} 类学分 ${c.credits} 分。`
  return c.kind === 'lecturer' ? `${who}${dates}在${project}中担任授课教师，${credits}` : `${who}${dates}参加${project}，经考核合格，${credits}`
}
