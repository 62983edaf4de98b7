import { describe, expect, it } from 'vitest'
import {
  closedReason,
  codeStateLabel,
  formatCountdown,
  isCodeKind,
  projectorPath,
  refreshSentence,
  svgDataUrl,
  waitInWords,
  windowSentence,
} from './codes'

const decode = (url: string) => decodeURIComponent(url.replace('data:image/svg+xml;charset=utf-8,', ''))

describe('svgDataUrl', () => {
  it('makes the server’s SVG an image source, escaped', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 29 29"><path d="M4 4h7v7H4z"/></svg>'
    const url = svgDataUrl(svg)
    expect(url.startsWith('data:image/svg+xml;charset=utf-8,%3Csvg%20')).toBe(true)
    expect(url).not.toMatch(/[<>"# ]/)
    expect(decode(url)).toBe(svg)
  })

  it('adds the namespace an <img> needs when it is missing', () => {
    expect(decode(svgDataUrl('<svg viewBox="0 0 1 1"><rect/></svg>'))).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect/></svg>',
    )
    expect(decode(svgDataUrl('<svg><rect/></svg>'))).toBe('<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>')
  })

  it('accepts an XML declaration, a doctype, comments and the svg: prefix', () => {
    const declared = "<?xml version='1.0' encoding='UTF-8'?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>"
    expect(decode(svgDataUrl(declared))).toBe(declared)
    expect(svgDataUrl('<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x"><!-- qr --><svg></svg>')).not.toBe('')
    const prefixed = '<svg:svg xmlns:svg="http://www.w3.org/2000/svg" width="29mm"><svg:rect/></svg:svg>'
    expect(decode(svgDataUrl(prefixed))).toBe(prefixed)
  })

  it('gives nothing for what is not SVG markup', () => {
    expect(svgDataUrl('')).toBe('')
    expect(svgDataUrl(null)).toBe('')
    expect(svgDataUrl('<img src=x onerror=alert(1)><svg></svg>')).toBe('')
    expect(svgDataUrl('<svgx></svgx>')).toBe('')
  })
})

describe('labels', () => {
  it('names the states and the projector page', () => {
    expect(codeStateLabel('open')).toBe('开放中')
    expect(codeStateLabel('not_yet')).toBe('尚未开始')
    expect(codeStateLabel('closed')).toBe('已结束')
    expect(codeStateLabel('odd')).toBe('—')
    expect(projectorPath('ses 1', 'out')).toBe('/sessions/ses%201/projector/out')
    expect(isCodeKind('in')).toBe(true)
    expect(isCodeKind('inn')).toBe(false)
  })

  it('counts down in minutes and seconds, hours when needed', () => {
    expect(formatCountdown(0)).toBe('0:00')
    expect(formatCountdown(9)).toBe('0:09')
    expect(formatCountdown(299)).toBe('4:59')
    expect(formatCountdown(3723)).toBe('1:02:03')
    expect(formatCountdown(86401)).toBe('24:00:01')
    expect(formatCountdown(null)).toBe('—')
    expect(formatCountdown(-1)).toBe('—')
  })

  it('says why a code cannot be scanned, with the time in China time', () => {
    const window = { kind: 'in' as const, day: null, opens: '2026-12-09T23:30:00Z', closes: '2026-12-10T08:30:00Z' }
    expect(closedReason({ label: '签到', state: 'not_yet', window })).toBe('签到将于 2026-12-10 07:30 开始')
    expect(closedReason({ label: '签退', state: 'closed', window })).toBe('签退已于 2026-12-10 16:30 结束')
    expect(closedReason({ label: '签到', state: 'open', window })).toBe('')
  })
})

describe('the refresh in words', () => {
  // 2026-12-10 08:00 to 08:30 China time; refreshed every 5 minutes, the current code until 08:10.
  const window = { opens: '2026-12-10T00:00:00Z', closes: '2026-12-10T00:30:00Z' }
  const codes = { refresh_seconds: 300, valid_until: '2026-12-10T00:10:00Z' }
  const at = (hhmmss: string) => Date.parse(`2026-12-10T${hhmmss}Z`)

  it('says the wait in words', () => {
    expect(waitInWords(0)).toBe('不到1分钟')
    expect(waitInWords(59)).toBe('不到1分钟')
    expect(waitInWords(61)).toBe('2分钟')
    expect(waitInWords(180)).toBe('3分钟')
    expect(waitInWords(3600)).toBe('1小时')
    expect(waitInWords(3900)).toBe('1小时5分钟')
  })

  it('names the window in China time', () => {
    expect(windowSentence({ label: '签到', window })).toBe('签到时段 2026-12-10 08:00–08:30（北京时间）')
    const overnight = { opens: '2026-12-10T14:00:00Z', closes: '2026-12-11T02:00:00Z' }
    expect(windowSentence({ label: '签退', window: overnight })).toBe('签退时段 2026-12-10 22:00–2026-12-11 10:00（北京时间）')
  })

  it('counts to the refresh, not to the close, and says nothing more once closed', () => {
    const open = { label: '签到', state: 'open' as const, window }
    expect(refreshSentence(open, codes, at('00:07:00'))).toBe('二维码每5分钟更新，下次更新约在3分钟后')
    expect(refreshSentence(open, codes, at('00:09:30'))).toBe('二维码每5分钟更新，下次更新约在不到1分钟后')
    const late = { refresh_seconds: 300, valid_until: '2026-12-10T00:30:00Z' }
    expect(refreshSentence(open, late, at('00:27:00'))).toBe('二维码每5分钟更新，本时段约在3分钟后结束')
    expect(refreshSentence({ ...open, state: 'closed' }, codes, at('00:40:00'))).toBe('签到已结束')
    expect(refreshSentence({ ...open, state: 'not_yet' }, codes, at('23:00:00'))).toBe('签到尚未开始，将于 2026-12-10 08:00 开放')
  })
})
