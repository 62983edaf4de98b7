/**
 * Client of the JSON API under /api. Every failure is thrown as ApiError
 * carrying the server's stable code, Chinese message and optional field.
 *
 * Session rule: a 401, or a 403 whose body has no `error` object or has code
 * UNAUTHENTICATED, means the session is gone — the stored token is cleared
 * and the registered handler (the console sends the user to /login) runs.
 */
import { clearSession, token } from './session'
import type {
  Account,
  AccountPage,
  ApiErrorBody,
  AttendanceCodes,
  AttendanceKind,
  AuditPage,
  CodeFileFormat,
  DisciplineList,
  DownloadLink,
  MaterialLink,
  JobStarted,
  Health,
  SiteMeta,
  ImportErrorRow,
  ImportFile,
  ImportResult,
  LoginRequest,
  LoginResult,
  MaterialKind,
  NewAccount,
  NewNationalProject,
  NewOrganisation,
  NewProvincialProject,
  NewSession,
  Notification,
  NotificationPage,
  Org,
  OrganisationPage,
  OrganisationPatch,
  PasswordChange,
  PasswordReset,
  Project,
  ProjectListQuery,
  ProjectPage,
  ProjectPatch,
  ProjectStep,
  PublicProjectPage,
  PublicProjectQuery,
  Session,
  SessionFields,
  SessionListQuery,
  SessionPage,
  SessionStep,
  Timeline,
  UnreadCount,
  UploadConfirm,
  UploadRequest,
  UploadTicket,
  User,
  WindowsPreview,
  WindowsPreviewRequest,
} from './types'

export const API_BASE = '/api'

export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly field: string | null
  /** True when this failure ended the session (the user is being sent to log in). */
  readonly sessionGone: boolean
  /** Every bad row of a rejected import file (IMPORT_INVALID); empty otherwise. */
  readonly rows: ImportErrorRow[]
  /** The answer's Retry-After in ms, null when it gave none (see retry.ts). */
  readonly retryAfterMs: number | null

  constructor(
    status: number,
    code: string,
    message: string,
    field: string | null = null,
    sessionGone = false,
    rows: ImportErrorRow[] = [],
    retryAfterMs: number | null = null,
  ) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.field = field
    this.sessionGone = sessionGone
    this.rows = rows
    this.retryAfterMs = retryAfterMs
  }
}

/** The `error.rows` of an error body, keeping only well-formed entries. */
export function errorRows(body: unknown): ImportErrorRow[] {
  const rows = isApiErrorBody(body) ? (body.error as { rows?: unknown }).rows : undefined
  if (!Array.isArray(rows)) return []
  return rows
    .filter((r): r is Record<string, unknown> => !!r && typeof r === 'object')
    .map((r) => ({
      row: typeof r.row === 'number' ? r.row : Number(r.row) || 0,
      column: r.column == null ? '' : String(r.column),
      message: r.message == null ? '' : String(r.message),
    }))
}

export function isApiErrorBody(body: unknown): body is ApiErrorBody {
  if (!body || typeof body !== 'object') return false
  const err = (body as { error?: unknown }).error
  return (
    !!err &&
    typeof err === 'object' &&
    typeof (err as { code?: unknown }).code === 'string' &&
    typeof (err as { message?: unknown }).message === 'string'
  )
}

/** Whether a failed response means the session is gone (see module comment). */
export function isSessionGone(status: number, body: unknown): boolean {
  if (status === 401) return true
  if (status === 403) {
    if (!isApiErrorBody(body)) return true
    return body.error.code === 'UNAUTHENTICATED'
  }
  return false
}

type SessionGoneHandler = () => void
let sessionGoneHandler: SessionGoneHandler | null = null

/** Registers what to do when the session is gone (e.g. go to the login page). */
export function onSessionGone(handler: SessionGoneHandler | null): void {
  sessionGoneHandler = handler
}

export type QueryValue = string | number | boolean | null | undefined

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  query?: Record<string, QueryValue>
  body?: unknown
  /** false for requests made without a session (login): a 401 there is a wrong password, not an expired session. */
  auth?: boolean
  signal?: AbortSignal
  /** Sent as the Idempotency-Key header (routes that start background jobs): a resent request gets the same job. */
  idempotencyKey?: string
}

/** A fresh Idempotency-Key: one per click of a button that starts a background job. */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto
  if (c?.randomUUID) return c.randomUUID()
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  let url = API_BASE + path
  if (query) {
    const params = new URLSearchParams()
    for (const [k, v] of Object.entries(query)) {
      if (v === undefined || v === null || v === '') continue
      params.append(k, String(v))
    }
    const qs = params.toString()
    if (qs) url += (url.includes('?') ? '&' : '?') + qs
  }
  return url
}

async function readBody(res: Response): Promise<unknown> {
  const text = await res.text()
  if (!text) return null
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

function fallbackMessage(status: number): string {
  if (status === 401 || status === 403) return '登录已失效，请重新登录'
  if (status === 404) return '请求的内容不存在'
  if (status === 429) return '操作过于频繁，请稍后再试'
  if (status >= 500) return `服务器暂时无法处理请求（HTTP ${status}），请稍后再试`
  return `请求失败（HTTP ${status}）`
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', query, body, auth = true, signal, idempotencyKey } = options
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  if (auth && token.value) headers.Authorization = `Bearer ${token.value}`

  let res: Response
  try {
    res = await fetch(buildUrl(path, query), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    })
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e
    throw new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络后重试')
  }

  const data = await readBody(res)
  if (res.ok) return data as T

  if (auth && isSessionGone(res.status, data)) {
    clearSession()
    const message = isApiErrorBody(data) ? data.error.message : fallbackMessage(res.status)
    sessionGoneHandler?.()
    throw new ApiError(res.status, 'UNAUTHENTICATED', message || '登录已失效，请重新登录', null, true)
  }
  const retryAfter = retryAfterMs(res.headers?.get?.('Retry-After') ?? null)
  if (isApiErrorBody(data)) {
    const { code, message, field } = data.error
    const msg = message || fallbackMessage(res.status)
    throw new ApiError(res.status, code, msg, field ?? null, false, errorRows(data), retryAfter)
  }
  throw new ApiError(res.status, `HTTP_${res.status}`, fallbackMessage(res.status), null, false, [], retryAfter)
}

/** A Retry-After header (seconds, or an HTTP date) in ms from now; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | null {
  if (!header) return null
  const text = header.trim()
  if (/^\d+$/.test(text)) return Number(text) * 1000
  const at = Date.parse(text)
  return Number.isNaN(at) ? null : Math.max(0, at - now)
}

const enc = encodeURIComponent

export const api = {
  login: (username: string, password: string) =>
    request<LoginResult>('/auth/login', { method: 'POST', body: { username, password } satisfies LoginRequest, auth: false }),
  me: () => request<User>('/auth/me'),
  changePassword: (current_password: string, new_password: string) =>
    request<LoginResult>('/auth/password', { method: 'POST', body: { current_password, new_password } satisfies PasswordChange }),

  listOrganisations: (params: { limit?: number; cursor?: string | null; q?: string } = {}) =>
    request<OrganisationPage>('/organisations', { query: { limit: params.limit ?? 20, cursor: params.cursor, q: params.q } }),
  createOrganisation: (org: NewOrganisation) => request<Org>('/organisations', { method: 'POST', body: org }),
  getOrganisation: (orgId: string) => request<Org>(`/organisations/${enc(orgId)}`),
  updateOrganisation: (orgId: string, patch: OrganisationPatch) =>
    request<Org>(`/organisations/${enc(orgId)}`, { method: 'PATCH', body: patch }),

  listAccounts: (params: { org_id?: string; limit?: number; cursor?: string | null } = {}) =>
    request<AccountPage>('/accounts', {
      query: { org_id: params.org_id, limit: params.limit ?? 20, cursor: params.cursor },
    }),
  createAccount: (account: NewAccount) => request<Account>('/accounts', { method: 'POST', body: account }),
  getAccount: (username: string) => request<Account>(`/accounts/${enc(username)}`),
  resetPassword: (username: string, new_password: string) =>
    request<Account>(`/accounts/${enc(username)}/password`, { method: 'POST', body: { new_password } satisfies PasswordReset }),
  disableAccount: (username: string) => request<Account>(`/accounts/${enc(username)}/disable`, { method: 'POST', body: {} }),
  enableAccount: (username: string) => request<Account>(`/accounts/${enc(username)}/enable`, { method: 'POST', body: {} }),

  listAudit: (params: { date?: string; limit?: number; cursor?: string | null } = {}) =>
    request<AuditPage>('/audit', { query: { date: params.date, limit: params.limit ?? 50, cursor: params.cursor } }),

  listDisciplines: () => request<DisciplineList>('/disciplines', { auth: false }),

  createNationalProject: (project: NewNationalProject) =>
    request<Project>('/projects/national', { method: 'POST', body: project }),
  createProvincialProject: (project: NewProvincialProject) =>
    request<Project>('/projects/provincial', { method: 'POST', body: project }),
  listProjects: (filters: ProjectListQuery, params: { limit?: number; cursor?: string | null } = {}) =>
    request<ProjectPage>('/projects', { query: { ...filters, limit: params.limit ?? 20, cursor: params.cursor } }),
  getProject: (projectId: string) => request<Project>(`/projects/${enc(projectId)}`),
  updateProject: (projectId: string, patch: ProjectPatch) =>
    request<Project>(`/projects/${enc(projectId)}`, { method: 'PATCH', body: patch }),
  deleteProject: (projectId: string) => request<null>(`/projects/${enc(projectId)}`, { method: 'DELETE' }),
  /** 提交申报 / 转报 / 退回 / 审核通过 / 不通过; return and reject need a reason. */
  projectStep: (projectId: string, step: ProjectStep, reason?: string) =>
    request<Project>(`/projects/${enc(projectId)}/${step}`, {
      method: 'POST',
      body: reason === undefined ? {} : { reason },
    }),
  importProjects: (filename: string, content_base64: string) =>
    request<ImportResult>('/projects/import', { method: 'POST', body: { filename, content_base64 } satisfies ImportFile }),
  projectImportTemplate: () => request<DownloadLink>('/projects/import-template'),
  exportProjects: (filters: ProjectListQuery, idempotencyKey?: string) =>
    request<JobStarted>('/projects/export', { method: 'POST', query: { ...filters }, idempotencyKey }),
  listPublicProjects: (filters: PublicProjectQuery, params: { limit?: number; cursor?: string | null } = {}) =>
    request<PublicProjectPage>('/public/projects', {
      query: { ...filters, limit: params.limit ?? 20, cursor: params.cursor },
      auth: false,
    }),

  listSessions: (filters: SessionListQuery, params: { limit?: number; cursor?: string | null } = {}) =>
    request<SessionPage>('/sessions', { query: { ...filters, limit: params.limit ?? 20, cursor: params.cursor } }),
  createSession: (projectId: string, session: NewSession) =>
    request<Session>(`/projects/${enc(projectId)}/sessions`, { method: 'POST', body: session }),
  getSession: (sessionId: string) => request<Session>(`/sessions/${enc(sessionId)}`),
  updateSession: (sessionId: string, fields: SessionFields) =>
    request<Session>(`/sessions/${enc(sessionId)}`, { method: 'PUT', body: fields }),
  deleteSession: (sessionId: string) => request<null>(`/sessions/${enc(sessionId)}`, { method: 'DELETE' }),
  /** 提交申请 / 确认并上报 / 退回修改 / 审核通过; return needs a reason. */
  sessionStep: (sessionId: string, step: SessionStep, reason?: string) =>
    request<Session>(`/sessions/${enc(sessionId)}/${step}`, {
      method: 'POST',
      body: reason === undefined ? {} : { reason },
    }),
  sessionTimeline: (sessionId: string) => request<Timeline>(`/sessions/${enc(sessionId)}/timeline`),
  /** Step 1 of an upload: a presigned POST for this file. */
  materialUploadTicket: (sessionId: string, kind: MaterialKind, file: UploadRequest) =>
    request<UploadTicket>(`/sessions/${enc(sessionId)}/materials/${kind}/upload`, { method: 'POST', body: file }),
  /** Step 3 of an upload: the server checks the stored bytes and records the file (400 FILE_REJECTED otherwise). */
  confirmMaterial: (sessionId: string, kind: MaterialKind, key: string, filename: string) =>
    request<Session>(`/sessions/${enc(sessionId)}/materials/${kind}/confirm`, { method: 'POST', body: { key, filename } satisfies UploadConfirm }),
  materialLink: (sessionId: string, kind: MaterialKind) =>
    request<MaterialLink>(`/sessions/${enc(sessionId)}/materials/${kind}`),
  deleteMaterial: (sessionId: string, kind: MaterialKind) =>
    request<Session>(`/sessions/${enc(sessionId)}/materials/${kind}`, { method: 'DELETE' }),
  /** The windows of a schedule and settings being edited, computed by the server's rule (nothing is saved). */
  previewWindows: (body: WindowsPreviewRequest) =>
    request<WindowsPreview>('/attendance/windows', { method: 'POST', body }),
  /** The current sign-in and sign-out codes of an approved session (organizer, admin). */
  attendanceCodes: (sessionId: string) => request<AttendanceCodes>(`/sessions/${enc(sessionId)}/attendance/codes`),
  /** A short-lived link to a code as PNG, SVG or the A4 poster (pdf). */
  attendanceCodeFile: (sessionId: string, kind: AttendanceKind, format: CodeFileFormat) =>
    request<DownloadLink>(`/sessions/${enc(sessionId)}/attendance/codes/${kind}/file`, { query: { format } }),

  listNotifications: (params: { limit?: number; cursor?: string | null } = {}) =>
    request<NotificationPage>('/notifications', { query: { limit: params.limit ?? 20, cursor: params.cursor } }),
  markNotificationRead: (notificationId: string) =>
    request<Notification>(`/notifications/${enc(notificationId)}/read`, { method: 'POST', body: {} }),
  markAllNotificationsRead: () => request<UnreadCount>('/notifications/read-all', { method: 'POST', body: {} }),

  health: () => request<Health>('/health', { auth: false }),
  /** The stage's titles, province and certificate issuer (public; src/shared/meta.ts reads it once per load). */
  meta: () => request<SiteMeta>('/meta', { auth: false }),
}
