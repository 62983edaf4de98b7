import { describe, expect, it } from 'vitest'
import { certificateSentence, chineseDate, verifyUrl } from './certificates'

const CERT = {
  kind: 'attendee' as const,
  name: '王*',
  id_number: '**************4515',
  start_date: '2026-12-01',
  end_date: '2026-12-03',
  level_label: '国家级',
  project_name: '急性胸痛规范化诊治',
  project_number: '2026-03-01-002(国)',
  credit_class: 'I类',
  credits: 2.5,
}

describe('certificate page view', () => {
  it('gives the verification link as the QR has it', () => {
    expect(verifyUrl('ABCD', 'https://cme.example.cn/')).toBe('https://cme.example.cn/verify/ABCD')
  })

  it('writes dates and the sentence as the PDF does', () => {
    expect(chineseDate('2026-03-04')).toBe('2026年3月4日')
    expect(chineseDate('bad')).toBe('bad')
    expect(certificateSentence(CERT)).toBe(
      '王*（身份证号：**************4515）于2026年12月1日至2026年12月3日参加国家级继续医学教育项目《急性胸痛规范化诊治》' +
        '（项目编号：2026-03-01-002(国)），经考核合格，特授予 I 类学分 2.5 分。',
    )
    expect(certificateSentence({ ...CERT, kind: 'lecturer', id_number: null, name: '张*' })).toBe(
      '张*于2026年12月1日至2026年12月3日在国家级继续医学教育项目《急性胸痛规范化诊治》（项目编号：2026-03-01-002(国)）' +
        '中担任授课教师，特授予 I 类学分 2.5 分。',
    )
  })
})
