import { describe, expect, it } from 'vitest'
import { nextTick, reactive } from 'vue'
import { mountForTest } from '@/shared/testing'
import TextField from './TextField.vue'

describe('TextField', () => {
  it('takes its label and length from the sign-in rules and clears its error when typed in', async () => {
    const state = reactive({ unit: '', error: '请填写单位' as string | undefined })
    const { root } = await mountForTest(TextField, {
      name: 'unit',
      required: true,
      placeholder: '工作单位全称',
      get modelValue() {
        return state.unit
      },
      'onUpdate:modelValue': (v: string) => (state.unit = v),
      get error() {
        return state.error
      },
      'onUpdate:error': (v: string | undefined) => (state.error = v),
    })
    const field = root.querySelector('[data-test=unit]')!
    expect(field.querySelector('.van-field__label')?.textContent).toBe('单位')
    expect(field.querySelector('.van-field__error-message')?.textContent).toBe('请填写单位')
    const input = root.querySelector<HTMLInputElement>('input#f-unit')!
    expect(input.name).toBe('unit')
    expect(input.placeholder).toBe('工作单位全称')

    input.value = '南京示范医院'
    input.dispatchEvent(new Event('input'))
    await nextTick()
    expect(state.unit).toBe('南京示范医院')
    expect(state.error).toBe('')
    await nextTick()
    expect(root.querySelector('.van-field__error-message')).toBeNull()

    input.value = '院'.repeat(70)
    input.dispatchEvent(new Event('input'))
    await nextTick()
    expect(state.unit).toBe('院'.repeat(60))
  })
})
