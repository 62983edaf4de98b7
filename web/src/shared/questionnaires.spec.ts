import { describe, expect, it } from 'vitest'
import {
  applyServerError,
  checkDraft,
  draftFrom,
  emptyQuestion,
  firstErrorIndex,
  hasDraftErrors,
  moveQuestion,
  previewQuestions,
  questionSummary,
  questionnaireBody,
  questionnaireField,
} from './questionnaires'
import type { DraftQuestion } from './questionnaires'

function q(extra: Partial<DraftQuestion> = {}): DraftQuestion {
  return { ...emptyQuestion(), text: '通过本项目学习认为收获', options: ['很大', '较大', '一般'], ...extra }
}

const DEFAULT_LIKE = {
  questions: [
    { id: 'q1', text: '认为本项目讲授主要内容是本学科最新发展', type: 'single' as const, options: ['是', '基本是', '否'] },
    {
      id: 'q7',
      text: '通过本项目学习，感到收获最大的是（选两项）',
      type: 'multiple' as const,
      choose: 2,
      options: ['开阔思路', '提高临床诊治能力', '提高理论水平'],
    },
  ],
}

describe('draft', () => {
  it('starts from a copy of a version, or one empty question', () => {
    const draft = draftFrom(DEFAULT_LIKE)
    expect(draft.map((d) => [d.text, d.type, d.choose, d.options.length])).toEqual([
      ['认为本项目讲授主要内容是本学科最新发展', 'single', 1, 3],
      ['通过本项目学习，感到收获最大的是（选两项）', 'multiple', 2, 3],
    ])
    draft[0].options.push('不知道')
    expect(DEFAULT_LIKE.questions[0].options).toHaveLength(3)
    expect(new Set(draft.map((d) => d.key)).size).toBe(2)
    const empty = draftFrom(null)
    expect(empty).toHaveLength(1)
    expect(empty[0]).toMatchObject({ text: '', type: 'single', options: ['', ''] })
  })

  it('moves questions up and down, not past the ends', () => {
    expect(moveQuestion(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b'])
    expect(moveQuestion(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c'])
    expect(moveQuestion(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c'])
    expect(moveQuestion(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c'])
  })
})

describe('checkDraft', () => {
  it('accepts a valid questionnaire', () => {
    const e = checkDraft(draftFrom(DEFAULT_LIKE))
    expect(hasDraftErrors(e)).toBe(false)
    expect(firstErrorIndex(e)).toBe(-1)
  })

  it('needs 1 to 30 questions', () => {
    expect(checkDraft([]).form).toBe('至少需要1道题')
    expect(checkDraft(Array.from({ length: 31 }, () => q())).form).toBe('最多30道题')
    expect(checkDraft(Array.from({ length: 30 }, () => q())).form).toBe('')
  })

  it('needs a text of at most 200 characters (a rare character counts once)', () => {
    expect(checkDraft([q({ text: '  ' })]).questions[0].text).toBe('请填写题目')
    expect(checkDraft([q({ text: '𠮷'.repeat(200) })]).questions[0].text).toBeUndefined()
    expect(checkDraft([q({ text: '问'.repeat(201) })]).questions[0].text).toBe('题目不能超过200个字')
  })

  it('needs 2 to 10 options, each filled, unique and at most 50 characters', () => {
    expect(checkDraft([q({ options: ['是'] })]).questions[0].options).toBe('至少需要2个选项')
    expect(checkDraft([q({ options: Array.from({ length: 11 }, (_, i) => `选项${i}`) })]).questions[0].options).toBe(
      '最多10个选项',
    )
    expect(checkDraft([q({ options: Array.from({ length: 10 }, (_, i) => `选项${i}`) })]).questions[0].options).toBeUndefined()
    const e = checkDraft([q({ options: ['是', ' ', '是 ', '否'.repeat(51), '基本是'] })]).questions[0]
    expect(e.option).toEqual({ 1: '请填写选项', 2: '选项不能重复', 3: '选项不能超过50个字' })
    expect(hasDraftErrors(checkDraft([q({ options: ['是', '是'] })]))).toBe(true)
  })

  it('asks a multiple-choice question for 1 to options − 1 choices; single choice ignores it', () => {
    const three = ['A', 'B', 'C']
    expect(checkDraft([q({ type: 'multiple', choose: 2, options: three })]).questions[0].choose).toBeUndefined()
    expect(checkDraft([q({ type: 'multiple', choose: 3, options: three })]).questions[0].choose).toBe('应选项数应在1到2之间')
    expect(checkDraft([q({ type: 'multiple', choose: 0, options: three })]).questions[0].choose).toBe('应选项数应在1到2之间')
    expect(checkDraft([q({ type: 'multiple', choose: 1.5, options: three })]).questions[0].choose).toBeDefined()
    expect(checkDraft([q({ type: 'single', choose: 9, options: three })]).questions[0].choose).toBeUndefined()
  })

  it('points at the first question with an error', () => {
    const e = checkDraft([q(), q({ text: '' }), q({ options: ['x'] })])
    expect(firstErrorIndex(e)).toBe(1)
  })
})

describe('body and preview', () => {
  it('trims, and sends choose only for multiple choice', () => {
    const body = questionnaireBody([
      q({ text: ' 收获 ', options: [' 很大', '较大 '], choose: 5 }),
      q({ type: 'multiple', choose: 2, options: ['A', 'B', 'C'] }),
    ])
    expect(body).toEqual({
      questions: [
        { text: '收获', type: 'single', options: ['很大', '较大'] },
        { text: '通过本项目学习认为收获', type: 'multiple', choose: 2, options: ['A', 'B', 'C'] },
      ],
    })
    expect('choose' in body.questions[0]).toBe(false)
  })

  it('previews with the ids the server will give', () => {
    const preview = previewQuestions([q(), q({ type: 'multiple', choose: 2 })])
    expect(preview.map((p) => [p.id, p.type, p.choose])).toEqual([
      ['q1', 'single', null],
      ['q2', 'multiple', 2],
    ])
  })

  it('summarises a question for the history', () => {
    expect(questionSummary(DEFAULT_LIKE.questions[1])).toBe(
      '通过本项目学习，感到收获最大的是（选两项）（多选，选2项）：开阔思路 / 提高临床诊治能力 / 提高理论水平',
    )
  })
})

describe('server fields', () => {
  it('reads the question, part and option a field names', () => {
    expect(questionnaireField('questions')).toEqual({ kind: 'form' })
    expect(questionnaireField('questions.2.options')).toEqual({ kind: 'question', index: 2, part: 'options', option: null })
    expect(questionnaireField('questions.0.options.3')).toEqual({ kind: 'question', index: 0, part: 'options', option: 3 })
    expect(questionnaireField('questions.4')).toEqual({ kind: 'question', index: 4, part: null, option: null })
    expect(questionnaireField('questions.1.choose')).toEqual({ kind: 'question', index: 1, part: 'choose', option: null })
    expect(questionnaireField('questions.x')).toBeNull()
    expect(questionnaireField('version')).toBeNull()
    expect(questionnaireField(null)).toBeNull()
  })

  it('puts the message under the question it names', () => {
    const draft = [q(), q(), q()]
    const e = checkDraft(draft)
    expect(applyServerError(e, draft.length, 'questions.2.options', '选项不能重复')).toBe(2)
    expect(e.questions[2].options).toBe('选项不能重复')
    expect(applyServerError(e, draft.length, 'questions.1.options.0', '选项过长')).toBe(1)
    expect(e.questions[1].option).toEqual({ 0: '选项过长' })
    expect(applyServerError(e, draft.length, 'questions.0', '应选项数不对')).toBe(0)
    expect(e.questions[0].question).toBe('应选项数不对')
    expect(applyServerError(e, draft.length, 'questions', '题目太多')).toBe(-1)
    expect(e.form).toBe('题目太多')
    expect(applyServerError(e, draft.length, 'questions.3.text', '？')).toBeNull()
    expect(applyServerError(e, draft.length, 'other', '？')).toBeNull()
    expect(hasDraftErrors(e)).toBe(true)
    expect(firstErrorIndex(e)).toBe(0)
  })
})
