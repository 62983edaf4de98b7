import { describe, expect, it } from 'vitest'
import { actorText, changedKeys, prettyJson, targetLabel, targetText } from './audit'

describe('audit labels', () => {
  // Action names are the server's (action_label): tests/unit/test_workflow_tables.py checks them.
  it('translates known target types and keeps unknown ones', () => {
    expect(targetLabel('session', 's1')).toBe('举办申请 s1')
    expect(targetLabel('project', 'p1')).toBe('项目 p1')
    expect(targetLabel('account', 'admin-demo')).toBe('账号 admin-demo')
    expect(targetLabel('widget', 'w1')).toBe('widget w1')
  })

  it('shows the title and the name kept with the event, else the codes', () => {
    expect(targetText('session', 'ses-1', '外科护理新进展 · 第2期')).toBe('举办申请：外科护理新进展 · 第2期')
    expect(targetText('session', 'ses-1', null)).toBe('举办申请 ses-1')
    expect(targetText('person', '3201**********4515', ' ')).toBe('学员 3201**********4515')
    expect(actorText('admin-demo', '王科教')).toBe('王科教（admin-demo）')
    expect(actorText('admin-demo', 'admin-demo')).toBe('admin-demo')
    expect(actorText('anonymous', undefined)).toBe('anonymous')
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
