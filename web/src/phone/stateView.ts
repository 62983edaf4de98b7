import { KIND_LABELS, type AttendanceKind, type WindowState } from '@/shared/attendance'

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
