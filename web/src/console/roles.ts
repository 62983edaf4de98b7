/**
 * Roles, their Chinese labels, the left menu each role sees and the access
 * rule used by the router guard. One table so menu and guard cannot drift.
 */
import type { OrgType, Role, User } from '@/shared/types'

export const ROLE_LABELS: Record<Role, string> = {
  office: '管理用户',
  admin: '行政用户',
  organizer: '立项用户',
}

export const ORG_TYPE_LABELS: Record<OrgType, string> = {
  office: '省继教办',
  hospital: '医院',
  society: '学会',
  other: '其他',
}

export function roleLabel(role: string | null | undefined): string {
  return (role && ROLE_LABELS[role as Role]) || role || '—'
}

export function orgTypeLabel(type: string | null | undefined): string {
  return (type && ORG_TYPE_LABELS[type as OrgType]) || type || '—'
}

export type MenuIcon =
  | 'home'
  | 'projects'
  | 'import'
  | 'sessions'
  | 'reports'
  | 'questionnaire'
  | 'rules'
  | 'person'
  | 'org'
  | 'accounts'
  | 'audit'
  | 'retention'
  | 'catalogue'

export interface MenuItem {
  path: string
  title: string
  icon: MenuIcon
  /** Roles that may open this page; all roles when absent. */
  roles?: Role[]
  /** Roles that see the entry in the menu when fewer than may open the page; `roles` when absent. */
  menuRoles?: Role[]
  /** Other paths highlighting this entry when no entry of the menu matches them itself. */
  covers?: string[]
}

/** Every console page reachable from the menu, in menu order. */
export const MENU_ITEMS: MenuItem[] = [
  { path: '/', title: '首页', icon: 'home' },
  { path: '/projects', title: '项目审核', icon: 'projects', roles: ['office', 'admin', 'organizer'], covers: ['/sessions'] },
  { path: '/projects/import', title: '项目导入', icon: 'import', roles: ['office'] },
  { path: '/sessions', title: '举办审核', icon: 'sessions', roles: ['office', 'admin'] },
  { path: '/reports', title: '统计报表', icon: 'reports', roles: ['office', 'admin'] },
  { path: '/questionnaires', title: '签退问卷', icon: 'questionnaire', roles: ['office'] },
  { path: '/credit-rules', title: '学分规则', icon: 'rules', menuRoles: ['office'] },
  { path: '/discipline-catalogue', title: '学科目录', icon: 'catalogue', roles: ['office'] },
  { path: '/person-credits', title: '个人学分查询', icon: 'person', roles: ['office'] },
  { path: '/personal-data', title: '个人信息', icon: 'person', roles: ['office'] },
  { path: '/organisations', title: '机构管理', icon: 'org', roles: ['office'] },
  { path: '/accounts', title: '账号管理', icon: 'accounts', roles: ['office', 'admin'] },
  { path: '/audit', title: '审计日志', icon: 'audit', roles: ['office'] },
  { path: '/retention', title: '数据保留', icon: 'retention', roles: ['office'] },
]

/** Menu title per role where it differs from the default. */
const ROLE_TITLES: Partial<Record<Role, Record<string, string>>> = {
  admin: { '/accounts': '本单位账号', '/reports': '本单位统计' },
  organizer: { '/projects': '项目举办申请' },
}

/** Who may get a session's QR codes (签到二维码): its organizer and the organizer's admin (the server checks which session). */
export const CODE_ROLES: Role[] = ['organizer', 'admin']

/** Pages outside the menu (route patterns) and who may open them; all roles when absent. */
export const PAGE_ROLES: Record<string, Role[] | undefined> = {
  '/projects/:projectId/sessions': ['organizer', 'admin', 'office'],
  '/sessions/:sessionId/attendance': ['organizer', 'admin', 'office'],
  '/sessions/:sessionId/report': ['organizer', 'admin', 'office'],
  '/sessions/:sessionId/certificates': ['organizer', 'admin', 'office'],
  '/notifications': undefined,
  '/sessions/:sessionId/statistics': ['organizer', 'admin', 'office'],
  '/sessions/new': ['organizer'],
  '/sessions/:sessionId': undefined,
  '/sessions/:sessionId/edit': ['organizer'],
  '/sessions/:sessionId/projector/:kind': CODE_ROLES,
  '/sessions/:sessionId/codes': CODE_ROLES,
}

/** Whether the certificates page offers 作废 and 重新签发 on a certificate: the office, on valid ones. */
export function mayRevokeCertificate(role: Role | null | undefined, status: string | null | undefined): boolean {
  return role === 'office' && status === 'valid'
}

/** The page of a session's QR codes (the lists' 二维码 action). */
export function codesPath(sessionId: string): string {
  return `/sessions/${encodeURIComponent(sessionId)}/codes`
}

/** Whether the session page offers the QR codes: approved sessions, to the roles that may get them. */
export function mayShowCodes(role: Role | null | undefined, status: string | null | undefined): boolean {
  return !!role && CODE_ROLES.includes(role) && status === 'approved'
}

/** Who may open a menu page or a page of PAGE_ROLES (by its route pattern). */
export function rolesFor(path: string): Role[] | undefined {
  const item = MENU_ITEMS.find((m) => m.path === path)
  return item ? item.roles : PAGE_ROLES[path]
}

function under(path: string, prefix: string): boolean {
  return prefix === '/' ? path === '/' : path === prefix || path.startsWith(`${prefix}/`)
}

/**
 * The menu entry a path belongs to: the longest entry path it equals or lies
 * under ("/projects/import" is its own entry, not "/projects"); failing that,
 * the entry that covers it (an organizer's /sessions/… pages belong to 项目举办申请).
 */
export function menuMatch(items: readonly MenuItem[], path: string): MenuItem | undefined {
  let best: MenuItem | undefined
  for (const m of items) {
    if (under(path, m.path) && (!best || m.path.length > best.path.length)) best = m
  }
  return best ?? items.find((m) => m.covers?.some((c) => under(path, c)))
}

export function menuFor(role: Role | null | undefined): MenuItem[] {
  if (!role) return []
  return MENU_ITEMS.filter((m) => {
    const shownTo = m.menuRoles ?? m.roles
    return !shownTo || shownTo.includes(role)
  }).map((m) => ({
    ...m,
    title: ROLE_TITLES[role]?.[m.path] ?? m.title,
  }))
}

export function canVisit(role: Role, allowed: readonly Role[] | undefined): boolean {
  return !allowed || allowed.length === 0 || allowed.includes(role)
}

/** Only same-site absolute paths are followed after login. */
export function safeRedirect(value: unknown): string {
  const v = Array.isArray(value) ? value[0] : value
  if (typeof v !== 'string' || !v.startsWith('/') || v.startsWith('//') || v.startsWith('/\\')) return '/'
  if (v === '/login' || v.startsWith('/login?')) return '/'
  return v
}

export interface GuardTarget {
  path: string
  fullPath: string
  name?: string | symbol | null
  query?: Record<string, unknown>
  /** public: the login page (signed-in users are sent on); open: anybody, signed in or not (项目查询, 学员证书查询, 证书验证). */
  meta: { public?: boolean; open?: boolean; roles?: readonly Role[] }
}

export type GuardResult = true | { path: string; query?: Record<string, string> }

/**
 * Where navigation to `to` should go for the signed-in `user` (null when
 * nobody is signed in): true to proceed, or a location to go to instead.
 */
export function guardDecision(to: GuardTarget, user: User | null): GuardResult {
  if (to.meta.open) return true
  if (to.meta.public) {
    if (user) return { path: safeRedirect(to.query?.redirect) }
    return true
  }
  if (!user) {
    return to.fullPath && to.fullPath !== '/' ? { path: '/login', query: { redirect: to.fullPath } } : { path: '/login' }
  }
  if (user.must_change_password && to.path !== '/password') {
    return to.fullPath && to.fullPath !== '/'
      ? { path: '/password', query: { redirect: to.fullPath } }
      : { path: '/password' }
  }
  if (!canVisit(user.role, to.meta.roles)) return { path: '/' }
  return true
}
