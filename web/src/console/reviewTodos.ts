/**
 * What waits for each role in the review lists, so that a list opens on it: 项目审核 on the projects the caller
 * must act on, 举办审核 on the holding applications (待单位审核 / 待省继教办审核) or, one click away, the credit
 * work (the admin's 待单位遴选上报, the office's 待省继教办审核学分). The filters stay in the URL (reload keeps them).
 */
import type { ProjectStatus, ReportStatus, Role, SessionStatus } from '@/shared/types'

/** The 项目审核 status a role's list opens on: '' (全部) for the organizer, whose list is its own projects. */
export function projectWaitingStatus(role: Role | null | undefined): ProjectStatus | '' {
  if (role === 'office') return 'forwarded'
  if (role === 'admin') return 'declared'
  return ''
}

export interface SessionTodo {
  key: 'sessions' | 'credits'
  label: string
  status: SessionStatus | ''
  report_status: ReportStatus | ''
}

/** The two kinds of work waiting for a reviewer in 举办审核, the first being the list's default. */
export function sessionTodos(role: Role | null | undefined): SessionTodo[] {
  if (role === 'office') {
    return [
      { key: 'sessions', label: '待审核的举办申请', status: 'forwarded', report_status: '' },
      { key: 'credits', label: '待审核授予的学分', status: 'approved', report_status: 'submitted' },
    ]
  }
  if (role === 'admin') {
    return [
      { key: 'sessions', label: '待审核的举办申请', status: 'submitted', report_status: '' },
      { key: 'credits', label: '待遴选上报的学员名单', status: 'approved', report_status: 'reported' },
    ]
  }
  return []
}

/** Which kind of waiting work the filters show, if they show one exactly. */
export function todoOf(
  todos: SessionTodo[],
  filters: { status: SessionStatus | ''; report_status: ReportStatus | '' },
): SessionTodo['key'] | '' {
  const found = todos.find((t) => t.status === filters.status && t.report_status === filters.report_status)
  return found ? found.key : ''
}
