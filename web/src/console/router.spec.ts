import { describe, expect, it } from 'vitest'
import { router } from './router'

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
})
