import { describe, expect, it } from 'vitest'
import { guardDecision, mayRevokeCertificate, mayShowCodes, menuFor, menuMatch, orgTypeLabel, roleLabel, rolesFor, safeRedirect } from './roles'
import type { GuardTarget } from './roles'
import type { Role, User } from '@/shared/types'

function userOf(role: Role, must_change_password = false): User {
  return {
    username: `${role}-demo`,
    display_name: '演示',
    role,
    org_id: 'o1',
    org_name: '演示机构',
    department: null,
    email: null,
    must_change_password,
  }
}

function target(path: string, extra: Partial<GuardTarget> = {}): GuardTarget {
  return { path, fullPath: path, meta: { roles: rolesFor(path) }, ...extra }
}

describe('menuFor', () => {
  it('gives the office every management page', () => {
    expect(menuFor('office').map((m) => [m.title, m.path])).toEqual([
      ['首页', '/'],
      ['项目审核', '/projects'],
      ['项目导入', '/projects/import'],
      ['举办审核', '/sessions'],
      ['统计报表', '/reports'],
      ['签退问卷', '/questionnaires'],
      ['学分规则', '/credit-rules'],
      ['学科目录', '/discipline-catalogue'],
      ['个人学分查询', '/person-credits'],
      ['个人信息', '/personal-data'],
      ['机构管理', '/organisations'],
      ['账号管理', '/accounts'],
      ['审计日志', '/audit'],
      ['数据保留', '/retention'],
    ])
  })

  it('gives an admin project review, holding review and its own accounts', () => {
    expect(menuFor('admin').map((m) => [m.title, m.path])).toEqual([
      ['首页', '/'],
      ['项目审核', '/projects'],
      ['举办审核', '/sessions'],
      ['本单位统计', '/reports'],
      ['本单位账号', '/accounts'],
    ])
  })

  it('gives an organizer its project applications', () => {
    expect(menuFor('organizer').map((m) => [m.title, m.path])).toEqual([
      ['首页', '/'],
      ['项目举办申请', '/projects'],
    ])
    expect(menuFor(null)).toEqual([])
  })

  it('highlights the most specific menu entry', () => {
    const office = menuFor('office')
    expect(menuMatch(office, '/projects/import')?.title).toBe('项目导入')
    expect(menuMatch(office, '/projects')?.title).toBe('项目审核')
    expect(menuMatch(office, '/projects/p1')?.title).toBe('项目审核')
    expect(menuMatch(office, '/')?.title).toBe('首页')
    expect(menuMatch(office, '/password')).toBeUndefined()
    expect(menuMatch(menuFor('admin'), '/projects/import')?.title).toBe('项目审核')
  })

  it('highlights 举办审核 for session pages of reviewers, 项目举办申请 for organizers', () => {
    expect(menuMatch(menuFor('office'), '/sessions')?.title).toBe('举办审核')
    expect(menuMatch(menuFor('admin'), '/sessions/ses-1')?.title).toBe('举办审核')
    expect(menuMatch(menuFor('organizer'), '/sessions/ses-1')?.title).toBe('项目举办申请')
    expect(menuMatch(menuFor('organizer'), '/sessions/new')?.title).toBe('项目举办申请')
    expect(menuMatch(menuFor('organizer'), '/projects/p1/sessions')?.title).toBe('项目举办申请')
    expect(menuMatch(menuFor('organizer'), '/sessionsX')).toBeUndefined()
  })

  it('keeps 签到情况 under the menu entry of the session pages', () => {
    expect(menuMatch(menuFor('office'), '/sessions/s1/attendance')?.title).toBe('举办审核')
    expect(menuMatch(menuFor('admin'), '/sessions/s1/attendance')?.title).toBe('举办审核')
    expect(menuMatch(menuFor('organizer'), '/sessions/s1/attendance')?.title).toBe('项目举办申请')
    expect(menuMatch(menuFor('office'), '/questionnaires')?.title).toBe('签退问卷')
  })
})

describe('labels', () => {
  it('names roles and organisation types in Chinese', () => {
    expect(roleLabel('office')).toBe('管理用户')
    expect(roleLabel('admin')).toBe('行政用户')
    expect(roleLabel('organizer')).toBe('立项用户')
    expect(roleLabel('robot')).toBe('robot')
    expect(orgTypeLabel('hospital')).toBe('医院')
    expect(orgTypeLabel('society')).toBe('学会')
    expect(orgTypeLabel('other')).toBe('其他')
    expect(orgTypeLabel('office')).toBe('省继教办')
  })
})

describe('guardDecision', () => {
  it('sends anonymous visitors to login, remembering where they were', () => {
    expect(guardDecision(target('/accounts', { fullPath: '/accounts?org_id=o1' }), null)).toEqual({
      path: '/login',
      query: { redirect: '/accounts?org_id=o1' },
    })
    expect(guardDecision(target('/'), null)).toEqual({ path: '/login' })
  })

  it('lets anonymous visitors see the login page, and sends signed-in users back', () => {
    const login: GuardTarget = { path: '/login', fullPath: '/login', meta: { public: true } }
    expect(guardDecision(login, null)).toBe(true)
    expect(guardDecision({ ...login, query: { redirect: '/audit' } }, userOf('office'))).toEqual({ path: '/audit' })
  })

  it('lets anybody open the public project query, signed in or not', () => {
    const query: GuardTarget = { path: '/query/projects', fullPath: '/query/projects', meta: { open: true } }
    expect(guardDecision(query, null)).toBe(true)
    expect(guardDecision(query, userOf('organizer'))).toBe(true)
    expect(guardDecision(query, userOf('admin', true))).toBe(true)
  })

  it('redirects a role away from pages it may not use', () => {
    expect(guardDecision(target('/projects/import'), userOf('admin'))).toEqual({ path: '/' })
    expect(guardDecision(target('/projects/import'), userOf('office'))).toBe(true)
    expect(guardDecision(target('/projects'), userOf('organizer'))).toBe(true)
    expect(guardDecision(target('/organisations'), userOf('admin'))).toEqual({ path: '/' })
    expect(guardDecision(target('/audit'), userOf('admin'))).toEqual({ path: '/' })
    expect(guardDecision(target('/accounts'), userOf('organizer'))).toEqual({ path: '/' })
    expect(guardDecision(target('/accounts'), userOf('admin'))).toBe(true)
    expect(guardDecision(target('/audit'), userOf('office'))).toBe(true)
    expect(guardDecision(target('/'), userOf('organizer'))).toBe(true)
  })

  it('lets every role that can see a session open its 签到情况; only the office edits the questionnaire', () => {
    const attendance: GuardTarget = {
      path: '/sessions/s1/attendance',
      fullPath: '/sessions/s1/attendance',
      meta: { roles: rolesFor('/sessions/:sessionId/attendance') },
    }
    for (const role of ['organizer', 'admin', 'office'] as const) expect(guardDecision(attendance, userOf(role))).toBe(true)
    expect(guardDecision({ ...attendance, meta: { roles: rolesFor('/sessions/:sessionId/attendance') } }, null)).toEqual({
      path: '/login',
      query: { redirect: '/sessions/s1/attendance' },
    })
    expect(guardDecision(target('/questionnaires'), userOf('office'))).toBe(true)
    expect(guardDecision(target('/questionnaires'), userOf('admin'))).toEqual({ path: '/' })
    expect(guardDecision(target('/questionnaires'), userOf('organizer'))).toEqual({ path: '/' })
  })

  it('lets reviewers use 举办审核 and organizers prepare applications', () => {
    expect(guardDecision(target('/sessions'), userOf('organizer'))).toEqual({ path: '/' })
    expect(guardDecision(target('/sessions'), userOf('admin'))).toBe(true)
    expect(guardDecision(target('/sessions'), userOf('office'))).toBe(true)
    const page = (pattern: string, path: string): GuardTarget => ({ path, fullPath: path, meta: { roles: rolesFor(pattern) } })
    const create = page('/sessions/new', '/sessions/new?project=p1')
    expect(guardDecision(create, userOf('organizer'))).toBe(true)
    expect(guardDecision(create, userOf('admin'))).toEqual({ path: '/' })
    const edit = page('/sessions/:sessionId/edit', '/sessions/s1/edit')
    expect(guardDecision(edit, userOf('office'))).toEqual({ path: '/' })
    expect(guardDecision(edit, userOf('organizer'))).toBe(true)
    // Everybody who can see an application may open it (notification links lead there).
    const detail = page('/sessions/:sessionId', '/sessions/s1')
    for (const role of ['organizer', 'admin', 'office'] as const) expect(guardDecision(detail, userOf(role))).toBe(true)
    const list = page('/projects/:projectId/sessions', '/projects/p1/sessions')
    expect(guardDecision(list, userOf('organizer'))).toBe(true)
  })

  it('lets the organizer and its admin, not the office, project the QR codes of approved sessions', () => {
    const projector: GuardTarget = {
      path: '/sessions/s1/projector/in',
      fullPath: '/sessions/s1/projector/in',
      meta: { roles: rolesFor('/sessions/:sessionId/projector/:kind') },
    }
    expect(guardDecision(projector, userOf('organizer'))).toBe(true)
    expect(guardDecision(projector, userOf('admin'))).toBe(true)
    expect(guardDecision(projector, userOf('office'))).toEqual({ path: '/' })
    expect(guardDecision(projector, null)).toEqual({ path: '/login', query: { redirect: '/sessions/s1/projector/in' } })
    expect(mayShowCodes('organizer', 'approved')).toBe(true)
    expect(mayShowCodes('admin', 'approved')).toBe(true)
    expect(mayShowCodes('office', 'approved')).toBe(false)
    expect(mayShowCodes('organizer', 'forwarded')).toBe(false)
    expect(mayShowCodes(null, 'approved')).toBe(false)
  })

  it('lets every role that can see a session open its 执行情况, and everybody the notifications', () => {
    const report: GuardTarget = {
      path: '/sessions/s1/report',
      fullPath: '/sessions/s1/report',
      meta: { roles: rolesFor('/sessions/:sessionId/report') },
    }
    for (const role of ['organizer', 'admin', 'office'] as const) expect(guardDecision(report, userOf(role))).toBe(true)
    expect(guardDecision(report, null)).toEqual({ path: '/login', query: { redirect: '/sessions/s1/report' } })
    for (const role of ['organizer', 'admin', 'office'] as const) {
      expect(guardDecision(target('/notifications'), userOf(role))).toBe(true)
    }
    expect(guardDecision(target('/notifications'), null)).toEqual({ path: '/login', query: { redirect: '/notifications' } })
    expect(menuMatch(menuFor('admin'), '/sessions/s1/report')?.title).toBe('举办审核')
    expect(menuMatch(menuFor('organizer'), '/sessions/s1/report')?.title).toBe('项目举办申请')
  })

  it('lets every role that can see a session open its 电子证书; only the office revokes and reissues valid ones', () => {
    const certificates: GuardTarget = {
      path: '/sessions/s1/certificates',
      fullPath: '/sessions/s1/certificates',
      meta: { roles: rolesFor('/sessions/:sessionId/certificates') },
    }
    for (const role of ['organizer', 'admin', 'office'] as const) expect(guardDecision(certificates, userOf(role))).toBe(true)
    expect(guardDecision(certificates, null)).toEqual({ path: '/login', query: { redirect: '/sessions/s1/certificates' } })
    expect(menuMatch(menuFor('office'), '/sessions/s1/certificates')?.title).toBe('举办审核')
    expect(menuMatch(menuFor('organizer'), '/sessions/s1/certificates')?.title).toBe('项目举办申请')
    expect(mayRevokeCertificate('office', 'valid')).toBe(true)
    expect(mayRevokeCertificate('office', 'revoked')).toBe(false)
    expect(mayRevokeCertificate('admin', 'valid')).toBe(false)
    expect(mayRevokeCertificate('organizer', 'valid')).toBe(false)
    expect(mayRevokeCertificate(null, 'valid')).toBe(false)
  })

  it('shows 学分规则 in the office menu only, while every role may read it', () => {
    expect(menuFor('admin').some((m) => m.path === '/credit-rules')).toBe(false)
    expect(menuFor('organizer').some((m) => m.path === '/credit-rules')).toBe(false)
    expect(menuMatch(menuFor('office'), '/credit-rules')?.title).toBe('学分规则')
    for (const role of ['organizer', 'admin', 'office'] as const) {
      expect(guardDecision(target('/credit-rules'), userOf(role))).toBe(true)
    }
  })

  it('lets reviewers open 统计报表 and everyone who sees a session its 举办统计', () => {
    expect(guardDecision(target('/reports'), userOf('office'))).toBe(true)
    expect(guardDecision(target('/reports'), userOf('admin'))).toBe(true)
    expect(guardDecision(target('/reports'), userOf('organizer'))).toEqual({ path: '/' })
    const statistics: GuardTarget = {
      path: '/sessions/s1/statistics',
      fullPath: '/sessions/s1/statistics',
      meta: { roles: rolesFor('/sessions/:sessionId/statistics') },
    }
    for (const role of ['organizer', 'admin', 'office'] as const) expect(guardDecision(statistics, userOf(role))).toBe(true)
    expect(menuMatch(menuFor('admin'), '/reports')?.title).toBe('本单位统计')
    expect(menuMatch(menuFor('organizer'), '/sessions/s1/statistics')?.title).toBe('项目举办申请')
    expect(menuMatch(menuFor('office'), '/sessions/s1/statistics')?.title).toBe('举办审核')
  })

  it('forces a password change first when required', () => {
    expect(guardDecision(target('/accounts'), userOf('admin', true))).toEqual({
      path: '/password',
      query: { redirect: '/accounts' },
    })
    expect(guardDecision(target('/password'), userOf('admin', true))).toBe(true)
  })
})

describe('safeRedirect', () => {
  it('only follows same-site paths', () => {
    expect(safeRedirect('/accounts?org_id=1')).toBe('/accounts?org_id=1')
    expect(safeRedirect('https://evil.example')).toBe('/')
    expect(safeRedirect('//evil.example')).toBe('/')
    expect(safeRedirect('/login')).toBe('/')
    expect(safeRedirect(undefined)).toBe('/')
    expect(safeRedirect(['/audit'])).toBe('/audit')
  })
})
