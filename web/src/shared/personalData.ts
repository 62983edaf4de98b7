import { request } from './api'
import type { Correctable, Correction, JobStarted, PersonalDataExport } from './types'

/** 申请编号 / 更正依据: required, at most 60 characters (the server's limit). */
export const REFERENCE_MAX_LENGTH = 60
/** 单位: at most 60 characters, as on the sign-in page. */
export const UNIT_MAX_LENGTH = 60

export function referenceError(raw: string): string {
  const v = raw.trim()
  if (!v) return '请输入申请编号'
  if (v.length > REFERENCE_MAX_LENGTH) return `申请编号不超过${REFERENCE_MAX_LENGTH}个字`
  return ''
}

export function unitError(raw: string): string {
  const v = raw.trim()
  if (!v) return '请输入单位'
  if (v.length > UNIT_MAX_LENGTH) return `单位不超过${UNIT_MAX_LENGTH}个字`
  return ''
}

/**
 * What a correction sends: only the fields that changed (a new name reissues the certificate, a unit alone changes
 * the attendance records), the reference, and the version the form read (another's correction meanwhile is a 409).
 */
export function correctionBody(current: Correctable, name: string, unit: string, reference: string): Correction | null {
  const body: Correction = { reference: reference.trim(), version: current.version }
  if (name.trim() && name.trim() !== current.name) body.name = name.trim()
  if (current.unit !== null && unit.trim() && unit.trim() !== current.unit) body.unit = unit.trim()
  return body.name || body.unit ? body : null
}

/** 个人信息 (office): a copy of one person's data, and corrections on a certificate. */
export const personalDataApi = {
  /** 202: a job; poll GET /jobs/{id}. The ID number is sent once and kept by the server only masked and hashed. */
  exportData: (body: PersonalDataExport, idempotencyKey?: string) =>
    request<JobStarted>('/personal-data/export', { method: 'POST', body, idempotencyKey }),
  certificate: (certificateNo: string) =>
    request<Correctable>(`/personal-data/certificates/${encodeURIComponent(certificateNo.trim())}`),
  correct: (certificateNo: string, body: Correction) =>
    request<Correctable>(`/personal-data/certificates/${encodeURIComponent(certificateNo)}/correct`, {
      method: 'POST',
      body,
    }),
}
