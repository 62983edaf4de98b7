import { KIND_LABELS } from '@/shared/attendance'
import type { AttendanceKind, WindowState } from '@/shared/types'

export interface StateView {
  icon: string
  color: string
  title: string
}

/** Icon and title of the whole-page message when a QR window is not open. */
export function stateView(kind: AttendanceKind, state: WindowState): StateView {
  const k = KIND_LABELS[kind]
  switch (state) {
    case 'not_yet':
      return { icon: 'clock-o', color: '#ff976a', title: `${k}尚未开始` }
    case 'closed':
      return { icon: 'underway-o', color: '#969799', title: `${k}已结束` }
    case 'invalid':
      return { icon: 'warning-o', color: '#ee0a24', title: '二维码无效' }
    default:
      return { icon: 'passed', color: '#07c160', title: `可以${k}` }
  }
}

/** A sign-in of a number another phone signed in first: no 签到成功, no time (issue #12). */
export const ELSEWHERE_VIEW: StateView & { message: string } = {
  icon: 'warning-o',
  color: '#ff976a',
  title: '已有签到记录',
  message: '本场已有该身份证号码的签到记录，以首次签到为准；如非本人签到，请联系现场工作人员',
}

/**
 * Icon, title and message of the result of a sign-in / sign-out: 签到成功 with
 * `message` when this call recorded it (`fresh`), else 已签到 (recorded before).
 */
export function resultView(kind: AttendanceKind, fresh: boolean, message: string): StateView & { message: string } {
  const k = KIND_LABELS[kind]
  return fresh
    ? { icon: 'checked', color: '#07c160', title: `${k}成功`, message }
    : { icon: 'passed', color: '#1989fa', title: `已${k}`, message: `您此前已经${k}，无需重复${k}。` }
}
