import { describe, expect, it } from 'vitest'
import { sessionDefaults } from '@/shared/sessions'
import { projectWaitingStatus, sessionTodos, todoOf } from './reviewTodos'

describe('what waits for each role', () => {
  it('opens 项目审核 on what the role must act on', () => {
    expect(projectWaitingStatus('office')).toBe('forwarded')
    expect(projectWaitingStatus('admin')).toBe('declared')
    expect(projectWaitingStatus('organizer')).toBe('')
  })

  it('offers the holding applications (the default) and the credit work in 举办审核', () => {
    for (const role of ['office', 'admin'] as const) {
      const [sessions, credits] = sessionTodos(role)
      expect(sessions.status).toBe(sessionDefaults(role).status)
      expect(todoOf(sessionTodos(role), sessionDefaults(role))).toBe('sessions')
      expect(credits.status).toBe('approved')
    }
    expect(sessionTodos('admin')[1].report_status).toBe('reported')
    expect(sessionTodos('office')[1].report_status).toBe('submitted')
    expect(todoOf(sessionTodos('admin'), { status: '', report_status: '' })).toBe('')
    expect(sessionTodos('organizer')).toEqual([])
  })
})
