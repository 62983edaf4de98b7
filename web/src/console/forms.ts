import type { FormItemRule } from 'element-plus'

type Check = (value: string) => string | null

/** Wraps one of the shared rule checks (returns a message or null) as an Element Plus rule. */
export function rule(check: Check, trigger: 'blur' | 'change' | ('blur' | 'change')[] = 'blur'): FormItemRule {
  return {
    trigger,
    validator: (_rule, value, callback) => {
      const message = check(typeof value === 'string' ? value : String(value ?? ''))
      if (message) callback(new Error(message))
      else callback()
    },
  }
}

export function required(message: string, trigger: 'blur' | 'change' = 'blur'): FormItemRule {
  return { required: true, whitespace: true, message, trigger }
}

export function maxLength(max: number, label: string): FormItemRule {
  return { max, message: `${label}不能超过 ${max} 个字符`, trigger: 'blur' }
}
