/** Types of the JSON API served under /api (see the API contract). */
import type { AttendanceKind } from './attendance'

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

// ---- holding applications (举办申请) ----

export type SessionStatus = 'draft' | 'submitted' | 'forwarded' | 'returned' | 'approved'

/** What the caller may do with a holding application now (from the server). */
export type SessionAction = 'edit' | 'upload' | 'delete' | 'submit' | 'forward' | 'return' | 'approve'

export type MaterialKind = 'notice' | 'schedule'

/** One block of the teaching schedule: China wall-clock fields plus the UTC instants. */
export interface ScheduleBlock {
  date: string
  start: string
  end: string
  starts_at: string
  ends_at: string
  topic: string
  lecturer: string
  hours: number
}

export interface Material {
  kind: MaterialKind
  filename: string
  content_type: string
  size: number
  uploaded_at: string
}

/** One 期 of a published project: its venue, dates, schedule, materials and review state. */
export interface Session {
  session_id: string
  project_id: string
  seq: number
  /** "2026-14-02-049(国)". */
  project_number: string
  project_name: string
  project_level: ProjectLevel | string
  leader: string
  credits: number
  org_id: string
  org_name: string
  department: string
  venue: string
  /** China dates, YYYY-MM-DD. */
  start_date: string
  end_date: string
  schedule: ScheduleBlock[]
  teaching_hours: number
  planned_attendees: number
  remark: string | null
  materials: Material[]
  status: SessionStatus
  status_label: string
  /** "未上报", "待单位审核", "南京示范医院[退回修改：…]", "江苏省继续医学教育委员会办公室[审核通过]". */
  review_reason: string
  actions: SessionAction[]
  /** 规定学时: the hours an attendee must attend to be preselected for credits (default: teaching_hours). */
  required_hours: number
  /** Where the 执行情况 / 学分 workflow stands; null until the session is approved. */
  report_status: ReportStatus | null
  /** 待提交执行情况, 待单位遴选上报, 执行情况被退回, 待省继教办审核学分, 学员名单被退回, 已授予学分 (null with report_status). */
  report_status_label: string | null
  /** The deadline of whoever must act next, or null. */
  deadline: Deadline | null
  /** 签到签退设置 (editable with the rest of the form). */
  attendance: AttendanceSettings
  /** The sign-in and sign-out windows the server computes from the schedule and the settings. */
  windows: AttendanceWindow[]
  created_at: string
  updated_at: string
}

// ---- execution report and credits (执行情况, 学分) ----

/** pending: 待提交执行情况; reported: 待单位遴选上报; returned: 执行情况被退回; submitted: 待省继教办审核学分;
 * office_returned: 学员名单被退回; granted: 已授予学分. */
export type ReportStatus = 'pending' | 'reported' | 'returned' | 'submitted' | 'office_returned' | 'granted'

/**
 * The deadline of whoever must act next: admin (遴选上报, 14 days after the end date or the
 * office's extension) or office (学分审核, 14 days after the admin's submission). `due` is a China date.
 */
export interface Deadline {
  kind: 'admin' | 'office'
  due: string
  days_left: number
  overdue: boolean
  extended: boolean
}

// ---- attendance settings and codes of a session (签到签退设置, 签到二维码) ----

/** whole: 整期一次签到签退; daily: 每天各签到签退一次. */
export type AttendanceMode = 'whole' | 'daily'

/** Offsets in minutes from the first block's start / the last block's end (of the day in daily mode). */
export interface AttendanceSettings {
  mode: AttendanceMode
  refresh_seconds: number
  sign_in_opens_before: number
  sign_in_closes_after: number
  sign_out_opens_before: number
  sign_out_closes_after: number
}

/** One sign-in or sign-out window; `day` is the China date in daily mode, null in whole mode. */
export interface AttendanceWindow {
  kind: AttendanceKind
  day: string | null
  opens: string
  closes: string
}

/** Body of POST /attendance/windows: the schedule being edited (dates and times) and the settings. */
export interface WindowsPreviewRequest {
  schedule?: { date: string; start: string; end: string }[]
  /** Left out, or any setting left out: the server's defaults. */
  attendance?: Partial<AttendanceSettings>
}

/** POST /attendance/windows: the settings with the server's defaults filled in, and the windows they give. */
export interface WindowsPreview {
  attendance: AttendanceSettings
  windows: AttendanceWindow[]
}

export type CodeState = 'open' | 'not_yet' | 'closed'

export interface AttendanceCode {
  kind: AttendanceKind
  label: string
  url: string
  /** Inline <svg> markup of the QR code, generated by the server. */
  svg: string
  window: AttendanceWindow
  state: CodeState
}

/** GET /sessions/{id}/attendance/codes: the current codes; fetch again before `valid_until`. */
export interface AttendanceCodes {
  refresh_seconds: number
  valid_until: string
  sign_in_url: string
  sign_out_url: string
  codes: AttendanceCode[]
  windows: AttendanceWindow[]
}

/** Downloads of a code: PNG, SVG or the printable A4 poster (pdf). */
export type CodeFileFormat = 'png' | 'svg' | 'pdf'

/** A presigned S3 POST: send every `fields` entry, then the file under `file`, to `url`. */
export interface UploadTicket {
  url: string
  fields: Record<string, string>
  key: string
  max_bytes: number
  expires_in: number
}

export interface TimelineEntry {
  at: string
  actor: string
  actor_role: Role | string
  action: string
  action_label: string
  reason: string | null
}

export interface Notification {
  notification_id: string
  title: string
  body: string
  /** An app path such as "/sessions/<id>", or null. */
  link: string | null
  read: boolean
  created_at: string
}

export interface NotificationPage extends Page<Notification> {
  unread: number
}
