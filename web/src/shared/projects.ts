/**
 * Project (项目) labels, form checks, list filters and file helpers shared by
 * the console pages and the public 项目查询. No UI library here.
 */
import { chinaToday } from './time'
import { PROJECT_BUTTONS, PROJECT_STATES } from './workflow'
import type {
  Discipline,
  ProjectAction,
  ProjectLevel,
  ProjectListQuery,
  ProjectNature,
  ProjectStatus,
  PublicProjectQuery,
} from './types'

/** 单位 as the pages show it (projects and their sessions): the organisation, then "/科室" when there is one. */
export function unitLabel(holder: { org_name: string; department: string | null }): string {
  return holder.department ? `${holder.org_name}/${holder.department}` : holder.org_name
}

export const LEVEL_LABELS: Record<ProjectLevel, string> = {
  national: '国家级',
  provincial: '省级',
}

export const NATURE_LABELS: Record<ProjectNature, string> = {
  declared: '申报项目',
  filed: '备案项目',
}

/** Status names as the server gives them in `status_label` (used for the filter options). */
export const STATUS_LABELS: Record<ProjectStatus, string> = PROJECT_STATES

/** Button text of each action, in the order the buttons are shown. */
export const ACTION_LABELS: Record<ProjectAction, string> = PROJECT_BUTTONS

const ACTION_ORDER = Object.keys(ACTION_LABELS) as ProjectAction[]

/** The known actions of a project in button order (unknown ones are dropped). */
export function orderedActions(actions: readonly string[] | null | undefined): ProjectAction[] {
  const given = new Set(actions ?? [])
  return ACTION_ORDER.filter((a) => given.has(a))
}

export function levelLabel(level: string | null | undefined): string {
  return (level && LEVEL_LABELS[level as ProjectLevel]) || level || '—'
}

export function statusLabel(status: string | null | undefined): string {
  return (status && STATUS_LABELS[status as ProjectStatus]) || status || '—'
}

// ---- years ----

/** The current year in China. */
export function chinaYear(now: Date = new Date()): number {
  return Number(chinaToday(now).slice(0, 4))
}

/** Years offered in the year selects: next year first, then back `back` years. */
export function yearOptions(now: Date = new Date(), back = 6): number[] {
  const current = chinaYear(now)
  const years: number[] = []
  for (let y = current + 1; y >= current - back; y--) years.push(y)
  return years
}

// ---- form checks (the server is authoritative) ----

export const NATIONAL_NUMBER_PATTERN = /^\d{4}-\d{2}-\d{2}-\d{3}$/
export const NATIONAL_NUMBER_HINT = '格式：年份-二级学科代码-三级学科代码-序号，例如 2026-14-02-049'
export const MAX_CREDITS = 25
export const PLAN_MIN_LENGTH = 10
export const PLAN_MAX_LENGTH = 2000
export const REASON_MIN_LENGTH = 2
export const REASON_MAX_LENGTH = 500

/** Start of a national number for the chosen year and discipline ("2026-14-02-"). */
export function nationalNumberPrefix(year: number | '' | null | undefined, disciplineCode: string | null | undefined): string {
  if (!year || !disciplineCode || !/^\d{2}-\d{2}$/.test(disciplineCode)) return ''
  return `${year}-${disciplineCode}-`
}

/** A national project number must read year-discipline-sequence and agree with the chosen year and discipline. */
export function validateNationalNumber(
  number: string,
  year: number | '' | null | undefined,
  disciplineCode: string | null | undefined,
): string | null {
  const n = number.trim()
  if (!n) return '请输入国家级项目编号'
  if (!NATIONAL_NUMBER_PATTERN.test(n)) return '项目编号格式应为 YYYY-NN-NN-NNN，例如 2026-14-02-049'
  if (year && !n.startsWith(`${year}-`)) return '项目编号的年份与项目年份不一致'
  if (disciplineCode && n.slice(5, 10) !== disciplineCode) return '项目编号中的学科代码与所选学科不一致'
  return null
}

export function validateCredits(value: number | null | undefined): string | null {
  if (value === null || value === undefined || Number.isNaN(value)) return '请输入学分'
  if (value <= 0 || value > MAX_CREDITS) return `学分须大于 0 且不超过 ${MAX_CREDITS}`
  if (value * 2 !== Math.trunc(value * 2)) return '学分须为 0.5 的整数倍'
  return null
}

export function validatePlan(plan: string): string | null {
  const n = plan.trim().length
  if (!n) return '请填写项目计划'
  if (n < PLAN_MIN_LENGTH) return `项目计划至少 ${PLAN_MIN_LENGTH} 个字`
  if (n > PLAN_MAX_LENGTH) return `项目计划不能超过 ${PLAN_MAX_LENGTH} 个字`
  return null
}

export function validateReason(reason: string): string | null {
  const n = reason.trim().length
  if (!n) return '请填写理由'
  if (n < REASON_MIN_LENGTH) return `理由至少 ${REASON_MIN_LENGTH} 个字`
  if (n > REASON_MAX_LENGTH) return `理由不能超过 ${REASON_MAX_LENGTH} 个字`
  return null
}

// ---- disciplines ----

// A type alias (not an interface) so it fits UI libraries' Record-based option types.
export type CascaderOption = {
  value: string
  label: string
  disabled?: boolean
  children?: CascaderOption[]
}

export const RETIRED_SUFFIX = '（已停用）'

/** "14 护理学", "14-02 外科护理学": the code beside the name, as the national number contains it. */
export function disciplineLabel(d: Pick<Discipline, 'code' | 'name'>): string {
  return `${d.code} ${d.name}`
}

/**
 * The discipline tree as cascader options (二级 → 三级), each labelled with its code.
 * For a new choice (the default) retired entries are not offered, except `keep`
 * — the code a project already has — which stays as a disabled option marked
 * （已停用） so that the project still shows it. Only 三级 codes can be chosen
 * (the server accepts no other), so a group without a usable entry is dropped,
 * unless it is `keep` itself (shown, disabled). `retired: 'marked'` (list
 * filters, which pick a group too: checkStrictly) offers retired entries,
 * marked, and keeps every group, empty ones included.
 */
export function disciplineOptions(
  items: readonly Discipline[],
  opts: { keep?: string | null; retired?: 'hidden' | 'marked' } = {},
): CascaderOption[] {
  const marked = opts.retired === 'marked'
  const keep = opts.keep ?? ''
  const option = (d: Discipline, kept: boolean): CascaderOption => {
    const o: CascaderOption = { value: d.code, label: d.retired ? disciplineLabel(d) + RETIRED_SUFFIX : disciplineLabel(d) }
    if (d.retired && kept && !marked) o.disabled = true
    return o
  }
  const options: CascaderOption[] = []
  for (const group of items) {
    const inGroup = keep === group.code || keep.startsWith(`${group.code}-`)
    if (group.retired && !marked && !inGroup) continue
    const children = (group.children ?? [])
      .filter((c) => marked || !c.retired || c.code === keep)
      .map((c) => option(c, c.code === keep))
    const leaf = !children.length
    if (!marked && leaf && keep !== group.code) continue
    const o = option(group, inGroup)
    if (!marked && leaf) o.disabled = true
    if (children.length) o.children = children
    options.push(o)
  }
  return options
}

// ---- list filters ----

/** Filters of a project list as the form holds them ('' means 全部). */
export interface ProjectFilters {
  year: number | ''
  level: ProjectLevel | ''
  name: string
  leader: string
  status: ProjectStatus | ''
  org_id: string
  organisation: string
  discipline: string
}

export function emptyFilters(overrides: Partial<ProjectFilters> = {}): ProjectFilters {
  return {
    year: '',
    level: '',
    name: '',
    leader: '',
    status: '',
    org_id: '',
    organisation: '',
    discipline: '',
    ...overrides,
  }
}

function text(value: string | null | undefined): string | undefined {
  const t = (value ?? '').trim()
  return t || undefined
}

/** Query of GET /projects (and /projects/export): trimmed, 全部 and empty values left out. */
export function projectQuery(f: ProjectFilters): ProjectListQuery {
  const q: ProjectListQuery = {}
  if (f.year) q.year = f.year
  if (f.level) q.level = f.level
  if (text(f.name)) q.name = text(f.name)
  if (text(f.leader)) q.leader = text(f.leader)
  if (f.status) q.status = f.status
  if (text(f.org_id)) q.org_id = text(f.org_id)
  return q
}

/** Query of GET /public/projects. */
export function publicProjectQuery(f: ProjectFilters): PublicProjectQuery {
  const q: PublicProjectQuery = {}
  if (f.year) q.year = f.year
  if (f.level) q.level = f.level
  if (text(f.name)) q.name = text(f.name)
  if (text(f.leader)) q.leader = text(f.leader)
  if (text(f.organisation)) q.organisation = text(f.organisation)
  if (text(f.discipline)) q.discipline = text(f.discipline)
  return q
}

/** Route query value for "全部" where the page's default is a specific value. */
export const ALL = 'all'

const LEVELS: readonly string[] = ['national', 'provincial']
const STATUSES: readonly string[] = Object.keys(STATUS_LABELS)
const FILTER_KEYS = ['year', 'level', 'name', 'leader', 'status', 'org_id', 'organisation', 'discipline'] as const

function first(value: unknown): string | undefined {
  const v = Array.isArray(value) ? value[0] : value
  return typeof v === 'string' ? v : undefined
}

/**
 * Filters from the page URL; keys not in the URL keep the page's defaults, and
 * `all` stands for 全部 where the default is a specific value. Bad values are ignored.
 */
export function filtersFromRoute(query: Record<string, unknown>, defaults: ProjectFilters): ProjectFilters {
  const f = { ...defaults }
  const year = first(query.year)
  if (year === ALL) f.year = ''
  else if (year && /^\d{4}$/.test(year)) f.year = Number(year)
  const level = first(query.level)
  if (level === ALL) f.level = ''
  else if (level && LEVELS.includes(level)) f.level = level as ProjectLevel
  const status = first(query.status)
  if (status === ALL) f.status = ''
  else if (status && STATUSES.includes(status)) f.status = status as ProjectStatus
  for (const key of ['name', 'leader', 'org_id', 'organisation', 'discipline'] as const) {
    const v = first(query[key])
    if (v !== undefined) f[key] = v
  }
  return f
}

/** URL query for the filters: only what differs from the defaults (the inverse of filtersFromRoute). */
export function filtersToRoute(f: ProjectFilters, defaults: ProjectFilters): Record<string, string> {
  const q: Record<string, string> = {}
  for (const key of FILTER_KEYS) {
    const raw = f[key] ?? '' // a cleared select or cascader may hold null
    const value = typeof raw === 'string' ? raw.trim() : raw
    if (value === defaults[key]) continue
    if (value === '') {
      q[key] = ALL
      continue
    }
    q[key] = String(value)
  }
  return q
}

// ---- files ----

/** Largest import file: the request must stay within the API's payload limit once base64-encoded. */
export const MAX_IMPORT_BYTES = 4 * 1024 * 1024

/** Why an import file cannot be sent, or null when it can. */
export function checkImportFile(file: { name: string; size: number }): string | null {
  if (!/\.xlsx$/i.test(file.name)) return '请选择 .xlsx 格式的 Excel 文件'
  if (file.size <= 0) return '文件是空的'
  if (file.size > MAX_IMPORT_BYTES) return '文件不能超过 4 MB'
  return null
}

/** Standard base64 of some bytes (chunked so large files do not overflow the call stack). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  const chunk = 0x8000
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk))
  }
  return btoa(binary)
}

/** A file's content as base64, without a data: URL prefix. */
export async function readFileAsBase64(file: Blob): Promise<string> {
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()))
}

/** Follows a short-lived download link in a new tab (the file downloads; this page stays). */
export function openDownload(link: { url: string; filename: string }): void {
  const a = document.createElement('a')
  a.href = link.url
  a.download = link.filename
  a.target = '_blank'
  a.rel = 'noopener'
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
}

/** Opens a link that shows a file (a PDF or an image) in a new tab, where the browser's viewer prints it too. */
export function openView(url: string): void {
  const a = document.createElement('a')
  a.href = url
  a.target = '_blank'
  a.rel = 'noopener'
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
}

/** 1-based 序号 of a row on a cursor page. */
export function rowNumber(page: number, pageSize: number, index: number): number {
  return (page - 1) * pageSize + index + 1
}
