import { describe, expect, it } from 'vitest'
import { router } from './router'
import { guardDecision } from './roles'
import type { GuardTarget } from './roles'
import type { User } from '@/shared/types'

describe('console routes', () => {
  it('opens the projector page on its own, without the console around it, for organizers and admins', () => {
    const to = router.resolve('/sessions/ses-1/projector/in')
    expect(to.name).toBe('session-projector')
    expect(to.params).toEqual({ sessionId: 'ses-1', kind: 'in' })
    expect(to.matched).toHaveLength(1)
    expect(to.meta.roles).toEqual(['organizer', 'admin'])
    expect(to.meta.keepOnSessionLoss).toBe(true)
  })

  it('keeps the session pages inside the console', () => {
    const detail = router.resolve('/sessions/ses-1')
    expect(detail.name).toBe('session')
    expect(detail.matched).toHaveLength(2)
    expect(detail.meta.keepOnSessionLoss).toBeUndefined()
    expect(router.resolve('/sessions/ses-1/edit').name).toBe('session-edit')
    expect(router.resolve('/sessions/ses-1/projector').name).toBe('not-found')
  })

  it('has the 执行情况, 通知中心 and 学分规则 pages inside the console', () => {
    const report = router.resolve('/sessions/ses-1/report')
    expect(report.name).toBe('session-report')
    expect(report.params).toEqual({ sessionId: 'ses-1' })
    expect(report.matched).toHaveLength(2)
    expect(report.meta.roles).toEqual(['organizer', 'admin', 'office'])
    const notifications = router.resolve('/notifications')
    expect(notifications.name).toBe('notifications')
    expect(notifications.meta.roles).toBeUndefined()
    const rules = router.resolve('/credit-rules')
    expect(rules.name).toBe('credit-rules')
    expect(rules.meta.roles).toBeUndefined()
  })

  it('has the reports pages inside the console, for the roles that may see them', () => {
    const reports = router.resolve('/reports?year=2026')
    expect(reports.name).toBe('reports')
    expect(reports.matched).toHaveLength(2)
    expect(reports.meta.roles).toEqual(['office', 'admin'])
    const statistics = router.resolve('/sessions/ses-1/statistics')
    expect(statistics.name).toBe('session-statistics')
    expect(statistics.params).toEqual({ sessionId: 'ses-1' })
    expect(statistics.meta.roles).toEqual(['organizer', 'admin', 'office'])
  })

  it('opens 学员证书查询 and 证书验证 to anybody, on their own, without the console around them', () => {
    const office: User = {
      username: 'office',
      display_name: '省继教办',
      role: 'office',
      org_id: 'o1',
      org_name: '省继教办',
      department: null,
      email: null,
      must_change_password: true,
    }
    for (const [path, name] of [
      ['/query/certificates', 'certificate-query'],
      ['/verify/7KQ2-M9XD-4HTA-PW3E', 'certificate-verify'],
    ]) {
      const to = router.resolve(path)
      expect(to.name).toBe(name)
      expect(to.matched).toHaveLength(1)
      const target: GuardTarget = { path: to.path, fullPath: to.fullPath, meta: to.meta }
      expect(guardDecision(target, null)).toBe(true)
      expect(guardDecision(target, office)).toBe(true)
    }
    expect(router.resolve('/verify/7KQ2-M9XD-4HTA-PW3E').params).toEqual({ code: '7KQ2-M9XD-4HTA-PW3E' })
    expect(router.resolve('/verify').name).toBe('not-found')
  })

  it('has the session 电子证书 page inside the console for every role that sees the session', () => {
    const to = router.resolve('/sessions/ses-1/certificates')
    expect(to.name).toBe('session-certificates')
    expect(to.params).toEqual({ sessionId: 'ses-1' })
    expect(to.matched).toHaveLength(2)
    expect(to.meta.roles).toEqual(['organizer', 'admin', 'office'])
    expect(to.meta.open).toBeUndefined()
  })
})
