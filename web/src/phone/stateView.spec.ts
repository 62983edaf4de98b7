import { describe, expect, it } from 'vitest'
import { ELSEWHERE_VIEW, resultView, stateView } from './stateView'

describe('stateView', () => {
  it('names a window that is not open', () => {
    expect(stateView('in', 'not_yet').title).toBe('签到尚未开始')
    expect(stateView('out', 'closed').title).toBe('签退已结束')
    expect(stateView('in', 'invalid')).toEqual({ icon: 'warning-o', color: '#ee0a24', title: '二维码无效' })
  })
})

describe('resultView', () => {
  it('says 成功 with the page message when this call recorded it, else that it was recorded before', () => {
    const fresh = resultView('in', true, '您的信息已登记。')
    expect(fresh).toEqual({ icon: 'checked', color: '#07c160', title: '签到成功', message: '您的信息已登记。' })
    const before = resultView('in', false, '您的信息已登记。')
    expect(before).toEqual({ icon: 'passed', color: '#1989fa', title: '已签到', message: '您此前已经签到，无需重复签到。' })
    expect(resultView('out', true, '感谢您的参与，祝您一路平安。').title).toBe('签退成功')
    expect(resultView('out', false, '感谢您的参与，祝您一路平安。').message).toBe('您此前已经签退，无需重复签退。')
  })
})

describe('ELSEWHERE_VIEW', () => {
  it('neither says 签到成功 nor 已签到 when another phone signed the number in first', () => {
    expect(ELSEWHERE_VIEW.title).not.toMatch(/成功|已签到/)
    expect(ELSEWHERE_VIEW.message).toBe('本场已有该身份证号码的签到记录，以首次签到为准；如非本人签到，请联系现场工作人员')
  })
})
