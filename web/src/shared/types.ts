/** Types of the JSON API served under /api (see the API contract). */

export type Role = 'office' | 'admin' | 'organizer'

export type OrgType = 'office' | 'hospital' | 'society' | 'other'

export type OrgStatus = 'active' | 'disabled'

export interface User {
  username: string
  display_name: string
  role: Role
  org_id: string
  org_name: string
  department: string | null
  email: string | null
  must_change_password: boolean
}

export interface LoginResult {
  token: string
  expires_at: string
  user: User
}

export interface Org {
  org_id: string
  name: string
  type: OrgType
  city: string
  status: OrgStatus
  created_at: string
}

export interface Account {
  username: string
  display_name: string
  role: Role
  org_id: string
  department: string | null
  email: string | null
  phone: string | null
  disabled: boolean
  must_change_password: boolean
  created_at: string
  last_login_at: string | null
}

export interface AuditEvent {
  event_id: string
  at: string
  actor: string
  actor_role: Role | string
  actor_org_id: string
  action: string
  target_type: string
  target_id: string
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
}

export interface Page<T> {
  items: T[]
  next_cursor: string | null
}

export interface ApiErrorBody {
  error: {
    code: string
    message: string
    field: string | null
  }
}

export interface Health {
  status: 'ok'
  version: string
}

// ---- projects (项目) ----

export type ProjectLevel = 'national' | 'provincial'

export type ProjectNature = 'declared' | 'filed'

export type ProjectStatus = 'draft' | 'declared' | 'returned' | 'forwarded' | 'approved' | 'rejected'

/** What the caller may do with a project now (from the server). */
export type ProjectAction = 'edit' | 'delete' | 'declare' | 'forward' | 'return' | 'approve' | 'reject'

export interface Discipline {
  code: string
  name: string
  children?: Discipline[]
}

export interface Project {
  project_id: string
  level: ProjectLevel
  number: string | null
  /** "2020-14-02-049(国)", "2020480301016(省)", or "" while undeclared. */
  number_display: string
  year: number
  name: string
  discipline_code: string
  discipline_label: string
  leader: string
  credits: number
  nature: ProjectNature
  nature_label: string
  planned_sessions: number
  plan: string | null
  org_id: string
  org_name: string
  department: string | null
  status: ProjectStatus
  status_label: string
  review_reason: string
  editable: boolean
  actions: ProjectAction[]
  created_at: string
  updated_at: string
}

/** A published project as anybody may see it (项目查询). */
export interface PublicProject {
  project_id: string
  number_display: string
  level: ProjectLevel
  year: number
  name: string
  discipline_label: string
  org_name: string
  leader: string
  credits: number
  planned_sessions: number
  status_label: string
}

/** One bad row of an import file. */
export interface ImportErrorRow {
  row: number
  column: string
  message: string
}

export interface ImportResult {
  imported: number
  skipped: number
}

/** A short-lived download link. */
export interface DownloadLink {
  url: string
  filename: string
}
