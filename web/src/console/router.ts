import { ref } from 'vue'
import { createRouter, createWebHistory } from 'vue-router'
import type { RouteRecordRaw } from 'vue-router'
import { phoneRedirect } from '@/shared/device'
import { followDocumentTitle, loadSiteMeta, siteTexts } from '@/shared/meta'
import { currentUser, isSignedIn } from '@/shared/session'
import type { Role } from '@/shared/types'
import { guardDecision, menuFor, rolesFor } from './roles'
import ConsoleLayout from './layouts/ConsoleLayout.vue'
import LoginView from './views/LoginView.vue'
import HomeView from './views/HomeView.vue'

declare module 'vue-router' {
  interface RouteMeta {
    title?: string
    public?: boolean
    /** Anybody may open it, signed in or not. */
    open?: boolean
    roles?: Role[]
    /** The page stays when the login expires (it says so itself) instead of going to 登录. */
    keepOnSessionLoss?: boolean
  }
}

export const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: LoginView, meta: { public: true, title: '登录' } },
  {
    path: '/query/projects',
    name: 'project-query',
    component: () => import('./views/PublicProjectsView.vue'),
    meta: { open: true, title: '项目查询' },
  },
  {
    path: '/query/certificates',
    name: 'certificate-query',
    component: () => import('./views/CertificateQueryView.vue'),
    meta: { open: true, title: '学员证书查询' },
  },
  {
    // The QR on every certificate points here; opened on phones, so no console around it.
    path: '/verify/:code',
    name: 'certificate-verify',
    component: () => import('./views/CertificateVerifyView.vue'),
    meta: { open: true, title: '证书验证' },
  },
  {
    // Full screen for the venue's projector: no console header or menu around it.
    path: '/sessions/:sessionId/projector/:kind',
    name: 'session-projector',
    component: () => import('./views/ProjectorView.vue'),
    meta: { title: '投屏显示', roles: rolesFor('/sessions/:sessionId/projector/:kind'), keepOnSessionLoss: true },
  },
  {
    path: '/',
    component: ConsoleLayout,
    children: [
      { path: '', name: 'home', component: HomeView, meta: { title: '首页' } },
      {
        path: 'projects',
        name: 'projects',
        component: () => import('./views/ProjectsView.vue'),
        meta: { title: '项目审核', roles: rolesFor('/projects') },
      },
      {
        path: 'projects/import',
        name: 'project-import',
        component: () => import('./views/ProjectImportView.vue'),
        meta: { title: '项目导入', roles: rolesFor('/projects/import') },
      },
      {
        path: 'projects/:projectId/sessions',
        name: 'project-sessions',
        component: () => import('./views/ProjectSessionsView.vue'),
        meta: { title: '项目举办管理', roles: rolesFor('/projects/:projectId/sessions') },
      },
      {
        path: 'sessions',
        name: 'sessions',
        component: () => import('./views/SessionsView.vue'),
        meta: { title: '举办审核', roles: rolesFor('/sessions') },
      },
      {
        path: 'sessions/new',
        name: 'session-new',
        component: () => import('./views/SessionFormView.vue'),
        meta: { title: '申请举办', roles: rolesFor('/sessions/new') },
      },
      {
        path: 'sessions/:sessionId',
        name: 'session',
        component: () => import('./views/SessionDetailView.vue'),
        meta: { title: '举办申请', roles: rolesFor('/sessions/:sessionId') },
      },
      {
        path: 'sessions/:sessionId/edit',
        name: 'session-edit',
        component: () => import('./views/SessionFormView.vue'),
        meta: { title: '编辑举办申请', roles: rolesFor('/sessions/:sessionId/edit') },
      },
      {
        path: 'sessions/:sessionId/attendance',
        name: 'session-attendance',
        component: () => import('./views/AttendanceView.vue'),
        meta: { title: '签到情况', roles: rolesFor('/sessions/:sessionId/attendance') },
      },
      {
        path: 'sessions/:sessionId/codes',
        name: 'session-codes',
        component: () => import('./views/SessionCodesView.vue'),
        meta: { title: '二维码', roles: rolesFor('/sessions/:sessionId/codes') },
      },
      {
        path: 'sessions/:sessionId/report',
        name: 'session-report',
        component: () => import('./views/SessionReportView.vue'),
        meta: { title: '执行情况', roles: rolesFor('/sessions/:sessionId/report') },
      },
      {
        path: 'sessions/:sessionId/certificates',
        name: 'session-certificates',
        component: () => import('./views/SessionCertificatesView.vue'),
        meta: { title: '电子证书', roles: rolesFor('/sessions/:sessionId/certificates') },
      },
      {
        path: 'notifications',
        name: 'notifications',
        component: () => import('./views/NotificationsView.vue'),
        meta: { title: '通知中心', roles: rolesFor('/notifications') },
      },
      {
        path: 'credit-rules',
        name: 'credit-rules',
        component: () => import('./views/CreditRulesView.vue'),
        meta: { title: '学分规则', roles: rolesFor('/credit-rules') },
      },
      {
        path: 'discipline-catalogue',
        name: 'discipline-catalogue',
        component: () => import('./views/DisciplineCatalogueView.vue'),
        meta: { title: '学科目录', roles: rolesFor('/discipline-catalogue') },
      },
      {
        path: 'person-credits',
        name: 'person-credits',
        component: () => import('./views/PersonCreditsView.vue'),
        meta: { title: '个人学分查询', roles: rolesFor('/person-credits') },
      },
      {
        path: 'personal-data',
        name: 'personal-data',
        component: () => import('./views/PersonalDataView.vue'),
        meta: { title: '个人信息', roles: rolesFor('/personal-data') },
      },
      {
        path: 'sessions/:sessionId/statistics',
        name: 'session-statistics',
        component: () => import('./views/SessionStatisticsView.vue'),
        meta: { title: '举办统计', roles: rolesFor('/sessions/:sessionId/statistics') },
      },
      {
        path: 'reports',
        name: 'reports',
        component: () => import('./views/ReportsView.vue'),
        meta: { title: '统计报表', roles: rolesFor('/reports') },
      },
      {
        path: 'questionnaires',
        name: 'questionnaires',
        component: () => import('./views/QuestionnairesView.vue'),
        meta: { title: '签退问卷', roles: rolesFor('/questionnaires') },
      },
      {
        path: 'retention',
        name: 'retention',
        component: () => import('./views/RetentionView.vue'),
        meta: { title: '数据保留', roles: rolesFor('/retention') },
      },
      {
        path: 'organisations',
        name: 'organisations',
        component: () => import('./views/OrganisationsView.vue'),
        meta: { title: '机构管理', roles: rolesFor('/organisations') },
      },
      {
        path: 'accounts',
        name: 'accounts',
        component: () => import('./views/AccountsView.vue'),
        meta: { title: '账号管理', roles: rolesFor('/accounts') },
      },
      {
        path: 'audit',
        name: 'audit',
        component: () => import('./views/AuditView.vue'),
        meta: { title: '审计日志', roles: rolesFor('/audit') },
      },
      {
        path: 'password',
        name: 'password',
        component: () => import('./views/PasswordView.vue'),
        meta: { title: '修改密码' },
      },
      {
        path: ':pathMatch(.*)*',
        name: 'not-found',
        component: () => import('./views/NotFoundView.vue'),
        meta: { title: '页面不存在' },
      },
    ],
  },
]

export const router = createRouter({
  history: createWebHistory('/'),
  routes,
})

// The product name is the stage's configured console title (GET /api/meta), document.title follows it.
const pageTitle = ref<string | undefined>()
followDocumentTitle(pageTitle, siteTexts().consoleTitle)

// Phones get the public pages as phone pages (/m/), before the console's page loads (a verification counts once).
router.beforeEach((to) => {
  if (!to.meta.open) return true
  const storage = (() => {
    try {
      return window.sessionStorage
    } catch {
      return null
    }
  })()
  const device = { userAgent: navigator.userAgent, screenWidth: window.innerWidth }
  const target = phoneRedirect(to.path, to.query, device, storage)
  if (!target) return true
  window.location.replace(target)
  return false
})

router.beforeEach((to) => {
  const user = isSignedIn() ? currentUser.value : null
  const decision = guardDecision(
    { path: to.path, fullPath: to.fullPath, name: to.name, query: to.query, meta: to.meta },
    user,
  )
  return decision === true ? true : { ...decision, replace: true }
})

router.afterEach((to) => {
  // The menu title where the role has its own (项目举办申请 for an organizer), else the route's.
  const title = menuFor(currentUser.value?.role).find((m) => m.path === to.path)?.title ?? to.meta.title
  pageTitle.value = title
  void loadSiteMeta()
})
