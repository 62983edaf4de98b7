"""The sign-out questionnaire: versioned templates the office edits; a session keeps the one in force at approval."""

from __future__ import annotations

from collections import Counter
from typing import Any

from chalicelib.errors import Conflict, Forbidden, ValidationFailed
from chalicelib.models import Attendance, QuestionnaireTemplate
from chalicelib.principal import Principal
from chalicelib.services.audit import audit_event, commit
from chalicelib.timeutil import to_iso, utc_now

TEMPLATE = "sign-out"

# Version 1, from the manual; in force until the office saves another.
DEFAULT: dict[str, Any] = {
    "version": "1",
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
                or not all(isinstance(item, str) for item in answer)
                or len(set(answer)) != wanted
                or not all(item in question["options"] for item in answer)
            ):
                raise ValidationFailed("ANSWER_INVALID", f"{question['text']}：请选择{wanted}项", field)
            clean[question["id"]] = sorted(set(answer), key=question["options"].index)
    unknown = set(answers) - {q["id"] for q in template["questions"]}
    if unknown:
        raise ValidationFailed("ANSWER_INVALID", "问卷中没有该题", f"answers.{sorted(unknown)[0]}")
    return clean


def template_of(record: QuestionnaireTemplate) -> dict[str, Any]:
    return {
        "version": str(int(record.version)),
        "questions": record.questions,
        "created_at": record.created_at,
        "created_by": record.created_by,
    }


class QuestionnaireService:
    """The office's questionnaire versions; the newest is in force."""

    def current(self) -> dict[str, Any]:
        for record in QuestionnaireTemplate.query(TEMPLATE, scan_index_forward=False, limit=1):
            return template_of(record)
        return {**DEFAULT, "created_at": None, "created_by": None}

    def history(self, principal: Principal) -> list[dict[str, Any]]:
        if not principal.is_office:
            raise Forbidden("只有省继教办可以管理问卷")
        saved = [template_of(record) for record in QuestionnaireTemplate.query(TEMPLATE, scan_index_forward=False)]
        return saved + [{**DEFAULT, "created_at": None, "created_by": None}]

    def create(self, principal: Principal, questions: list[dict[str, Any]]) -> dict[str, Any]:
        """Save a new version numbered after the current one; two offices saving at once get 409 for the second."""
        if not principal.is_office:
            raise Forbidden("只有省继教办可以管理问卷")
        current = int(self.current()["version"])
        numbered = [{**question, "id": f"q{index + 1}"} for index, question in enumerate(questions)]
        record = QuestionnaireTemplate(
            template=TEMPLATE,
            version=current + 1,
            questions=numbered,
            created_by=principal.username,
            created_at=to_iso(utc_now()),
        )
        commit(
            audit_event(
                principal,
                "questionnaire.create",
                "questionnaire",
                str(current + 1),
                None,
                {"questions": len(numbered)},
                title=f"第{current + 1}版",
            ),
            creates=((record, QuestionnaireTemplate.version.does_not_exist()),),
            conflict=Conflict("QUESTIONNAIRE_CHANGED", "问卷刚被他人修改，请刷新后重试"),
        )
        return template_of(record)


def statistics(template: dict[str, Any], attendees: list[Attendance]) -> dict[str, Any]:
    """Answers counted per option of each question, over the attendees who answered this template's version."""
    answered = [a.answers for a in attendees if a.answers and a.questionnaire_version == template["version"]]
    questions = []
    for question in template["questions"]:
        counts: Counter[str] = Counter()
        for answers in answered:
            value = answers.get(question["id"])
            counts.update(value if isinstance(value, list) else [value])
        questions.append(
            {
                **{key: question.get(key) for key in ("id", "text", "type", "choose")},
                "options": [{"option": option, "count": counts[option]} for option in question["options"]],
            }
        )
    return {"version": template["version"], "responses": len(answered), "questions": questions}
