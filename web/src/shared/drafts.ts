/**
 * Drafts of the session form (申请举办 / 编辑举办申请) and of the execution
 * report (执行情况) kept on the server as the user works: the API, the form ⇄
 * draft conversions, and the save indicator's words. Pure apart from the API;
 * the server is authoritative (each draft is written under its own version).
 */
import { request } from './api'
import type { ReportForm } from './credits'
import type { ScheduleRow } from './sessions'
import { formatChinaTime } from './time'
import type { AttendanceSettings, ReportDraft, ReportDraftData, SessionDraft, SessionDraftData } from './types'

const enc = encodeURIComponent

export const draftsApi = {
  newSession: (projectId: string) => request<SessionDraft>(`/projects/${enc(projectId)}/session-draft`),
  saveNewSession: (projectId: string, version: number, data: SessionDraftData | null) =>
    request<SessionDraft>(`/projects/${enc(projectId)}/session-draft`, { method: 'PUT', body: { version, data } }),
  session: (sessionId: string) => request<SessionDraft>(`/sessions/${enc(sessionId)}/draft`),
  saveSession: (sessionId: string, version: number, data: SessionDraftData | null) =>
    request<SessionDraft>(`/sessions/${enc(sessionId)}/draft`, { method: 'PUT', body: { version, data } }),
  report: (sessionId: string) => request<ReportDraft>(`/sessions/${enc(sessionId)}/report/draft`),
  saveReport: (sessionId: string, version: number, data: ReportDraftData | null) =>
    request<ReportDraft>(`/sessions/${enc(sessionId)}/report/draft`, { method: 'PUT', body: { version, data } }),
}

/** Wait this long after the last keystroke before saving the draft. */
export const DRAFT_SAVE_DELAY_MS = 1000

/** What the draft indicator says: 已保存 / 保存中… / 保存失败 (with 重试 next to it). */
export type DraftState = 'saved' | 'pending' | 'saving' | 'failed'

export const DRAFT_STATE_LABELS: Record<DraftState, string> = {
  saved: '草稿已保存',
  pending: '待保存',
  saving: '保存中…',
  failed: '保存失败',
}

const orNull = <T>(value: T | '' | undefined): T | null => (value === '' || value === undefined ? null : value)

// ---- the session form ----

/** The session form as the view holds it. */
export interface SessionFormState {
  seq: number | undefined
  venue: string
  start_date: string
  end_date: string
  planned_attendees: number | undefined
  remark: string
  rows: readonly ScheduleRow[]
  required_hours: number | null
  attendance: Partial<AttendanceSettings> | null
}

/** The draft of the session form: empty texts as the server bounds them, unfilled pickers as null. */
export function sessionDraftData(state: SessionFormState): SessionDraftData {
  return {
    seq: state.seq ?? null,
    venue: state.venue,
    start_date: orNull(state.start_date),
    end_date: orNull(state.end_date),
    schedule: state.rows.map((r) => ({
      date: orNull(r.date),
      start: orNull(r.start),
      end: orNull(r.end),
      topic: r.topic,
      lecturer: r.lecturer,
      hours: r.hours ?? null,
    })),
    planned_attendees: state.planned_attendees ?? null,
    remark: state.remark,
    required_hours: state.required_hours,
    attendance: state.attendance ? { ...state.attendance } : null,
  }
}

/** The form a saved draft restores (fields the draft lacks stay as `base` has them). */
export function sessionFormFromDraft(data: SessionDraftData, base: SessionFormState): SessionFormState {
  const rows = (data.schedule ?? []).map((b) => ({
    date: b.date ?? '',
    start: b.start ?? '',
    end: b.end ?? '',
    topic: b.topic ?? '',
    lecturer: b.lecturer ?? '',
    hours: b.hours ?? null,
  }))
  const attendance = data.attendance
    ? Object.fromEntries(Object.entries(data.attendance).filter(([, v]) => v !== null && v !== undefined))
    : null
  return {
    seq: data.seq ?? base.seq,
    venue: data.venue ?? '',
    start_date: data.start_date ?? '',
    end_date: data.end_date ?? '',
    planned_attendees: data.planned_attendees ?? undefined,
    remark: data.remark ?? '',
    rows: rows.length ? rows : base.rows,
    required_hours: data.required_hours ?? null,
    attendance: attendance ? { ...(base.attendance ?? {}), ...attendance } : base.attendance,
  }
}

// ---- the execution report ----

export function reportDraftData(form: ReportForm): ReportDraftData {
  return {
    actual_start_date: orNull(form.actual_start_date),
    actual_end_date: orNull(form.actual_end_date),
    venue: form.venue,
    summary: form.summary,
    // A typed ID number is never kept in a draft; the mask of one registered before is, so a save keeps it.
    lecturers: form.lecturers.map((l) => ({
      name: l.name,
      title: l.title,
      unit: l.unit,
      hours: l.hours ?? null,
      id_masked: l.id_masked ?? null,
    })),
  }
}

export function reportFormFromDraft(data: ReportDraftData, base: ReportForm): ReportForm {
  const lecturers = (data.lecturers ?? []).map((l) => ({
    name: l.name ?? '',
    title: l.title ?? '',
    unit: l.unit ?? '',
    hours: l.hours ?? null,
    id_number: '',
    id_masked: l.id_masked ?? null,
  }))
  return {
    actual_start_date: data.actual_start_date ?? base.actual_start_date,
    actual_end_date: data.actual_end_date ?? base.actual_end_date,
    venue: data.venue ?? '',
    summary: data.summary ?? '',
    lecturers: lecturers.length ? lecturers : base.lecturers,
  }
}

/** "已恢复 zhang 于 2026-12-10 09:30 保存的草稿…" (China time; the user's own drafts name nobody). */
export function restoredLabel(draft: Pick<SessionDraft, 'updated_by' | 'updated_at'>, me: string | null | undefined): string {
  const who = draft.updated_by && draft.updated_by !== me ? ` ${draft.updated_by} ` : ''
  const at = formatChinaTime(draft.updated_at, '')
  return `已恢复${who}${at ? `于 ${at} ` : ''}保存的草稿，尚未正式保存`
}
