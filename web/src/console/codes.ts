/**
 * The QR codes of a session (签到二维码) in the console: state names, the
 * download formats, the server's SVG as an image source, the projector page's
 * path and what the refresh will do and when, in words. No UI library.
 */
import { refreshLabel } from '@/shared/attendanceSettings'
import { formatChinaTime } from '@/shared/time'
import type { AttendanceCode, AttendanceKind, CodeFileFormat, CodeState } from '@/shared/types'

export const CODE_STATE_LABELS: Record<CodeState, string> = {
  open: '开放中',
  not_yet: '尚未开始',
  closed: '已结束',
}

export function codeStateLabel(state: string | null | undefined): string {
  return (state && CODE_STATE_LABELS[state as CodeState]) || '—'
}

export function codeStateType(state: string | null | undefined): 'success' | 'info' | 'warning' {
  return state === 'open' ? 'success' : state === 'not_yet' ? 'warning' : 'info'
}

/** 注册签到二维码 / 离开二维码 as the manual names them. */
export const CODE_TITLES: Record<AttendanceKind, string> = { in: '签到二维码', out: '签退二维码' }

export const CODE_FILE_FORMATS: readonly { format: CodeFileFormat; label: string }[] = [
  { format: 'png', label: 'PNG' },
  { format: 'svg', label: 'SVG' },
  { format: 'pdf', label: 'A4海报PDF' },
]

const SVG_NS = 'http://www.w3.org/2000/svg'

/**
 * The server's SVG markup as a `data:` URL for an <img>: shown as a picture,
 * never as part of the page (nothing in it can run). An <img> only draws an
 * SVG with its namespace, so it is added when missing.
 */
export function svgDataUrl(svg: string | null | undefined): string {
  let text = (svg ?? '').trim()
  if (!/^(<\?xml[^>]*\?>\s*)?(<!DOCTYPE[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(svg:)?svg[\s>]/i.test(text)) return ''
  // Only the unprefixed <svg> can lack its namespace (<svg:svg> declares xmlns:svg).
  text = text.replace(/<svg(?=[\s>])([^>]*)>/i, (tag, attrs: string) =>
    /\sxmlns\s*=/.test(attrs) ? tag : `<svg xmlns="${SVG_NS}"${attrs}>`,
  )
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`
}

/** The projector page of a code (投屏显示). */
export function projectorPath(sessionId: string, kind: AttendanceKind): string {
  return `/sessions/${encodeURIComponent(sessionId)}/projector/${kind}`
}

export function isCodeKind(value: unknown): value is AttendanceKind {
  return value === 'in' || value === 'out'
}

/** "0:09", "4:59", "1:02:03" (seconds to the next refresh). */
export function formatCountdown(seconds: number | null | undefined): string {
  if (seconds == null || !Number.isFinite(seconds) || seconds < 0) return '—'
  const s = Math.floor(seconds)
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const sec = String(s % 60).padStart(2, '0')
  return h ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`
}

/**
 * Why a code cannot be scanned now, or '' while it is open:
 * "签到将于 2026-12-10 07:30 开始" / "签到已于 2026-12-10 16:30 结束".
 */
export function closedReason(code: Pick<AttendanceCode, 'label' | 'state' | 'window'>): string {
  if (code.state === 'not_yet') return `${code.label}将于 ${formatChinaTime(code.window.opens)} 开始`
  if (code.state === 'closed') return `${code.label}已于 ${formatChinaTime(code.window.closes)} 结束`
  return ''
}

/** A wait in words: "不到1分钟", "3分钟", "2小时", "1小时5分钟" (minutes rounded up). */
export function waitInWords(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 60) return '不到1分钟'
  const minutes = Math.ceil(seconds / 60)
  if (minutes < 60) return `${minutes}分钟`
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  return m ? `${h}小时${m}分钟` : `${h}小时`
}

/**
 * A code's window in China time: "签到时段 2026-12-10 08:00–08:30（北京时间）" (the end's date only when it differs).
 */
export function windowSentence(code: { label: string; window: { opens: string; closes: string } }): string {
  const opens = formatChinaTime(code.window.opens)
  const closes = formatChinaTime(code.window.closes)
  const end = opens.slice(0, 10) === closes.slice(0, 10) ? closes.slice(11) : closes
  return `${code.label}时段 ${opens}–${end}（北京时间）`
}

/**
 * What happens to a code next, and when, in words, counting to the code's refresh (`valid_until`), not to its
 * window's close: "二维码每5分钟更新，下次更新约在3分钟后"; "签到已结束" (nothing more will happen);
 * "签到尚未开始，将于 2026-12-10 08:00 开放"; when the window closes before the next refresh, that close.
 */
export function refreshSentence(
  code: Pick<AttendanceCode, 'label' | 'state'> & { window: { opens: string; closes: string } },
  codes: { refresh_seconds: number; valid_until: string },
  now: number,
): string {
  if (code.state === 'closed') return `${code.label}已结束`
  if (code.state === 'not_yet') return `${code.label}尚未开始，将于 ${formatChinaTime(code.window.opens)} 开放`
  const every = `二维码每${refreshLabel(codes.refresh_seconds)}更新`
  const refreshAt = Date.parse(codes.valid_until)
  const closesAt = Date.parse(code.window.closes)
  if (closesAt <= refreshAt) return `${every}，本时段约在${waitInWords((closesAt - now) / 1000)}后结束`
  return `${every}，下次更新约在${waitInWords((refreshAt - now) / 1000)}后`
}
