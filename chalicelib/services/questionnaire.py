"""The sign-out questionnaire: a versioned template (the office's editor comes with the QR issue's next step)."""

from __future__ import annotations

from typing import Any

from chalicelib.errors import ValidationFailed

DEFAULT: dict[str, Any] = {
    "version": "2026-1",
    "questions": [
        {
            "id": "q1",
            "type": "single",
            "text": "认为本项目讲授主要内容是本学科最新发展、最新成果或亟待解决的问题",
            "options": ["是", "基本是", "否"],
        },
        {
            "id": "q2",
            "type": "single",
            "text": "对本项目基本内容以前了解情况为",
            "options": ["全知道", "部分知道", "不知道"],
        },
        {"id": "q3", "type": "single", "text": "通过本项目学习认为收获", "options": ["很大", "较大", "一般", "较小"]},
        {
            "id": "q4",
            "type": "single",
            "text": "认为本项目讲授内容的实用性",
            "options": ["很强", "较强", "一般", "较差"],
        },
        {"id": "q5", "type": "single", "text": "认为本项目授课教师的水平", "options": ["很高", "较高", "一般", "较低"]},
        {"id": "q6", "type": "single", "text": "对本项目的组织与安排", "options": ["满意", "一般", "不满意"]},
        {
            "id": "q7",
            "type": "multiple",
            "choose": 2,
            "text": "通过本项目学习，感到收获最大的是（选两项）",
            "options": ["开阔思路", "提高临床诊治能力", "提高理论水平", "提高科研工作能力", "提高操作能力"],
        },
    ],
}


def check_answers(template: dict[str, Any], answers: dict[str, Any]) -> dict[str, Any]:
    """Every question answered with its own options; a choose-N question with exactly N different ones."""
    clean: dict[str, Any] = {}
    for question in template["questions"]:
        field = f"answers.{question['id']}"
        answer = answers.get(question["id"])
        if question["type"] == "single":
            if answer not in question["options"]:
                raise ValidationFailed("ANSWER_INVALID", f"请回答：{question['text']}", field)
            clean[question["id"]] = answer
        else:
            wanted = question.get("choose", 1)
            if (
                not isinstance(answer, list)
                or len(set(answer)) != wanted
                or not all(item in question["options"] for item in answer)
            ):
                raise ValidationFailed("ANSWER_INVALID", f"{question['text']}：请选择{wanted}项", field)
            clean[question["id"]] = sorted(set(answer), key=question["options"].index)
    unknown = set(answers) - {q["id"] for q in template["questions"]}
    if unknown:
        raise ValidationFailed("ANSWER_INVALID", "问卷中没有该题", f"answers.{sorted(unknown)[0]}")
    return clean
