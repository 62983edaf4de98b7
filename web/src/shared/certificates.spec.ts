import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from './api'
import {
  certificateStatusLabel,
  certificateStatusType,
  certificatesApi,
  checkCertificateQuery,
  creditsText,
  dateRange,
  idPartError,
  nameError,
  projectNumberError,
  revocationText,
  verificationCountText,
  verifyPath,
} from './certificates'
import { clearSession, saveLogin } from './session'

describe('query form', () => {
  it('accepts the full ID number when its check character is right, normalising x and spaces', () => {
    expect(idPartError('320102199003071239')).toBe('')
    expect(idPartError(' 1101 0519 4912 3100 2x ')).toBe('')
    expect(idPartError('320102199003071238')).toBe('身份证号码校验位不正确，请核对')
    expect(idPartError('32010219900307123A')).toBe('身份证号码应为18位，最后一位可以是数字或X')
  })

  it('refuses the last six characters and every other part: only the full number is accepted', () => {
    expect(idPartError('071239')).toBe('身份证号码应为18位，最后一位可以是数字或X')
    expect(idPartError('31002x')).toBe('身份证号码应为18位，最后一位可以是数字或X')
    expect(idPartError('32010219900307123')).toBe('身份证号码应为18位，最后一位可以是数字或X')
    expect(idPartError('  ')).toBe('请输入完整的18位身份证号码')
  })

  it('requires the project number and the name', () => {
    expect(projectNumberError(' ')).toBe('请输入项目编号')
    expect(projectNumberError('2026-03-01-001(国)')).toBe('')
    expect(projectNumberError('x'.repeat(41))).toBe('项目编号不超过40个字符')
    expect(nameError('')).toBe('请输入姓名')
    expect(nameError('张喆')).toBe('')
    expect(nameError('张'.repeat(31))).toBe('姓名不超过30个字')
  })

  it('sends trimmed values and the normalised ID part, or every field error', () => {
    expect(
      checkCertificateQuery({ project_number: ' 2026-03-01-001 ', name: ' 张喆 ', id_number: ' 1101 0519 4912 3100 2x ' }),
    ).toEqual({
      ok: true,
      body: { project_number: '2026-03-01-001', name: '张喆', id_number: '11010519491231002X' },
    })
    expect(checkCertificateQuery({ project_number: '', name: '张喆', id_number: '31002X' })).toEqual({
      ok: false,
      errors: { project_number: '请输入项目编号', name: '', id_number: '身份证号码应为18位，最后一位可以是数字或X' },
    })
  })
})

describe('status display', () => {
  const revoked = {
    status: 'revoked' as const,
    revoked_reason: '学员信息有误',
    revoked_at: '2026-12-20T02:00:00Z',
    replaced_by: 'JS2026-000124',
  }

  it('labels and colours valid and revoked certificates', () => {
    expect(certificateStatusLabel({ status: 'valid', status_label: '' })).toBe('有效')
    expect(certificateStatusLabel({ status: 'revoked', status_label: '' })).toBe('已作废')
    expect(certificateStatusLabel({ status: 'revoked', status_label: '已作废' })).toBe('已作废')
    expect(certificateStatusType('valid')).toBe('success')
    expect(certificateStatusType('revoked')).toBe('danger')
    expect(certificateStatusType('other')).toBe('info')
  })

  it('tells why and when a certificate was revoked, in China time, and what replaced it', () => {
    expect(revocationText(revoked)).toBe('作废原因：学员信息有误；作废时间：2026-12-20 10:00；已重新签发为 JS2026-000124')
    expect(revocationText({ ...revoked, replaced_by: null, revoked_at: null })).toBe('作废原因：学员信息有误')
    expect(revocationText({ ...revoked, status: 'valid' })).toBe('')
  })

  it('writes credits, dates, the verification count and the verification path', () => {
    expect(creditsText({ credit_class: 'I类', credits: 6 })).toBe('I类 6 学分')
    expect(creditsText({ credit_class: 'I类', credits: 0.5 })).toBe('I类 0.5 学分')
    expect(dateRange({ start_date: '2026-12-10', end_date: '2026-12-12' })).toBe('2026-12-10 至 2026-12-12')
    expect(dateRange({ start_date: '2026-12-10', end_date: '2026-12-10' })).toBe('2026-12-10')
    expect(verificationCountText(3)).toBe('本证书已被验证3次')
    expect(verifyPath('7KQ2-M9XD-4HTA-PW3E')).toBe('/verify/7KQ2-M9XD-4HTA-PW3E')
    expect(verifyPath('a/b')).toBe('/verify/a%2Fb')
  })
})

describe('certificatesApi', () => {
  afterEach(() => clearSession())

  function stubFetch(status = 200, body: unknown = { items: [] }) {
    const fetchMock = vi
      .fn<typeof fetch>()
      .mockImplementation(async () => new Response(JSON.stringify(body), { status }))
    vi.stubGlobal('fetch', fetchMock)
    return fetchMock
  }

  it('calls the contract paths; the public ones without the login', async () => {
    saveLogin({
      token: 'tok',
      expires_at: '2099-01-01T00:00:00Z',
      user: {
        username: 'office',
        display_name: '省继教办',
        role: 'office',
        org_id: 'o1',
        org_name: '省继教办',
        department: null,
        email: null,
        must_change_password: false,
      },
    })
    const fetchMock = stubFetch()
    await certificatesApi.query({ project_number: 'P1', name: '张喆', id_number: '11010519491231002X' })
    await certificatesApi.verify('7KQ2-M9XD')
    await certificatesApi.pdf('7KQ2-M9XD')
    await certificatesApi.forSession('s/1')
    await certificatesApi.sessionPdf('s1')
    await certificatesApi.revoke('JS2026-000123', '有误')
    await certificatesApi.reissue('JS2026-000123', '更正')
    const calls = fetchMock.mock.calls.map(([url, init]) => [
      init?.method,
      String(url),
      !!(init?.headers as Record<string, string>).Authorization,
      init?.body ?? null,
    ])
    expect(calls).toEqual([
      [
        'POST',
        '/api/public/certificates/query',
        false,
        '{"project_number":"P1","name":"张喆","id_number":"11010519491231002X"}',
      ],
      ['GET', '/api/public/certificates/7KQ2-M9XD', false, null],
      ['GET', '/api/public/certificates/7KQ2-M9XD/pdf', false, null],
      ['GET', '/api/sessions/s%2F1/certificates', true, null],
      ['POST', '/api/sessions/s1/certificates/pdf', true, null],
      ['POST', '/api/certificates/JS2026-000123/revoke', true, '{"reason":"有误"}'],
      ['POST', '/api/certificates/JS2026-000123/reissue', true, '{"reason":"更正"}'],
    ])
  })

  it.each([
    ['TOO_MANY_REQUESTS', '查询过于频繁，请60秒后再试'],
    ['QUERY_LOCKED', '该项目编号和姓名的查询失败次数过多，已暂停查询24小时。'],
  ])('passes on the server message of a refused query (429 %s) without ending the session', async (code, message) => {
    stubFetch(429, { error: { code, message, field: null } })
    const err = await certificatesApi
      .query({ project_number: 'P1', name: '张喆', id_number: '11010519491231002X' })
      .catch((e) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect(err).toMatchObject({ status: 429, code, message, sessionGone: false })
  })
})
