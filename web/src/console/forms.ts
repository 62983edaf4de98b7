import type { FormItemRule } from 'element-plus'

type Check = (value: string) => string | null
type Trigger = 'blur' | 'change'

/**
 * Wraps one of the shared rule checks (returns a message or null) as an
 * Element Plus rule. `required` only marks the field with an asterisk; the
 * check itself decides what an empty value means.
 */
export function rule(check: Check, opts: { trigger?: Trigger | Trigger[]; required?: boolean } = {}): FormItemRule {
  return {
    trigger: opts.trigger ?? 'blur',
    required: opts.required ?? false,
    validator: (_rule, value, callback) => {
      const message = check(typeof value === 'string' ? value : String(value ?? ''))
      if (message) callback(new Error(message))
      else callback()
    },
  }
}

export function required(message: string, trigger: Trigger = 'blur'): FormItemRule {
  return { required: true, whitespace: true, message, trigger }
}

export function maxLength(max: number, label: string): FormItemRule {
  return { max, message: `${label}不能超过 ${max} 个字符`, trigger: 'blur' }
}
