import { describe, expect, it } from 'vitest'
import { actionLabel, changedKeys, prettyJson, targetLabel } from './audit'

describe('audit labels', () => {
  it('translates known actions and keeps unknown ones', () => {
    expect(actionLabel('organisation.create')).toBe('新增机构')
    expect(actionLabel('account.disable')).toBe('停用账号')
    expect(actionLabel('project.approve')).toBe('审核通过项目')
    expect(actionLabel('auth.login_failed')).toBe('登录失败')
    expect(actionLabel('widget.spin')).toBe('widget.spin')
    expect(targetLabel('project', 'p1')).toBe('项目 p1')
    expect(targetLabel('account', 'admin-demo')).toBe('账号 admin-demo')
    expect(targetLabel('widget', 'w1')).toBe('widget w1')
  })

  it('lists the changed keys of a snapshot pair', () => {
    expect(changedKeys({ a: 1, b: 'x', c: null }, { a: 1, b: 'y', d: true })).toEqual(['b', 'c', 'd'])
    expect(changedKeys(null, { name: '新医院' })).toEqual(['name'])
    expect(changedKeys(null, null)).toEqual([])
  })

  it('pretty-prints snapshots', () => {
    expect(prettyJson(null)).toBe('（无）')
    expect(prettyJson({ a: 1 })).toBe('{\n  "a": 1\n}')
  })
})
