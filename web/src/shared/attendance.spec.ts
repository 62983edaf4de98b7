import { describe, expect, it } from 'vitest'
import {
  answerError,
  answerErrors,
  checkSignIn,
  chooseCount,
  confirmUnit,
  chooseHint,
  dateRange,
  emptyAnswers,
  emptySignIn,
  formatHours,
  formField,
  signInBody,
  stateMessage,
  windowLabel,
  type SignInFields,
} from './attendance'
import type { Question } from './types'

const TODAY = '2026-12-10'

function filled(over: Partial<SignInFields> = {}): SignInFields {
  return {
    ...emptySignIn(),
    id_number: '320102199003071239',
    name: '张喆',
    gender: 'male',
    age: '36',
    mobile: '13800138000',
    unit: '南京市第一医院',
    department: '心内科',
    region: '南京市',
    grassroots: 'no',
    title: '主治医师',
    ...over,
  }
}

describe('checkSignIn', () => {
  it('passes a complete form', () => {
    expect(checkSignIn(filled(), TODAY)).toEqual({})
  })

  it('lists every missing required field and leaves optional ones alone', () => {
    const errors = checkSignIn(emptySignIn(), TODAY)
    expect(Object.keys(errors).sort()).toEqual(
      ['age', 'department', 'gender', 'grassroots', 'id_number', 'mobile', 'name', 'region', 'title', 'unit'].sort(),
    )
  })

  it('flags gender and age that contradict the ID', () => {
    const errors = checkSignIn(filled({ gender: 'female', age: '30' }), TODAY)
    expect(errors.gender).toBe('性别与身份证号码不符')
    expect(errors.age).toBe('年龄与身份证号码不符')
  })

  it('checks the mobile rule and the ID check digit', () => {
    const errors = checkSignIn(filled({ mobile: '12800138000', id_number: '320102199003071238' }), TODAY)
    expect(errors.mobile).toBe('手机号码应为11位，以1开头')
    expect(errors.id_number).toBe('身份证号码校验位不正确，请核对')
  })

  it('checks lengths in characters and the age range of the server', () => {
    expect(checkSignIn(filled({ unit: '院'.repeat(60) }), TODAY)).toEqual({})
    expect(checkSignIn(filled({ unit: '院'.repeat(61) }), TODAY).unit).toBe('单位不能超过60个字')
    expect(checkSignIn(filled({ name: '𠮷'.repeat(30) }), TODAY)).toEqual({})
    // a valid ID of a 10-year-old: age agrees with the ID but is below the server's range
    expect(checkSignIn(filled({ id_number: '320102201601010014', gender: 'male', age: '10' }), TODAY).age).toBe(
      '年龄应在14到100岁之间',
    )
  })

  it('keeps rare characters and middle dots in names', () => {
    expect(checkSignIn(filled({ name: '𠮷䶮·阿依古丽' }), TODAY)).toEqual({})
    expect(signInBody(filled({ name: ' 𠮷䶮·阿依古丽 ' }), 't', 'c').name).toBe('𠮷䶮·阿依古丽')
  })
})

describe('signInBody', () => {
  it('sends typed values and leaves out empty optional fields', () => {
    const body = signInBody(filled({ id_number: '11010519491231002x', grassroots: 'yes' }), 'tok', 'cid')
    expect(body).toMatchObject({ t: 'tok', client_id: 'cid', id_number: '11010519491231002X', age: 36, grassroots: true })
    expect('position' in body).toBe(false)
    expect(signInBody(filled({ education: '本科' }), 't', 'c').education).toBe('本科')
  })
})

describe('formField', () => {
  it('maps known server fields only', () => {
    expect(formField('id_number')).toBe('id_number')
    expect(formField('t')).toBeNull()
    expect(formField(null)).toBeNull()
  })
})

const single: Question = { id: 'q1', text: '收获', type: 'single', options: ['很大', '较大', '一般'] }
const chooseTwo: Question = {
  id: 'q7',
  text: '通过本项目学习，感到收获最大的是',
  type: 'multiple',
  choose: 2,
  options: ['开阔思路', '提高临床诊治能力', '提高理论水平', '提高科研工作能力', '提高操作能力'],
}
const noCount: Question = { id: 'q8', text: '多选', type: 'multiple', options: ['甲', '乙'] }

describe('questionnaire rules', () => {
  it('single choice needs one of the options', () => {
    expect(answerError(single, '')).toBe('请选择一项')
    expect(answerError(single, '其他')).toBe('请选择一项')
    expect(answerError(single, '较大')).toBe('')
  })

  it('选两项 needs exactly two', () => {
    expect(chooseHint(chooseTwo)).toBe('（选两项）')
    expect(answerError(chooseTwo, [])).toBe('请选择两项（已选0项）')
    expect(answerError(chooseTwo, ['开阔思路'])).toBe('请选择两项（已选1项）')
    expect(answerError(chooseTwo, ['开阔思路', '提高理论水平'])).toBe('')
    expect(answerError(chooseTwo, ['开阔思路', '提高理论水平', '提高操作能力'])).toBe('请选择两项（已选3项）')
    expect(answerError(chooseTwo, ['开阔思路', '不存在'])).toBe('请选择两项（已选1项）')
  })

  it('multiple choice without a count asks for one, as the server does', () => {
    expect(chooseCount(noCount)).toBe(1)
    expect(chooseHint(noCount)).toBe('（选一项）')
    expect(answerError(noCount, [])).toBe('请选择一项（已选0项）')
    expect(answerError(noCount, ['甲', '乙'])).toBe('请选择一项（已选2项）')
    expect(answerError(noCount, ['乙'])).toBe('')
  })

  it('does not repeat a count the question text already states, and counts duplicates once', () => {
    expect(chooseHint({ ...chooseTwo, text: '通过本项目学习，感到收获最大的是（选两项）' })).toBe('')
    expect(answerError(chooseTwo, ['开阔思路', '开阔思路'])).toBe('请选择两项（已选1项）')
  })

  it('collects errors by question id', () => {
    const qs = [single, chooseTwo]
    const answers = emptyAnswers(qs)
    expect(answers).toEqual({ q1: '', q7: [] })
    expect(Object.keys(answerErrors(qs, answers))).toEqual(['q1', 'q7'])
    expect(answerErrors(qs, { q1: '很大', q7: ['开阔思路', '提高操作能力'] })).toEqual({})
  })
})

describe('labels', () => {
  it('shows the window in China time, the end date only when it differs', () => {
    expect(windowLabel('in', { opens: '2026-12-09T23:30:00Z', closes: '2026-12-10T08:30:00Z' })).toBe(
      '签到时间：2026-12-10 07:30 至 16:30',
    )
    expect(windowLabel('out', { opens: '2026-12-10T08:00:00Z', closes: '2026-12-10T17:00:00Z' })).toBe(
      '签退时间：2026-12-10 16:00 至 2026-12-11 01:00',
    )
    expect(windowLabel('in', null)).toBe('')
  })

  it('drops the window sentence from a state message, with defaults', () => {
    expect(stateMessage('in', { state: 'not_yet', message: '签到尚未开始。签到时间：2026-12-10 07:30 至 2026-12-10 16:30' })).toBe(
      '请在签到时间内扫描会场的二维码。',
    )
    expect(stateMessage('in', { state: 'not_yet', message: '会议推迟，签到时间：2026-12-11 07:30 至 16:30。请留意通知' })).toBe(
      '会议推迟，请留意通知',
    )
    expect(stateMessage('out', { state: 'closed', message: '' })).toBe('本期签退时间已过，如有疑问请联系主办单位。')
    expect(stateMessage('in', { state: 'invalid', message: '二维码无效或已过期，请扫描现场最新的二维码' })).toBe(
      '二维码无效或已过期，请扫描现场最新的二维码',
    )
  })

  it('date ranges and hours', () => {
    expect(dateRange('2026-12-10', '2026-12-10')).toBe('2026-12-10')
    expect(dateRange('2026-12-10', '2026-12-11')).toBe('2026-12-10 至 2026-12-11')
    expect(formatHours(6)).toBe('6')
    expect(formatHours(5.666)).toBe('5.67')
    expect(formatHours(null)).toBe('—')
  })
})

describe('confirmUnit', () => {
  const found = { unit: '南京***医院' }
  const saved = filled()

  it('shows the unit in full only when this phone saved the sign-in of the person found', () => {
    expect(confirmUnit(found, { mobile: '13800138000' }, saved)).toBe('南京市第一医院')
    expect(confirmUnit(found, { id_number: '320102199003071239' }, { ...saved, id_number: '320102 19900307123 9' })).toBe(
      '南京市第一医院',
    )
    expect(confirmUnit(found, { mobile: '13900000000' }, saved)).toBe('南京***医院')
    expect(confirmUnit(found, { id_number: '11010519491231002X' }, saved)).toBe('南京***医院')
    expect(confirmUnit(found, { mobile: '13800138000' }, null)).toBe('南京***医院')
    expect(confirmUnit(found, { mobile: '13800138000' }, { ...saved, unit: ' ' })).toBe('南京***医院')
  })
})
