import { describe, expect, it, vi } from 'vitest'
import { mountForTest, settle } from '@/shared/testing'
import ReturnDialog from './ReturnDialog.vue'

/** The open dialog's title, field label and buttons, as shown. */
function shown(): { title: string; label: string; buttons: string[]; subject: string } {
  const dialog = document.querySelector<HTMLElement>('[data-test=reason-dialog]')!
  return {
    title: dialog.querySelector('.el-dialog__title')?.textContent?.trim() ?? '',
    label: dialog.querySelector('.el-form-item__label')?.textContent?.trim() ?? '',
    buttons: [...dialog.querySelectorAll('.el-dialog__footer button')].map((b) => b.textContent?.trim() ?? ''),
    subject: dialog.querySelector('.subject')?.textContent?.trim() ?? '',
  }
}

async function open(props: Record<string, unknown>) {
  await mountForTest(ReturnDialog, { modelValue: true, submit: vi.fn(), ...props })
  await settle()
}

describe('ReturnDialog', () => {
  it('is 退回修改 with a 退回理由 and 退回', async () => {
    await open({ subject: '举办申请：“围手术期护理进展”第2期' })
    expect(shown()).toEqual({
      title: '退回修改',
      label: '退回理由',
      buttons: ['取消', '退回'],
      subject: '举办申请：“围手术期护理进展”第2期',
    })
  })

  it('names a narrower return by its title', async () => {
    await open({ subject: '执行情况：“围手术期护理进展”第2期', title: '退回单位' })
    expect(shown()).toMatchObject({ title: '退回单位', label: '退回理由', buttons: ['取消', '退回'] })
  })

  it("is a project's 审核不通过 when rejecting", async () => {
    await open({ subject: '项目：围手术期护理进展', reject: true })
    expect(shown()).toMatchObject({ title: '审核不通过', label: '不通过理由', buttons: ['取消', '不通过'] })
  })
})
