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
