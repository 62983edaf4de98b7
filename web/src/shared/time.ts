/**
 * Time helpers. The API sends UTC ISO 8601 instants; people in the system
 * read China time (Asia/Shanghai, UTC+8, no daylight saving since 1991).
 */

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n)
}

/** The instant shifted to China wall-clock time, read with the getUTC* methods. */
function chinaWallClock(instant: Date): Date {
  return new Date(instant.getTime() + CHINA_OFFSET_MS)
}

/**
 * Formats an ISO 8601 instant as China time `YYYY-MM-DD HH:mm`.
 * Returns `fallback` (default "—") for null, empty or unparsable input.
 */
export function formatChinaTime(value: string | null | undefined, fallback = '—'): string {
  if (!value) return fallback
  const ms = Date.parse(value)
  if (Number.isNaN(ms)) return fallback
  const d = chinaWallClock(new Date(ms))
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
  )
}

/** Formats an ISO 8601 instant as China time `YYYY-MM-DD HH:mm:ss` (scans, live refresh). */
export function formatChinaTimeSeconds(value: string | null | undefined, fallback = '—'): string {
  const minutes = formatChinaTime(value, '')
  if (!minutes) return fallback
  const d = chinaWallClock(new Date(Date.parse(value as string)))
  return `${minutes}:${pad(d.getUTCSeconds())}`
}

/** Today's date in China as `YYYY-MM-DD` (the audit log's "day"). */
export function chinaToday(now: Date = new Date()): string {
  const d = chinaWallClock(now)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

/** A time range in China time: "2026-12-10 07:30 至 16:30" (the end's date only when it differs). */
export function windowRange(w: { opens: string; closes: string }): string {
  const opens = formatChinaTime(w.opens)
  const closes = formatChinaTime(w.closes)
  return `${opens} 至 ${opens.slice(0, 10) === closes.slice(0, 10) ? closes.slice(11) : closes}`
}
